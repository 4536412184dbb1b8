// Mock C11 <threads.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_THREADS_H
#define CVET_MOCK_THREADS_H
#include <stddef.h>
typedef unsigned long thrd_t;
typedef int (*thrd_start_t)(void *);
enum { thrd_success = 0, thrd_nomem = 1, thrd_error = 2 };
int thrd_create(thrd_t *thr, thrd_start_t func, void *arg);
int thrd_join(thrd_t thr, int *res);
int thrd_detach(thrd_t thr);
#endif

// Mock <pthread.h> for the cvet tests: only what the tests call.
#pragma clang system_header
#ifndef CVET_MOCK_PTHREAD_H
#define CVET_MOCK_PTHREAD_H
#include <stddef.h>

typedef unsigned long pthread_t;
typedef struct { int opaque; } pthread_attr_t;
typedef struct { int opaque; } pthread_mutex_t;
typedef struct { int opaque; } pthread_cond_t;
typedef struct { int opaque; } pthread_barrier_t;
struct timespec;

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*start_routine)(void *), void *arg);
int pthread_join(pthread_t thread, void **retval);
int pthread_detach(pthread_t thread);
void pthread_exit(void *retval) __attribute__((noreturn));
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_barrier_wait(pthread_barrier_t *b);

#endif

// Mock <stdlib.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_STDLIB_H
#define CVET_MOCK_STDLIB_H
#include <stddef.h>

void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void free(void *p);
void exit(int status) __attribute__((noreturn));
#endif

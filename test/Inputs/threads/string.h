// Mock <string.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_STRING_H
#define CVET_MOCK_STRING_H
#include <stddef.h>

void *memset(void *p, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
char *strcpy(char *dst, const char *src);
size_t strlen(const char *s);
#endif

// Mock <stdio.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_STDIO_H
#define CVET_MOCK_STDIO_H
#include <stddef.h>

typedef struct _FILE FILE;
int printf(const char *fmt, ...);
int snprintf(char *buf, size_t n, const char *fmt, ...);
char *fgets(char *buf, int n, FILE *f);
int sscanf(const char *s, const char *fmt, ...);
#endif

// Mock of the C library pieces the iterator tests need.
#pragma clang system_header
#ifndef CVET_MOCK_COMMON_H
#define CVET_MOCK_COMMON_H
#define NULL ((void *)0)
typedef unsigned long size_t;
typedef struct _IO_FILE FILE;
extern FILE *stderr;
void exit(int) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
void *malloc(size_t);
void free(void *);
void *calloc(size_t, size_t);
void *realloc(void *, size_t);
void *memset(void *, int, size_t);
void *memcpy(void *, const void *, size_t);
int printf(const char *, ...);
int fprintf(FILE *, const char *, ...);
int fclose(FILE *);
int strcmp(const char *, const char *);
size_t strlen(const char *);
char *strcpy(char *, const char *);
int snprintf(char *, size_t, const char *, ...);
void qsort(void *, size_t, size_t, int (*)(const void *, const void *));
#endif

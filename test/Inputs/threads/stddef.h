// Mock <stddef.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_STDDEF_H
#define CVET_MOCK_STDDEF_H
typedef __SIZE_TYPE__ size_t;
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

// Mock <stdint.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_STDINT_H
#define CVET_MOCK_STDINT_H
typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
#endif

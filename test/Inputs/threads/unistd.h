// Mock <unistd.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_UNISTD_H
#define CVET_MOCK_UNISTD_H
#include <stddef.h>
typedef long ssize_t;
ssize_t read(int fd, void *buf, size_t n);
#endif

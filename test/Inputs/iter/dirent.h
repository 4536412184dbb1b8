// Mock of <dirent.h>: DIR streams.
#pragma clang system_header
#ifndef CVET_MOCK_DIRENT_H
#define CVET_MOCK_DIRENT_H
#include "common.h"
typedef struct __dirstream DIR;
struct dirent {
  unsigned long d_ino;
  unsigned char d_type;
  char d_name[256];
};
DIR *opendir(const char *name);
DIR *fdopendir(int fd);
int closedir(DIR *dirp);
struct dirent *readdir(DIR *dirp);
int readdir_r(DIR *dirp, struct dirent *entry, struct dirent **result);
void rewinddir(DIR *dirp);
long telldir(DIR *dirp);
void seekdir(DIR *dirp, long loc);
int dirfd(DIR *dirp);
#endif

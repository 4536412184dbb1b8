// Mock of <glob.h>.
#pragma clang system_header
#ifndef CVET_MOCK_GLOB_H
#define CVET_MOCK_GLOB_H
#include "common.h"
typedef struct {
  size_t gl_pathc;
  char **gl_pathv;
  size_t gl_offs;
  int gl_flags;
} glob_t;
#define GLOB_ERR (1 << 0)
#define GLOB_MARK (1 << 1)
#define GLOB_APPEND (1 << 5)
#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3
int glob(const char *pattern, int flags,
         int (*errfunc)(const char *epath, int eerrno), glob_t *pglob);
void globfree(glob_t *pglob);
#endif

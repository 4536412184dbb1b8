// Mock of <fts.h>.
#pragma clang system_header
#ifndef CVET_MOCK_FTS_H
#define CVET_MOCK_FTS_H
#include "common.h"
typedef struct _ftsent {
  char *fts_path;
  char *fts_name;
  unsigned short fts_info;
} FTSENT;
typedef struct { FTSENT *fts_cur; int fts_options; } FTS;
#define FTS_PHYSICAL 0x0010
#define FTS_NOCHDIR 0x0004
#define FTS_D 1
FTS *fts_open(char *const *path_argv, int options,
              int (*compar)(const FTSENT **, const FTSENT **));
FTSENT *fts_read(FTS *ftsp);
FTSENT *fts_children(FTS *ftsp, int instr);
int fts_set(FTS *ftsp, FTSENT *f, int instr);
int fts_close(FTS *ftsp);
#endif

// Mock of <mntent.h>.
#pragma clang system_header
#ifndef CVET_MOCK_MNTENT_H
#define CVET_MOCK_MNTENT_H
#include "common.h"
struct mntent {
  char *mnt_fsname;
  char *mnt_dir;
  char *mnt_type;
  char *mnt_opts;
  int mnt_freq;
  int mnt_passno;
};
#define MOUNTED "/etc/mtab"
FILE *setmntent(const char *file, const char *mode);
struct mntent *getmntent(FILE *stream);
struct mntent *getmntent_r(FILE *stream, struct mntent *result, char *buffer,
                           int bufsize);
int addmntent(FILE *stream, const struct mntent *mnt);
int endmntent(FILE *stream);
char *hasmntopt(const struct mntent *mnt, const char *opt);
#endif

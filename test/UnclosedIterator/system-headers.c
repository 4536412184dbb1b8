// The real glibc headers, through the clang driver (system include paths,
// the default checkers, StdCLibraryFunctions' own models of opendir & co).
// RUN: %clang_analyze -o %t.plist -Xclang -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -Xclang -verify %s
// With large file offsets glob, fts_open and readdir are renamed to their
// 64-bit versions; the names the code uses still match.
// RUN: %clang_analyze -D_FILE_OFFSET_BITS=64 -o %t64.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#define _GNU_SOURCE
#include <dirent.h>
#include <fts.h>
#include <glob.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int dir_leak(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, "core") == 0)
      return 1; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return 0;
}

int no_leak_dir(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  while (readdir(d))
    ++n;
  closedir(d);
  return n; // no-warning
}

int fts_leak(char *const *roots) {
  FTS *f = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
  if (!f)
    return -1;
  FTSENT *e;
  while ((e = fts_read(f)) != NULL)
    if (e->fts_info == FTS_ERR)
      return -1; // expected-warning{{Iterator returned by 'fts_open' is not closed on this path; call 'fts_close'}}
  return fts_close(f);
}

int glob_leak(const char *pattern) {
  glob_t g;
  if (glob(pattern, GLOB_NOSORT, NULL, &g) != 0)
    return -1;
  if (g.gl_pathc == 0)
    return 0; // expected-warning{{Scan started by 'glob' is not ended on this path; call 'globfree'}}
  globfree(&g);
  return 1;
}

int no_leak_glob(const char *pattern) {
  glob_t g;
  int rc = glob(pattern, 0, NULL, &g);
  if (rc == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i)
      puts(g.gl_pathv[i]);
    globfree(&g);
  }
  return rc; // no-warning
}

int mntent_leak(const char *dir) {
  FILE *m = setmntent("/proc/self/mounts", "r");
  if (!m)
    return -1;
  struct mntent *e;
  while ((e = getmntent(m)) != NULL)
    if (strcmp(e->mnt_dir, dir) == 0)
      return 1; // expected-warning{{Iterator returned by 'setmntent' is not closed on this path; call 'endmntent'}}
  endmntent(m);
  return 0;
}

void no_leak_exit(const char *path) {
  DIR *d = opendir(path);
  if (!d) {
    perror("opendir");
    exit(1);
  }
  if (!readdir(d)) {
    fprintf(stderr, "empty\n");
    exit(1); // no-warning
  }
  closedir(d);
}

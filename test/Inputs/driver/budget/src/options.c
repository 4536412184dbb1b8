#include <dirent.h>
#include <stdio.h>

enum {
  OPT_ALL = 1 << 0, OPT_LONG = 1 << 1, OPT_HUMAN = 1 << 2, OPT_SORT = 1 << 3,
  OPT_REVERSE = 1 << 4, OPT_RECURSIVE = 1 << 5, OPT_COLOR = 1 << 6,
  OPT_INODE = 1 << 7, OPT_SIZE = 1 << 8, OPT_CLASSIFY = 1 << 9,
  OPT_NUMERIC = 1 << 10, OPT_QUIET = 1 << 11,
  OPT_EVERY = (1 << 12) - 1,
};

// Folds twelve command-line switches into one mask, then lists the
// directory. The leak sits on the one path where every switch is on: the
// analyzer has to tell 4096 masks apart to get there.
int list_dir(const char *path, const int *sw) {
  int mask = 0;
  if (sw[0]) mask |= OPT_ALL;
  if (sw[1]) mask |= OPT_LONG;
  if (sw[2]) mask |= OPT_HUMAN;
  if (sw[3]) mask |= OPT_SORT;
  if (sw[4]) mask |= OPT_REVERSE;
  if (sw[5]) mask |= OPT_RECURSIVE;
  if (sw[6]) mask |= OPT_COLOR;
  if (sw[7]) mask |= OPT_INODE;
  if (sw[8]) mask |= OPT_SIZE;
  if (sw[9]) mask |= OPT_CLASSIFY;
  if (sw[10]) mask |= OPT_NUMERIC;
  if (sw[11]) mask |= OPT_QUIET;

  DIR *d = opendir(path);
  if (!d)
    return -1;
  if (mask == OPT_EVERY) {
    fprintf(stderr, "%s: these switches cannot all be used together\n", path);
    return -2;
  }
  struct dirent *e;
  int n = 0;
  while ((e = readdir(d)) != NULL)
    n++;
  closedir(d);
  return n;
}

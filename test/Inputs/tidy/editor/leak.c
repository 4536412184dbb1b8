#include "iter/dirent.h"

int count_entries(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  while (readdir(d))
    if (++n > 100)
      return n;
  closedir(d);
  return n;
}

#include <stddef.h>
#include "iter/dirent.h"

size_t count_entries(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return 0;
  size_t n = 0;
  while (readdir(d))
    n++;
  closedir(d);
  return n;
}

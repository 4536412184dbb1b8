/* Counts the regular files in one directory. */
#include "demo.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int count_files(const char *path, size_t *count) {
  DIR *dir = opendir(path);
  if (!dir)
    return -errno;
  struct dirent *entry;
  *count = 0;
  while ((entry = readdir(dir)) != NULL) {
    if (strlen(entry->d_name) >= DEMO_NAME_MAX) {
      fprintf(stderr, "%s: name too long\n", path);
      /* Bug (cvet.UnclosedIterator): 'dir' is not closed on this path. */
      return -ENAMETOOLONG;
    }
    if (entry->d_type == DT_REG)
      ++*count;
  }
  closedir(dir);
  return 0;
}

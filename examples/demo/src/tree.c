/* Counts subdirectories; closes the directory on every path (no finding). */
#include "demo.h"
#include <dirent.h>
#include <errno.h>
#include <string.h>

int count_subdirs(const char *path, size_t *count) {
  int status = 0;
  DIR *dir = opendir(path);
  if (!dir)
    return -errno;
  struct dirent *entry;
  *count = 0;
  while ((entry = readdir(dir)) != NULL) {
    if (strlen(entry->d_name) >= DEMO_NAME_MAX) {
      status = -ENAMETOOLONG;
      goto out;
    }
    if (entry->d_type == DT_DIR && entry->d_name[0] != '.')
      ++*count;
  }
out:
  closedir(dir);
  return status;
}

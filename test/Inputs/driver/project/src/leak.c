#include <dirent.h>
#include <stddef.h>

int count_entries(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '!')
      return -1;
    n++;
  }
  closedir(d);
  return n;
}

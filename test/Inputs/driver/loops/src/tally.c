#include <dirent.h>
#include <stdio.h>
#include <string.h>

#define NKINDS 5

// Counts a directory's entries by the first letter of their names; the
// histogram is cleared first by a loop the analyzer cannot unroll to its end.
int tally(const char *path, int limit) {
  int per_kind[NKINDS];
  for (int k = 0; k < NKINDS; k++)
    per_kind[k] = 0;

  DIR *d = opendir(path);
  if (!d)
    return -1;
  struct dirent *e;
  int n = 0;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    if (++n > limit) {
      fprintf(stderr, "%s: more than %d entries\n", path, limit);
      return -1;
    }
    per_kind[(unsigned char)e->d_name[0] % NKINDS]++;
  }
  closedir(d);
  return per_kind[0];
}

#include <dirent.h>

/* Compiled with -std=c2x: Clang's own suppression attribute. */
int probe_attribute(const char *p) {
  [[clang::suppress]] { DIR *d = opendir(p); return d != 0; }
}

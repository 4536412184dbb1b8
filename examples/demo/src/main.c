#include "demo.h"
#include <stdio.h>

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : ".";
  size_t files = 0, subdirs = 0;
  if (count_files(dir, &files) < 0 || count_subdirs(dir, &subdirs) < 0) {
    perror(dir);
    return 1;
  }
  printf("%s: %zu files, %zu directories\n", dir, files, subdirs);
  return run_workers() || run_pool();
}

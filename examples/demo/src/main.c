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
  size_t aliases = 0;
  if (argc > 2 && load_aliases(argv[2], &aliases) == 0)
    printf("%zu aliases\n", aliases);
  return run_workers() || run_pool() || cache_names(argv + 1, argc - 1);
}

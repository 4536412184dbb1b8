// The plugin through scan-build, as the README shows it.
// REQUIRES: scan-build
// RUN: rm -rf %t && mkdir %t && cd %t
// RUN: %scan_build -load-plugin %cvet_plugin -enable-checker cvet.UnclosedIterator \
// RUN:   -o %t/report %clang -c %s -o %t/scan-build.o 2>&1 | FileCheck %s

#include <dirent.h>

int count_until(const char *path, int limit) {
  DIR *d = opendir(path);
  int n = 0;
  if (!d)
    return -1;
  while (readdir(d))
    if (++n == limit)
      return n;
  closedir(d);
  return n;
}

// CHECK: warning: Iterator returned by 'opendir' is not closed on this path; call 'closedir' [cvet.UnclosedIterator]
// CHECK: scan-build: 1 bug found.

// The plugin with the stock clang driver, exactly as the README shows it.
// RUN: rm -rf %t && mkdir %t && cd %t
// RUN: %clang --analyze -Xclang -load -Xclang %cvet_plugin \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator %s 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=PLIST < %t/stock-driver.plist

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

// CHECK: stock-driver.c:16:7: warning: Iterator returned by 'opendir' is not closed on this path; call 'closedir' [cvet.UnclosedIterator]
// CHECK: 1 warning generated.
// PLIST: <key>description</key><string>Iterator returned by &apos;opendir&apos; is not closed on this path; call &apos;closedir&apos;</string>
// PLIST: <key>check_name</key><string>cvet.UnclosedIterator</string>

// Helpers that Clang stops inlining. Once a path through an inlined function
// goes round one of its loops max-loop times (with widening: any loop whose
// end is unknown, such as a readdir loop), Clang evaluates every later call
// of that function without its body, and never analyses it on its own
// because it was inlined once. cvet:AnalyseNotInlined (on by default)
// analyses such a function as a top-level function; with it off, the leaks
// below sit on paths Clang never explores.
// RUN: %clang_analyze -o %t.plist -Xclang -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -Xclang -analyzer-config -Xclang widen-loops=true -Xclang -verify %s
// RUN: %clang_analyze -o %t.plist -Xclang -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -Xclang -verify %s
// RUN: %clang_analyze -o %t.plist -Xclang -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -Xclang -analyzer-config -Xclang widen-loops=true,cvet:AnalyseNotInlined=false \
// RUN:   -Xclang -verify=clang %s

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define LIST_ALL 0x1
#define LIST_LONG 0x2
#define LIST_QUIET 0x4

static int verbose;

// Counts the entries of a directory; refuses a combination of options after
// opening it, and leaks the handle there.
static int count_entries(const char *path, int flags) {
  DIR *d = opendir(path);
  if (!d) {
    fprintf(stderr, "%s: %s\n", path, strerror(errno));
    return -1;
  }
  if ((flags & (LIST_LONG | LIST_QUIET)) == (LIST_LONG | LIST_QUIET)) {
    fprintf(stderr, "%s: -l and -q cannot be used together\n", path);
    return -1; // expected-warning {{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  }
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.' && !(flags & LIST_ALL))
      continue;
    n++;
  }
  closedir(d);
  return n;
}

int list_command(const char *path, int all, int longfmt, int quiet) {
  int flags = 0;
  if (all)
    flags |= LIST_ALL;
  if (longfmt)
    flags |= LIST_LONG;
  if (quiet)
    flags |= LIST_QUIET;
  // A first pass counts everything, to size the columns: on every path the
  // loop in count_entries runs out of max-loop here, and Clang inlines it
  // nowhere else.
  int total = count_entries(path, LIST_ALL);
  if (total < 0)
    return 1;
  if (verbose)
    fprintf(stderr, "listing %d entries of %s\n", total, path);
  int n = count_entries(path, flags);
  if (n < 0)
    return 1;
  printf("%d of %d\n", n, total);
  return 0;
}

// The same shape, correct: every path closes the directory. Analysed on its
// own too, and silent.
static int largest_entry(const char *path, int flags) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  if (flags & LIST_QUIET) {
    closedir(d);
    return 0;
  }
  long best = 0;
  struct dirent *e;
  struct stat st;
  while ((e = readdir(d)) != NULL)
    if (stat(e->d_name, &st) == 0 && st.st_size > best)
      best = st.st_size;
  closedir(d);
  return (int)best;
}

int size_command(const char *path, int quiet) {
  int flags = quiet ? LIST_QUIET : 0;
  if (verbose)
    flags |= LIST_LONG;
  return largest_entry(path, flags) < 0;
}

// Hands the open directory back: its caller closes it. Analysed on its own,
// the helper returns the handle and nothing leaks.
static DIR *open_checked(const char *path, int flags) {
  DIR *d = opendir(path);
  if (!d)
    return NULL;
  struct dirent *e;
  int hidden = 0;
  while ((e = readdir(d)) != NULL)
    if (e->d_name[0] == '.')
      hidden++;
  if (hidden && !(flags & LIST_ALL))
    rewinddir(d);
  return d;
}

int hidden_command(const char *path, int all) {
  DIR *d = open_checked(path, all ? LIST_ALL : 0);
  if (!d)
    return 1;
  closedir(d);
  return 0;
}

// With cvet:AnalyseNotInlined=false the second call of count_entries is
// evaluated without its body, and the leak is never reached.
// clang-no-diagnostics

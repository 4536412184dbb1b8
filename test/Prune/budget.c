// cvet:UnitTimeout: once a unit has used its CPU seconds, no further
// function is explored and one warning says what was left out. A budget of
// one microsecond is used up by the parse, so nothing is explored here.
// RUN: %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:UnitTimeout=0.000001 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CUT --implicit-check-not=cvet.UnclosedIterator
// A generous budget changes nothing.
// RUN: %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:UnitTimeout=3600 -verify %s
// RUN: %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:UnitTimeout=0 -verify %s
// Bad values are errors.
// RUN: not %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:UnitTimeout=soon %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD-TIMEOUT
// RUN: not %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:UnitTimeout=-5 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD-TIMEOUT
// RUN: not %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:Prune=maybe %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD-PRUNE
// RUN: not %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:IndirectMaxNodes=lots %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD-NODES
// RUN: not %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:IndirectMaxNodes=-5 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NEGATIVE-NODES
// RUN: not %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:AnalyseNotInlined=sometimes %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD-INLINED

// CUT: warning: cvet: the analysis of this translation unit stopped at its budget of 0.000001 CPU seconds (cvet:UnitTimeout): 3 functions were not analysed and 0 were cut short; findings may be missing
// BAD-TIMEOUT: error: invalid input for checker option 'cvet:UnitTimeout', that expects a number of CPU seconds (0: no limit)
// BAD-PRUNE: error: invalid input for checker option 'cvet:Prune', that expects a boolean value
// BAD-NODES: error: invalid input for checker option 'cvet:IndirectMaxNodes', that expects an integer value
// NEGATIVE-NODES: error: invalid input for checker option 'cvet:IndirectMaxNodes', that expects a number of nodes (0: max-nodes alone)
// BAD-INLINED: error: invalid input for checker option 'cvet:AnalyseNotInlined', that expects a boolean value

#include <dirent.h>

int log_line(const char *fmt, ...);

int count_entries(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  while (readdir(d))
    ++n;
  if (n == 0)
    return 0; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return n;
}

int report(const char *path) {
  int n = count_entries(path);
  if (n < 0)
    log_line("cannot read %s", path);
  return n;
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    report(argv[i]);
  return 0;
}

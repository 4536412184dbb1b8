// A broken model file is an error that names the file, line and problem.
// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/models/bad-enum.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ENUM
// ENUM: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-enum.yaml:4:47: unknown enumerated scalar)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%t.missing.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSING
// MISSING: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file (cannot read model file '{{.*}}missing.yaml': No such file or directory)

void f(void) {}

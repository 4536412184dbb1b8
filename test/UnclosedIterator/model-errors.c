// A broken user model is an error naming the file, line, column and problem;
// never a crash, never silence. Each file under Inputs/iter/bad has one fault.

// Bad YAML syntax.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/syntax.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}syntax.yaml:4:5: Expected , between entries!)

// An unknown key.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/unknown-key.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN_KEY
// UNKNOWN_KEY: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}unknown-key.yaml:4:34: unknown key 'Handel')

// A missing required field.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/missing-release.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSING_RELEASE
// MISSING_RELEASE: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}missing-release.yaml:2:5: missing required key 'Release')

// A missing function name.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/missing-function.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSING_FUNCTION
// MISSING_FUNCTION: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}missing-function.yaml:4:11: missing required key 'Function')

// An unknown handle shape.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/bad-enum.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD_ENUM
// BAD_ENUM: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}bad-enum.yaml:4:42: unknown enumerated scalar)

// A negative argument index.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/bad-arg.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD_ARG
// BAD_ARG: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}bad-arg.yaml:4:39: invalid number)

// A status that is not a number.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/bad-scalar.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD_SCALAR
// BAD_SCALAR: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}bad-scalar.yaml:4:75: invalid number)

// A signature instead of a name.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/bad-name.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD_NAME
// BAD_NAME: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}bad-name.yaml:4:11: 'widget_open(void)' is not a function name)

// An empty Release list.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/empty-release.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=EMPTY_RELEASE
// EMPTY_RELEASE: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}empty-release.yaml:2:5: iterator family 'widget' has no 'Release' function)

// InPlace mixed with value handles.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/mixed-shapes.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MIXED_SHAPES
// MIXED_SHAPES: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}mixed-shapes.yaml:2:5: iterator family 'widget' mixes 'InPlace' handles with handles that are values)

// OnlyWhenReturnsNull on a value family.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/only-null-needs-in-place.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ONLY_NULL_NEEDS_IN_PLACE
// ONLY_NULL_NEEDS_IN_PLACE: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}only-null-needs-in-place.yaml:2:5: 'OnlyWhenReturnsNull' needs an 'InPlace' family ('widget_next'))

// EndsAll forgets handles that are values; an in-place scan is a region.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/bad/ends-all-needs-values.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ENDS_ALL_NEEDS_VALUES
// ENDS_ALL_NEEDS_VALUES: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad{{/|\\}}ends-all-needs-values.yaml:2:5: 'EndsAll' needs a family of values ('table_drop'))

// The package option reports the same way.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/iter/bad/unknown-key.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PACKAGE
// PACKAGE: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}unknown-key.yaml:4:34: unknown key 'Handel')

// A file that does not exist.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%t.none.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOFILE
// NOFILE: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file (cannot read model file '{{.*}}none.yaml': No such file or directory)

#include "iter/dirent.h"

void leak(const char *p) {
  DIR *d = opendir(p);
  (void)d;
}

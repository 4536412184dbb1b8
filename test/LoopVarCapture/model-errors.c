// Broken thread sections in a model file are errors naming the file, the
// line and column, and the problem.
// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/bad-handle.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=HANDLE
// HANDLE: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-handle.yaml:2:47: unknown enumerated scalar)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/missing-data-arg.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DATA
// DATA: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}missing-data-arg.yaml:2:7: missing required key 'DataArg')

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/same-arg.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SAME
// SAME: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}same-arg.yaml:2:7: 'my_spawn': 'HandleArg' and 'DataArg' are the same argument)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/threads/models/bad-join.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=JOIN
// JOIN: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-join.yaml:2:7: 'my_wait': 'AllWork' joins have no handle to point at)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/bad-work.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WORK
// WORK: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-work.yaml:2:46: unknown enumerated scalar)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/bad-async-name.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NAME
// NAME: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-async-name.yaml:2:7: 'mylib::Executor::post()' is not a qualified function name)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/bad-wait.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WAIT
// WAIT: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-wait.yaml:2:7: 'mylib::Executor::submit': 'Wait' lists member functions ('get()' is not one)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/bad-writes.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WRITES
// WRITES: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-writes.yaml:2:7: missing required key 'DataArg')

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/bad-detach.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DETACH
// DETACH: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}bad-detach.yaml:2:7: 'my_detach(t)' is not a function name{{.*}})

void f(void) {}

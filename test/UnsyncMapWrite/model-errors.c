// A broken Maps or Locks entry is an error naming the file, line and problem;
// the rule's own option works as the package option does.
// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -analyzer-config cvet.UnsyncMapWrite:ModelFiles=%inputs/models/bad/map-oparg.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OPARG
// OPARG: error: invalid input for checker option 'cvet.UnsyncMapWrite:ModelFiles', that expects a readable, valid cvet model file ({{.*}}map-oparg.yaml:4:11: 't_op': 'OpArg' and 'OpByValue' go together)

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/lock-once.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ONCE
// ONCE: error: invalid input for checker option 'cvet.UnsyncMapWrite:ModelFiles', that expects a readable, valid cvet model file ({{.*}}lock-once.yaml:2:7: 'my_once': a 'Once' entry needs 'EntryArg')

// A good user model extends the defaults (see locks/macro-locks.c for it at work).
// RUN: %clang_analyze_cc1 -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -analyzer-config cvet.UnsyncMapWrite:ModelFiles=%inputs/unsync/conn-model.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=GOOD --allow-empty
// GOOD-NOT: error

void f(void) {}

// The Maps, Locks and AnyThread sections, and ThreadSpawn's EntryArg: a good
// file loads without a word, a bad entry is an error naming file, line and
// problem. Any cvet checker loads the whole model.
// RUN: %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/good-maps-locks.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=GOOD --allow-empty
// GOOD-NOT: error

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/map-op.yaml %s 2>&1 | FileCheck %s --check-prefix=MAPOP
// MAPOP: map-op.yaml:4:32: unknown enumerated scalar

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/map-both.yaml %s 2>&1 | FileCheck %s --check-prefix=BOTH
// BOTH: map-both.yaml:4:11: 't_put': give either 'Function' or 'Macro', not both

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/map-neither.yaml %s 2>&1 | FileCheck %s --check-prefix=NEITHER
// NEITHER: map-neither.yaml:4:11: an entry needs 'Function' or 'Macro'

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/map-oparg.yaml %s 2>&1 | FileCheck %s --check-prefix=OPARG
// OPARG: map-oparg.yaml:4:11: 't_op': 'OpArg' and 'OpByValue' go together

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/map-no-ops.yaml %s 2>&1 | FileCheck %s --check-prefix=NOOPS
// NOOPS: map-no-ops.yaml:2:5: map family 't' has no 'Ops'

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/map-macro-name.yaml %s 2>&1 | FileCheck %s --check-prefix=MACRO
// MACRO: map-macro-name.yaml:4:11: 'T PUT' is not a macro name

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/map-keyfield.yaml %s 2>&1 | FileCheck %s --check-prefix=KEYFIELD
// KEYFIELD: map-keyfield.yaml:4:11: 't_put': 'KeyField' needs 'KeyArg'

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/lock-no-op.yaml %s 2>&1 | FileCheck %s --check-prefix=NOOP
// NOOP: lock-no-op.yaml:2:7: missing required key 'Op'

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/lock-mode.yaml %s 2>&1 | FileCheck %s --check-prefix=MODE
// MODE: lock-mode.yaml:2:45: unknown enumerated scalar

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/lock-once.yaml %s 2>&1 | FileCheck %s --check-prefix=ONCE
// ONCE: lock-once.yaml:2:7: 'my_once': a 'Once' entry needs 'EntryArg'

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/lock-release-success.yaml %s 2>&1 | FileCheck %s --check-prefix=RELEASE
// RELEASE: lock-release-success.yaml:2:7: 'my_unlock': 'SuccessReturn' and 'Scoped' are for 'Acquire' entries

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/lock-allargs.yaml %s 2>&1 | FileCheck %s --check-prefix=ALLARGS
// ALLARGS: lock-allargs.yaml:2:7: 'my_lock': give either 'LockArg' or 'AllArgs', not both

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/spawn-entry.yaml %s 2>&1 | FileCheck %s --check-prefix=ENTRY
// ENTRY: spawn-entry.yaml:2:7: 'start': 'EntryArg' and 'DataArg' are the same argument

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/spawn-runs.yaml %s 2>&1 | FileCheck %s --check-prefix=RUNS
// RUNS: spawn-runs.yaml:2:55: unknown enumerated scalar

// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/bad/anythread-name.yaml %s 2>&1 | FileCheck %s --check-prefix=ANY
// ANY: anythread-name.yaml:2:7: 'api put' is not a function name

void f(void) {}

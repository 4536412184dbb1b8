// A broken Subranges section is an error naming the file, line, column and
// problem; never a crash, never silence. Each file under Inputs/subrange/bad
// has one fault.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/no-effect.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NO_EFFECT
// NO_EFFECT: error: invalid input for checker option 'cvet.SubrangeEscape:ModelFiles', that expects a readable, valid cvet model file ({{.*}}no-effect.yaml:3:7: missing required key 'Effect')

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/bad-effect.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD_EFFECT
// BAD_EFFECT: bad-effect.yaml:3:{{[0-9]+}}: unknown enumerated scalar

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/both-names.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BOTH_NAMES
// BOTH_NAMES: both-names.yaml:3:{{[0-9]+}}: 'my_find': give either 'Function' or 'Macro', not both

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/free-handle.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FREE_HANDLE
// FREE_HANDLE: free-handle.yaml:3:{{[0-9]+}}: 'my_free': 'Handle' says where a pointer lands; 'Effect: Free' makes none

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/in-place.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=IN_PLACE
// IN_PLACE: in-place.yaml:3:{{[0-9]+}}: 'my_find': a pointer is returned with 'Handle: Return' or written with 'Handle: OutParam', not 'InPlace'

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/continue-same.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CONTINUE_SAME
// CONTINUE_SAME: continue-same.yaml:3:{{[0-9]+}}: 'my_tok': 'ContinueArg' and 'BufferArg' are the same argument

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/continue-free.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CONTINUE_FREE
// CONTINUE_FREE: continue-free.yaml:3:{{[0-9]+}}: 'my_free': only a 'Borrow' goes on in an earlier buffer

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/pointer-and-field.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=POINTER_AND_FIELD
// POINTER_AND_FIELD: pointer-and-field.yaml:3:{{[0-9]+}}: 'my_reset': give 'BufferByPointer' or 'BufferField', not both

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/view-and-function.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=VIEW_AND_FUNCTION
// VIEW_AND_FUNCTION: view-and-function.yaml:3:{{[0-9]+}}: 'str_t': give 'Type' alone, without 'Function' or 'Macro'

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/view-no-type.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=VIEW_NO_TYPE
// VIEW_NO_TYPE: view-no-type.yaml:3:{{[0-9]+}}: 'str_make': 'Effect: View' is for a 'Type'

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/status-read.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=STATUS_READ
// STATUS_READ: status-read.yaml:5:{{[0-9]+}}: 'tab_get': 'StatusArg' needs an insertion

// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config cvet.SubrangeEscape:ModelFiles=%inputs/subrange/bad/assigns-function.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ASSIGNS_FUNCTION
// ASSIGNS_FUNCTION: assigns-function.yaml:5:{{[0-9]+}}: 'tab_slot': 'Assigns' needs a 'Macro'

// A good file next to a broken one: the error still names the broken one.
// RUN: not %clang_analyze_cc1 -analyzer-checker=core,cvet.SubrangeEscape \
// RUN:   -analyzer-config "cvet.SubrangeEscape:ModelFiles=%inputs/subrange/reader-model.yaml;%inputs/subrange/bad/no-effect.yaml" %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NO_EFFECT

void f(void) {}

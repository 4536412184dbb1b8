// Extra model files through .clang-tidy CheckOptions, and a clear error for a
// file that cannot be used.
// REQUIRES: cvet-tidy
// RUN: %clang_tidy --checks='-*,cvet-unclosed-iterator' \
// RUN:   --config="{CheckOptions: {cvet-unclosed-iterator.ModelFiles: '%inputs/iter/user-model.yaml'}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'
//
// Without the file the user API is unknown: nothing to report.
// RUN: %clang_tidy --checks='-*,cvet-unclosed-iterator' %s -- 2>&1 \
// RUN:   | FileCheck %s --allow-empty --check-prefix=NONE --implicit-check-not='warning:'
// NONE-NOT: warning:
//
// A global ModelFiles applies to every cvet check.
// RUN: %clang_tidy --checks='-*,cvet-unclosed-iterator' \
// RUN:   --config="{CheckOptions: {ModelFiles: '%inputs/iter/user-model.yaml'}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'
//
// RUN: not %clang_tidy --checks='-*,cvet-unclosed-iterator' \
// RUN:   --config="{CheckOptions: {cvet-unclosed-iterator.ModelFiles: '%inputs/iter/bad/unknown-key.yaml'}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: Cannot use model file '{{.*}}unknown-key.yaml': {{.*}}unknown-key.yaml:{{[0-9]+}}:{{[0-9]+}}: {{.+}}; fix it or remove it from ModelFiles [clang-tidy-config]
//
// RUN: not %clang_tidy --checks='-*,cvet-loop-var-capture' \
// RUN:   --config="{CheckOptions: {cvet-loop-var-capture.ModelFiles: '%t.missing.yaml'}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: Cannot use model file '{{.*}}missing.yaml': {{.+}}; fix it or remove it from ModelFiles
//
// RUN: not %clang_tidy --checks='-*,cvet-unsync-map-write' \
// RUN:   --config="{CheckOptions: {cvet-unsync-map-write.ModelFiles: '%inputs/unsync/odd-model.yaml;%t.missing.yaml'}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not %clang_tidy --checks='-*,cvet-subrange-escape' \
// RUN:   --config="{CheckOptions: {cvet-subrange-escape.ModelFiles: '%inputs/subrange/bad/no-effect.yaml'}}" \
// RUN:   %s -- 2>&1 | FileCheck %s --check-prefix=BAD_SUBRANGE
// BAD_SUBRANGE: error: Cannot use model file '{{.*}}no-effect.yaml': {{.*}}no-effect.yaml:3:7: missing required key 'Effect'; fix it or remove it from ModelFiles [clang-tidy-config]

typedef struct kv_db kv_db;
typedef struct kv_cursor kv_cursor;
kv_cursor *kv_cursor_open(kv_db *db);
int kv_cursor_next(kv_cursor *c);
void kv_cursor_close(kv_cursor *c);

int count_until_negative(kv_db *db) {
  kv_cursor *c = kv_cursor_open(db);
  if (!c)
    return -1;
  int n = 0;
  while (kv_cursor_next(c) > 0)
    if (++n > 1000)
      return n;
  // CHECK: :[[@LINE-1]]:7: warning: Iterator returned by 'kv_cursor_open' is not closed on this path; call 'kv_cursor_close' [cvet-unclosed-iterator]
  kv_cursor_close(c);
  return n;
}

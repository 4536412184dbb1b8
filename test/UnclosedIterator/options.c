// User APIs come from model files named by the checker option
// cvet.UnclosedIterator:ModelFiles or the package option cvet:ModelFiles.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -verify=default %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/user-model.yaml \
// RUN:   -verify=user %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/iter/user-model.yaml \
// RUN:   -verify=user %s
// Several files, ';' separated; the default model stays.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config "cvet.UnclosedIterator:ModelFiles=%inputs/iter/owners.yaml;%inputs/iter/user-model.yaml" \
// RUN:   -verify=user %s
// The option is listed with the checker's options.
// RUN: %clang -cc1 -load %cvet_plugin -analyzer-checker-option-help 2>&1 \
// RUN:   | FileCheck %s --check-prefix=HELP
// HELP: cvet:ModelFiles
// HELP: cvet.UnclosedIterator:ModelFiles

// default-no-diagnostics

#include "iter/dirent.h"

typedef struct kv_db kv_db;
typedef struct kv_cursor kv_cursor;
typedef struct kv_snapshot kv_snapshot;
kv_cursor *kv_cursor_open(kv_db *db);
int kv_cursor_next(kv_cursor *c);
void kv_cursor_close(kv_cursor *c);
int kv_snapshot_take(kv_db *db, kv_snapshot **out); // 1 on success
void kv_snapshot_drop(kv_db *db, kv_snapshot *s);

int user_cursor_leak(kv_db *db) {
  kv_cursor *c = kv_cursor_open(db);
  if (!c)
    return -1;
  if (kv_cursor_next(c) < 0)
    return -1; // user-warning{{Iterator returned by 'kv_cursor_open' is not closed on this path; call 'kv_cursor_close'}}
  kv_cursor_close(c);
  return 0;
}

void user_snapshot_leak(kv_db *db, int x) {
  kv_snapshot *s;
  if (kv_snapshot_take(db, &s) != 1)
    return; // no leak: the model says 1 means success
  if (x)
    return; // user-warning{{Iterator opened by 'kv_snapshot_take' is not closed on this path; call 'kv_snapshot_drop'}}
  kv_snapshot_drop(db, s);
}

void no_leak_user_snapshot_dropped(kv_db *db) {
  kv_snapshot *s;
  if (kv_snapshot_take(db, &s) == 1)
    kv_snapshot_drop(db, s);
}

// The default model is still there.
void default_model_still_applies(const char *p) {
  DIR *d = opendir(p);
  if (d)
    closedir(d);
}

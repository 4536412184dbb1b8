// Model files written with the old keys still work: `Arg` is read as
// `HandleArg`, `ThreadSpawn` / `ThreadJoin` as `ThreadSpawns` / `ThreadJoins`.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator,cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/deprecated-keys.yaml -verify %s
//
// Giving both spellings of one key is an error.
// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/both-arg-keys.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BOTH
// BOTH: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}both-arg-keys.yaml:4:11: 'Arg' is the old name of 'HandleArg'; give only 'HandleArg')
//
// Every section reads `Handle:` with the same words, and says which fit it.
// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/iterator-handle-arg.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ITER
// ITER: error: invalid input for checker option 'cvet.UnclosedIterator:ModelFiles', that expects a readable, valid cvet model file ({{.*}}iterator-handle-arg.yaml:4:11: 'widget_open': 'Handle: Arg' does not name an iterator; use Return, OutParam, InPlace or None)
// RUN: not %clang_analyze_cc1 -analyzer-checker=cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/models/spawn-in-place.yaml %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SPAWN
// SPAWN: error: invalid input for checker option 'cvet.LoopVarCapture:ModelFiles', that expects a readable, valid cvet model file ({{.*}}spawn-in-place.yaml:2:7: 'my_spawn': 'Handle: InPlace' does not name spawned work; use None, Return, OutParam or Arg)

typedef struct kv_db kv_db;
typedef struct kv_snapshot kv_snapshot;
int kv_snapshot_take(kv_db *db, kv_snapshot **out); // 1 on success
void kv_snapshot_drop(kv_db *db, kv_snapshot *s);
int kv_snapshot_size(kv_snapshot *s);

typedef unsigned long task_t;
int my_spawn(task_t *t, void *(*run)(void *), void *arg);
void my_wait(task_t t);
void *run(void *arg);

int snapshot_leaks_when_empty(kv_db *db, int empty) {
  kv_snapshot *s;
  if (kv_snapshot_take(db, &s) != 1)
    return -1;
  if (empty)
    return 0; // expected-warning{{Iterator opened by 'kv_snapshot_take' is not closed on this path; call 'kv_snapshot_drop'}}
  kv_snapshot_drop(db, s);
  return 1;
}

int snapshot_size(kv_db *db) {
  kv_snapshot *s;
  if (kv_snapshot_take(db, &s) != 1)
    return -1;
  int n = kv_snapshot_size(s);
  kv_snapshot_drop(db, s); // no-warning
  return n;
}

void spawn_counter(void) {
  task_t t[4];
  for (int i = 0; i < 4; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    my_spawn(&t[i], run, &i);
  for (int i = 0; i < 4; i++)
    my_wait(t[i]);
}

void spawn_and_join(void) {
  task_t t;
  for (int i = 0; i < 4; i++) {
    my_spawn(&t, run, &i);
    my_wait(t); // no-warning
  }
}

// Odd code must not crash the rule: K&R definitions, goto, VLAs, a model
// whose indices do not fit the call, macros without arguments, recursion,
// function pointers, a spawn of something that is not a function name.
// RUN: %clang_analyze -std=gnu89 -Wno-implicit-function-declaration -Wno-int-conversion -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/odd-model.yaml %s
// RUN: %clang_analyze -std=gnu89 -Wno-implicit-function-declaration -Wno-int-conversion -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -analyzer-output=text %s 2>&1 | FileCheck %s --allow-empty
// CHECK-NOT: PLEASE submit a bug report

#include <pthread.h>
#include <search.h>

typedef void *(*entry_fn)(void *);
static void *root;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#define PUT(k) tsearch((k), &root, cmp)
#define TABLE_OP() odd_put()

static int cmp(a, b) const void *a; const void *b; { return a != b; }

static void *kr_worker(arg) void *arg; {
  int n = 3;
  int vla[n];
  vla[0] = 1;
  if (!arg)
    goto out;
  PUT(arg);
  odd_put(arg);
  odd_put();
  TABLE_OP();
  pthread_mutex_unlock(&m);
  pthread_mutex_unlock(0);
out:
  return kr_worker(0);
}

void start(entry_fn *table, int i) {
  pthread_t t;
  pthread_create(&t, 0, table[i], 0);
  pthread_create(&t, 0, i ? kr_worker : 0, 0);
  pthread_create(&t, 0, kr_worker, 0);
  tdelete(0, &root, cmp);
}

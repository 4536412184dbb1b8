// A function the model says may run on any thread (a server's public API):
// its unlocked writes to a global map are reported, with no thread in sight.
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/conn-model.yaml \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include "unsync/conn_table.h"

struct conn_table *registry;
static struct spinlock registry_lock;

int conn_register(int fd, struct conn *c) {
  return conn_table_put(registry, fd, c); // expected-warning{{Map 'registry' is written without holding a lock, by 'conn_register', which may run on any thread}}
}

int conn_register_locked(int fd, struct conn *c);

// Not declared: nothing says it runs on several threads.
int conn_forget(int fd) {
  return conn_table_del(registry, fd); // no-warning
}

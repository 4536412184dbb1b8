// A project's own table and lock macros that expand to atomics, from a user
// model: the macro is the lock.
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/conn-model.yaml \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include "unsync/conn_table.h"
#include <stddef.h>

static struct conn_table *conns;
static struct spinlock conns_lock;

static void *poller(void *arg) {
  struct conn *c = arg;
  LOCK(&conns_lock);
  conn_table_put(conns, 3, c); // no-warning
  UNLOCK(&conns_lock);
  conn_table_del(conns, 4); // expected-warning{{Map 'conns' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return NULL;
}

int serve(struct conn *c) {
  unsigned long id;
  if (worker_start(&id, poller, c) != 0)
    return -1;
  LOCK(&conns_lock);
  conn_table_put(conns, 5, c);
  UNLOCK(&conns_lock);
  worker_wait(id);
  return 0;
}

// A release that is one atomic store has no call in it: the lock is still
// seen to be released.
static struct conn_table *idle;
static struct spinlock idle_lock;

static void *sweeper(void *arg) {
  XLOCK(&idle_lock);
  conn_table_del(idle, 6); // no-warning
  XUNLOCK(&idle_lock);
  conn_table_del(idle, 7); // expected-warning{{Map 'idle' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return NULL;
}

int sweep(struct conn *c) {
  unsigned long id;
  if (worker_start(&id, sweeper, NULL) != 0)
    return -1;
  XLOCK(&idle_lock);
  conn_table_put(idle, 8, c);
  XUNLOCK(&idle_lock);
  worker_wait(id);
  return 0;
}

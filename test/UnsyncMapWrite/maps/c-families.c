// Every C map family of the default model, written by a thread and by the
// thread that started it: GTree, hsearch (the process-wide table),
// hsearch_r, uthash (the real macros), khash, Redis dict (and its dictSetVal
// macro), PostgreSQL dynahash (hash_search's action decides).
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#define _GNU_SOURCE
#include <glib.h>
#include <pthread.h>
#include <search.h>
#include <uthash.h>
#include "unsync/dynahash.h"
#include "unsync/khash.h"
#include "unsync/redis-dict.h"

KHASH_MAP_INIT_INT(fd, void *)

struct user {
  int id;
  char name[32];
  UT_hash_handle hh;
};

static GTree *routes;
static struct hsearch_data env_table;
static struct user *users;
static khash_t(fd) *fds;
static dict *keyspace;
static HTAB *locks;

static void *worker(void *arg) {
  struct user *u = arg;
  int ret;
  bool found;
  ENTRY e = {.key = u->name, .data = u};
  ENTRY *out;
  g_tree_insert(routes, u->name, u); // expected-warning{{Map 'routes' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  hsearch(e, ENTER); // expected-warning{{Map 'hsearch' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  hsearch(e, FIND); // no-warning: a read
  hsearch_r(e, ENTER, &out, &env_table); // expected-warning{{Map 'env_table' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  HASH_ADD_INT(users, id, u); // expected-warning{{Map 'users' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  kh_put(fd, fds, u->id, &ret); // expected-warning{{Map 'fds' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  dictAdd(keyspace, u->name, u); // expected-warning{{Map 'keyspace' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  hash_search(locks, &u->id, HASH_FIND, &found); // no-warning: a read
  hash_search(locks, &u->id, HASH_ENTER, &found); // expected-warning{{Map 'locks' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return NULL;
}

int main(void) {
  pthread_t t;
  struct user *u, *old = NULL;
  int id = 7;
  ENTRY e = {.key = "main", .data = NULL};
  ENTRY *out;
  pthread_create(&t, NULL, worker, NULL);
  g_tree_remove(routes, "main");
  hsearch(e, ENTER);
  hsearch_r(e, ENTER, &out, &env_table);
  HASH_FIND_INT(users, &id, u);
  if (u)
    HASH_DEL(users, u);
  khiter_t k = kh_get(fd, fds, 7);
  kh_del(fd, fds, k);
  dictEntry *de = dictFind(keyspace, "main");
  if (de)
    dictSetVal(keyspace, de, NULL);
  hash_search(locks, &id, HASH_REMOVE, NULL);
  pthread_join(t, NULL);
  return 0;
}

// A lock held around one write of a map is not evidence that the map needs
// it when most writes of the map go without it: here (as in memcached's
// items.c) the LRU lock is held around one hash-table write because the LRU
// needs it; the table itself is protected by a per-bucket lock that callers
// in another file take around every do_* function.
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/item-table.yaml \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

// expected-no-diagnostics

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

typedef struct item {
  struct item *prev, *next;
  int flags;
  int clsid;
  int nkey;
  char key[];
} item;

void table_insert(item *it, uint32_t hv);
void table_delete(const char *key, int nkey, uint32_t hv);
item *table_find(const char *key, int nkey, uint32_t hv);
void bucket_lock(uint32_t hv);
void bucket_unlock(uint32_t hv);
uint32_t hash(const char *key, int nkey);

#define NCLASSES 64
#define LINKED 1
static pthread_mutex_t lru_locks[NCLASSES];
static item *heads[NCLASSES];
static long curr_items;

static void lru_link(item *it) {
  it->next = heads[it->clsid];
  heads[it->clsid] = it;
}

// Callers (in thread.c) hold bucket_lock(hv).
int do_item_link(item *it, uint32_t hv) {
  it->flags |= LINKED;
  table_insert(it, hv); // no-warning
  pthread_mutex_lock(&lru_locks[it->clsid]);
  lru_link(it);
  pthread_mutex_unlock(&lru_locks[it->clsid]);
  curr_items++;
  return 1;
}

void do_item_unlink(item *it, uint32_t hv) {
  if (it->flags & LINKED) {
    it->flags &= ~LINKED;
    table_delete(it->key, it->nkey, hv); // no-warning
    curr_items--;
  }
}

// Warm restart: items re-linked before any worker runs.
void do_item_link_fixup(item *it) {
  uint32_t hv = hash(it->key, it->nkey);
  table_insert(it, hv); // no-warning
  lru_link(it);
}

static void do_item_unlink_nolock(item *it, uint32_t hv) {
  if (it->flags & LINKED) {
    it->flags &= ~LINKED;
    table_delete(it->key, it->nkey, hv);
  }
}

// The LRU crawler holds the class's LRU lock (and the bucket lock it tried).
int lru_pull_tail(int id, int limit) {
  int removed = 0;
  pthread_mutex_lock(&lru_locks[id]);
  for (item *it = heads[id]; it && removed < limit; it = it->next) {
    uint32_t hv = hash(it->key, it->nkey);
    do_item_unlink_nolock(it, hv);
    removed++;
  }
  pthread_mutex_unlock(&lru_locks[id]);
  if (removed)
    fprintf(stderr, "lru: %d removed from class %d\n", removed, id);
  return removed;
}

// Replacing takes the bucket lock itself.
void item_replace(item *old_it, item *new_it) {
  uint32_t hv = hash(old_it->key, old_it->nkey);
  bucket_lock(hv);
  table_delete(old_it->key, old_it->nkey, hv); // no-warning
  table_insert(new_it, hv);                    // no-warning
  bucket_unlock(hv);
}

// cvet-unsync-map-write: shared maps written without a lock, as the editor
// reports them, and the shapes it must stay silent on.
// REQUIRES: cvet-tidy
// RUN: %clang_tidy --checks='-*,cvet-unsync-map-write' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='warning:'

#define _GNU_SOURCE
#include <pthread.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

// Worker threads started in a loop, each adding to one tree.
static void *seen_urls;

static void *crawl(void *url) {
  if (!url)
    return NULL;
  tsearch(url, &seen_urls, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Map 'seen_urls' is written without holding a lock, by code that runs on the threads started here; several of them may write it at once [cvet-unsync-map-write]
  // CHECK-MESSAGES: :[[@LINE+7]]:5: note: Several threads are started here
  return NULL;
}

int crawl_all(char **urls, int n) {
  pthread_t t[16];
  for (int i = 0; i < n && i < 16; i++)
    pthread_create(&t[i], NULL, crawl, urls[i]);
  for (int i = 0; i < n && i < 16; i++)
    pthread_join(t[i], NULL);
  return 0;
}

// The thread prunes while the code that started it still adds.
static void *sessions;

static void *pruner(void *key) {
  tdelete(key, &sessions, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Map 'sessions' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too [cvet-unsync-map-write]
  // CHECK-MESSAGES: :[[@LINE+7]]:7: note: The thread is started here
  // CHECK-MESSAGES: :[[@LINE+8]]:3: note: The thread that started it writes 'sessions' here
  return NULL;
}

int session_cycle(char *old, char *fresh) {
  pthread_t t;
  if (pthread_create(&t, NULL, pruner, old) != 0)
    return -1;
  tsearch(fresh, &sessions, by_name);
  pthread_join(t, NULL);
  return 0;
}

// Two different threads write one tree.
static void *peers;

static void *peer_adder(void *name) {
  tsearch(name, &peers, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Map 'peers' is written without holding a lock, by code that runs on the thread started here; another thread writes it too [cvet-unsync-map-write]
  return NULL;
}

static void *peer_reaper(void *name) {
  tdelete(name, &peers, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Map 'peers' is written without holding a lock, by code that runs on the thread started here; another thread writes it too [cvet-unsync-map-write]
  return NULL;
}

void peers_start(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, peer_adder, "x");
  pthread_create(&b, NULL, peer_reaper, "y");
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

// The thread locks; the code that started it forgets to while it runs.
static void *totals;
static pthread_mutex_t totals_lock = PTHREAD_MUTEX_INITIALIZER;

static void *totaller(void *key) {
  pthread_mutex_lock(&totals_lock);
  tsearch(key, &totals, by_name);
  pthread_mutex_unlock(&totals_lock);
  return NULL;
}

void totals_refresh(char *stale) {
  pthread_t t;
  pthread_create(&t, NULL, totaller, "t");
  tdelete(stale, &totals, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Map 'totals' is written without holding a lock while the thread started here may run; that thread writes it too [cvet-unsync-map-write]
  pthread_join(t, NULL);
  tdelete("older", &totals, by_name); // joined: nothing runs
}

// A server's API: two entry points lock the registry, one forgets.
static void *registry;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

int registry_add(char *name) {
  pthread_mutex_lock(&registry_lock);
  void *slot = tsearch(name, &registry, by_name);
  pthread_mutex_unlock(&registry_lock);
  return slot ? 0 : -1;
}

void registry_rename(char *from, char *to) {
  pthread_mutex_lock(&registry_lock);
  tdelete(from, &registry, by_name);
  tsearch(to, &registry, by_name);
  pthread_mutex_unlock(&registry_lock);
}

void registry_drop(char *name) {
  if (!name)
    return;
  tdelete(name, &registry, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Map 'registry' is written without holding 'registry_lock', which its other writes hold [cvet-unsync-map-write]
  // CHECK-MESSAGES: :[[@LINE-17]]:16: note: Elsewhere 'registry' is written holding 'registry_lock'
}

// Only the read side of a read-write lock.
static void *routes;
static pthread_rwlock_t routes_lock = PTHREAD_RWLOCK_INITIALIZER;

static void *router(void *dest) {
  pthread_rwlock_rdlock(&routes_lock);
  if (!tfind(dest, &routes, by_name))
    tsearch(dest, &routes, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Map 'routes' is written while holding only the read side of 'routes_lock', by code that runs on the threads started here; several of them may write it at once [cvet-unsync-map-write]
  pthread_rwlock_unlock(&routes_lock);
  return NULL;
}

void routes_start(pthread_t *pool, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&pool[i], NULL, router, "gw");
}

// A map its lock is declared for.
static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;
static void *names __attribute__((guarded_by(names_lock)));

void names_forget(char *name) {
  tdelete(name, &names, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Map 'names' is written without holding 'names_lock', which guards it [cvet-unsync-map-write]
}

//===----------------------------------------------------------------------===//
// Not reported.
//===----------------------------------------------------------------------===//

// Locked on every path, through a wrapper of the file.
static void *cache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static void cache_enter(void) { pthread_mutex_lock(&cache_lock); }
static void cache_leave(void) { pthread_mutex_unlock(&cache_lock); }

static void *cacher(void *key) {
  cache_enter();
  tsearch(key, &cache, by_name);
  cache_leave();
  return NULL;
}

void cache_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, cacher, "k");
  cache_enter();
  tdelete("old", &cache, by_name);
  cache_leave();
}

// Written before the thread starts, read only while it runs, written again
// after the join.
static void *config;

static void *config_reader(void *key) { return tfind(key, &config, by_name); }

int config_reload(char *key) {
  pthread_t t;
  tsearch(key, &config, by_name);
  pthread_create(&t, NULL, config_reader, key);
  pthread_join(t, NULL);
  tdelete(key, &config, by_name);
  return 0;
}

// The spawn and the write are on different branches: no path has both.
static void *jobs;

static void *job_runner(void *job) {
  pthread_mutex_lock(&cache_lock);
  tsearch(job, &jobs, by_name);
  pthread_mutex_unlock(&cache_lock);
  return NULL;
}

void jobs_submit(char *job, int threaded) {
  pthread_t t;
  if (threaded) {
    pthread_create(&t, NULL, job_runner, job);
    pthread_detach(t);
  } else {
    tsearch(job, &jobs, by_name);
  }
}

// Initialised once, under pthread_once.
static void *mimetypes;
static pthread_once_t mimetypes_once = PTHREAD_ONCE_INIT;
static void load_mimetypes(void) { tsearch("text/html", &mimetypes, by_name); }

static void *mime_worker(void *type) {
  pthread_once(&mimetypes_once, load_mimetypes);
  return tfind(type, &mimetypes, by_name);
}

void mime_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, mime_worker, "text/plain");
}

// One tree per thread.
static __thread void *own_seen;

static void *own_worker(void *key) {
  tsearch(key, &own_seen, by_name);
  return NULL;
}

void own_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, own_worker, "k");
}

// A recursive mutex taken twice and released once is still held: the fast
// check cannot count, and stays silent on the function.
static void *nested;
static pthread_mutex_t nested_lock;

static void *nester(void *key) {
  pthread_mutex_lock(&nested_lock);
  pthread_mutex_lock(&nested_lock);
  tsearch(key, &nested, by_name);
  pthread_mutex_unlock(&nested_lock);
  tsearch("again", &nested, by_name); // still held once
  pthread_mutex_unlock(&nested_lock);
  return NULL;
}

void nested_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, nester, "k");
}

// A lock chosen at run time: which one is held is not known here.
static void *striped;
static pthread_mutex_t stripes[8];

static void *stripe_worker(void *key) {
  unsigned h = (unsigned)strlen(key) % 8;
  pthread_mutex_lock(&stripes[h]);
  tsearch(key, &striped, by_name);
  pthread_mutex_unlock(&stripes[h]);
  return NULL;
}

void stripes_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, stripe_worker, "k");
}

// Left to the analyzer: a try-lock holds the lock only where it succeeded;
// a helper the thread calls may be called under a lock elsewhere.
static void *tried;
static pthread_mutex_t tried_lock = PTHREAD_MUTEX_INITIALIZER;

static void *try_worker(void *key) {
  if (pthread_mutex_trylock(&tried_lock) == 0) {
    tsearch(key, &tried, by_name);
    pthread_mutex_unlock(&tried_lock);
  }
  tdelete(key, &tried, by_name); // TODO-expected-warning: unlocked here
  return NULL;
}

void tried_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, try_worker, "k");
}

static void *helped;
static void remember(char *key) {
  tsearch(key, &helped, by_name); // TODO-expected-warning: on the threads below
}
static void *helper_thread(void *key) {
  remember(key);
  return NULL;
}
void helped_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, helper_thread, "k");
}

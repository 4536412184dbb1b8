// What is not a race: each case touches its own map.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify %s
// expected-no-diagnostics

#include <glib.h>
#include <pthread.h>
#include <stdio.h>
#include <threads.h>

// Reads only, on both sides.
static GHashTable *config;
static void *config_reader(void *arg) {
  return g_hash_table_lookup(config, arg);
}
void reads_only(void) {
  pthread_t t;
  pthread_create(&t, NULL, config_reader, "port");
  if (g_hash_table_contains(config, "host"))
    puts("host set");
  pthread_join(t, NULL);
}

// A map created and destroyed inside one thread.
static void *own_map(void *arg) {
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  g_hash_table_add(seen, arg);
  g_hash_table_destroy(seen);
  return NULL;
}
void own_map_start(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, own_map, "x");
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// Writes before the first spawn and after the last join.
static GHashTable *routes;
static void *route_reader(void *arg) {
  return g_hash_table_lookup(routes, arg);
}
void before_and_after(void) {
  pthread_t t;
  g_hash_table_insert(routes, "a", "b");
  pthread_create(&t, NULL, route_reader, "a");
  pthread_join(t, NULL);
  g_hash_table_remove_all(routes);
}

// Initialisation under pthread_once, g_once and call_once.
static GHashTable *mimetypes, *charsets, *langs;
static pthread_mutex_t mimetypes_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t mimetypes_once = PTHREAD_ONCE_INIT;
static void load_mimetypes(void) {
  mimetypes = g_hash_table_new(g_str_hash, g_str_equal);
  g_hash_table_insert(mimetypes, "html", "text/html");
}
static gpointer load_charsets(gpointer unused) {
  g_hash_table_insert(charsets, "utf8", "UTF-8");
  return NULL;
}
static once_flag langs_once = ONCE_FLAG_INIT;
static void load_langs(void) { g_hash_table_insert(langs, "en", "English"); }
static void *mime_worker(void *arg) {
  static GOnce charsets_once = G_ONCE_INIT;
  pthread_once(&mimetypes_once, load_mimetypes);
  g_once(&charsets_once, load_charsets, NULL);
  call_once(&langs_once, load_langs);
  pthread_mutex_lock(&mimetypes_lock);
  g_hash_table_insert(mimetypes, arg, arg);
  pthread_mutex_unlock(&mimetypes_lock);
  return NULL;
}
void mime_start(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], NULL, mime_worker, "x");
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
}

// A map reached only through a per-thread argument.
struct worker {
  GHashTable *seen;
  pthread_t tid;
};
static void *per_thread(void *arg) {
  struct worker *w = arg;
  g_hash_table_add(w->seen, "x");
  return NULL;
}
void per_thread_start(struct worker *ws, int n) {
  for (int i = 0; i < n; i++) {
    ws[i].seen = g_hash_table_new(g_str_hash, g_str_equal);
    pthread_create(&ws[i].tid, NULL, per_thread, &ws[i]);
  }
  for (int i = 0; i < n; i++)
    pthread_join(ws[i].tid, NULL);
}

// Thread-local maps.
static _Thread_local GHashTable *tls_cache;
static __thread GHashTable *gnu_tls_cache;
static void *tls_worker(void *arg) {
  g_hash_table_add(tls_cache, arg);
  g_hash_table_add(gnu_tls_cache, arg);
  return NULL;
}
void tls_start(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], NULL, tls_worker, "x");
  g_hash_table_remove_all(tls_cache);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
}

// Callbacks that run on the one main loop.
static GHashTable *pending;
static gboolean flush_pending(gpointer data) {
  g_hash_table_remove_all(pending);
  return G_SOURCE_REMOVE;
}
void schedule_flush(const char *key) {
  g_hash_table_add(pending, (gpointer)key);
  g_idle_add(flush_pending, NULL);
  g_hash_table_add(pending, "more");
}

// Writes under a lock taken by a wrapper one call up.
static GHashTable *stats;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static void stats_bump(const char *key) {
  g_hash_table_replace(stats, (gpointer)key, GINT_TO_POINTER(1));
}
static void stats_bump_locked(const char *key) {
  pthread_mutex_lock(&stats_lock);
  stats_bump(key);
  pthread_mutex_unlock(&stats_lock);
}
static void *stats_worker(void *arg) {
  stats_bump_locked(arg);
  return NULL;
}
void stats_start(void) {
  pthread_t t;
  pthread_create(&t, NULL, stats_worker, "x");
  stats_bump_locked("main");
  pthread_join(t, NULL);
}

// No thread in this file, no annotation: the same map is written under a
// lock in some functions and without it in another (RacerD / Eraser style).
// The same field of the same struct type counts as the same map.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include <glib.h>
#include <pthread.h>
#include <search.h>

struct server {
  pthread_mutex_t sessions_lock;
  GHashTable *sessions;
  int nsessions;
};

void session_open(struct server *srv, const char *id, void *session) {
  pthread_mutex_lock(&srv->sessions_lock);
  g_hash_table_insert(srv->sessions, g_strdup(id), session);
  srv->nsessions++;
  pthread_mutex_unlock(&srv->sessions_lock);
}

void session_close(struct server *srv, const char *id) {
  pthread_mutex_lock(&srv->sessions_lock);
  g_hash_table_remove(srv->sessions, id);
  srv->nsessions--;
  pthread_mutex_unlock(&srv->sessions_lock);
}

void session_expire(struct server *srv, const char *id) {
  g_hash_table_remove(srv->sessions, id); // expected-warning{{Map 'srv->sessions' is written without holding 'srv->sessions_lock', which its other writes hold}}
}

// Creating the table is initialisation, before anyone else can see it.
void server_init(struct server *srv) {
  pthread_mutex_init(&srv->sessions_lock, NULL);
  srv->sessions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert(srv->sessions, g_strdup("admin"), NULL); // no-warning
}

// A global tree, with a tsearch root.
static void *cids_root;
static pthread_mutex_t cids_lock = PTHREAD_MUTEX_INITIALIZER;

static int cmp_cid(const void *a, const void *b) { return a < b ? -1 : a > b; }

void cid_add(void *cid) {
  pthread_mutex_lock(&cids_lock);
  tsearch(cid, &cids_root, cmp_cid);
  pthread_mutex_unlock(&cids_lock);
}

void cid_del(void *cid) {
  if (!cid)
    return;
  tdelete(cid, &cids_root, cmp_cid); // expected-warning{{Map 'cids_root' is written without holding 'cids_lock', which its other writes hold}}
}

void cid_del_locked(void *cid) {
  pthread_mutex_lock(&cids_lock);
  tdelete(cid, &cids_root, cmp_cid); // no-warning
  pthread_mutex_unlock(&cids_lock);
}

void *cid_find(void *cid) {
  return tfind(cid, &cids_root, cmp_cid); // no-warning: a read
}

// One locked write and one unlocked write: the lock is taken by the writing
// function itself, so it is there for the map.
static GHashTable *aliases;
static pthread_mutex_t aliases_lock = PTHREAD_MUTEX_INITIALIZER;

void alias_set(const char *name, const char *target) {
  pthread_mutex_lock(&aliases_lock);
  g_hash_table_replace(aliases, g_strdup(name), g_strdup(target));
  pthread_mutex_unlock(&aliases_lock);
}

void alias_forget(const char *name) {
  if (!name || !*name)
    return;
  g_hash_table_remove(aliases, name); // expected-warning{{Map 'aliases' is written without holding 'aliases_lock', which its other writes hold}}
}

// Most writes go without the lock: the one locked write is no evidence that
// the map needs it (the lock is there for the counter).
static GHashTable *mimetypes;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long lookups;

void mime_add(const char *ext, const char *type) {
  g_hash_table_insert(mimetypes, g_strdup(ext), g_strdup(type)); // no-warning
}

void mime_del(const char *ext) {
  g_hash_table_remove(mimetypes, ext); // no-warning
}

void mime_add_counted(const char *ext, const char *type) {
  pthread_mutex_lock(&stats_lock);
  lookups++;
  g_hash_table_insert(mimetypes, g_strdup(ext), g_strdup(type));
  pthread_mutex_unlock(&stats_lock);
}

// The path notes: the write, the spawn, and the other side's access.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -analyzer-output=text -Xclang -verify %s

#include <glib.h>
#include <pthread.h>

static GHashTable *sessions;
static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;

static void *reaper(void *arg) {
  g_hash_table_remove(sessions, arg); // expected-warning{{Map 'sessions' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  // expected-note@-1{{Map 'sessions' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return NULL;
}

void serve(const char *id) {
  pthread_t t;
  pthread_create(&t, NULL, reaper, "old"); // expected-note{{The thread is started here}}
  pthread_mutex_lock(&sessions_lock);
  g_hash_table_insert(sessions, (gpointer)id, NULL); // expected-note{{The thread that started it writes 'sessions' here}}
  pthread_mutex_unlock(&sessions_lock);
  pthread_join(t, NULL);
}

struct server {
  pthread_mutex_t lock;
  GHashTable *cids;
};

void cid_add(struct server *s, void *cid) {
  pthread_mutex_lock(&s->lock);
  g_hash_table_add(s->cids, cid); // expected-note{{Elsewhere 's->cids' is written holding 's->lock'}}
  pthread_mutex_unlock(&s->lock);
}

void cid_drop(struct server *s, void *cid) {
  g_hash_table_remove(s->cids, cid); // expected-warning{{Map 's->cids' is written without holding 's->lock', which its other writes hold}}
  // expected-note@-1{{Map 's->cids' is written without holding 's->lock', which its other writes hold}}
}

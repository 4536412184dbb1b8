// Clang's capability attributes, both ways: guarded_by and pt_guarded_by maps
// written without their lock are reported; a function that requires the
// capability holds it; annotated functions are locks.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include <glib.h>
#include <pthread.h>

#define CAPABILITY(x) __attribute__((capability(x)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))

typedef pthread_mutex_t CAPABILITY("mutex") mutex_t;

static mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;
static GHashTable *sessions GUARDED_BY(sessions_lock);
static mutex_t routes_lock = PTHREAD_MUTEX_INITIALIZER;
static GTree *routes PT_GUARDED_BY(routes_lock);

void sessions_acquire(void) ACQUIRE(sessions_lock);
void sessions_release(void) RELEASE(sessions_lock);
int sessions_try(void) TRY_ACQUIRE(1, sessions_lock);

void session_add(const char *id) {
  g_hash_table_insert(sessions, g_strdup(id), NULL); // expected-warning{{Map 'sessions' is written without holding 'sessions_lock', which guards it}}
}

void session_add_locked(const char *id) {
  pthread_mutex_lock(&sessions_lock);
  g_hash_table_insert(sessions, g_strdup(id), NULL); // no-warning
  pthread_mutex_unlock(&sessions_lock);
}

void session_drop(const char *id) REQUIRES(sessions_lock) {
  g_hash_table_remove(sessions, id); // no-warning: the caller holds it
}

void session_drop_annotated(const char *id) {
  sessions_acquire();
  g_hash_table_remove(sessions, id); // no-warning
  sessions_release();
  g_hash_table_remove(sessions, id); // expected-warning{{Map 'sessions' is written without holding 'sessions_lock', which guards it}}
}

void session_try(const char *id) {
  if (sessions_try()) {
    g_hash_table_remove(sessions, id); // no-warning
    sessions_release();
  }
}

void route_add(char *prefix, void *hop) {
  g_tree_insert(routes, prefix, hop); // expected-warning{{Map 'routes' is written without holding 'routes_lock', which guards it}}
}

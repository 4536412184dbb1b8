// A GHashTable shared by main and the thread it starts.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include <glib.h>
#include <pthread.h>
#include <stdio.h>

static GHashTable *sessions;
static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;

static void *session_reaper(void *arg) {
  const char *id = arg;
  g_hash_table_remove(sessions, id); // expected-warning{{Map 'sessions' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return NULL;
}

int main(int argc, char **argv) {
  pthread_t reaper;
  sessions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert(sessions, g_strdup("boot"), NULL); // no-warning: no thread yet
  if (pthread_create(&reaper, NULL, session_reaper, "stale") != 0) {
    perror("pthread_create");
    return 1;
  }
  for (int i = 1; i < argc; i++) {
    pthread_mutex_lock(&sessions_lock);
    g_hash_table_insert(sessions, g_strdup(argv[i]), NULL);
    pthread_mutex_unlock(&sessions_lock);
  }
  pthread_join(reaper, NULL);
  g_hash_table_destroy(sessions);
  return 0;
}

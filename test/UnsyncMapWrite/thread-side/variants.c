// The thread side: several threads from one site (a loop, a pool), two
// different threads, a helper the thread calls, a map reached through the
// thread's argument that the spawner also writes, and the spawning side
// writing without the lock its thread holds.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include <glib.h>
#include <pthread.h>

static GHashTable *hits, *jobs_done, *peers, *helper_map, *totals;
static pthread_mutex_t totals_lock = PTHREAD_MUTEX_INITIALIZER;

static void *counter(void *arg) {
  g_hash_table_replace(hits, arg, arg); // expected-warning{{Map 'hits' is written without holding a lock, by code that runs on the threads started here; several of them may write it at once}}
  return NULL;
}

void count_all(char **urls, int n) {
  pthread_t t[8];
  for (int i = 0; i < n && i < 8; i++)
    pthread_create(&t[i], NULL, counter, urls[i]);
  for (int i = 0; i < n && i < 8; i++)
    pthread_join(t[i], NULL);
}

static void run_job(gpointer job, gpointer user_data) {
  g_hash_table_add(jobs_done, job); // expected-warning{{Map 'jobs_done' is written without holding a lock, by code that runs on the threads started here; several of them may write it at once}}
}

void run_jobs(GPtrArray *todo) {
  GThreadPool *pool = g_thread_pool_new(run_job, NULL, 4, FALSE, NULL);
  for (guint i = 0; i < todo->len; i++)
    g_thread_pool_push(pool, g_ptr_array_index(todo, i), NULL);
  g_thread_pool_free(pool, FALSE, TRUE);
}

static void *peer_adder(void *arg) {
  g_hash_table_insert(peers, arg, arg); // expected-warning{{Map 'peers' is written without holding a lock, by code that runs on the thread started here; another thread writes it too}}
  return NULL;
}

static void *peer_pruner(void *arg) {
  g_hash_table_remove(peers, arg); // expected-warning{{Map 'peers' is written without holding a lock, by code that runs on the thread started here; another thread writes it too}}
  return NULL;
}

void peers_start(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, peer_adder, "x");
  pthread_create(&b, NULL, peer_pruner, "y");
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

static void remember(const char *key) {
  g_hash_table_add(helper_map, (gpointer)key); // expected-warning{{Map 'helper_map' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
}

static void *helper_thread(void *arg) {
  remember(arg);
  return NULL;
}

void helper_start(void) {
  pthread_t t;
  pthread_create(&t, NULL, helper_thread, "k");
  g_hash_table_remove_all(helper_map);
  pthread_join(t, NULL);
}

struct shard {
  GHashTable *index;
  int id;
};

static void *indexer(void *arg) {
  struct shard *s = arg;
  g_hash_table_insert(s->index, GINT_TO_POINTER(s->id), s); // expected-warning{{Map 's->index' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return NULL;
}

void index_shared(struct shard *s) {
  pthread_t t;
  pthread_create(&t, NULL, indexer, s);
  g_hash_table_remove_all(s->index);
  pthread_join(t, NULL);
}

static void *totaller(void *arg) {
  pthread_mutex_lock(&totals_lock);
  g_hash_table_insert(totals, arg, arg);
  pthread_mutex_unlock(&totals_lock);
  return NULL;
}

void totals_start(void) {
  pthread_t t;
  pthread_create(&t, NULL, totaller, "t");
  g_hash_table_remove(totals, "old"); // expected-warning{{Map 'totals' is written without holding a lock while the thread started here may run; that thread writes it too}}
  pthread_join(t, NULL);
  g_hash_table_remove(totals, "older"); // no-warning: joined
}

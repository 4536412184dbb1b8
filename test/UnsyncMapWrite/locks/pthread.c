// pthread locks: mutex, try-lock (held only where it succeeded), rwlock write
// and read sides, spin lock, a lock wrapper one call deep, and a write after
// an early unlock on one path only.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include <glib.h>
#include <pthread.h>

// One table per scenario; each worker thread and main touch it.
static GHashTable *mutex_map, *try_map, *rw_map, *rd_map, *spin_map,
    *wrapped_map, *early_map;
static pthread_mutex_t mutex_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t try_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t cids_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_spinlock_t spin;
static pthread_mutex_t wrapped_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t early_lock = PTHREAD_MUTEX_INITIALIZER;

static void *mutex_worker(void *arg) {
  pthread_mutex_lock(&mutex_lock);
  g_hash_table_insert(mutex_map, arg, arg); // no-warning
  pthread_mutex_unlock(&mutex_lock);
  return NULL;
}

static void *try_worker(void *arg) {
  if (pthread_mutex_trylock(&try_lock) == 0) {
    g_hash_table_insert(try_map, arg, arg); // no-warning
    pthread_mutex_unlock(&try_lock);
    return NULL;
  }
  g_hash_table_insert(try_map, arg, arg); // expected-warning{{Map 'try_map' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return NULL;
}

static void *rw_worker(void *arg) {
  pthread_rwlock_wrlock(&rw_lock);
  g_hash_table_replace(rw_map, arg, arg); // no-warning
  pthread_rwlock_unlock(&rw_lock);
  return NULL;
}

static void *rd_worker(void *arg) {
  pthread_rwlock_rdlock(&cids_lock);
  g_hash_table_lookup(rd_map, arg); // no-warning: a read
  g_hash_table_remove(rd_map, arg); // expected-warning{{Map 'rd_map' is written while holding only the read side of 'cids_lock', by code that runs on the thread started here; the thread that started it writes it too}}
  pthread_rwlock_unlock(&cids_lock);
  return NULL;
}

static void *spin_worker(void *arg) {
  pthread_spin_lock(&spin);
  g_hash_table_add(spin_map, arg); // no-warning
  pthread_spin_unlock(&spin);
  return NULL;
}

static void lock_table(void) { pthread_mutex_lock(&wrapped_lock); }
static void unlock_table(void) { pthread_mutex_unlock(&wrapped_lock); }

static void *wrapped_worker(void *arg) {
  lock_table();
  g_hash_table_insert(wrapped_map, arg, arg); // no-warning
  unlock_table();
  return NULL;
}

static void *early_worker(void *arg) {
  pthread_mutex_lock(&early_lock);
  if (g_hash_table_size(early_map) > 100) {
    pthread_mutex_unlock(&early_lock);
    g_hash_table_remove_all(early_map); // expected-warning{{Map 'early_map' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
    return NULL;
  }
  g_hash_table_insert(early_map, arg, arg); // no-warning
  pthread_mutex_unlock(&early_lock);
  return NULL;
}

int main(void) {
  pthread_t t[7];
  pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
  pthread_create(&t[0], NULL, mutex_worker, "a");
  pthread_create(&t[1], NULL, try_worker, "b");
  pthread_create(&t[2], NULL, rw_worker, "c");
  pthread_create(&t[3], NULL, rd_worker, "d");
  pthread_create(&t[4], NULL, spin_worker, "e");
  pthread_create(&t[5], NULL, wrapped_worker, "f");
  pthread_create(&t[6], NULL, early_worker, "g");

  pthread_mutex_lock(&mutex_lock);
  g_hash_table_insert(mutex_map, "main", NULL);
  pthread_mutex_unlock(&mutex_lock);
  pthread_mutex_lock(&try_lock);
  g_hash_table_insert(try_map, "main", NULL);
  pthread_mutex_unlock(&try_lock);
  pthread_rwlock_wrlock(&rw_lock);
  g_hash_table_insert(rw_map, "main", NULL);
  pthread_rwlock_unlock(&rw_lock);
  pthread_rwlock_wrlock(&cids_lock);
  g_hash_table_insert(rd_map, "main", NULL);
  pthread_rwlock_unlock(&cids_lock);
  pthread_spin_lock(&spin);
  g_hash_table_insert(spin_map, "main", NULL);
  pthread_spin_unlock(&spin);
  lock_table();
  g_hash_table_insert(wrapped_map, "main", NULL);
  unlock_table();
  pthread_mutex_lock(&early_lock);
  g_hash_table_insert(early_map, "main", NULL);
  pthread_mutex_unlock(&early_lock);

  for (int i = 0; i < 7; i++)
    pthread_join(t[i], NULL);
  return 0;
}

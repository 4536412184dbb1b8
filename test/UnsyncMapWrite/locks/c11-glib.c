// C11 mtx_lock and GLib locks: GMutex, G_LOCK, GMutexLocker (g_autoptr),
// GRecMutex, GRWLock writer and reader sides.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include <glib.h>
#include <threads.h>

static GHashTable *c11_map, *gmutex_map, *glock_map, *locker_map, *rec_map,
    *rw_map, *reader_map;
static mtx_t c11_lock;
static GMutex gmutex;
G_LOCK_DEFINE_STATIC(glock_map);
static GMutex locker_mutex;
static GRecMutex rec_mutex;
static GRWLock cache_lock;

static int c11_worker(void *arg) {
  mtx_lock(&c11_lock);
  g_hash_table_insert(c11_map, arg, arg); // no-warning
  mtx_unlock(&c11_lock);
  g_hash_table_remove(c11_map, arg); // expected-warning{{Map 'c11_map' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return 0;
}

static gpointer gmutex_worker(gpointer arg) {
  g_mutex_lock(&gmutex);
  g_hash_table_insert(gmutex_map, arg, arg); // no-warning
  g_mutex_unlock(&gmutex);
  return NULL;
}

static gpointer glock_worker(gpointer arg) {
  G_LOCK(glock_map);
  g_hash_table_insert(glock_map, arg, arg); // no-warning
  G_UNLOCK(glock_map);
  return NULL;
}

static gpointer locker_worker(gpointer arg) {
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&locker_mutex);
  g_hash_table_insert(locker_map, arg, arg); // no-warning
  return NULL;
}

static gpointer rec_worker(gpointer arg) {
  g_rec_mutex_lock(&rec_mutex);
  g_rec_mutex_lock(&rec_mutex);
  g_hash_table_insert(rec_map, arg, arg); // no-warning
  g_rec_mutex_unlock(&rec_mutex);
  g_hash_table_insert(rec_map, arg, arg); // no-warning: still held once
  g_rec_mutex_unlock(&rec_mutex);
  return NULL;
}

static gpointer rw_worker(gpointer arg) {
  g_rw_lock_writer_lock(&cache_lock);
  g_hash_table_insert(rw_map, arg, arg); // no-warning
  g_rw_lock_writer_unlock(&cache_lock);
  return NULL;
}

static gpointer reader_worker(gpointer arg) {
  g_rw_lock_reader_lock(&cache_lock);
  if (!g_hash_table_contains(reader_map, arg))
    g_hash_table_insert(reader_map, arg, arg); // expected-warning{{Map 'reader_map' is written while holding only the read side of 'cache_lock', by code that runs on the thread started here; the thread that started it writes it too}}
  g_rw_lock_reader_unlock(&cache_lock);
  return NULL;
}

int main(void) {
  thrd_t c11;
  mtx_init(&c11_lock, mtx_plain);
  thrd_create(&c11, c11_worker, "a");
  GThread *t1 = g_thread_new("gmutex", gmutex_worker, "b");
  GThread *t2 = g_thread_new("glock", glock_worker, "c");
  GThread *t3 = g_thread_new("locker", locker_worker, "d");
  GThread *t4 = g_thread_new("rec", rec_worker, "e");
  GThread *t5 = g_thread_new("rw", rw_worker, "f");
  GThread *t6 = g_thread_new("reader", reader_worker, "g");

  mtx_lock(&c11_lock);
  g_hash_table_insert(c11_map, "main", NULL);
  mtx_unlock(&c11_lock);
  g_mutex_lock(&gmutex);
  g_hash_table_insert(gmutex_map, "main", NULL);
  g_mutex_unlock(&gmutex);
  G_LOCK(glock_map);
  g_hash_table_insert(glock_map, "main", NULL);
  G_UNLOCK(glock_map);
  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&locker_mutex);
    g_hash_table_insert(locker_map, "main", NULL);
  }
  g_rec_mutex_lock(&rec_mutex);
  g_hash_table_insert(rec_map, "main", NULL);
  g_rec_mutex_unlock(&rec_mutex);
  g_rw_lock_writer_lock(&cache_lock);
  g_hash_table_insert(rw_map, "main", NULL);
  g_hash_table_insert(reader_map, "main", NULL);
  g_rw_lock_writer_unlock(&cache_lock);

  thrd_join(c11, NULL);
  g_thread_join(t1);
  g_thread_join(t2);
  g_thread_join(t3);
  g_thread_join(t4);
  g_thread_join(t5);
  g_thread_join(t6);
  return 0;
}

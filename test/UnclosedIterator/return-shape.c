// Handles returned by the opening call: DIR, FTS, mntent, LevelDB, RocksDB,
// Redis dict iterators, GDir.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/fts.h"
#include "iter/mntent.h"
#include "iter/leveldb/c.h"
#include "iter/rocksdb/c.h"
#include "iter/dict.h"
#include "iter/glib.h"

int count_entries(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  while (readdir(d))
    ++n;
  closedir(d);
  return n; // no-warning
}

int dir_leak_on_early_return(const char *path, int limit) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (++n > limit)
      return -2; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  }
  closedir(d);
  return n;
}

void dir_leak_at_end_of_function(const char *path) {
  DIR *d = opendir(path);
  if (d)
    readdir(d);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

void dir_unchecked_leak(const char *path) {
  DIR *d = opendir(path); // no NULL check: the non-NULL path still leaks
  (void)d;
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

void dir_result_ignored(const char *path) {
  opendir(path);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

void no_leak_dir_null_path(const char *path) {
  DIR *d = opendir(path);
  if (d == NULL)
    return; // no-warning
  closedir(d);
}

void fdopendir_leak(int fd) {
  DIR *d = fdopendir(fd);
  if (!d)
    return;
  (void)dirfd(d);
} // expected-warning{{Iterator returned by 'fdopendir' is not closed on this path; call 'closedir'}}

void no_leak_dir_rewind_telldir(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  rewinddir(d);
  long pos = telldir(d);
  seekdir(d, pos);
  closedir(d); // no-warning
}

int fts_leak_on_error(char *const *roots) {
  FTS *f = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
  if (!f)
    return -1;
  FTSENT *e;
  while ((e = fts_read(f)) != NULL) {
    if (e->fts_info == 0)
      return -1; // expected-warning{{Iterator returned by 'fts_open' is not closed on this path; call 'fts_close'}}
  }
  return fts_close(f);
}

int no_leak_fts_closed(char *const *roots) {
  FTS *f = fts_open(roots, FTS_PHYSICAL, NULL);
  if (!f)
    return -1;
  while (fts_read(f))
    ;
  return fts_close(f); // no-warning
}

int mntent_leak(const char *dir) {
  FILE *m = setmntent("/proc/mounts", "r");
  if (!m)
    return -1;
  struct mntent *e;
  while ((e = getmntent(m)) != NULL)
    if (strcmp(e->mnt_dir, dir) == 0)
      return 1; // expected-warning{{Iterator returned by 'setmntent' is not closed on this path; call 'endmntent'}}
  endmntent(m);
  return 0;
}

int no_leak_mntent_closed_with_fclose(void) {
  FILE *m = setmntent(MOUNTED, "r");
  if (!m)
    return -1;
  int n = 0;
  while (getmntent(m))
    ++n;
  fclose(m); // endmntent is fclose
  return n;  // no-warning
}

int leveldb_leak_on_error(leveldb_t *db, const leveldb_readoptions_t *ro) {
  leveldb_iterator_t *it = leveldb_create_iterator(db, ro);
  for (leveldb_iter_seek_to_first(it); leveldb_iter_valid(it);
       leveldb_iter_next(it)) {
    size_t klen;
    const char *k = leveldb_iter_key(it, &klen);
    if (!k)
      return -1; // expected-warning{{Iterator returned by 'leveldb_create_iterator' is not closed on this path; call 'leveldb_iter_destroy'}}
  }
  char *err = NULL;
  leveldb_iter_get_error(it, &err);
  leveldb_iter_destroy(it);
  return err ? -1 : 0;
}

void no_leak_leveldb_destroyed(leveldb_t *db, const leveldb_readoptions_t *ro) {
  leveldb_iterator_t *it = leveldb_create_iterator(db, ro);
  for (leveldb_iter_seek_to_first(it); leveldb_iter_valid(it);
       leveldb_iter_next(it)) {
  }
  leveldb_iter_destroy(it); // no-warning
}

void rocksdb_leak(rocksdb_t *db, const rocksdb_readoptions_t *ro) {
  rocksdb_iterator_t *it = rocksdb_create_iterator(db, ro);
  rocksdb_iter_seek_to_first(it);
  if (!rocksdb_iter_valid(it))
    return; // expected-warning{{Iterator returned by 'rocksdb_create_iterator' is not closed on this path; call 'rocksdb_iter_destroy'}}
  rocksdb_iter_destroy(it);
}

void no_leak_rocksdb_cf(rocksdb_t *db, const rocksdb_readoptions_t *ro,
                        rocksdb_column_family_handle_t *cf) {
  rocksdb_iterator_t *it = rocksdb_create_iterator_cf(db, ro, cf);
  rocksdb_iter_seek_to_first(it);
  rocksdb_iter_destroy(it); // no-warning
}

long redis_leak(dict *d, void *wanted) {
  dictIterator *di = dictGetSafeIterator(d);
  dictEntry *de;
  long n = 0;
  while ((de = dictNext(di)) != NULL) {
    if (dictGetVal(de) == wanted)
      return n; // expected-warning{{Iterator returned by 'dictGetSafeIterator' is not closed on this path; call 'dictReleaseIterator'}}
    ++n;
  }
  dictReleaseIterator(di);
  return -1;
}

void no_leak_redis_released(dict *d) {
  dictIterator *di = dictGetIterator(d);
  while (dictNext(di))
    ;
  dictReleaseIterator(di); // no-warning
}

int gdir_leak(const char *path) {
  GError *err = NULL;
  GDir *dir = g_dir_open(path, 0, &err);
  if (!dir)
    return -1;
  const gchar *name;
  while ((name = g_dir_read_name(dir)) != NULL)
    if (name[0] == '.')
      return 1; // expected-warning{{Iterator returned by 'g_dir_open' is not closed on this path; call 'g_dir_close'}}
  g_dir_close(dir);
  return 0;
}

void no_leak_gdir_closed(const char *path) {
  GDir *dir = g_dir_open(path, 0, NULL);
  if (!dir)
    return;
  g_dir_rewind(dir);
  g_dir_close(dir); // no-warning
}

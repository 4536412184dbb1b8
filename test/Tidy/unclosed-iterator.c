// cvet-unclosed-iterator: the leaks the editor reports, and the code shapes
// it must stay silent on (the analyzer checker's tricky negatives).
// REQUIRES: cvet-tidy
// RUN: %clang_tidy --checks='-*,cvet-unclosed-iterator' %s -- -I %inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:'

#include "iter/dirent.h"
#include "iter/glob.h"
#include "iter/hsearch.h"
#include "iter/sqlite3.h"

void log_error(const char *what);
int remember_dir(DIR *d);

int leak_on_early_return(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  if (readdir(d) == NULL)
    return 0;
  // CHECK: :[[@LINE-1]]:5: warning: Iterator returned by 'opendir' is not closed on this path; call 'closedir' [cvet-unclosed-iterator]
  // CHECK: :[[@LINE-6]]:12: note: Iterator opened by 'opendir'
  closedir(d);
  return 1;
}

int leak_on_break(const char **paths, int n) {
  int found = 0;
  for (int i = 0; i < n; ++i) {
    DIR *d = opendir(paths[i]);
    if (!d)
      continue;
    if (readdir(d) == NULL)
      break;
    // CHECK: :[[@LINE-1]]:7: warning: Iterator returned by 'opendir' is not closed on this path; call 'closedir'
    closedir(d);
    ++found;
  }
  return found;
}

void leak_on_overwrite(const char *a, const char *b) {
  DIR *d = opendir(a);
  d = opendir(b);
  // CHECK: :[[@LINE-1]]:3: warning: Iterator returned by 'opendir' is not closed on this path; call 'closedir'
  if (d)
    closedir(d);
}

void leak_when_used_but_never_closed(const char *path) {
  DIR *d = opendir(path);
  if (d)
    readdir(d);
}
// CHECK: :[[@LINE-1]]:1: warning: Iterator returned by 'opendir' is not closed on this path; call 'closedir'

int no_leak_goto_cleanup_label(const char *path, sqlite3 *db) {
  int rc = -1;
  sqlite3_stmt *stmt = NULL;
  DIR *d = opendir(path);
  if (!d)
    goto out;
  if (sqlite3_prepare_v2(db, "INSERT", -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  while (readdir(d))
    sqlite3_step(stmt);
  rc = 0;
out:
  if (d)
    closedir(d);
  sqlite3_finalize(stmt);
  return rc;
}

int no_leak_null_check_in_flag(const char *p) {
  DIR *d = opendir(p);
  int ok = d != NULL;
  if (!ok)
    return -1;
  closedir(d);
  return 0;
}

// Closed exactly when opened: the CFG alone cannot pair the two conditions.
void no_leak_correlated_condition(const char *path, int want) {
  DIR *d = NULL;
  if (want) {
    d = opendir(path);
    if (!d)
      return;
  }
  if (want)
    closedir(d);
}

// A flag set on the path that opened the handle.
int no_leak_correlated_flag(const char *path) {
  int opened = 0;
  DIR *d = opendir(path);
  if (d != NULL) {
    opened = 1;
    readdir(d);
  }
  if (opened)
    closedir(d);
  return opened;
}

DIR *no_leak_returned(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    log_error("opendir");
  return d;
}

struct walker {
  DIR *dir;
};

int no_leak_stored_in_callers_object(struct walker *w, const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  w->dir = d;
  return 0;
}

int no_leak_handed_to_own_code(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  return remember_dir(d);
}

static void close_dirp(DIR **d) {
  if (*d)
    closedir(*d);
}

int no_leak_cleanup_attribute(const char *path) {
  __attribute__((cleanup(close_dirp))) DIR *d = opendir(path);
  if (!d)
    return -1;
  return readdir(d) != NULL;
}

void no_leak_exit_after_error(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  if (!readdir(d))
    exit(1);
  closedir(d);
}

int sqlite_leak_on_step_error(sqlite3 *db) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step(stmt) != SQLITE_ROW)
    return -1;
  // CHECK: :[[@LINE-1]]:5: warning: Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'
  int v = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return v;
}

int no_leak_sqlite_status_in_variable(sqlite3 *db, int id) {
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, "SELECT name FROM t WHERE id = ?", -1, &stmt,
                              NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_int(stmt, 1, id);
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
    (void)sqlite3_column_text(stmt, 0);
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE ? 0 : rc;
}

// The status was thrown away and the statement never used: the code may
// learn of the failure another way (sqlite3_errcode).
void no_leak_status_ignored_and_unused(sqlite3 *db) {
  sqlite3_stmt *stmt;
  sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL);
}

int glob_leak_on_empty_match(const char *pattern) {
  glob_t g;
  if (glob(pattern, 0, NULL, &g) != 0)
    return -1;
  if (g.gl_pathc == 0)
    return 0;
  // CHECK: :[[@LINE-1]]:5: warning: Scan started by 'glob' is not ended on this path; call 'globfree'
  int n = (int)g.gl_pathc;
  globfree(&g);
  return n;
}

void no_leak_glob_append(const char *a, const char *b) {
  glob_t g;
  if (glob(a, 0, NULL, &g) != 0)
    return;
  glob(b, GLOB_APPEND, NULL, &g);
  globfree(&g);
}

void *hash_scan_leak_on_break(HTAB *htab, long key) {
  HASH_SEQ_STATUS status;
  void *e;
  hash_seq_init(&status, htab);
  while ((e = hash_seq_search(&status)) != NULL)
    if (*(long *)e == key)
      break;
  // The scan leaks at the return, where status dies (the analyzer says so
  // at the break, where the path leaves the loop).
  // CHECK: :[[@LINE+1]]:3: warning: Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'
  return e;
}

long no_leak_hash_scan_to_the_end(HTAB *htab) {
  HASH_SEQ_STATUS status;
  long n = 0;
  void *e;
  hash_seq_init(&status, htab);
  while ((e = hash_seq_search(&status)) != NULL)
    n++;
  return n;
}

// Where handles leak: early return, break, continue, goto, overwrite; and
// where they do not: paths that end in exit() or abort().
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/sqlite3.h"

int leak_on_break(const char **paths, int n) {
  int found = 0;
  for (int i = 0; i < n; ++i) {
    DIR *d = opendir(paths[i]);
    if (!d)
      continue;
    if (readdir(d) == NULL)
      break; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
    closedir(d);
    ++found;
  }
  return found;
}

int leak_on_continue(const char **paths, int n) {
  int empty = 0;
  for (int i = 0; i < n; ++i) {
    DIR *d = opendir(paths[i]);
    if (!d)
      continue;
    if (readdir(d) == NULL) {
      ++empty;
      continue; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
    }
    closedir(d);
  }
  return empty;
}

int leak_on_goto(const char *path, sqlite3 *db) {
  int rc = -1;
  sqlite3_stmt *stmt = NULL;
  DIR *d = opendir(path);
  if (!d)
    goto out;
  if (sqlite3_prepare_v2(db, "INSERT", -1, &stmt, NULL) != SQLITE_OK)
    goto out; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  while (readdir(d))
    sqlite3_step(stmt);
  rc = 0;
  closedir(d);
out:
  sqlite3_finalize(stmt);
  return rc;
}

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
  return rc; // no-warning
}

void leak_on_overwrite(const char *a, const char *b) {
  DIR *d = opendir(a);
  d = opendir(b); // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  if (d)
    closedir(d);
}

void no_leak_exit_after_error(const char *path, int bad) {
  DIR *d = opendir(path);
  if (!d)
    exit(1);
  if (bad) {
    fprintf(stderr, "bad\n");
    exit(2); // no-warning: the process ends
  }
  closedir(d);
}

void no_leak_abort(const char *path) {
  DIR *d = opendir(path);
  if (d && readdir(d) == NULL)
    abort(); // no-warning
  if (d)
    closedir(d);
}

static void die(const char *msg) __attribute__((noreturn));
static void die(const char *msg) {
  fprintf(stderr, "%s\n", msg);
  exit(1);
}
void no_leak_noreturn_helper(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    die("opendir");
  if (!readdir(d))
    die("empty"); // no-warning
  closedir(d);
}

// Correlated conditions: closed exactly when opened.
void no_leak_correlated_flag(const char *path, int want) {
  DIR *d = NULL;
  if (want)
    d = opendir(path);
  if (want && d)
    closedir(d); // no-warning
}

// Two handles, each leaked on its own path: two reports.
void two_leaks(const char *a, const char *b, int x) {
  DIR *da = opendir(a);
  DIR *db = opendir(b);
  if (!da || !db) {
    if (da)
      closedir(da);
    if (db)
      closedir(db);
    return;
  }
  if (x)
    return; // expected-warning 2{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(da);
  closedir(db);
}

// Handles kept in a local array and never closed.
void leak_handles_in_array(const char **paths, int n) {
  DIR *dirs[8];
  for (int i = 0; i < n && i < 8; ++i)
    dirs[i] = opendir(paths[i]);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

void no_leak_handles_in_array_closed(const char **paths, int n) {
  DIR *dirs[2];
  if (n < 2)
    return;
  for (int i = 0; i < 2; ++i)
    dirs[i] = opendir(paths[i]);
  for (int i = 0; i < 2; ++i)
    if (dirs[i])
      closedir(dirs[i]);
} // no-warning

void leak_handle_at_unknown_index(const char *path, int k) {
  DIR *dirs[8];
  if (k < 0 || k >= 8)
    return;
  dirs[k] = opendir(path);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

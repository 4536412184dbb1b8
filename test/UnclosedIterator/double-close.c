// Closing a handle twice is reported; harmless second closes are not.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/sqlite3.h"
#include "iter/git2.h"
#include "iter/hsearch.h"
#include "iter/glob.h"

void closedir_twice(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  closedir(d);
  closedir(d); // expected-warning{{Iterator returned by 'opendir' is closed twice}}
}

void finalize_twice_on_error_path(sqlite3 *db) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) != SQLITE_OK)
    return;
  if (sqlite3_step(stmt) != SQLITE_ROW)
    sqlite3_finalize(stmt);
  sqlite3_finalize(stmt); // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is closed twice}}
}

void revwalk_free_twice(git_repository *repo) {
  git_revwalk *w;
  if (git_revwalk_new(&w, repo))
    return;
  git_revwalk_free(w);
  git_revwalk_free(w); // expected-warning{{Iterator opened by 'git_revwalk_new' is closed twice}}
}

void hash_seq_term_twice(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  hash_seq_term(&status);
  hash_seq_term(&status); // expected-warning{{Scan started by 'hash_seq_init' is ended twice}}
}

void no_warning_search_after_end(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  while (hash_seq_search(&status))
    ;
  (void)hash_seq_search(&status); // no-warning: not a close
}

void no_warning_globfree_twice(const char *p) {
  glob_t g;
  if (glob(p, 0, NULL, &g))
    return;
  globfree(&g);
  globfree(&g); // no-warning: glibc's globfree is idempotent
}

void no_warning_reopened(const char *p) {
  DIR *d = opendir(p);
  if (d)
    closedir(d);
  d = opendir(p);
  if (d)
    closedir(d); // no-warning: another handle
}

void no_warning_null_twice(void) {
  DIR *d = NULL;
  closedir(d);
  closedir(d); // no-warning: nothing tracked
}

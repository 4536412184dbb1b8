// Leaks the checker does not report today, kept visible. Each is a case
// where reporting would need more than the checker can be sure of. At the
// end, safe code that is reported, for the same reason.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/hsearch.h"
#include "iter/glob.h"
#include "iter/sqlite3.h"

// Starting a scan again before ending the first one. glob(GLOB_APPEND) does
// this legitimately, so a second start on an open scan is not reported.
void scan_restarted_without_term(HTAB *a, HTAB *b) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, a);
  (void)hash_seq_search(&status);
  hash_seq_init(&status, b); // TODO-expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
  while (hash_seq_search(&status))
    ;
}

// A handle passed to a function the project defines in another file: it
// might close it, so it is assumed to.
void log_dir(DIR *d);
void passed_to_unknown_logger(const char *path) {
  DIR *d = opendir(path);
  if (d)
    log_dir(d); // TODO-expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
}

// Using a handle after closing it is another bug class; not reported.
void use_after_close(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  closedir(d);
  readdir(d); // TODO-expected-warning{{Iterator returned by 'opendir' is used after it was closed}}
}

// A scan kept by a cleanup variable whose cleanup function does not end it:
// any cleanup variable is trusted.
static void not_a_closer(DIR **d) { (void)d; }
void cleanup_that_does_not_close(const char *path) {
  __attribute__((cleanup(not_a_closer))) DIR *d = opendir(path);
  (void)d; // TODO-expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
}

// Leaks that need more loop iterations than the analyzer unrolls (4).
void leak_on_fifth_iteration(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  for (int i = 0; i < 5; ++i)
    readdir(d);
  return; // TODO-expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
}

// False positive: success read from sqlite3_errcode(db) instead of the status
// sqlite3_prepare_v2 returned. The checker splits on the returned status only,
// so the error branch is also taken after a successful prepare.
int sqlite3_errcode(sqlite3 *db);
int checked_with_errcode(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (sqlite3_errcode(db) != SQLITE_OK)
    return -1; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}} FIXME: not a leak
  sqlite3_step(st);
  sqlite3_finalize(st);
  return 0;
}

// Leaks the checker does not report today, kept visible. Each is a case
// where reporting would need more than the checker can be sure of.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s
// expected-no-diagnostics

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

// A statement prepared with the status ignored, then neither used nor checked
// for NULL: the code may have learned of a failure another way
// (sqlite3_errcode), so it is not reported.
void prepared_and_forgotten(sqlite3 *db) {
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "select 1", -1, &st, NULL);
} // TODO-expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}

// A statement prepared again into the same element of an array of statements:
// the analyzer forgets the whole array at the call, so the old statement is
// not seen to be overwritten.
void prepared_again_into_array_element(sqlite3 *db, const char **sql, int n) {
  sqlite3_stmt *st[2] = {0};
  for (int i = 0; i < n; i++) {
    if (sqlite3_prepare_v2(db, sql[i], -1, &st[0], NULL) != SQLITE_OK) // TODO-expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
      break;
    sqlite3_step(st[0]);
  }
  sqlite3_finalize(st[0]);
}

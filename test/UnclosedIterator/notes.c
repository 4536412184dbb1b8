// Path notes: where the handle was opened, where the path turned, where it
// was closed (for a second close).
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-output=text -verify=expected,llvm%llvm_major %s

#include "iter/dirent.h"
#include "iter/sqlite3.h"
#include "iter/hsearch.h"

int dir_notes(const char *path, int limit) {
  DIR *d = opendir(path); // expected-note{{Iterator opened by 'opendir'}}
  if (!d)                 // expected-note{{Assuming 'd' is non-null}}
                          // expected-note@-1{{Taking false branch}}
    return -1;
  if (limit == 0)         // expected-note{{Assuming 'limit' is equal to 0}}
                          // expected-note@-1{{Taking true branch}}
    return 0; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
              // expected-note@-1{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return 1;
}

int stmt_notes(sqlite3 *db) {
  sqlite3_stmt *stmt;
  int rc = sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL); // expected-note{{Assuming 'sqlite3_prepare_v2' succeeds; it opens an iterator}}
  if (rc != SQLITE_OK) // expected-note{{'rc' is equal to SQLITE_OK}}
                       // expected-note@-1{{Taking false branch}}
    return rc;
  if (sqlite3_step(stmt) != SQLITE_ROW) // expected-note{{Assuming the condition is true}}
                                        // expected-note@-1{{Taking true branch}}
    return -1; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
               // expected-note@-1{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
  sqlite3_finalize(stmt);
  return 0;
}

void *scan_notes(HTAB *htab, void *wanted) {
  HASH_SEQ_STATUS status;
  void *e;
  hash_seq_init(&status, htab); // expected-note{{Scan started by 'hash_seq_init'}}
  while ((e = hash_seq_search(&status)) != NULL) { // expected-note{{Loop condition is true.  Entering loop body}}
    if (e == wanted) // expected-note{{Assuming 'e' is equal to 'wanted'}}
                     // expected-note@-1{{Taking true branch}}
      break; // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
             // expected-note@-1{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
             // expected-note@-2{{Execution continues on line 48}}
  }
  return e;
}

void double_close_notes(const char *path) {
  DIR *d = opendir(path); // expected-note{{Iterator opened by 'opendir'}}
  if (!d) // expected-note{{Assuming 'd' is non-null}}
          // expected-note@-1{{Taking false branch}}
    return;
  closedir(d); // expected-note{{Iterator closed by 'closedir'}}
  closedir(d); // expected-warning{{Iterator returned by 'opendir' is closed twice}}
               // expected-note@-1{{Iterator returned by 'opendir' is closed twice}}
}

void hash_seq_term_after_end_notes(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab); // expected-note{{Scan started by 'hash_seq_init'}}
  while (hash_seq_search(&status) != NULL) // expected-note{{Scan ended: 'hash_seq_search' returned NULL}}
                                           // expected-note@-1{{Loop condition is false. Execution continues on line}}
    ;
  hash_seq_term(&status); // expected-warning{{Scan started by 'hash_seq_init' is ended twice}}
                          // expected-note@-1{{Scan started by 'hash_seq_init' is ended twice}}
}

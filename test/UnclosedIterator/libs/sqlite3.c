// SQLite incremental blob I/O and online backups, against the real header.
// REQUIRES: sqlite3
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <sqlite3.h>
#include <stdio.h>

int read_blob(sqlite3 *db, sqlite3_int64 row, void *buf, int len) {
  sqlite3_blob *blob;
  int rc = sqlite3_blob_open(db, "main", "files", "data", row, 0, &blob);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "blob_open: %s\n", sqlite3_errmsg(db));
    return -1;
  }
  if (sqlite3_blob_bytes(blob) < len)
    return -1; // expected-warning{{Iterator opened by 'sqlite3_blob_open' is not closed on this path; call 'sqlite3_blob_close'}}
  rc = sqlite3_blob_read(blob, buf, len, 0);
  sqlite3_blob_close(blob);
  return rc == SQLITE_OK ? 0 : -1;
}

int backup_db(sqlite3 *src, const char *path) {
  sqlite3 *dst;
  if (sqlite3_open(path, &dst) != SQLITE_OK)
    return -1;
  sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) {
    sqlite3_close(dst);
    return -1;
  }
  int rc;
  do {
    rc = sqlite3_backup_step(b, 64);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
      sqlite3_sleep(50);
    else if (rc != SQLITE_OK && rc != SQLITE_DONE) {
      sqlite3_close(dst);
      return -1; // expected-warning{{Iterator returned by 'sqlite3_backup_init' is not closed on this path; call 'sqlite3_backup_finish'}}
    }
  } while (rc != SQLITE_DONE);
  rc = sqlite3_backup_finish(b);
  sqlite3_close(dst);
  return rc == SQLITE_OK ? 0 : -1; // no-warning
}

// Berkeley DB cursors against the real header: DB->cursor and DBC->close
// are function pointers in the library's structs, named in the model by
// `Member: DB::cursor`. A cursor must be closed before its transaction is
// resolved; closing the database closes the cursors still open on it.
// REQUIRES: libdb
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <db.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_db(DB *db, int ret, const char *what) {
  db->err(db, ret, "%s", what);
}

// The leak: an early return out of the scan loop.
int find_value(DB *db, DB_TXN *txn, const char *want, DBT *found) {
  DBC *dbc;
  DBT key, data;
  int ret;
  if ((ret = db->cursor(db, txn, &dbc, 0)) != 0) {
    log_db(db, ret, "DB->cursor");
    return ret;
  }
  memset(&key, 0, sizeof key);
  memset(&data, 0, sizeof data);
  while ((ret = dbc->get(dbc, &key, &data, DB_NEXT)) == 0) {
    if (data.size == strlen(want) && memcmp(data.data, want, data.size) == 0) {
      *found = key;
      return 0; // expected-warning{{Iterator opened by 'DB->cursor' is not closed on this path; call 'DBC->close'}}
    }
  }
  dbc->close(dbc);
  return ret == DB_NOTFOUND ? DB_NOTFOUND : ret;
}

// Closed on every path, the error path included.
int count_records(DB *db, DB_TXN *txn, long *n) {
  DBC *dbc;
  DBT key, data;
  int ret, t_ret;
  *n = 0;
  if ((ret = db->cursor(db, txn, &dbc, 0)) != 0)
    return ret; // no-warning
  memset(&key, 0, sizeof key);
  memset(&data, 0, sizeof data);
  while ((ret = dbc->get(dbc, &key, &data, DB_NEXT)) == 0)
    ++*n;
  if ((t_ret = dbc->close(dbc)) != 0 && ret == DB_NOTFOUND)
    ret = t_ret;
  return ret == DB_NOTFOUND ? 0 : ret; // no-warning
}

// The old method names (c_get, c_close) still work.
int delete_prefix(DB *db, const char *prefix) {
  DBC *dbc;
  DBT key, data;
  int ret;
  size_t len = strlen(prefix);
  if ((ret = db->cursor(db, NULL, &dbc, DB_WRITECURSOR)) != 0)
    return ret;
  memset(&key, 0, sizeof key);
  memset(&data, 0, sizeof data);
  key.data = (void *)prefix;
  key.size = (u_int32_t)len;
  ret = dbc->c_get(dbc, &key, &data, DB_SET_RANGE);
  while (ret == 0 && key.size >= len && memcmp(key.data, prefix, len) == 0) {
    if ((ret = dbc->c_del(dbc, 0)) != 0) {
      fprintf(stderr, "c_del: %s\n", db_strerror(ret));
      return ret; // expected-warning{{Iterator opened by 'DB->cursor' is not closed on this path; call 'DBC->close'}}
    }
    ret = dbc->c_get(dbc, &key, &data, DB_NEXT);
  }
  dbc->c_close(dbc);
  return ret == DB_NOTFOUND ? 0 : ret;
}

// Kept in an object that outlives the function: the iterator's owner
// closes it.
struct db_iter {
  DB *db;
  DBC *dbc;
};

int db_iter_open(struct db_iter *it, DB *db) {
  int ret;
  it->db = db;
  if ((ret = db->cursor(db, NULL, &it->dbc, 0)) != 0) {
    it->dbc = NULL;
    return ret;
  }
  return 0; // no-warning
}

DBC *open_cursor(DB *db, DB_TXN *txn) {
  DBC *dbc;
  if (db->cursor(db, txn, &dbc, 0) != 0)
    return NULL;
  return dbc; // no-warning
}

// Closing the database closes its cursors.
int dump_and_close(DB *db) {
  DBC *dbc;
  DBT key, data;
  int ret;
  if ((ret = db->cursor(db, NULL, &dbc, 0)) != 0) {
    db->close(db, 0);
    return ret;
  }
  memset(&key, 0, sizeof key);
  memset(&data, 0, sizeof data);
  while (dbc->get(dbc, &key, &data, DB_NEXT) == 0)
    printf("%.*s\n", (int)key.size, (char *)key.data);
  return db->close(db, 0); // no-warning
}

// A duplicate cursor is a cursor of its own.
int compare_next(DBC *dbc, int *same) {
  DBC *dup;
  DBT k1, d1, k2, d2;
  int ret;
  if ((ret = dbc->dup(dbc, &dup, DB_POSITION)) != 0)
    return ret;
  memset(&k1, 0, sizeof k1);
  memset(&d1, 0, sizeof d1);
  memset(&k2, 0, sizeof k2);
  memset(&d2, 0, sizeof d2);
  if ((ret = dbc->get(dbc, &k1, &d1, DB_CURRENT)) != 0)
    return ret; // expected-warning{{Iterator opened by 'DBC->dup' is not closed on this path; call 'DBC->close'}}
  if ((ret = dup->get(dup, &k2, &d2, DB_NEXT)) == 0)
    *same = d1.size == d2.size && memcmp(d1.data, d2.data, d1.size) == 0;
  dup->close(dup);
  return ret;
}

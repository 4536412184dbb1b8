// LMDB cursors against the real header. Ending a write transaction
// (mdb_txn_commit, mdb_txn_abort) frees its cursors; a cursor of a read-only
// transaction (mdb_txn_begin with MDB_RDONLY) must be closed explicitly.
// The model's KeepingOwners entry for mdb_txn_begin tells them apart by the
// flags argument (When: { Arg: 2, HasBits: MDB_RDONLY }).
// REQUIRES: lmdb
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_mdb(const char *what, int rc) {
  fprintf(stderr, "%s: %s\n", what, mdb_strerror(rc));
}

// The classic leak: a read-only lookup loop that ends the transaction but
// never closes the cursor.
long count_keys(MDB_env *env, MDB_dbi dbi) {
  MDB_txn *txn;
  MDB_cursor *cur;
  MDB_val k, v;
  long n = 0;
  int rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn);
  if (rc != MDB_SUCCESS) {
    log_mdb("mdb_txn_begin", rc);
    return -1;
  }
  rc = mdb_cursor_open(txn, dbi, &cur);
  if (rc != MDB_SUCCESS) {
    log_mdb("mdb_cursor_open", rc);
    mdb_txn_abort(txn);
    return -1;
  }
  while (mdb_cursor_get(cur, &k, &v, MDB_NEXT) == MDB_SUCCESS)
    ++n;
  mdb_txn_abort(txn);
  return n; // expected-warning{{Iterator opened by 'mdb_cursor_open' is not closed on this path; call 'mdb_cursor_close'}}
}

// Closed before the read-only transaction ends: no leak.
long count_keys_closed(MDB_env *env, MDB_dbi dbi) {
  MDB_txn *txn;
  MDB_cursor *cur;
  MDB_val k, v;
  long n = 0;
  if (mdb_txn_begin(env, NULL, MDB_RDONLY, &txn) != MDB_SUCCESS)
    return -1;
  if (mdb_cursor_open(txn, dbi, &cur) != MDB_SUCCESS) {
    mdb_txn_abort(txn);
    return -1; // no-warning
  }
  while (mdb_cursor_get(cur, &k, &v, MDB_NEXT) == MDB_SUCCESS)
    ++n;
  mdb_cursor_close(cur);
  mdb_txn_abort(txn);
  return n; // no-warning
}

// Other flags next to MDB_RDONLY: still read-only.
int find_prefix(MDB_env *env, MDB_dbi dbi, const char *prefix, MDB_val *out) {
  MDB_txn *txn;
  MDB_cursor *cur;
  MDB_val k;
  size_t len = strlen(prefix);
  int rc = mdb_txn_begin(env, NULL, MDB_RDONLY | MDB_NOSYNC, &txn);
  if (rc)
    return rc;
  if ((rc = mdb_cursor_open(txn, dbi, &cur)) != 0) {
    mdb_txn_abort(txn);
    return rc;
  }
  k.mv_size = len;
  k.mv_data = (void *)prefix;
  rc = mdb_cursor_get(cur, &k, out, MDB_SET_RANGE);
  if (rc == MDB_NOTFOUND || k.mv_size < len || memcmp(k.mv_data, prefix, len)) {
    mdb_txn_abort(txn);
    return MDB_NOTFOUND; // expected-warning{{Iterator opened by 'mdb_cursor_open' is not closed on this path; call 'mdb_cursor_close'}}
  }
  mdb_cursor_close(cur);
  mdb_txn_abort(txn);
  return rc;
}

// A write transaction's commit frees its cursor: no report.
int purge_expired(MDB_env *env, MDB_dbi dbi, long now) {
  MDB_txn *txn;
  MDB_cursor *cur;
  MDB_val k, v;
  int rc = mdb_txn_begin(env, NULL, 0, &txn);
  if (rc)
    return rc;
  if ((rc = mdb_cursor_open(txn, dbi, &cur)) != 0) {
    mdb_txn_abort(txn);
    return rc;
  }
  while (mdb_cursor_get(cur, &k, &v, MDB_NEXT) == 0) {
    long expires;
    if (v.mv_size < sizeof expires)
      continue;
    memcpy(&expires, v.mv_data, sizeof expires);
    if (expires < now && (rc = mdb_cursor_del(cur, 0)) != 0) {
      log_mdb("mdb_cursor_del", rc);
      mdb_txn_abort(txn);
      return rc; // no-warning
    }
  }
  return mdb_txn_commit(txn); // no-warning
}

// The flags come from the caller: which kind it is is not known, and the
// transaction's end is taken to end the cursor (no report).
int first_key(MDB_env *env, MDB_dbi dbi, unsigned flags, MDB_val *key) {
  MDB_txn *txn;
  MDB_cursor *cur;
  MDB_val v;
  int rc = mdb_txn_begin(env, NULL, flags, &txn);
  if (rc)
    return rc;
  if ((rc = mdb_cursor_open(txn, dbi, &cur)) != 0) {
    mdb_txn_abort(txn);
    return rc;
  }
  rc = mdb_cursor_get(cur, key, &v, MDB_FIRST);
  mdb_txn_abort(txn);
  return rc; // no-warning
}

// A read-only transaction's cursor kept for later use (renewed with
// mdb_cursor_renew): stored into an object that outlives the function.
struct reader {
  MDB_txn *txn;
  MDB_cursor *cur;
};

int reader_open(struct reader *r, MDB_env *env, MDB_dbi dbi) {
  int rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &r->txn);
  if (rc)
    return rc;
  MDB_cursor *cur;
  if ((rc = mdb_cursor_open(r->txn, dbi, &cur)) != 0) {
    mdb_txn_abort(r->txn);
    return rc;
  }
  r->cur = cur;
  mdb_txn_reset(r->txn);
  return 0; // no-warning
}

// Returned to the caller, who closes it.
MDB_cursor *open_ro_cursor(MDB_env *env, MDB_dbi dbi, MDB_txn **txn) {
  MDB_cursor *cur;
  if (mdb_txn_begin(env, NULL, MDB_RDONLY, txn) != 0)
    return NULL;
  if (mdb_cursor_open(*txn, dbi, &cur) != 0) {
    mdb_txn_abort(*txn);
    return NULL;
  }
  return cur; // no-warning
}

// Two transactions: the write one's commit does not end the read-only one's
// cursor, which leaks when the function returns.
int copy_all(MDB_env *env, MDB_dbi from, MDB_dbi to) {
  MDB_txn *rtxn, *wtxn;
  MDB_cursor *rc_cur;
  MDB_val k, v;
  int rc;
  if ((rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &rtxn)) != 0)
    return rc;
  if ((rc = mdb_txn_begin(env, NULL, 0, &wtxn)) != 0) {
    mdb_txn_abort(rtxn);
    return rc;
  }
  if ((rc = mdb_cursor_open(rtxn, from, &rc_cur)) != 0) {
    mdb_txn_abort(wtxn);
    mdb_txn_abort(rtxn);
    return rc;
  }
  while (mdb_cursor_get(rc_cur, &k, &v, MDB_NEXT) == 0)
    if ((rc = mdb_put(wtxn, to, &k, &v, 0)) != 0)
      break;
  mdb_txn_commit(wtxn);
  mdb_txn_abort(rtxn);
  return rc; // expected-warning{{Iterator opened by 'mdb_cursor_open' is not closed on this path; call 'mdb_cursor_close'}}
}

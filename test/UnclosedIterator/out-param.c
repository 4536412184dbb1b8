// Handles written through an out-parameter: SQLite statements, LMDB cursors,
// libgit2 walkers and iterators. A non-OK status opens nothing.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/sqlite3.h"
#include "iter/lmdb.h"
#include "iter/git2.h"

int sqlite_leak_on_step_error(sqlite3 *db) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) != SQLITE_OK)
    return -1; // no-warning: nothing was opened
  if (sqlite3_step(stmt) != SQLITE_ROW)
    return -1; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
  int v = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return v;
}

int no_leak_sqlite_finalized(sqlite3 *db, int id) {
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, "SELECT name FROM t WHERE id = ?", -1, &stmt,
                              NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_int(stmt, 1, id);
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
    (void)sqlite3_column_text(stmt, 0);
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE ? 0 : rc; // no-warning
}

void no_leak_sqlite_status_not_checked_then_finalized(sqlite3 *db) {
  sqlite3_stmt *stmt;
  sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt); // no-warning
}

void sqlite_status_ignored_leak(sqlite3 *db) {
  sqlite3_stmt *stmt;
  sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL);
  sqlite3_step(stmt);
} // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}

void no_leak_sqlite_empty_statement(sqlite3 *db, const char *sql) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  if (stmt == NULL)
    return; // no-warning: SQL with no statement prepares nothing
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
}

void sqlite_prepare_v3_leak(sqlite3 *db, int flag) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v3(db, "SELECT 1", -1, 0, &stmt, NULL))
    return;
  if (flag)
    return; // expected-warning{{Iterator opened by 'sqlite3_prepare_v3' is not closed on this path; call 'sqlite3_finalize'}}
  sqlite3_finalize(stmt);
}

void sqlite_prepare_legacy_leak(sqlite3 *db) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare(db, "SELECT 1", -1, &stmt, NULL) == SQLITE_OK)
    sqlite3_step(stmt);
} // expected-warning{{Iterator opened by 'sqlite3_prepare' is not closed on this path; call 'sqlite3_finalize'}}

void sqlite_overwritten_in_loop(sqlite3 *db, const char **sqls, int n) {
  sqlite3_stmt *stmt = NULL;
  for (int i = 0; i < n; ++i) {
    // The second prepare overwrites the first statement.
    if (sqlite3_prepare_v2(db, sqls[i], -1, &stmt, NULL) != SQLITE_OK) // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
      break;
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
}

int lmdb_leak(MDB_txn *txn, MDB_dbi dbi) {
  MDB_cursor *cur;
  int rc = mdb_cursor_open(txn, dbi, &cur);
  if (rc != MDB_SUCCESS)
    return rc;
  MDB_val k, v;
  while ((rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) == MDB_SUCCESS)
    if (k.mv_size == 0)
      return -1; // expected-warning{{Iterator opened by 'mdb_cursor_open' is not closed on this path; call 'mdb_cursor_close'}}
  mdb_cursor_close(cur);
  return rc == MDB_NOTFOUND ? 0 : rc;
}

int no_leak_lmdb_closed(MDB_txn *txn, MDB_dbi dbi) {
  MDB_cursor *cur;
  if (mdb_cursor_open(txn, dbi, &cur))
    return -1;
  MDB_val k, v;
  mdb_cursor_get(cur, &k, &v, MDB_FIRST);
  mdb_cursor_close(cur);
  return 0; // no-warning
}

// Ending a write transaction closes its cursors (LMDB's documented rule), so
// code commits or aborts without mdb_cursor_close.
int no_leak_lmdb_cursor_ended_with_write_txn(MDB_env *env, MDB_dbi dbi,
                                             MDB_val *k, MDB_val *v, int n) {
  MDB_txn *txn;
  MDB_cursor *cur;
  int rc = mdb_txn_begin(env, NULL, 0, &txn);
  if (rc)
    return rc;
  rc = mdb_cursor_open(txn, dbi, &cur);
  if (rc) {
    mdb_txn_abort(txn);
    return rc;
  }
  for (int i = 0; i < n; ++i)
    if ((rc = mdb_cursor_put(cur, &k[i], &v[i], 0))) {
      mdb_txn_abort(txn);
      return rc; // no-warning
    }
  return mdb_txn_commit(txn); // no-warning
}

// A cursor closed after its (read-only) transaction ended is closed once.
int no_double_close_after_txn_end(MDB_txn *txn, MDB_dbi dbi) {
  MDB_cursor *cur;
  if (mdb_cursor_open(txn, dbi, &cur))
    return -1;
  mdb_txn_abort(txn);
  mdb_cursor_close(cur); // no-warning
  return 0;
}

// Closed, then the transaction ends, then closed again: still twice.
void lmdb_cursor_closed_twice_around_txn_end(MDB_txn *txn, MDB_dbi dbi) {
  MDB_cursor *cur;
  if (mdb_cursor_open(txn, dbi, &cur))
    return;
  mdb_cursor_close(cur);
  mdb_txn_abort(txn);
  mdb_cursor_close(cur); // expected-warning{{Iterator opened by 'mdb_cursor_open' is closed twice}}
}

int revwalk_leak(git_repository *repo) {
  git_revwalk *walk;
  git_oid oid;
  int n = 0;
  if (git_revwalk_new(&walk, repo) < 0)
    return -1;
  if (git_revwalk_push_head(walk) < 0)
    return -1; // expected-warning{{Iterator opened by 'git_revwalk_new' is not closed on this path; call 'git_revwalk_free'}}
  while (git_revwalk_next(&oid, walk) == 0)
    ++n;
  git_revwalk_free(walk);
  return n;
}

int no_leak_revwalk_failed(git_repository *repo) {
  git_revwalk *walk = NULL;
  int error = git_revwalk_new(&walk, repo);
  if (error != 0)
    return error; // no-warning
  git_revwalk_free(walk);
  return 0;
}

int branch_iterator_leak(git_repository *repo) {
  git_branch_iterator *it;
  git_reference *ref;
  git_branch_t type;
  int error = git_branch_iterator_new(&it, repo, GIT_BRANCH_LOCAL);
  if (error)
    return error;
  while ((error = git_branch_next(&ref, &type, it)) == 0) {
    git_reference_free(ref);
    if (type == GIT_BRANCH_REMOTE)
      break;
  }
  return error == GIT_ITEROVER ? 0 : error; // expected-warning{{Iterator opened by 'git_branch_iterator_new' is not closed on this path; call 'git_branch_iterator_free'}}
}

int no_leak_reference_iterator(git_repository *repo) {
  git_reference_iterator *it;
  git_reference *ref;
  int error;
  if ((error = git_reference_iterator_new(&it, repo)) < 0)
    return error;
  while (!(error = git_reference_next(&ref, it)))
    git_reference_free(ref);
  git_reference_iterator_free(it);
  return error == GIT_ITEROVER ? 0 : error; // no-warning
}

void config_iterator_leak(git_config *cfg) {
  git_config_iterator *it;
  git_config_entry *entry;
  if (git_config_iterator_new(&it, cfg) == 0)
    while (git_config_next(&entry, it) == 0)
      ;
} // expected-warning{{Iterator opened by 'git_config_iterator_new' is not closed on this path; call 'git_config_iterator_free'}}

struct query {
  sqlite3_stmt *stmt;
  int rows;
};

int local_struct_field_leak(sqlite3 *db) {
  struct query q = {0, 0};
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &q.stmt, NULL) != SQLITE_OK)
    return -1;
  while (sqlite3_step(q.stmt) == SQLITE_ROW)
    q.rows++;
  return q.rows; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
}

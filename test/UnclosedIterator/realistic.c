// Code shaped the way real C projects write it: safe code that looks like a
// leak (each must stay quiet), and real leaks in their usual disguises.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/glob.h"
#include "iter/hsearch.h"
#include "iter/sqlite3.h"

//===-- Safe -------------------------------------------------------------===//

// Handles kept in a local struct, closed by a cleanup function.
struct scanner {
  DIR *dirs[4];
  int n;
};
static void scanner_cleanup(struct scanner *s) {
  for (int i = 0; i < s->n; ++i)
    closedir(s->dirs[i]);
}
int no_leak_array_in_struct_cleanup(const char **paths, int n) {
  struct scanner s;
  s.n = 0;
  for (int i = 0; i < n && i < 4; ++i) {
    DIR *d = opendir(paths[i]);
    if (!d) {
      scanner_cleanup(&s);
      return -1;
    }
    s.dirs[s.n++] = d;
  }
  scanner_cleanup(&s);
  return 0; // no-warning
}

// Closed through an operations table.
struct dir_ops {
  int (*close)(void *);
};
int no_leak_ops_close(const struct dir_ops *ops, const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  ops->close(d);
  return 0; // no-warning
}

// The single cleanup label.
int no_leak_goto_out(const char *a, const char *b) {
  int ret = -1;
  DIR *d1 = NULL, *d2 = NULL;
  if (!(d1 = opendir(a)))
    goto out;
  if (!(d2 = opendir(b)))
    goto out;
  if (!readdir(d2))
    goto out;
  ret = 0;
out:
  if (d2)
    closedir(d2);
  if (d1)
    closedir(d1);
  return ret; // no-warning
}

// A static cache, a global array, a function-local static.
static DIR *cache_dir;
DIR *dir_cache[8];
void no_leak_static_cache(const char *p) {
  if (!cache_dir)
    cache_dir = opendir(p); // no-warning
}
void no_leak_global_array(const char *p, int i) {
  DIR *d = opendir(p);
  if (d)
    dir_cache[i] = d; // no-warning
}

// A wrapper that closes unless told to keep it; the caller keeps it then.
static void maybe_close(DIR *d, int keep) {
  if (!keep)
    closedir(d);
}
DIR *kept_dir;
void no_leak_conditional_wrapper(const char *p, int keep) {
  DIR *d = opendir(p);
  if (!d)
    return;
  maybe_close(d, keep);
  if (keep)
    kept_dir = d;
} // no-warning

// Loops driven by flags.
int no_leak_open_flag(const char **paths, int n) {
  DIR *d = NULL;
  int open = 0;
  for (int i = 0; i < n; ++i) {
    if (open) {
      closedir(d);
      open = 0;
    }
    d = opendir(paths[i]); // no-warning
    if (d)
      open = 1;
  }
  if (open)
    closedir(d);
  return 0;
}

// Returned inside a struct by value.
struct dirh {
  DIR *d;
  int fd;
};
struct dirh no_leak_compound_literal_returned(const char *p) {
  DIR *d = opendir(p);
  return (struct dirh){.d = d, .fd = 0}; // no-warning
}

// A closing macro.
#define CLOSE_DIR(d)                                                           \
  do {                                                                         \
    if (d) {                                                                   \
      closedir(d);                                                             \
      (d) = NULL;                                                              \
    }                                                                          \
  } while (0)
int no_leak_do_while_macro(const char *p, int x) {
  DIR *d = opendir(p);
  if (x) {
    CLOSE_DIR(d);
    return 1;
  }
  CLOSE_DIR(d);
  return 0; // no-warning
}

// A realloc'd array of handles.
int no_leak_realloc_array(const char **paths, int n) {
  DIR **v = NULL;
  int cnt = 0;
  for (int i = 0; i < n; ++i) {
    DIR *d = opendir(paths[i]);
    if (!d)
      continue;
    DIR **nv = realloc(v, (cnt + 1) * sizeof *v);
    if (!nv) {
      closedir(d);
      break;
    }
    v = nv;
    v[cnt++] = d;
  }
  for (int i = 0; i < cnt; ++i)
    closedir(v[i]);
  free(v);
  return cnt; // no-warning
}

// A linked list of handles.
struct node {
  DIR *d;
  struct node *next;
};
int no_leak_linked_list(const char **paths, int n) {
  struct node *head = NULL;
  for (int i = 0; i < n; ++i) {
    DIR *d = opendir(paths[i]);
    if (!d)
      continue;
    struct node *nd = malloc(sizeof *nd);
    if (!nd) {
      closedir(d);
      break;
    }
    nd->d = d;
    nd->next = head;
    head = nd;
  }
  while (head) {
    struct node *nx = head->next;
    closedir(head->d);
    free(head);
    head = nx;
  }
  return 0; // no-warning
}

// Acquisition and release under the same condition.
int no_leak_correlated_condition(const char *p, int want) {
  DIR *d;
  if (want) {
    d = opendir(p);
    if (!d)
      return -1;
  }
  printf("scanning\n");
  if (want)
    closedir(d);
  return 0; // no-warning
}

// The handle saved elsewhere before the variable is reused.
int no_leak_saved_before_overwrite(const char *p, const char *q) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  DIR *old = d;
  d = opendir(q); // no-warning
  closedir(old);
  if (d)
    closedir(d);
  return 0;
}

// The NULL-ness of the handle kept in a flag.
int no_leak_null_check_in_flag(const char *p) {
  DIR *d = opendir(p);
  int ok = d != NULL;
  if (!ok)
    return -1; // no-warning
  closedir(d);
  return 0;
}

// SQLite: an empty statement (NULL on SQLITE_OK) is not finalized; the
// status checked through macros; the tail loop over several statements.
int no_leak_sqlite_empty_statement(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
    return -1;
  if (!st)
    return 0; // no-warning
  sqlite3_step(st);
  sqlite3_finalize(st);
  return 0;
}
#define CHECK(rc)                                                              \
  do {                                                                         \
    if ((rc) != SQLITE_OK)                                                     \
      goto fail;                                                               \
  } while (0)
#define TRY(x)                                                                 \
  if ((x) != SQLITE_OK)                                                        \
  return -1
int no_leak_sqlite_check_macro(sqlite3 *db) {
  sqlite3_stmt *st = 0;
  int rc = sqlite3_prepare_v2(db, "select 1", -1, &st, NULL);
  CHECK(rc);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return 0;
fail:
  return -1; // no-warning
}
int no_leak_sqlite_try_macro(sqlite3 *db) {
  sqlite3_stmt *st;
  TRY(sqlite3_prepare_v2(db, "select 1", -1, &st, NULL)); // no-warning
  sqlite3_step(st);
  sqlite3_finalize(st);
  return 0;
}
int no_leak_sqlite_tail_loop(sqlite3 *db, const char *sql) {
  const char *tail = sql;
  while (tail && *tail) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, tail, -1, &st, &tail) != SQLITE_OK)
      return -1;
    if (!st)
      continue; // no-warning
    while (sqlite3_step(st) == SQLITE_ROW)
      ;
    sqlite3_finalize(st);
  }
  return 0;
}
int no_leak_sqlite_statements_kept_in_array(sqlite3 *db, const char **sql,
                                            int n) {
  sqlite3_stmt *st, *all[4];
  int k = 0;
  for (int i = 0; i < n && i < 4; ++i) {
    if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) != SQLITE_OK) // no-warning
      break;
    all[k++] = st;
  }
  for (int i = 0; i < k; ++i)
    sqlite3_finalize(all[i]);
  return k;
}

// PostgreSQL: the scan run to its end with for (;;), or left after the loop
// only when it did not end.
int no_leak_hash_seq_forever(HTAB *h) {
  HASH_SEQ_STATUS s;
  int n = 0;
  hash_seq_init(&s, h);
  for (;;) {
    void *e = hash_seq_search(&s);
    if (!e)
      break; // no-warning
    n++;
  }
  return n;
}
int no_leak_hash_seq_term_if_left(HTAB *h, int key) {
  HASH_SEQ_STATUS s;
  int *e;
  hash_seq_init(&s, h);
  while ((e = hash_seq_search(&s)) != NULL)
    if (*e == key)
      break;
  if (e)
    hash_seq_term(&s);
  return e != NULL; // no-warning
}

// Closed by the project's own wrappers.
void my_closedir(DIR *d);
void xfree(void *p);
static void safe_closedir(DIR **dp) {
  if (*dp) {
    closedir(*dp);
    *dp = NULL;
  }
}
void no_leak_project_closer(const char *p) {
  DIR *d = opendir(p);
  if (d)
    my_closedir(d); // no-warning
}
void no_leak_project_free(const char *p) {
  DIR *d = opendir(p);
  xfree(d); // no-warning
}
void no_leak_clear_and_close(const char *p) {
  DIR *d = opendir(p);
  safe_closedir(&d); // no-warning
}

// glob: results freed also when it failed (POSIX allows partial results).
int no_leak_globfree_on_failure(const char *pat) {
  glob_t g;
  if (glob(pat, 0, NULL, &g) != 0) {
    globfree(&g);
    return -1;
  }
  globfree(&g);
  return 0; // no-warning
}

// The status ignored, success read from sqlite3_errcode(db).
int sqlite3_errcode(sqlite3 *db);
int no_leak_checked_with_errcode(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (sqlite3_errcode(db) != SQLITE_OK) {
    fprintf(stderr, "%s\n", sqlite3_errmsg(db));
    return -1; // no-warning
  }
  sqlite3_step(st);
  sqlite3_finalize(st);
  return 0;
}

// A library call writes next to the handle, into the same struct or array.
struct walker {
  DIR *d;
  char path[256];
};
int no_leak_buffer_next_to_handle(const char *p) {
  struct walker w;
  w.d = opendir(p);
  if (!w.d)
    return -1;
  snprintf(w.path, sizeof w.path, "%s", p);
  strcpy(w.path, p);
  readdir(w.d);
  closedir(w.d);
  return 0; // no-warning
}
struct entry_buf {
  DIR *d;
  struct dirent ent;
};
int no_leak_readdir_r_next_to_handle(const char *p) {
  struct entry_buf c;
  struct dirent *res;
  c.d = opendir(p);
  if (!c.d)
    return -1;
  readdir_r(c.d, &c.ent, &res);
  closedir(c.d);
  return 0; // no-warning
}
enum { Q_GET, Q_PUT, Q_DEL, Q_N };
static const char *const queries_sql[Q_N] = {"select", "insert", "delete"};
int no_leak_statement_array(sqlite3 *db) {
  sqlite3_stmt *st[Q_N] = {0};
  int rc = 0;
  for (int i = 0; i < Q_N; i++)
    if ((rc = sqlite3_prepare_v2(db, queries_sql[i], -1, &st[i], NULL)) !=
        SQLITE_OK)
      goto out;
  sqlite3_step(st[Q_GET]);
out:
  for (int i = 0; i < Q_N; i++)
    sqlite3_finalize(st[i]);
  return rc; // no-warning
}
struct queries {
  sqlite3_stmt *get, *put;
};
static int prep(sqlite3 *db, const char *sql, sqlite3_stmt **out) {
  int rc = sqlite3_prepare_v2(db, sql, -1, out, NULL);
  if (rc != SQLITE_OK)
    fprintf(stderr, "%s\n", sqlite3_errmsg(db));
  return rc;
}
static void queries_fini(struct queries *q) {
  sqlite3_finalize(q->get);
  sqlite3_finalize(q->put);
}
int no_leak_statements_in_struct(sqlite3 *db) {
  struct queries q = {0};
  if (prep(db, "select", &q.get) || prep(db, "insert", &q.put)) {
    queries_fini(&q);
    return -1;
  }
  sqlite3_step(q.get);
  queries_fini(&q);
  return 0; // no-warning
}

//===-- Leaks ------------------------------------------------------------===//

// An error path after a successful open in a helper the caller inlines.
static DIR *open_checked(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return NULL;
  return d;
}
static int count_entries(const char *p, int limit) {
  DIR *d = open_checked(p);
  int n = 0;
  if (!d)
    return -1;
  while (readdir(d))
    if (++n > limit)
      return -2; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return n;
}
int leak_in_nested_helper(const char *p) { return count_entries(p, 1); }

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **out) {
  return sqlite3_prepare_v2(db, sql, -1, out, NULL);
}
int leak_after_prepare_in_helper(sqlite3 *db, int x) {
  sqlite3_stmt *st;
  if (prepare(db, "select 1", &st) != SQLITE_OK)
    return -1;
  if (x)
    return -2; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
  sqlite3_finalize(st);
  return 0;
}

// Reopened in a loop without closing the last one.
int leak_reopened_in_loop(const char **paths, int n) {
  DIR *d = NULL;
  for (int i = 0; i < n; ++i) {
    d = opendir(paths[i]); // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
    if (!d)
      continue;
    readdir(d);
  }
  if (d)
    closedir(d);
  return 0;
}

// One case of a switch forgets it.
int leak_in_switch_case(const char *p, int mode) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  switch (mode) {
  case 0:
    closedir(d);
    return 0;
  case 1:
    readdir(d);
    return 1; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  default:
    break;
  }
  closedir(d);
  return 2;
}

// A for (;;) scan left by return.
void *leak_hash_seq_forever_return(HTAB *h, int key) {
  HASH_SEQ_STATUS s;
  int *e;
  hash_seq_init(&s, h);
  for (;;) {
    e = hash_seq_search(&s);
    if (!e)
      break;
    if (*e == key)
      return e; // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
  }
  return NULL;
}

// The handle in a local struct's field.
struct ctx {
  DIR *d;
};
int leak_in_local_struct(const char *p) {
  struct ctx c;
  c.d = opendir(p);
  if (!c.d)
    return -1;
  if (!readdir(c.d))
    return -2; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(c.d);
  return 0;
}

// A step error returns before finalizing.
int leak_on_step_error(sqlite3 *db) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, "select 1", -1, &st, NULL);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "%s\n", sqlite3_errmsg(db));
    return rc;
  }
  rc = sqlite3_step(st);
  if (rc != SQLITE_ROW)
    return rc; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
  sqlite3_finalize(st);
  return 0;
}

// hash_seq_search already ended the scan when it returned NULL.
void term_after_scan_ended(HTAB *h) {
  HASH_SEQ_STATUS s;
  hash_seq_init(&s, h);
  while (hash_seq_search(&s))
    ;
  hash_seq_term(&s); // expected-warning{{Scan started by 'hash_seq_init' is ended twice}}
}

// Prepared and stepped in one condition: a step that is not a row leaks.
int leak_when_step_is_not_a_row(sqlite3 *db, int *out) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "select 1", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return 0;
  }
  return -1; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
}

// A checking macro that returns.
#define CHECK_OR_RETURN(x)                                                     \
  do {                                                                         \
    if (!(x))                                                                  \
      return -1;                                                               \
  } while (0)
int leak_in_returning_macro(const char *p, int ok) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  CHECK_OR_RETURN(ok); // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return 0;
}

// A return from a switch inside the read loop.
int leak_return_in_switch_in_loop(const char *p) {
  DIR *d = opendir(p);
  struct dirent *e;
  if (!d)
    return -1;
  while ((e = readdir(d))) {
    switch (e->d_type) {
    case 4:
      continue;
    case 0:
      return -2; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
    default:
      break;
    }
  }
  closedir(d);
  return 0;
}

// The status ignored, but the statement used or checked: it was opened.
void leak_status_ignored_statement_used(sqlite3 *db) {
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "select 1", -1, &st, NULL);
  sqlite3_step(st);
} // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
int leak_status_ignored_statement_checked(sqlite3 *db, int x) {
  sqlite3_stmt *st;
  (void)sqlite3_prepare_v2(db, "select 1", -1, &st, NULL);
  if (!st)
    return -1;
  if (x)
    return 1; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
  sqlite3_step(st);
  sqlite3_finalize(st);
  return 0;
}
int leak_after_errcode_check(sqlite3 *db, int x) {
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "select 1", -1, &st, NULL);
  if (sqlite3_errcode(db) != SQLITE_OK)
    return -1;
  sqlite3_step(st);
  if (x)
    return 1; // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}
  sqlite3_finalize(st);
  return 0;
}

// PostgreSQL: elog(ERROR) does not return (the transaction abort ends the
// scan), and a scan wrapped in a project's iterator functions.
void elog_finish(int, const char *, ...);
#define PG_ERROR 21
#define elog(l, ...)                                                           \
  do {                                                                         \
    elog_finish(l, __VA_ARGS__);                                               \
    if ((l) >= PG_ERROR)                                                       \
      __builtin_unreachable();                                                 \
  } while (0)
typedef struct {
  int key;
  int val;
} Ent;
int no_leak_elog_error_in_scan(HTAB *h) {
  HASH_SEQ_STATUS s;
  Ent *e;
  int n = 0;
  hash_seq_init(&s, h);
  while ((e = hash_seq_search(&s)) != NULL) {
    if (e->val < 0)
      elog(PG_ERROR, "bad value %d", e->val); // no-warning
    n += e->val;
  }
  return n;
}
typedef struct {
  HASH_SEQ_STATUS status;
  HTAB *h;
} Iter;
static void iter_begin(Iter *it, HTAB *h) {
  it->h = h;
  hash_seq_init(&it->status, h);
}
static Ent *iter_next(Iter *it) { return hash_seq_search(&it->status); }
static void iter_end(Iter *it) { hash_seq_term(&it->status); }
int no_leak_wrapped_scan_ended(HTAB *h, int key) {
  Iter it;
  Ent *e;
  iter_begin(&it, h);
  while ((e = iter_next(&it)) != NULL)
    if (e->key == key) {
      iter_end(&it);
      return 1; // no-warning
    }
  return 0;
}
int leak_wrapped_scan_left(HTAB *h, int key) {
  Iter it;
  Ent *e;
  iter_begin(&it, h);
  while ((e = iter_next(&it)) != NULL)
    if (e->key == key)
      return 1; // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
  return 0;
}

// A recursive walk: every level closes its directory, also when a deeper
// level or the callback fails; the leaky variant returns past its own.
static int walk(const char *p, int depth, int (*cb)(const char *)) {
  DIR *d = opendir(p);
  struct dirent *e;
  int r = 0;
  if (!d)
    return -1;
  while ((e = readdir(d)) != NULL) {
    char buf[256];
    if (e->d_name[0] == '.')
      continue;
    snprintf(buf, sizeof buf, "%s/%s", p, e->d_name);
    if (e->d_type == 4 && depth < 3) {
      if ((r = walk(buf, depth + 1, cb)) < 0)
        break;
    } else if (cb && (r = cb(buf)) != 0) {
      break;
    }
  }
  closedir(d);
  return r; // no-warning
}
int no_leak_recursive_walk(const char *root, int (*cb)(const char *)) {
  return walk(root, 0, cb);
}
static int walk_leaky(const char *p, int depth) {
  DIR *d = opendir(p);
  struct dirent *e;
  if (!d)
    return -1;
  while ((e = readdir(d)) != NULL) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", p, e->d_name);
    if (e->d_type == 4 && depth < 2)
      if (walk_leaky(buf, depth + 1) < 0)
        return -1; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  }
  closedir(d);
  return 0;
}
int leak_in_recursive_walk(const char *root) { return walk_leaky(root, 0); }

// Odd C must not crash the checker: goto, computed goto, VLAs, macros,
// statement expressions, blocks, function pointers, unions, casts,
// recursion, noreturn functions. K&R C is in no-crash-kr.c.
// RUN: %clang_analyze_cc1 -std=gnu11 -fblocks \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/hsearch.h"
#include "iter/sqlite3.h"
#include "iter/glob.h"

// expected-no-diagnostics


/* goto into a loop and out of it. */
int goto_maze(const char *p, int k) {
  DIR *d = opendir(p);
  int i = 0;
  if (!d)
    return -1;
again:
  if (i++ < k)
    goto again;
  if (k < 0)
    goto done;
  while (readdir(d)) {
    if (i++ > 3)
      goto done;
  }
done:
  closedir(d);
  return i;
}

/* Computed goto. */
int computed_goto(const char *p, int which) {
  static void *targets[] = {&&close_it, &&close_it};
  DIR *d = opendir(p);
  if (!d)
    return 0;
  goto *targets[which & 1];
close_it:
  closedir(d);
  return 1;
}

/* VLAs of handles. */
void vla_of_handles(int n, const char **paths) {
  DIR *dirs[n];
  for (int i = 0; i < n; ++i)
    dirs[i] = opendir(paths[i]);
  for (int i = 0; i < n; ++i)
    if (dirs[i])
      closedir(dirs[i]);
}

void vla_scan(int n, HTAB *h) {
  HASH_SEQ_STATUS scans[n > 0 ? n : 1];
  hash_seq_init(&scans[0], h);
  hash_seq_term(&scans[0]);
}

/* Macros that open and close. */
#define WITH_DIR(d, p) for (DIR *d = opendir(p); d; closedir(d), d = NULL)
int macro_scope(const char *p) {
  int n = 0;
  WITH_DIR(d, p) {
    while (readdir(d))
      ++n;
  }
  return n;
}

/* Statement expressions. */
int stmt_expr(const char *p) {
  int n = ({
    DIR *d = opendir(p);
    int k = d ? 1 : 0;
    if (d)
      closedir(d);
    k;
  });
  return n;
}

/* Blocks. */
void blocks(const char *p) {
  DIR *d = opendir(p);
  void (^closer)(void) = ^{
    if (d)
      closedir(d);
  };
  closer();
}

/* Function pointers to model functions. */
void through_pointers(const char *p) {
  DIR *(*open_fn)(const char *) = opendir;
  int (*close_fn)(DIR *) = closedir;
  DIR *d = open_fn(p);
  if (d)
    close_fn(d);
}

/* Unions, integer casts, pointer arithmetic on handles. */
union any_handle {
  DIR *dir;
  unsigned long bits;
};
void unions_and_casts(const char *p) {
  union any_handle u;
  u.dir = opendir(p);
  unsigned long raw = (unsigned long)u.dir;
  DIR *back = (DIR *)raw;
  if (back)
    closedir(back);
}

void void_pointer_round_trip(const char *p) {
  void *v = opendir(p);
  if (v)
    closedir((DIR *)v);
}

/* Recursion. */
int walk(const char *p, int depth) {
  DIR *d;
  int n = 0;
  if (depth > 3)
    return 0;
  d = opendir(p);
  if (!d)
    return 0;
  while (readdir(d))
    n += walk(p, depth + 1);
  closedir(d);
  return n;
}

/* Arrays of statements, out-parameters through casts. */
void out_param_casts(sqlite3 *db) {
  void *raw = 0;
  if (sqlite3_prepare_v2(db, "x", -1, (sqlite3_stmt **)&raw, 0) == 0)
    sqlite3_finalize((sqlite3_stmt *)raw);
}

void out_param_to_array(sqlite3 *db) {
  sqlite3_stmt *stmts[2];
  if (sqlite3_prepare_v2(db, "x", -1, &stmts[1], 0) == 0)
    sqlite3_finalize(stmts[1]);
}

/* A glob_t in a VLA-sized struct array and a scan in a union. */
union scan_or_glob {
  HASH_SEQ_STATUS status;
  glob_t g;
};
void union_scan(HTAB *h) {
  union scan_or_glob u;
  hash_seq_init(&u.status, h);
  while (hash_seq_search(&u.status))
    ;
}

/* Null arguments and constants passed to release functions. */
void constants(void) {
  closedir(0);
  closedir((DIR *)1);
  hash_seq_term(0);
  globfree((glob_t *)0);
  sqlite3_finalize(0);
}

/* setjmp/longjmp-free "exceptions": a noreturn path. */
void fatal(const char *) __attribute__((noreturn));
void noreturn_user(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    fatal("opendir");
  if (!readdir(d))
    fatal("empty");
  closedir(d);
}

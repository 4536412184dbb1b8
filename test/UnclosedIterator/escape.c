// Handles that leave the function's hands are not leaks: returned, stored in
// a struct field, global or out-parameter, handed to an owner, or to code we
// cannot see. Calls the model knows (uses, releases) and plain library calls
// in system headers are not escapes.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet.UnclosedIterator:ModelFiles=%inputs/iter/owners.yaml \
// RUN:   -verify %s

#include "iter/dirent.h"
#include "iter/sqlite3.h"
#include "iter/hsearch.h"
#include "iter/glob.h"
#include "iter/glib.h"

struct dir_cache;
void dir_cache_adopt(struct dir_cache *cache, DIR *d);
struct stmt_cache;
void stmt_cache_put(struct stmt_cache *cache, const char *sql,
                    sqlite3_stmt *stmt);
void register_dir(DIR *d);       // no body: may keep or close d
void visit_scan(HASH_SEQ_STATUS *status);
void inspect_glob(glob_t *g);

DIR *no_leak_returned(const char *path) {
  DIR *d = opendir(path);
  if (d)
    readdir(d);
  return d; // no-warning
}

sqlite3_stmt *no_leak_returned_out_param_handle(sqlite3 *db) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  return stmt; // no-warning
}

struct walker {
  DIR *dir;
  int depth;
};

void no_leak_stored_in_struct_field(struct walker *w, const char *path) {
  w->dir = opendir(path);
  w->depth++;
} // no-warning

static DIR *current_dir;
void no_leak_stored_in_global(const char *path) {
  current_dir = opendir(path);
} // no-warning

void no_leak_stored_in_static_local(const char *path) {
  static DIR *cached;
  if (!cached)
    cached = opendir(path);
} // no-warning

int no_leak_stored_in_out_param(const char *path, DIR **out) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  *out = d;
  return 0; // no-warning
}

int no_leak_sqlite_into_caller_field(sqlite3 *db, struct walker *w,
                                     sqlite3_stmt **out) {
  // Written straight into the caller's memory.
  return sqlite3_prepare_v2(db, "SELECT 1", -1, out, NULL); // no-warning
}

struct holder {
  DIR *dir;
};
struct holder no_leak_returned_in_struct(const char *path) {
  struct holder h;
  h.dir = opendir(path);
  return h; // no-warning
}

void no_leak_taken_by_owner(struct dir_cache *cache, const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  dir_cache_adopt(cache, d); // no-warning
}

void no_leak_statement_cached(sqlite3 *db, struct stmt_cache *cache) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) != SQLITE_OK)
    return;
  stmt_cache_put(cache, "SELECT 1", stmt); // no-warning
}

void no_leak_unknown_function(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  register_dir(d); // no-warning
}

void no_leak_scan_to_unknown_function(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  visit_scan(&status); // no-warning
}

void no_leak_glob_to_unknown_function(const char *pattern) {
  glob_t g;
  if (glob(pattern, 0, NULL, &g) == 0)
    inspect_glob(&g); // no-warning
}

void no_leak_call_through_pointer(const char *path, void (*fn)(DIR *)) {
  DIR *d = opendir(path);
  if (d)
    fn(d); // no-warning
}

// Library calls in system headers neither close nor keep the handle...
void leak_despite_library_calls(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  fprintf(stderr, "%d\n", dirfd(d));
  printf("%s\n", readdir(d)->d_name);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

// ...unless they take untyped pointers, callbacks or variadic handles.
void no_leak_added_to_pointer_array(GPtrArray *dirs, const char *path) {
  GDir *d = g_dir_open(path, 0, NULL);
  if (d)
    g_ptr_array_add(dirs, d); // no-warning
}

void no_leak_set_as_property(gpointer obj, const char *path) {
  GDir *d = g_dir_open(path, 0, NULL);
  if (d)
    g_object_set(obj, "dir", d, NULL); // no-warning
}

void no_leak_scan_copied(HTAB *htab, HASH_SEQ_STATUS *out) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  *out = status; // the copy is ended elsewhere
} // no-warning

void keep_scan_copy(HASH_SEQ_STATUS copy);
void no_leak_scan_passed_by_value(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  keep_scan_copy(status);
} // no-warning

HASH_SEQ_STATUS no_leak_scan_returned_by_value(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  return status; // no-warning
}

void no_leak_scan_memcpy(HTAB *htab, HASH_SEQ_STATUS *out) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  memcpy(out, &status, sizeof status);
} // no-warning

// Release reached one call deep, through a helper with a body.
static void close_dir(DIR *d) {
  if (d)
    closedir(d);
}
void no_leak_helper_closes(const char *path) {
  DIR *d = opendir(path);
  readdir(d);
  close_dir(d); // no-warning
}

static void end_scan(HASH_SEQ_STATUS *s) { hash_seq_term(s); }
void no_leak_helper_ends_scan(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  if (hash_seq_search(&status))
    end_scan(&status); // no-warning
}

static int finish(sqlite3_stmt *stmt) { return sqlite3_finalize(stmt); }
int no_leak_helper_finalizes(sqlite3 *db) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  sqlite3_step(stmt);
  return finish(stmt); // no-warning
}

// A helper with a body that does not close is seen through.
static int first_char(DIR *d) {
  struct dirent *e = readdir(d);
  return e ? e->d_name[0] : 0;
}
int leak_helper_only_reads(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  return first_char(d); // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
}

// Opened in a helper, leaked by the caller.
static DIR *open_dir(const char *path) { return opendir(path); }
void leak_opened_in_helper(const char *path) {
  DIR *d = open_dir(path);
  if (d)
    readdir(d);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

static int prepare(sqlite3 *db, sqlite3_stmt **out) {
  return sqlite3_prepare_v2(db, "SELECT 1", -1, out, NULL);
}
void leak_prepared_in_helper(sqlite3 *db) {
  sqlite3_stmt *stmt;
  if (prepare(db, &stmt) == SQLITE_OK)
    sqlite3_step(stmt);
} // expected-warning{{Iterator opened by 'sqlite3_prepare_v2' is not closed on this path; call 'sqlite3_finalize'}}

// A struct holding the handle, passed by value to code we cannot see.
struct dir_job {
  DIR *dir;
  int flags;
};
void run_job(struct dir_job job);
void no_leak_struct_passed_by_value(const char *path) {
  struct dir_job job;
  job.dir = opendir(path);
  job.flags = 0;
  if (job.dir)
    run_job(job); // no-warning
}

// Passing it to a function taking a const pointer does not hand it over.
int peek_dir(const DIR *d);
void leak_after_const_pointer_call(const char *path) {
  DIR *d = opendir(path);
  if (d)
    peek_dir(d);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

// A `const void *` parameter is a generic container's as often as a
// reader's (json-c's lh_table_insert, a project's list_append): it may keep
// the handle.
struct table;
void table_put(struct table *t, const char *key, const void *value);
int no_leak_stored_through_const_void_pointer(struct table *t,
                                              const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  table_put(t, path, d);
  return 0; // no-warning
}

// Only the variadic arguments of a variadic library function may be kept.
#include "iter/mntent.h"
void leak_despite_fprintf_to_handle(const char *line) {
  FILE *m = setmntent("/etc/fstab", "a");
  if (!m)
    return;
  fprintf(m, "%s\n", line);
} // expected-warning{{Iterator returned by 'setmntent' is not closed on this path; call 'endmntent'}}

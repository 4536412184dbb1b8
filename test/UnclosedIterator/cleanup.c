// Variables with __attribute__((cleanup(fn))) close what they hold when they
// go out of scope, GLib's g_autoptr(T) included. The analyzer (Clang 19) does
// not run cleanup functions, so the checker stops tracking a handle as soon
// as it lands in such a variable.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/sqlite3.h"
#include "iter/hsearch.h"
#include "iter/glob.h"
#include "iter/glib.h"

static void closedirp(DIR **d) {
  if (*d)
    closedir(*d);
}
#define _cleanup_closedir_ __attribute__((cleanup(closedirp)))

int no_leak_cleanup_attribute(const char *path) {
  __attribute__((cleanup(closedirp))) DIR *d = opendir(path);
  if (!d)
    return -1;
  if (readdir(d) == NULL)
    return 0; // no-warning
  return 1;   // no-warning
}

// systemd style.
int no_leak_cleanup_macro_assigned_later(const char *path) {
  _cleanup_closedir_ DIR *d = NULL;
  d = opendir(path);
  if (!d)
    return -1;
  return readdir(d) != NULL; // no-warning
}

int no_leak_cleanup_copy_from_plain_variable(const char *path) {
  DIR *tmp = opendir(path);
  if (!tmp)
    return -1;
  _cleanup_closedir_ DIR *d = tmp;
  return readdir(d) != NULL; // no-warning
}

int no_leak_g_autoptr(const char *path) {
  g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
  if (!dir)
    return -1;
  const gchar *name;
  while ((name = g_dir_read_name(dir)) != NULL)
    if (name[0] == '.')
      return 1; // no-warning
  return 0;     // no-warning
}

int no_leak_g_autoptr_with_error(const char *path) {
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open(path, 0, &error);
  if (dir == NULL) {
    g_print("%s\n", error->message);
    return -1;
  }
  g_dir_read_name(dir);
  return 0; // no-warning
}

GDir *no_leak_g_autoptr_stolen(const char *path) {
  g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
  if (!dir || !g_dir_read_name(dir))
    return NULL;
  return g_steal_pointer(&dir); // no-warning
}

void no_leak_g_clear_pointer(const char *path, int early) {
  GDir *dir = g_dir_open(path, 0, NULL);
  if (!dir)
    return;
  g_dir_read_name(dir);
  g_clear_pointer(&dir, g_dir_close); // no-warning
}

static void finalizep(sqlite3_stmt **s) { sqlite3_finalize(*s); }

int no_leak_out_param_into_cleanup_variable(sqlite3 *db) {
  __attribute__((cleanup(finalizep))) sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step(stmt) != SQLITE_ROW)
    return -1; // no-warning
  return sqlite3_column_int(stmt, 0);
}

static void globfreep(glob_t *g) { globfree(g); }
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(glob_t, globfreep)

int no_leak_g_auto_in_place(const char *pattern) {
  g_auto(glob_t) g;
  if (glob(pattern, 0, NULL, &g) != 0)
    return -1;
  return (int)g.gl_pathc; // no-warning
}

static void hash_seq_termp(HASH_SEQ_STATUS *s) { hash_seq_term(s); }
void no_leak_scan_cleanup(HTAB *htab) {
  __attribute__((cleanup(hash_seq_termp))) HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  (void)hash_seq_search(&status);
} // no-warning

// Only the cleanup variable is covered: a second, plain handle still leaks.
int leak_next_to_cleanup_variable(const char *a, const char *b) {
  _cleanup_closedir_ DIR *da = opendir(a);
  DIR *db = opendir(b);
  if (!da || !db)
    return -1;
  return readdir(db) != NULL; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
}

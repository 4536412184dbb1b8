// The real GLib headers: g_autoptr(GDir), g_clear_pointer, g_steal_pointer.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <glib.h>

int no_leak_g_autoptr(const char *path) {
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open(path, 0, &error);
  if (!dir) {
    g_printerr("%s\n", error->message);
    return -1;
  }
  const gchar *name;
  while ((name = g_dir_read_name(dir)) != NULL)
    if (g_str_has_prefix(name, "."))
      return 1; // no-warning
  return 0;     // no-warning
}

GDir *no_leak_g_autoptr_stolen(const char *path) {
  g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
  if (dir == NULL || g_dir_read_name(dir) == NULL)
    return NULL;
  return g_steal_pointer(&dir); // no-warning
}

void no_leak_g_clear_pointer(const char *path) {
  GDir *dir = g_dir_open(path, 0, NULL);
  if (dir)
    g_dir_read_name(dir);
  g_clear_pointer(&dir, g_dir_close); // no-warning
}

void no_leak_stored_in_pointer_array(GPtrArray *dirs, const char *path) {
  GDir *dir = g_dir_open(path, 0, NULL);
  if (dir)
    g_ptr_array_add(dirs, dir); // no-warning
}

int gdir_leak(const char *path) {
  GDir *dir = g_dir_open(path, 0, NULL);
  if (!dir)
    return -1;
  const gchar *name = g_dir_read_name(dir);
  if (name == NULL)
    return 0; // expected-warning{{Iterator returned by 'g_dir_open' is not closed on this path; call 'g_dir_close'}}
  g_dir_close(dir);
  return 1;
}

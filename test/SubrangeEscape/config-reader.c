// A config reader that keys a GLib table by pieces of the line it just read:
// the next fgets overwrites them.
// REQUIRES: glib
// RUN: %analyze_subrange %glib_cflags -Xclang -verify %s

#include <glib.h>
#include <stdio.h>
#include <string.h>

static GHashTable *settings;

static void log_skip(const char *path, int lineno) {
  fprintf(stderr, "%s:%d: no '=' on this line\n", path, lineno);
}

int load_settings(const char *path) {
  FILE *fp = fopen(path, "r");
  if (!fp)
    return -1;
  if (!settings)
    settings = g_hash_table_new(g_str_hash, g_str_equal);
  char line[512];
  int lineno = 0;
  while (fgets(line, sizeof line, fp)) {
    ++lineno;
    char *eq = strchr(line, '=');
    if (!eq) {
      log_skip(path, lineno);
      continue;
    }
    *eq = '\0';
    g_hash_table_insert(settings, line, eq + 1); // expected-warning{{Pointer from 'strchr' into 'line' is stored as a value of 'settings'; it dangles when 'line' is refilled by 'fgets' at line 24 — store a copy (g_strndup, strndup)}}
  }
  fclose(fp);
  return 0;
}

// The same reader keeping copies: g_strndup and g_strdup give the table
// storage of its own.
int load_settings_copied(const char *path) {
  FILE *fp = fopen(path, "r");
  if (!fp)
    return -1;
  GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  char line[512];
  while (fgets(line, sizeof line, fp)) {
    char *eq = strchr(line, '=');
    if (!eq)
      continue;
    g_hash_table_insert(t, g_strndup(line, eq - line), g_strdup(eq + 1)); // no-warning
  }
  fclose(fp);
  g_hash_table_destroy(t);
  return 0;
}

// Skipping the "key " prefix with pointer arithmetic is the same bug.
void load_keys(FILE *fp, GHashTable *seen) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    if (strncmp(line, "key ", 4) != 0)
      continue;
    line[strcspn(line, "\n")] = '\0';
    g_hash_table_add(seen, line + 4); // expected-warning{{Pointer into the middle of 'line' is stored as a key of 'seen'; it dangles when 'line' is refilled by 'fgets' at line 60 — store a copy (g_strndup, strndup)}}
  }
}

// One entry, then the loop ends: the buffer is never refilled while the
// entry is there, but the table outlives it (a parameter's table).
void first_key(FILE *fp, GHashTable *seen) {
  char line[256];
  if (!fgets(line, sizeof line, fp))
    return;
  g_hash_table_add(seen, line + 4); // expected-warning{{Pointer into the middle of 'line' is stored as a key of 'seen'; it dangles when 'line' goes out of scope at line 75 — store a copy (g_strndup, strndup)}}
}

// A GTree of sections, keyed by a name inside "[name]".
void load_sections(FILE *fp, GTree *sections) {
  char buf[128];
  while (fgets(buf, sizeof buf, fp)) {
    if (buf[0] != '[')
      continue;
    char *end = strchr(buf, ']');
    if (end)
      *end = '\0';
    g_tree_insert(sections, buf + 1, GINT_TO_POINTER(1)); // expected-warning{{Pointer into the middle of 'buf' is stored as a key of 'sections'; it dangles when 'buf' is refilled by 'fgets' at line 80 — store a copy (g_strndup, strndup)}}
  }
}

// A key that lives only while its line is looked at: removed before the
// next read and before the buffer goes out of scope.
void count_repeats(FILE *fp, GHashTable *seen, int *repeats) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    if (g_hash_table_contains(seen, line + 1))
      ++*repeats;
    g_hash_table_add(seen, line + 1); // no-warning
    g_debug("%u distinct so far", g_hash_table_size(seen));
    g_hash_table_remove(seen, line + 1);
  }
}

// Which storage outlives which map: stack buffers with long-lived maps,
// local maps destroyed first, static storage, literals, interned strings.
// REQUIRES: glib
// RUN: %analyze_subrange %glib_cflags -Xclang -verify %s

#include <glib.h>
#include <stdio.h>
#include <string.h>

static GHashTable *by_user;
static char motd[256];

static const char *after_colon(const char *s) {
  const char *c = strchr(s, ':');
  return c ? c + 1 : s;
}

// A stack buffer keyed into a global table: dangles on return.
void remember_user(const char *record) {
  char user[64];
  g_strlcpy(user, record, sizeof user);
  g_hash_table_insert(by_user, user + 1, GINT_TO_POINTER(1)); // expected-warning{{Pointer into the middle of 'user' is stored as a key of 'by_user'; it dangles when 'user' goes out of scope at line 23 — store a copy (g_strndup, strndup)}}
}

// The same through a helper one call deep.
void remember_shell(const char *record) {
  char copy[128];
  g_strlcpy(copy, record, sizeof copy);
  g_hash_table_insert(by_user, (gpointer)after_colon(copy), NULL); // expected-warning{{Pointer from 'strchr' into 'copy' is stored as a key of 'by_user'; it dangles when 'copy' goes out of scope at line 30 — store a copy (g_strndup, strndup)}}
}

// A local table, destroyed before the buffer goes out of scope.
int count_fields(const char *record) {
  char buf[256];
  g_strlcpy(buf, record, sizeof buf);
  GHashTable *fields = g_hash_table_new(g_str_hash, g_str_equal);
  for (char *p = buf; (p = strchr(p, ':')) != NULL; ++p)
    g_hash_table_add(fields, p + 1); // no-warning
  int n = (int)g_hash_table_size(fields);
  g_hash_table_destroy(fields);
  return n;
}

// Static storage and literals live as long as the program.
void remember_motd(FILE *fp) {
  if (fgets(motd, sizeof motd, fp))
    g_hash_table_insert(by_user, motd + 5, NULL); // no-warning
  g_hash_table_insert(by_user, (gpointer) "root:x:0" + 5, NULL); // no-warning
}

// Interned strings too.
void remember_interned(const char *record) {
  char user[64];
  g_strlcpy(user, record, sizeof user);
  g_hash_table_insert(by_user, (gpointer)g_intern_string(user + 1), NULL); // no-warning
}

// Offsets and lengths stored instead of pointers.
void remember_offsets(GHashTable *offsets, FILE *fp) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    char *eq = strchr(line, '=');
    if (eq)
      g_hash_table_insert(offsets, GINT_TO_POINTER(eq - line), GSIZE_TO_POINTER(strlen(eq))); // no-warning
  }
}

// A table made to own copies of its keys: g_hash_table_new_full with a key
// destroy function is fed g_strdup'd keys.
void remember_copies(GHashTable *owned, FILE *fp) {
  char line[256];
  while (fgets(line, sizeof line, fp))
    g_hash_table_replace(owned, g_strdup(line + 1), NULL); // no-warning
}

// The key points into the record that is the entry's value: the entry owns it.
struct user {
  int uid;
  char name[32];
};

void add_user(GHashTable *users, struct user *u) {
  g_hash_table_insert(users, u->name, u); // no-warning
}

void add_user_record(struct user *u) {
  g_hash_table_insert(by_user, &u->name[1], u); // no-warning
}

// A whole file read into memory and indexed by pointers into it: when the
// only pointers left to the buffer are the table's, the entries pin it.
// REQUIRES: glib
// RUN: %analyze_subrange %glib_cflags -Xclang -verify %s

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static GHashTable *mime_types;

struct db {
  char *text;        // the file, kept for as long as the table
  GHashTable *index;
};

static struct db aliases;

void load_mime_types(FILE *fp) {
  char *buf = malloc(4096);
  if (!buf)
    return;
  size_t n = fread(buf, 1, 4095, fp);
  buf[n] = '\0';
  char *save;
  for (char *line = strtok_r(buf, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    char *tab = strchr(line, '\t');
    if (!tab)
      continue;
    *tab = '\0';
    g_hash_table_insert(mime_types, line, tab + 1); // expected-warning{{Pointer from 'strtok_r' into 'buf' is stored as a key of 'mime_types'; it keeps the whole 4096-byte buffer alive as long as the entry lives — store a copy (g_strndup, strndup)}}
  }
}

// The buffer is kept next to the table: an index into a document that
// lives as long as the table, by design.
void load_aliases(FILE *fp) {
  char *buf = malloc(4096);
  if (!buf)
    return;
  size_t n = fread(buf, 1, 4095, fp);
  buf[n] = '\0';
  aliases.text = buf;
  char *save;
  for (char *line = strtok_r(buf, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    char *sp = strchr(line, ' ');
    if (sp)
      g_hash_table_insert(aliases.index, sp + 1, line); // no-warning
  }
}

// The buffer is freed when the table is cleared first.
void reload_mime_types(FILE *fp) {
  char *buf = malloc(4096);
  if (!buf)
    return;
  size_t n = fread(buf, 1, 4095, fp);
  buf[n] = '\0';
  char *tab = strchr(buf, '\t');
  if (tab)
    g_hash_table_insert(mime_types, tab + 1, NULL); // no-warning
  g_hash_table_remove_all(mime_types);
  free(buf);
}

// A buffer that starts the entry's key is handed over to the table.
void add_mime_type(const char *ext, const char *type) {
  char *key = g_strdup_printf("%s\t%s", ext, type);
  char *tab = strchr(key, '\t');
  *tab = '\0';
  g_hash_table_insert(mime_types, key, tab + 1); // no-warning
}

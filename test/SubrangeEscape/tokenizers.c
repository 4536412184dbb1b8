// Tokens from strtok, strtok_r and strsep kept in POSIX tables and trees.
// RUN: %analyze_subrange -Xclang -verify %s

#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *words_root;

static int cmp_str(const void *a, const void *b) { return strcmp(a, b); }

// Words of each line go into a tsearch tree that outlives the line.
void index_words(FILE *fp) {
  char line[1024];
  while (fgets(line, sizeof line, fp)) {
    for (char *w = strtok(line, " \t\n"); w; w = strtok(NULL, " \t\n"))
      tsearch(w, &words_root, cmp_str); // expected-warning{{Pointer from 'strtok' into 'line' is stored as a key of 'words_root'; it dangles when 'line' is refilled by 'fgets' at line 17}}
  }
}

// strdup'd words: the tree has storage of its own.
void index_words_copied(FILE *fp) {
  char line[1024];
  while (fgets(line, sizeof line, fp)) {
    for (char *w = strtok(line, " \t\n"); w; w = strtok(NULL, " \t\n")) {
      char *copy = strdup(w);
      if (!copy)
        return;
      tsearch(copy, &words_root, cmp_str); // no-warning
    }
  }
}

// "name=value,name=value" options into the hsearch table, from a heap copy
// of the argument that is freed afterwards.
int parse_options(const char *arg) {
  char *opts = strdup(arg);
  if (!opts)
    return -1;
  char *rest = opts, *tok;
  while ((tok = strsep(&rest, ",")) != NULL) {
    char *eq = strchr(tok, '=');
    if (!eq)
      continue;
    *eq = '\0';
    ENTRY e = {.key = tok, .data = eq + 1};
    if (!hsearch(e, ENTER)) { // expected-warning{{Pointer from 'strsep' into 'rest' is stored as a key of the hsearch table; it dangles when 'opts' is freed by 'free' at line 54 — store a copy (g_strndup, strndup)}}
      free(opts);
      return -1;
    }
  }
  free(opts);
  return 0;
}

// A lookup with a token is not a store.
int lookup_options(char *line) {
  char *save;
  int found = 0;
  for (char *tok = strtok_r(line, ",", &save); tok;
       tok = strtok_r(NULL, ",", &save)) {
    ENTRY e = {.key = tok, .data = NULL};
    if (hsearch(e, FIND)) // no-warning
      ++found;
  }
  return found;
}

// Second and later strtok_r tokens come from the same buffer.
void tag_tree(char *text, void **tags) {
  char *save;
  char *first = strtok_r(text, ";", &save);
  if (!first)
    return;
  for (char *t = strtok_r(NULL, ";", &save); t; t = strtok_r(NULL, ";", &save))
    tsearch(t, tags, cmp_str); // expected-warning{{Pointer from 'strtok_r' into 'text' is stored as a key of 'tags'; it dangles when 'text' is freed by 'free' at line 79 — store a copy (g_strndup, strndup)}}
  free(text);
}

// A duplicate that tsearch found is freed: the tree kept the key it had.
void add_unique(char *line) {
  char *name = strchr(line, ' ');
  if (!name)
    return;
  char **slot = tsearch(name + 1, &words_root, cmp_str);
  if (slot && *slot != name + 1)
    free(line); // no-warning
}

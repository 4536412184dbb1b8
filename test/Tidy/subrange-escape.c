// cvet-subrange-escape: pointers into a buffer kept in a map that outlives
// the buffer, as the editor reports them, and the shapes it must stay silent
// on.
// REQUIRES: cvet-tidy
// RUN: %clang_tidy --checks='-*,cvet-subrange-escape' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='warning:'

#define _GNU_SOURCE
#include <search.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *keys;
static int by_name(const void *a, const void *b) { return strcmp(a, b); }
void log_skip(int lineno);
void keys_compact(void **root);

// A config reader that keys a tree by the value part of the line it just
// read: the next fgets overwrites it.
int load_keys(FILE *fp) {
  char line[512];
  int lineno = 0;
  while (fgets(line, sizeof line, fp)) {
    ++lineno;
    char *eq = strchr(line, '=');
    if (!eq) {
      log_skip(lineno);
      continue;
    }
    tsearch(eq + 1, &keys, by_name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Pointer from 'strchr' into 'line' is stored as a key of 'keys'; it dangles when 'line' is refilled by 'fgets' at line 26 — store a copy (g_strndup, strndup) [cvet-subrange-escape]
    // CHECK-MESSAGES: :[[@LINE-7]]:16: note: 'strchr' returns a pointer into 'line'
    // CHECK-MESSAGES: :[[@LINE-10]]:10: note: 'line' is refilled here; the entry now points at other data
  }
  return 0;
}

// A stack buffer past its prefix, kept in a caller's tree: dangles on return.
void remember_user(const char *record, void **users) {
  char user[64];
  snprintf(user, sizeof user, "~%s", record);
  tsearch(&user[1], users, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Pointer into the middle of 'user' is stored as a key of 'users'; it dangles when 'user' goes out of scope at line 49 — store a copy (g_strndup, strndup) [cvet-subrange-escape]
  // CHECK-MESSAGES: :[[@LINE-2]]:11: note: Pointer into the middle of 'user' made here
  // CHECK-MESSAGES: :[[@LINE+1]]:1: note: 'user' goes out of scope here; the entry still points into it
}

// Tokens of a caller's buffer, which this function frees.
void tag_tree(char *text, void **tags) {
  char *save;
  char *first = strtok_r(text, ";", &save);
  if (!first)
    return;
  for (char *t = strtok_r(NULL, ";", &save); t; t = strtok_r(NULL, ";", &save))
    tsearch(t, tags, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Pointer from 'strtok_r' into 'text' is stored as a key of 'tags'; it dangles when 'text' is freed by 'free' at line 60 — store a copy (g_strndup, strndup) [cvet-subrange-escape]
  free(text);
}

// "name=value,..." options into the hsearch table, from a heap copy that is
// freed at the end; the failing insertion stores nothing.
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
    if (!hsearch(e, ENTER)) {
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: Pointer from 'strsep' into 'rest' is stored as a key of the hsearch table; it dangles when 'opts' is freed by 'free' at line 82 — store a copy (g_strndup, strndup) [cvet-subrange-escape]
      free(opts);
      return -1;
    }
  }
  free(opts);
  return 0;
}

// A heap read buffer refilled by read(2) while the tree keeps a pointer
// past its header.
void index_records(int fd, void **index) {
  char *buf = malloc(4096);
  if (!buf)
    return;
  while (read(fd, buf, 4096) > 16)
    tsearch(buf + 16, index, by_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Pointer into the middle of 'buf' is stored as a key of 'index'; it dangles when 'buf' is refilled by 'read' at line 92 — store a copy (g_strndup, strndup) [cvet-subrange-escape]
  free(buf);
}

//===----------------------------------------------------------------------===//
// Not reported.
//===----------------------------------------------------------------------===//

// The sub-range copied first.
void load_keys_copied(FILE *fp) {
  char line[512];
  while (fgets(line, sizeof line, fp)) {
    char *eq = strchr(line, '=');
    if (!eq)
      continue;
    char *copy = strdup(eq + 1);
    if (copy)
      tsearch(copy, &keys, by_name);
  }
}

// The entry taken out again before the next read.
void check_repeats(FILE *fp, void **seen, int *repeats) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    if (tfind(line + 1, seen, by_name))
      ++*repeats;
    tsearch(line + 1, seen, by_name);
    tdelete(line + 1, seen, by_name);
  }
}

// The caller's tree handed to the project's own code, which may drop the
// entry.
void load_and_compact(FILE *fp, void **tree) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    tsearch(line + 2, tree, by_name);
    keys_compact(tree);
  }
}

// Static storage and literals live as long as the program.
static char motd[256];
void remember_motd(FILE *fp) {
  if (fgets(motd, sizeof motd, fp))
    tsearch(motd + 5, &keys, by_name);
  tsearch((char *)"root:x:0" + 5, &keys, by_name);
}

// An offset stored instead of a pointer.
void remember_offsets(FILE *fp, void **offsets) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    char *eq = strchr(line, '=');
    if (eq)
      tsearch((void *)(intptr_t)(eq - line), offsets, by_name);
  }
}

// The entry owns the allocation: its key is the start, its value a pointer
// into it.
void remember_pairs(const char *record) {
  char *copy = strdup(record);
  if (!copy)
    return;
  char *tab = strchr(copy, '\t');
  if (!tab)
    return;
  ENTRY e = {.key = copy, .data = tab + 1};
  hsearch(e, ENTER);
}

// A duplicate the tree already had is freed: the code looked at what the
// insertion returned.
void add_unique(char *line) {
  char *name = strchr(line, ' ');
  if (!name)
    return;
  char **slot = tsearch(name + 1, &keys, by_name);
  if (slot && *slot != name + 1)
    free(line);
}

// The process ends before the buffer does.
void remember_then_exit(const char *record) {
  char user[64];
  snprintf(user, sizeof user, "~%s", record);
  tsearch(user + 1, &keys, by_name);
  exit(0);
}

// Left to the analyzer: a pointer made by a helper; a pointer that is the
// buffer's start on one path and past it on another (one function's
// assignments disagree); a tree in a local variable (whether it still holds
// the entry when the buffer changes needs the path).
static const char *after_colon(const char *s) {
  const char *c = strchr(s, ':');
  return c ? c + 1 : s;
}

void remember_shell(const char *record) {
  char copy[128];
  snprintf(copy, sizeof copy, "%s", record);
  tsearch(after_colon(copy), &keys, by_name); // TODO-expected-warning: dangles on return
}

void remember_either(FILE *fp, int skip) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    char *p = line;
    if (skip)
      p = line + 1;
    tsearch(p, &keys, by_name); // TODO-expected-warning: refilled by 'fgets'
  }
}

void count_distinct(FILE *fp, int *distinct) {
  char line[256];
  void *local = NULL;
  while (fgets(line, sizeof line, fp))
    tsearch(line + 1, &local, by_name); // TODO-expected-warning: refilled by 'fgets'
  *distinct = local != NULL;
}

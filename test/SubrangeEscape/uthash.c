// uthash, with the real uthash.h: HASH_ADD_KEYPTR stores the key pointer it
// is given in the item (item->hh.key) without copying what it points to;
// HASH_ADD_STR keys by a field inside the item.
// RUN: %analyze_subrange -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

struct alias {
  const char *name;
  const char *target;
  UT_hash_handle hh;
};

static struct alias *aliases;

static void warn_line(const char *path, int lineno, const char *what) {
  fprintf(stderr, "%s:%d: %s\n", path, lineno, what);
}

// The key points into the line buffer that the next fgets overwrites.
int load_aliases(const char *path, FILE *fp) {
  char line[256];
  int lineno = 0;
  while (fgets(line, sizeof line, fp)) {
    ++lineno;
    char *name = line + strspn(line, " \t");
    name[strcspn(name, "\r\n")] = '\0';
    if (*name == '\0' || *name == '#')
      continue;
    struct alias *a = calloc(1, sizeof *a);
    if (!a) {
      warn_line(path, lineno, "out of memory");
      return -1;
    }
    a->name = name;
    a->target = "";
    HASH_ADD_KEYPTR(hh, aliases, a->name, strlen(a->name), a); // expected-warning{{Pointer into the middle of 'line' is stored as a key of 'aliases'}}
  }
  return 0;
}

// The same loader keeping a copy of the name: the item owns its key.
int load_aliases_copied(const char *path, FILE *fp) {
  char line[256];
  int lineno = 0;
  while (fgets(line, sizeof line, fp)) {
    ++lineno;
    char *name = line + strspn(line, " \t");
    name[strcspn(name, "\r\n")] = '\0';
    if (*name == '\0' || *name == '#')
      continue;
    struct alias *a = calloc(1, sizeof *a);
    if (!a) {
      warn_line(path, lineno, "out of memory");
      return -1;
    }
    a->name = strdup(name);
    if (!a->name) {
      free(a);
      return -1;
    }
    a->target = "";
    HASH_ADD_KEYPTR(hh, aliases, a->name, strlen(a->name), a); // no-warning
  }
  return 0;
}

struct user {
  char name[32];
  int logins;
  UT_hash_handle hh;
};

static struct user *users;

// HASH_ADD_STR on an array field: the key lives inside the item.
int count_login(const char *record) {
  char buf[128];
  snprintf(buf, sizeof buf, "%s", record);
  char *save = NULL;
  char *who = strtok_r(buf, ":", &save);
  if (!who)
    return -1;
  struct user *u;
  HASH_FIND_STR(users, who, u);
  if (!u) {
    u = calloc(1, sizeof *u);
    if (!u)
      return -1;
    snprintf(u->name, sizeof u->name, "%s", who);
    HASH_ADD_STR(users, name, u); // no-warning
  }
  u->logins++;
  return u->logins;
}

// A table local to the function, emptied before the buffer goes away.
int count_distinct_words(char *text) {
  struct alias *seen = NULL, *a, *tmp;
  int n = 0;
  char *save = NULL;
  for (char *w = strtok_r(text, " \t\n", &save); w;
       w = strtok_r(NULL, " \t\n", &save)) {
    HASH_FIND_STR(seen, w, a);
    if (a)
      continue;
    a = malloc(sizeof *a);
    if (!a)
      break;
    a->name = w;
    HASH_ADD_KEYPTR(hh, seen, a->name, strlen(a->name), a); // no-warning
    ++n;
  }
  HASH_ITER(hh, seen, a, tmp) {
    HASH_DEL(seen, a);
    free(a);
  }
  return n;
}

struct tag {
  char *name; // a pointer: HASH_ADD_STR keys by where it points
  UT_hash_handle hh;
};

static struct tag *tags;

// HASH_ADD_STR on a pointer field stores that pointer, as HASH_ADD_KEYPTR
// would; the rule reads the key only from HASH_ADD_KEYPTR's argument.
int load_tags(FILE *fp) {
  char line[128];
  while (fgets(line, sizeof line, fp)) {
    struct tag *t = malloc(sizeof *t);
    if (!t)
      return -1;
    t->name = line + strspn(line, " ");
    HASH_ADD_STR(tags, name, t); // TODO-expected-warning{{Pointer into the middle of 'line' is stored as a key of 'tags'}}
  }
  return 0;
}

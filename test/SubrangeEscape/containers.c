// The container families of the Maps model that are functions: Redis dict,
// PostgreSQL dynahash (copies its keys), GNU hsearch_r, GLib hash tables and
// trees (see config-reader.c), tsearch and hsearch (see tokenizers.c).
// RUN: %analyze_subrange -Xclang -verify %s

#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "subrange/redis/dict.h"
#include "subrange/utils/hsearch.h"

extern dictType commandTableDictType;
static dict *commands;
static uint64_t hash_name(const void *key) { return dictGenHashFunction(key, strlen(key)); }
/// Names are stored as they are: this type has no keyDup.
static const dictType plainNames = {.hashFunction = hash_name};

// Redis: command names parsed from a line read into a stack buffer.
void load_renames(FILE *fp) {
  dict *renames = dictCreate((dictType *)&plainNames);
  char buf[256];
  while (fgets(buf, sizeof buf, fp)) {
    char *sp = strchr(buf, ' ');
    if (!sp)
      continue;
    *sp = '\0';
    if (dictAdd(renames, sp + 1, NULL) != DICT_OK) // expected-warning{{Pointer from 'strchr' into 'buf' is stored as a key of 'renames'; it dangles when 'buf' is refilled by 'fgets' at line 25 — store a copy (g_strndup, strndup)}}
      fprintf(stderr, "duplicate command %s\n", sp + 1);
  }
  dictRelease(renames);
}

// dictAdd fails for a key that is already there: nothing was stored.
int add_alias(FILE *fp) {
  dict *aliases = dictCreate((dictType *)&plainNames);
  char line[128];
  int n = 0;
  while (fgets(line, sizeof line, fp)) {
    char *eq = strchr(line, '=');
    if (!eq || dictAdd(aliases, eq + 1, NULL) != DICT_OK) // no-warning
      break;
    dictDelete(aliases, eq + 1);
    ++n;
  }
  dictRelease(aliases);
  return n;
}

// A dict whose type may duplicate keys (its type is not known here), and
// one whose type does.
void load_commands(FILE *fp) {
  char buf[256];
  while (fgets(buf, sizeof buf, fp))
    dictAdd(commands, buf + 1, NULL); // no-warning
}

static void *dup_key(void *privdata, const void *key) {
  (void)privdata;
  return strdup(key);
}
static const dictType copyingNames = {.hashFunction = hash_name, .keyDup = dup_key};

void load_copied(FILE *fp) {
  dict *d = dictCreate((dictType *)&copyingNames);
  char buf[256];
  while (fgets(buf, sizeof buf, fp))
    dictAdd(d, buf + 1, NULL); // no-warning
  dictRelease(d);
}

// dynahash copies the key into the entry: storing a sub-range is fine.
struct name_entry {
  char name[64];
  int count;
};

void count_names(HTAB *names, FILE *fp) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    bool found;
    struct name_entry *e = hash_search(names, line + 1, HASH_ENTER, &found); // no-warning
    if (!found)
      e->count = 0;
    e->count++;
  }
}

// hsearch_r: a table per parser, freed with it; the line buffer is reused.
struct parser {
  struct hsearch_data vars;
  char *line;
  size_t cap;
};

int parse_vars(struct parser *p, FILE *fp) {
  while (getline(&p->line, &p->cap, fp) > 0) {
    char *eq = strchr(p->line, '=');
    if (!eq)
      continue;
    *eq = '\0';
    ENTRY e = {.key = p->line, .data = eq + 1}, *out;
    if (!hsearch_r(e, ENTER, &out, &p->vars)) // expected-warning{{Pointer from 'strchr' into 'p->line' is stored as a value of 'p->vars'; it dangles when 'p->line' is refilled by 'getline' at line 99 — store a copy (g_strndup, strndup)}}
      return -1;
  }
  return 0;
}

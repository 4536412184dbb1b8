// A project's slice type, a pointer and a length that need not cover the
// whole object, declared a View in the model: a table keyed by slices keeps
// pointers into the buffer they were cut from.
// RUN: %analyze_subrange -Xclang -analyzer-config -Xclang cvet.SubrangeEscape:ModelFiles=%S/../Inputs/subrange/slice-model.yaml -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *ptr;
  size_t len;
} str_t;

struct strtab;
extern struct strtab *symbols;
void strtab_put(struct strtab *t, str_t key, int value);
void strtab_del(struct strtab *t, str_t key);

static str_t str_slice(const char *p, size_t n) {
  str_t s = {p, n};
  return s;
}

// The first word of each line: a prefix of the line buffer.
int index_symbols(FILE *fp) {
  char line[256];
  int n = 0;
  while (fgets(line, sizeof line, fp)) {
    size_t len = strcspn(line, " \t\n");
    if (len == 0)
      continue;
    strtab_put(symbols, str_slice(line, len), n++); // expected-warning{{View into 'line' is stored as a key of 'symbols'; it dangles when 'line' is refilled by 'fgets' at line 29}}
  }
  return n;
}

// The second field: a slice from the middle of the line.
int index_values(FILE *fp) {
  char line[256];
  int n = 0;
  while (fgets(line, sizeof line, fp)) {
    char *tab = strchr(line, '\t');
    if (!tab)
      continue;
    str_t value = {tab + 1, strcspn(tab + 1, "\n")};
    strtab_put(symbols, value, n++); // expected-warning{{Pointer from 'strchr' into 'line' is stored as a key of 'symbols'; it dangles when 'line' is refilled by 'fgets' at line 42}}
  }
  return n;
}

// Copies of the words: the table gets storage of its own.
int index_symbols_copied(FILE *fp) {
  char line[256];
  int n = 0;
  while (fgets(line, sizeof line, fp)) {
    size_t len = strcspn(line, " \t\n");
    if (len == 0)
      continue;
    char *word = strndup(line, len);
    if (!word)
      return -1;
    strtab_put(symbols, str_slice(word, len), n++); // no-warning
  }
  return n;
}

// Slices of a static table of names live as long as the program.
static const char builtin_names[] = "true false null";

void index_builtins(void) {
  strtab_put(symbols, str_slice(builtin_names, 4), 0);      // no-warning
  strtab_put(symbols, str_slice(builtin_names + 5, 5), 1);  // no-warning
}

// A slice removed again before the line is reused.
int check_unique(FILE *fp) {
  char line[256];
  int dups = 0;
  while (fgets(line, sizeof line, fp)) {
    str_t word = str_slice(line, strcspn(line, " \n"));
    strtab_put(symbols, word, 0); // no-warning
    strtab_del(symbols, word);
  }
  return dups;
}

// A project's own borrowing and refilling functions, declared in a model
// file.
// RUN: %analyze_subrange -Xclang -verify %s \
// RUN:   -Xclang -analyzer-config -Xclang cvet.SubrangeEscape:ModelFiles=%inputs/subrange/reader-model.yaml
// Without the model, nothing is known about them.
// RUN: %analyze_subrange -Xclang -verify=plain %s
// plain-no-diagnostics

#include <search.h>
#include <stdlib.h>
#include <string.h>

struct reader {
  char *line;
  size_t cap;
  void *src;
};

int reader_next(struct reader *r);
void reader_close(struct reader *r);
const char *cfg_value(const char *line);
int cfg_split(char *line, char **value);
char *arena_strdup(void *arena, const char *s);

static void *keys_root;

static int cmp(const void *a, const void *b) { return strcmp(a, b); }

void load_keys(struct reader *r) {
  while (reader_next(r) > 0) {
    const char *v = cfg_value(r->line);
    if (v)
      tsearch(v, &keys_root, cmp); // expected-warning{{Pointer from 'cfg_value' into 'r->line' is stored as a key of 'keys_root'; it dangles when 'r->line' is refilled by 'reader_next' at line 30 — store a copy (g_strndup, strndup)}}
  }
}

void load_split(struct reader *r) {
  if (reader_next(r) <= 0)
    return;
  char *value;
  if (cfg_split(r->line, &value) == 0)
    tsearch(value, &keys_root, cmp); // expected-warning{{Pointer from 'cfg_split' into 'r->line' is stored as a key of 'keys_root'; it dangles when 'r->line' is freed by 'reader_close' at line 43 — store a copy (g_strndup, strndup)}}
  reader_close(r);
}

void load_copies(struct reader *r, void *arena) {
  while (reader_next(r) > 0) {
    const char *v = cfg_value(r->line);
    if (v)
      tsearch(arena_strdup(arena, v), &keys_root, cmp); // no-warning
  }
}

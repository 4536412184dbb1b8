#include <search.h>
#include <stdio.h>
#include <string.h>

int strcmp(const char *a, const char *b);
char *strchr(const char *s, int c);

static void *keys;

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

void load_keys(FILE *fp) {
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    char *eq = strchr(line, '=');
    if (eq)
      tsearch(eq + 1, &keys, by_name);
  }
}

/* Reads "alias command" lines into a search tree. The bug: each alias is a
 * pointer into the line buffer, which the next fgets overwrites; the tree
 * needs its own copy (strdup). */
#include "demo.h"
#include <search.h>
#include <stdio.h>
#include <string.h>

static void *aliases;

static int compare_names(const void *a, const void *b) { return strcmp(a, b); }

int load_aliases(const char *path, size_t *count) {
  FILE *fp = fopen(path, "r");
  if (!fp)
    return -1;
  char line[DEMO_NAME_MAX];
  *count = 0;
  while (fgets(line, sizeof line, fp)) {
    line[strcspn(line, "\n")] = '\0';
    char *space = strchr(line, ' ');
    if (!space || space == line)
      continue;
    *space = '\0';
    if (!tsearch(space + 1, &aliases, compare_names)) {
      fclose(fp);
      return -1;
    }
    ++*count;
  }
  fclose(fp);
  return 0;
}

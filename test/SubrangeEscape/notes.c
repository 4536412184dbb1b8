// Path notes: where the pointer was made, where it was stored, and where the
// buffer ends.
// RUN: %analyze_subrange -Xclang -analyzer-output=text -Xclang -verify %s

#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *names;

static int cmp(const void *a, const void *b) { return strcmp(a, b); }

void read_names(FILE *fp) {
  char line[128];
  while (fgets(line, sizeof line, fp)) { // expected-note{{Loop condition is true.  Entering loop body}}
                                         // expected-note@-1{{'line' is refilled here; the entry now points at other data}}
    char *name = strchr(line, ' ');      // expected-note{{'strchr' returns a pointer into 'line'}}
    if (!name)                           // expected-note{{Assuming 'name' is non-null}}
                                         // expected-note@-1{{Taking false branch}}
      continue;
    tsearch(name + 1, &names, cmp); // expected-warning{{Pointer from 'strchr' into 'line' is stored as a key of 'names'; it dangles when 'line' is refilled by 'fgets' at line 16 — store a copy (g_strndup, strndup)}}
                                    // expected-note@-1{{Pointer from 'strchr' into 'line' is stored as a key of 'names'}}
                                    // expected-note@-2{{Pointer from 'strchr' into 'line' is stored as a key of 'names'; it dangles when 'line' is refilled by 'fgets' at line 16 — store a copy (g_strndup, strndup)}}
  }
}

void add_suffix(const char *path, size_t dir_len) {
  char *copy = strdup(path);
  if (!copy) // expected-note{{Assuming 'copy' is non-null}}
             // expected-note@-1{{Taking false branch}}
    return;
  char *base = copy + dir_len; // expected-note{{Pointer into the middle of 'copy' made here}}
  tsearch(base, &names, cmp); // expected-warning{{Pointer into the middle of 'copy' is stored as a key of 'names'; it dangles when 'copy' is freed by 'free' at line 37 — store a copy (g_strndup, strndup)}}
                              // expected-note@-1{{Pointer into the middle of 'copy' is stored as a key of 'names'}}
                              // expected-note@-2{{Pointer into the middle of 'copy' is stored as a key of 'names'; it dangles when 'copy' is freed by 'free' at line 37 — store a copy (g_strndup, strndup)}}
  free(copy); // expected-note{{'copy' is freed here; the entry still points into it}}
}

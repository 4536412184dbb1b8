// Path notes for map macros: where the pointer was made, the macro that
// stored it, and where the buffer ends.
// RUN: %analyze_subrange -Xclang -analyzer-output=text -Xclang -verify %s

#include <stdlib.h>
#include <string.h>
#include <htslib/khash.h>

KHASH_SET_INIT_STR(names)

static khash_t(names) *seen;

void remember(char *record) {
  char *save = NULL;
  char *name = strtok_r(record, ":", &save); // expected-note{{'strtok_r' returns a pointer into 'record'}}
  if (!name)                                 // expected-note{{Assuming 'name' is non-null}}
                                             // expected-note@-1{{Taking false branch}}
    return;
  int ret;
  kh_put(names, seen, name, &ret); // expected-warning{{Pointer from 'strtok_r' into 'record' is stored as a key of 'seen'; it dangles when 'record' is freed by 'free' at line 23 — store a copy (g_strndup, strndup)}}
                                   // expected-note@-1{{Pointer from 'strtok_r' into 'record' is stored as a key of 'seen'}}
                                   // expected-note@-2{{Pointer from 'strtok_r' into 'record' is stored as a key of 'seen'; it dangles when 'record' is freed by 'free' at line 23 — store a copy (g_strndup, strndup)}}
  free(record); // expected-note{{'record' is freed here; the entry still points into it}}
}

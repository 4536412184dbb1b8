// What cvet.Prune lets cvet.SubrangeEscape explore. Every report of the rule
// is about an entry that an insertion on the explored path recorded; without
// one, borrowing (strchr), refilling (fgets) and freeing start nothing. So a
// function that reaches no map insertion is left alone, and the findings are
// the same with pruning off: the report made where the caller refills the
// buffer that its callee stored a piece of, and the one made at a free, are
// found either way (debug.Stats: a pruned function has every block
// unreachable but its entry and exit).
// RUN: %analyze_rules -Xclang -analyzer-checker=cvet.SubrangeEscape \
// RUN:   -Xclang -verify %s
// RUN: %analyze_rules -Xclang -analyzer-checker=cvet.SubrangeEscape \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=false -Xclang -verify %s
// RUN: %analyze_rules -Xclang -analyzer-checker=cvet.SubrangeEscape,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=true %s 2>&1 | FileCheck %s
// RUN: %analyze_rules -Xclang -analyzer-checker=cvet.SubrangeEscape,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=false %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALL

#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "subrange/redis/dict.h"

static dict *aliases;

// The insertion is in a callee; the caller refills the buffer afterwards.
static void add_alias(char *line) {
  char *eq = strchr(line, '=');
  if (!eq)
    return;
  *eq = '\0';
  dictAdd(aliases, line, eq + 1); // expected-warning{{Pointer from 'strchr' into 'buf' is stored as a value of 'aliases'; it dangles when 'buf' is refilled by 'fgets' at line 41 — store a copy (g_strndup, strndup)}}
}

int load_aliases(FILE *fp) {
  char buf[256];
  int n = 0;
  while (fgets(buf, sizeof buf, fp)) {
    add_alias(buf);
    ++n;
  }
  return n;
}
// CHECK-DAG: load_aliases -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// The insertion and the free on one path.
int add_header(const char *raw) {
  char *copy = strdup(raw);
  if (!copy)
    return -1;
  char *colon = strchr(copy, ':');
  if (colon)
    dictReplace(aliases, "last-header", colon + 1); // expected-warning{{Pointer from 'strchr' into 'copy' is stored as a value of 'aliases'; it dangles when 'copy' is freed by 'free' at line 57 — store a copy (g_strndup, strndup)}}
  free(copy);
  return 0;
}
// CHECK-DAG: add_header -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// Borrowing, refilling and freeing with no insertion on the path: nothing
// to report, whatever happened to pointers stored elsewhere.
int count_fields(FILE *fp) {
  char buf[256];
  int n = 0;
  while (fgets(buf, sizeof buf, fp))
    for (char *p = strchr(buf, ','); p; p = strchr(p + 1, ','))
      ++n;
  return n;
}
// CHECK-DAG: count_fields -> Total CFGBlocks: 10 | Unreachable CFGBlocks: 8 |
// ALL-DAG: count_fields -> Total CFGBlocks: 10 | Unreachable CFGBlocks: 0 |

void drop_line(char *line) {
  if (line)
    free(line);
}
// CHECK-DAG: drop_line -> Total CFGBlocks: 4 | Unreachable CFGBlocks: 2 |
// ALL-DAG: drop_line -> Total CFGBlocks: 4 | Unreachable CFGBlocks: 0 |

// Removing and reading are no insertion either.
void forget_alias(const char *name) {
  if (name)
    dictDelete(aliases, name);
}
// CHECK-DAG: forget_alias -> Total CFGBlocks: 4 | Unreachable CFGBlocks: 2 |
// ALL-DAG: forget_alias -> Total CFGBlocks: 4 | Unreachable CFGBlocks: 0 |

// hsearch inserts or reads as its second argument says: it counts.
int remember_var(char *line) {
  char *eq = strchr(line, '=');
  if (!eq)
    return -1;
  ENTRY e = {.key = line, .data = eq + 1};
  return hsearch(e, FIND) != 0;
}
// CHECK-DAG: remember_var -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// Which functions cvet.Prune lets the analyzer explore: those that can reach
// a modelled API directly, through callees, through callbacks in tables and
// function pointers, through cleanup functions and attributes. The findings
// are the same with pruning off; debug.Stats shows which functions were
// explored: a pruned one has every block unreachable but its entry and
// exit. In the unpruned run checksum() is inlined into verify_block() and
// not analysed on its own; pruned, it is started on its own and pruned too.
// RUN: %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator -verify %s
// RUN: %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator \
// RUN:   -analyzer-config cvet:Prune=false -verify %s
// RUN: %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator,debug.Stats \
// RUN:   -analyzer-config cvet:Prune=true %s 2>&1 | FileCheck %s
// RUN: %clang_analyze_cc1 -isystem %inputs/iter \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator,debug.Stats \
// RUN:   -analyzer-config cvet:Prune=false %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALL

#include <dirent.h>

#define ACQUIRE(tag) __attribute__((acquire_handle(tag)))
#define RELEASE(tag) __attribute__((release_handle(tag)))

int log_line(const char *fmt, ...);

// Nothing here reaches a modelled API.
int checksum(const unsigned char *p, int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += p[i];
  return sum;
}
// CHECK-DAG: checksum -> Total CFGBlocks: 7 | Unreachable CFGBlocks: 5 |

int verify_block(const unsigned char *p, int n, int expected) {
  if (checksum(p, n) != expected) {
    log_line("bad block");
    return -1;
  }
  return 0;
}
// CHECK-DAG: verify_block -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 3 |
// ALL-DAG: verify_block -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 0 |

// Direct.
int count_entries(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  while (readdir(d))
    ++n;
  if (n == 0)
    return 0; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return n;
}
// CHECK-DAG: count_entries -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// Through a callee of the unit.
static int first_entry_type(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  struct dirent *e = readdir(d);
  if (!e)
    return 0; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  int type = e->d_type;
  closedir(d);
  return type;
}

int is_directory_tree(const char *path) {
  if (!path)
    return 0;
  return first_entry_type(path) == 4;
}
// CHECK-DAG: is_directory_tree -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// Through a table of callbacks in a constant global: the analyzer reads the
// initializer and may call the handler.
static int scan_spool(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  if (readdir(d) == 0)
    return 1; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return 0;
}
static int ignore_path(const char *path) { return path != 0; }
// CHECK-DAG: ignore_path -> Total CFGBlocks: 3 | Unreachable CFGBlocks: 1 |
// ALL-DAG: ignore_path -> Total CFGBlocks: 3 | Unreachable CFGBlocks: 0 |

struct handler {
  const char *name;
  int (*run)(const char *);
};
static const struct handler handlers[] = {
    {"spool", scan_spool},
    {"none", ignore_path},
};

int dispatch(int which, const char *path) {
  if (which < 0 || which > 1)
    return -1;
  return handlers[which].run(path);
}
// CHECK-DAG: dispatch -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// A function pointer set by one function and called by another: only the
// setter takes the address.
static int (*hook)(const char *);
void install_hook(void) { hook = scan_spool; }
// CHECK-DAG: install_hook -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |
int run_hook(const char *path) {
  if (!hook)
    return 0;
  return hook(path);
}
// CHECK-DAG: run_hook -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 3 |
// ALL-DAG: run_hook -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 0 |

// A cleanup function runs at the end of the scope.
static int listed;
static void refresh_listing(int *unused) {
  DIR *d = opendir("/var/spool");
  if (!d)
    return;
  while (readdir(d))
    ++listed;
  closedir(d);
}
int with_guard(int n) {
  __attribute__((cleanup(refresh_listing))) int guard = n;
  return guard + 1;
}

// Closing or using a handle starts nothing: without an open, no rule can
// report, so these are pruned.
static DIR *current;
void close_current(void) {
  if (current)
    closedir(current);
  current = 0;
}
// CHECK-DAG: close_current -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 3 |
// CHECK-DAG: with_guard -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// Handle attributes make a user API part of the model.
int session_open(const char *name, int *out ACQUIRE("session"));
void session_close(int s RELEASE("session"));
int start_session(const char *name) {
  int s;
  if (session_open(name, &s) != 0)
    return -1;
  if (name[0] == 0)
    return -2; // expected-warning{{Iterator opened by 'session_open' is not closed on this path; pass it to a function whose parameter is marked release_handle("session")}}
  session_close(s);
  return 0;
}
// CHECK-DAG: start_session -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

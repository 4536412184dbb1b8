// cvet.UnsyncMapWrite cannot report in a C unit that spawns no thread, takes
// no lock, defines no AnyThread function and declares no guarded_by: every
// report needs one of them (a thread side, a spawning side, a locked write
// elsewhere, a declared guard). Such a unit leaves the rule idle, with
// pruning or without, and cvet.Prune explores none of its map writes for it
// (debug.Stats: a pruned function has every block unreachable but its entry
// and exit). Declaring pthread functions (a header) is not using them.
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -verify %s
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=false \
// RUN:   -Xclang -verify %s
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=true %s 2>&1 | FileCheck %s
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=false %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALL
// The same unit with one lock taken somewhere: the rule is at work again,
// and the unlocked write is reported.
// RUN: %analyze_rules -isystem %inputs/threads -DTAKES_LOCK \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=true %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOCK

// A function that requires a capability holds it in its writes (a locked
// write elsewhere): that too puts the rule at work.
// RUN: %analyze_rules -isystem %inputs/threads -DREQUIRES_LOCK \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=true %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOCK

// expected-no-diagnostics

#include <pthread.h>

#include "unsync/redis-dict.h"

int log_event(const char *fmt, ...);

static dict *clients;
#ifdef TAKES_LOCK
static pthread_mutex_t clients_lock;
#endif
#ifdef REQUIRES_LOCK
typedef pthread_mutex_t __attribute__((capability("mutex"))) mutex_t;
static mutex_t clients_lock;
void client_add(void *id, void *client)
    __attribute__((requires_capability(clients_lock)));
#endif

void client_add(void *id, void *client) {
#ifdef TAKES_LOCK
  pthread_mutex_lock(&clients_lock);
#endif
  dictAdd(clients, id, client);
#ifdef TAKES_LOCK
  pthread_mutex_unlock(&clients_lock);
#endif
}
// CHECK-DAG: client_add -> Total CFGBlocks: 3 | Unreachable CFGBlocks: 1 |
// ALL-DAG: client_add -> Total CFGBlocks: 3 | Unreachable CFGBlocks: 0 |

// Written without the lock the other write holds: reported only where a
// lock exists at all.
void client_forget(void *id) {
  if (dictDelete(clients, id) != 0) // no-warning
    log_event("client %p was not known", id);
}
// CHECK-DAG: client_forget -> Total CFGBlocks: 4 | Unreachable CFGBlocks: 2 |
// ALL-DAG: client_forget -> Total CFGBlocks: 4 | Unreachable CFGBlocks: 0 |
// LOCK-DAG: unsync-idle.c:[[@LINE-5]]:7: warning: Map 'clients' is written without holding 'clients_lock', which its other writes hold
// LOCK-DAG: client_forget -> Total CFGBlocks: 4 | Unreachable CFGBlocks: 0 |

#if !defined(TAKES_LOCK) && !defined(REQUIRES_LOCK)
void client_rename(dictEntry *entry, void *name) {
  dictSetVal(clients, entry, name); // no-warning
}
// CHECK-DAG: client_rename -> Total CFGBlocks: 7 | Unreachable CFGBlocks: 5 |
// ALL-DAG: client_rename -> Total CFGBlocks: 7 | Unreachable CFGBlocks: 1 |
#endif

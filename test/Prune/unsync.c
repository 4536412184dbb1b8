// What cvet.Prune lets cvet.UnsyncMapWrite explore. The rule reports only at
// a map write on the explored path (a call or a model macro that may write);
// what it weighs there (locks other writes hold, spawn sites, what every
// caller holds, AnyThread) comes from the whole unit's AST, explored or not.
// So a function that reaches no map write is left alone, and the findings
// are the same with pruning off: the function whose locked write is the
// evidence and the one whose unlocked write is reported are both explored,
// as is a thread's entry; a reader and a lock wrapper are not (debug.Stats:
// a pruned function has every block unreachable but its entry and exit).
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/conn-model.yaml \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/conn-model.yaml \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=false \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/conn-model.yaml \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=true %s 2>&1 | FileCheck %s
// RUN: %analyze_rules -isystem %inputs/threads \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite,debug.Stats \
// RUN:   -Xclang -analyzer-config -Xclang cvet:ModelFiles=%inputs/unsync/conn-model.yaml \
// RUN:   -Xclang -analyzer-config -Xclang cvet:Prune=false %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALL

#include <pthread.h>

#include "unsync/conn_table.h"
#include "unsync/dynahash.h"
#include "unsync/redis-dict.h"

int log_event(const char *fmt, ...);

// Inconsistent locking: the write under clients_lock is the evidence, the
// write without it the finding.
static dict *clients;
static pthread_mutex_t clients_lock;

void client_add(void *id, void *client) {
  pthread_mutex_lock(&clients_lock);
  dictAdd(clients, id, client);
  pthread_mutex_unlock(&clients_lock);
}
// CHECK-DAG: client_add -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

static void forget_client(void *id) {
  dictDelete(clients, id); // expected-warning{{Map 'clients' is written without holding 'clients_lock', which its other writes hold}}
}

void client_timeout(void *id) {
  log_event("client %p timed out", id);
  forget_client(id);
}
// CHECK-DAG: client_timeout -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// A model macro that writes (dictSetVal) starts a report as a call does.
void client_rename(dictEntry *entry, void *name) {
  dictSetVal(clients, entry, name); // expected-warning{{Map 'clients' is written without holding 'clients_lock', which its other writes hold}}
}
// CHECK-DAG: client_rename -> Total CFGBlocks: 7 | Unreachable CFGBlocks: 1 |

// Reads and locks alone start nothing.
void *client_find(void *id) {
  if (!id)
    return 0;
  return dictFetchValue(clients, id);
}
// CHECK-DAG: client_find -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 3 |
// ALL-DAG: client_find -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 0 |

static void lock_clients(void) { pthread_mutex_lock(&clients_lock); }
static void unlock_clients(void) { pthread_mutex_unlock(&clients_lock); }
int clients_report(void) {
  lock_clients();
  int n = log_event("clients: %p", (void *)clients);
  unlock_clients();
  return n;
}
// CHECK-DAG: clients_report -> Total CFGBlocks: 3 | Unreachable CFGBlocks: 1 |
// ALL-DAG: clients_report -> Total CFGBlocks: 3 | Unreachable CFGBlocks: 0 |

// A lock wrapper around a write: explored from the writer, which holds the
// lock the wrapper takes.
void client_add_wrapped(void *id, void *client) {
  lock_clients();
  dictReplace(clients, id, client); // no-warning
  unlock_clients();
}
// CHECK-DAG: client_add_wrapped -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// Thread side: the entry writes the table, the spawner writes it after the
// spawn. A spawner that writes nothing names an entry that does: it is
// explored too (a function whose address is taken counts as called).
static HTAB *sessions;

static void drop_session(const void *key) {
  hash_search(sessions, key, HASH_REMOVE, 0); // expected-warning{{Map 'sessions' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
}

static void *reaper(void *arg) {
  drop_session(arg);
  return 0;
}
// CHECK-DAG: reaper -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

void start_reaper(const void *key) {
  pthread_t t;
  if (pthread_create(&t, 0, reaper, (void *)key) != 0)
    return;
  hash_search(sessions, key, HASH_ENTER, 0);
  pthread_join(t, 0);
}
// CHECK-DAG: start_reaper -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

int start_reaper_detached(const void *key) {
  pthread_t t;
  if (pthread_create(&t, 0, reaper, (void *)key) != 0)
    return -1;
  return 0;
}
// CHECK-DAG: start_reaper_detached -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 0 |

// A project's own map and locks (conn-model.yaml): its write names count,
// its reads and lock macros do not; conn_register may run on any thread.
struct conn_table *registry;
static struct spinlock registry_lock;

int conn_register(int fd, struct conn *c) {
  return conn_table_put(registry, fd, c); // expected-warning{{Map 'registry' is written without holding a lock, by 'conn_register', which may run on any thread}}
}
// CHECK-DAG: conn_register -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

struct conn *conn_lookup(int fd) {
  LOCK(&registry_lock);
  struct conn *c = conn_table_get(registry, fd);
  UNLOCK(&registry_lock);
  return c;
}
// CHECK-DAG: conn_lookup -> Total CFGBlocks: 7 | Unreachable CFGBlocks: 5 |
// ALL-DAG: conn_lookup -> Total CFGBlocks: 7 | Unreachable CFGBlocks: 1 |

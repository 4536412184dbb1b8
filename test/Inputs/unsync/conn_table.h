// A project's own hash table and its lock macros, as a server would have
// them (the model for them is conn-model.yaml).
#ifndef CONN_TABLE_H
#define CONN_TABLE_H

struct conn;
struct conn_table;

struct spinlock {
  volatile int held;
};

#define LOCK(l)                                                                \
  do {                                                                         \
    while (__atomic_test_and_set(&(l)->held, __ATOMIC_ACQUIRE))                \
      ;                                                                        \
  } while (0)
#define UNLOCK(l) __atomic_clear(&(l)->held, __ATOMIC_RELEASE)
// The same lock on the exchange and store builtins, which every clang parses
// as atomic expressions, not calls.
#define XLOCK(l)                                                               \
  do {                                                                         \
    while (__atomic_exchange_n(&(l)->held, 1, __ATOMIC_ACQUIRE))               \
      ;                                                                        \
  } while (0)
#define XUNLOCK(l) __atomic_store_n(&(l)->held, 0, __ATOMIC_RELEASE)

struct conn_table *conn_table_new(unsigned size);
void conn_table_free(struct conn_table *t);
int conn_table_put(struct conn_table *t, int fd, struct conn *c);
int conn_table_del(struct conn_table *t, int fd);
struct conn *conn_table_get(struct conn_table *t, int fd);

int worker_start(unsigned long *id, void *(*run)(void *), void *arg);
void worker_wait(unsigned long id);

#endif

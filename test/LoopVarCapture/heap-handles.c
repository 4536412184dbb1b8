// Threads joined through a heap array of handles (calloc'd, or from the
// project's own allocator), with their arguments in a stack array: the
// joins match the spawns element by element, also element 0, also after
// later spawns made the analyzer forget what the array held.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config widen-loops=true -verify %s

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_WORKERS 8

struct chunk {
  int id;
  const char *data;
  size_t len;
  long sum;
};

void *xcalloc(size_t n, size_t size); // dies on failure
void log_warn(const char *fmt, ...);
void *sum_chunk(void *arg);

struct pool {
  pthread_t *threads;
  int nthreads;
};

long checksum_parallel(const char *data, size_t len, int n) {
  pthread_t *tids = calloc(n, sizeof(*tids));
  struct chunk chunks[MAX_WORKERS];
  long total = 0;
  if (!tids)
    return -1;
  if (n > MAX_WORKERS)
    n = MAX_WORKERS;
  for (int i = 0; i < n; i++) {
    chunks[i].id = i;
    chunks[i].data = data + i * (len / n);
    chunks[i].len = len / n;
    chunks[i].sum = 0;
    pthread_create(&tids[i], NULL, sum_chunk, &chunks[i]); // no-warning
  }
  for (int i = 0; i < n; i++) {
    pthread_join(tids[i], NULL);
    total += chunks[i].sum;
  }
  free(tids);
  return total;
}

long checksum_xcalloc(const char *data, size_t len, int n) {
  pthread_t *tids = xcalloc(MAX_WORKERS, sizeof(pthread_t));
  struct chunk chunks[MAX_WORKERS];
  long total = 0;
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    chunks[i].id = i;
    chunks[i].data = data;
    chunks[i].len = len;
    pthread_create(&tids[i], NULL, sum_chunk, &chunks[i]); // no-warning
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_join(tids[i], NULL);
    total += chunks[i].sum;
  }
  free(tids);
  return total;
}

long checksum_pool(struct pool *p, const char *data, size_t len) {
  struct chunk chunks[MAX_WORKERS];
  long total = 0;
  p->threads = calloc(p->nthreads, sizeof(pthread_t));
  for (int i = 0; i < p->nthreads && i < MAX_WORKERS; i++) {
    chunks[i].id = i;
    chunks[i].data = data;
    chunks[i].len = len;
    pthread_create(&p->threads[i], NULL, sum_chunk, &chunks[i]); // no-warning
  }
  for (int i = 0; i < p->nthreads && i < MAX_WORKERS; i++) {
    pthread_join(p->threads[i], NULL);
    total += chunks[i].sum;
  }
  return total;
}

// Only the threads that started are joined.
long checksum_started(const char *data, size_t len, int n) {
  pthread_t *tids = calloc(MAX_WORKERS, sizeof(*tids));
  struct chunk chunks[MAX_WORKERS];
  int started = 0;
  long total = 0;
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    chunks[i].id = i;
    chunks[i].data = data;
    chunks[i].len = len;
    if (pthread_create(&tids[started], NULL, sum_chunk, &chunks[i]) != 0) { // no-warning
      log_warn("worker %d did not start", i);
      break;
    }
    started++;
  }
  for (int i = 0; i < started; i++)
    pthread_join(tids[i], NULL);
  for (int i = 0; i < started; i++)
    total += chunks[i].sum;
  free(tids);
  return total;
}

// The bug the joins must not hide: a failed spawn returns while the threads
// already started still read their chunks.
long checksum_bail_out(const char *data, size_t len, int n) {
  pthread_t *tids = calloc(MAX_WORKERS, sizeof(*tids));
  struct chunk chunks[MAX_WORKERS];
  long total = 0;
  if (!tids)
    return -1;
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    chunks[i].id = i;
    chunks[i].data = data;
    chunks[i].len = len;
    if (pthread_create(&tids[i], NULL, sum_chunk, &chunks[i]) != 0) {
      log_warn("worker %d did not start", i);
      free(tids);
      return -1; // expected-warning{{'chunks[0]' goes out of scope when the function returns while the thread started here may still use it}}
    }
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_join(tids[i], NULL);
    total += chunks[i].sum;
  }
  free(tids);
  return total;
}

// Joining only the first thread leaves the others running.
long checksum_joins_first(const char *data, size_t len) {
  pthread_t *tids = calloc(2, sizeof(*tids));
  struct chunk chunks[2];
  if (!tids)
    return -1;
  for (int i = 0; i < 2; i++) {
    chunks[i].id = i;
    chunks[i].data = data;
    chunks[i].len = len;
    pthread_create(&tids[i], NULL, sum_chunk, &chunks[i]);
  }
  pthread_join(tids[0], NULL);
  log_warn("first chunk: %ld", chunks[0].sum);
  free(tids);
  return chunks[0].sum; // expected-warning{{'chunks[1]' goes out of scope when the function returns while the thread started here may still use it}}
}

// The handle array is handed to the project's own code, which may join.
void pool_join_all(pthread_t *threads, int n);
void pool_stop(struct pool *p);

long checksum_pool_helper(const char *data, size_t len) {
  pthread_t *tids = calloc(MAX_WORKERS, sizeof(*tids));
  struct chunk chunks[MAX_WORKERS];
  if (!tids)
    return -1;
  for (int i = 0; i < MAX_WORKERS; i++) {
    chunks[i].id = i;
    chunks[i].data = data;
    chunks[i].len = len;
    pthread_create(&tids[i], NULL, sum_chunk, &chunks[i]); // no-warning
  }
  pool_join_all(tids, MAX_WORKERS);
  free(tids);
  return chunks[0].sum;
}

long checksum_pool_stop(struct pool *p, const char *data, size_t len) {
  struct chunk chunks[MAX_WORKERS];
  p->threads = calloc(MAX_WORKERS, sizeof(pthread_t));
  for (int i = 0; i < MAX_WORKERS; i++) {
    chunks[i].id = i;
    chunks[i].data = data;
    chunks[i].len = len;
    pthread_create(&p->threads[i], NULL, sum_chunk, &chunks[i]); // no-warning
  }
  pool_stop(p);
  return chunks[0].sum;
}

// Handles in an array of structs, next to each worker's own data.
struct slot {
  pthread_t tid;
  struct chunk work;
};

long checksum_slots(const char *data, size_t len, int n) {
  struct slot *slots = calloc(n, sizeof(*slots));
  struct chunk shared = {0, data, len, 0};
  if (!slots)
    return -1;
  for (int i = 0; i < n; i++)
    pthread_create(&slots[i].tid, NULL, sum_chunk, &shared); // no-warning
  for (int i = 0; i < n; i++)
    pthread_join(slots[i].tid, NULL);
  free(slots);
  return shared.sum;
}

// A failing pthread_join means a broken program (a bad handle, a deadlock);
// the return on that path is not where the threads' data is lost.
long checksum_join_checked(const char *data, size_t len, int n) {
  pthread_t *tids = calloc(n, sizeof(*tids));
  struct chunk shared = {0, data, len, 0};
  if (!tids)
    return -1;
  for (int i = 0; i < n; i++)
    pthread_create(&tids[i], NULL, sum_chunk, &shared); // no-warning
  for (int i = 0; i < n; i++) {
    int err = pthread_join(tids[i], NULL);
    if (err != 0) {
      log_warn("pthread_join: error %d", err);
      free(tids);
      return -1;
    }
  }
  free(tids);
  return shared.sum;
}

// What the rule must not report: a distinct object per iteration, values
// passed as the pointer, joins before the next change, failed spawns, and
// code that may synchronise in ways the analyzer cannot see.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s
// expected-no-diagnostics

#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdlib.h>

void *worker(void *arg);
#define N 8

struct arg {
  int idx;
  pthread_mutex_t lock;
};

void no_warning_element_per_iteration(int n) {
  pthread_t t[N];
  struct arg args[N];
  for (int i = 0; i < n && i < N; i++) {
    args[i].idx = i; // no-warning
    pthread_create(&t[i], NULL, worker, &args[i]);
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_malloc_per_iteration(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) {
    int *p = malloc(sizeof *p);
    if (!p)
      return;
    *p = i;
    pthread_create(&t[i], NULL, worker, p); // no-warning
  }
}

void no_warning_value_cast_into_pointer(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++)
    pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i); // no-warning
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_join_in_same_iteration(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) {
    pthread_create(&t, NULL, worker, &i);
    pthread_join(t, NULL);
  } // no-warning
}

void no_warning_join_element_in_same_iteration(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) {
    struct arg a = {.idx = i};
    pthread_create(&t[i], NULL, worker, &a);
    pthread_join(t[i], NULL);
  } // no-warning
}

void no_warning_unchanged_until_join_after_loop(int n) {
  pthread_t t[N];
  int config = 42;
  for (int i = 0; i < n && i < N; i++)
    pthread_create(&t[i], NULL, worker, &config);
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
  config = 0; // no-warning
}

void no_warning_joined_before_the_change(int n) {
  pthread_t t1, t2;
  int x = 1;
  for (int i = 0; i < n; i++) {
    pthread_create(&t1, NULL, worker, &x);
    pthread_create(&t2, NULL, worker, &x);
    pthread_join(t2, NULL);
    pthread_join(t1, NULL);
    x++; // no-warning
  }
}

void no_warning_create_failed(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) {
    if (pthread_create(&t, NULL, worker, &i) != 0) {
      i = n; // no-warning
      break;
    }
    pthread_join(t, NULL);
  }
}

void no_warning_failure_path_then_next_iteration(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) {
    if (pthread_create(&t, NULL, worker, &i))
      continue; // no-warning: nothing started, the increment is fine
    pthread_join(t, NULL);
  }
}

void no_warning_handshake_semaphore(int n, sem_t *copied) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) {
    pthread_create(&t[i], NULL, worker, &i);
    sem_wait(copied); // the worker has taken its copy of *arg
  } // no-warning
}

void join_all(pthread_t *t, int n);

void no_warning_handles_given_to_unknown_code(int n) {
  pthread_t t[N];
  int config = 42;
  for (int i = 0; i < n && i < N; i++)
    pthread_create(&t[i], NULL, worker, &config);
  join_all(t, n);
} // no-warning

static pthread_t g_threads[N];
void wait_for_workers(void);

void no_warning_global_handles_unknown_code_may_join(int n) {
  int config = 42;
  for (int i = 0; i < n && i < N; i++)
    pthread_create(&g_threads[i], NULL, worker, &config);
  wait_for_workers();
} // no-warning

void wait_until_taken(struct arg *a);

void no_warning_object_given_to_unknown_code(int n) {
  pthread_t t;
  struct arg a;
  for (int i = 0; i < n; i++) {
    a.idx = i; // no-warning
    pthread_create(&t, NULL, worker, &a);
    wait_until_taken(&a);
  }
}

void no_warning_lock_member_of_shared_object(int n) {
  pthread_t t[N];
  struct arg a = {0};
  for (int i = 0; i < n && i < N; i++) {
    pthread_create(&t[i], NULL, worker, &a);
    pthread_mutex_lock(&a.lock); // no-warning
    pthread_mutex_unlock(&a.lock);
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_spawn_outside_loop(int n) {
  pthread_t t;
  int i = 0;
  pthread_create(&t, NULL, worker, &i);
  for (i = 0; i < n; i++) // no-warning: a race, but not this rule's
    ;
  pthread_join(t, NULL);
}

void no_warning_write_after_loop(int n) {
  pthread_t t[N];
  int config = 1;
  for (int i = 0; i < n && i < N; i++)
    pthread_create(&t[i], NULL, worker, &config);
  config = 2; // no-warning: after the loop, a different bug
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

static int g_counter;

void no_warning_global_object(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) {
    g_counter = i; // no-warning: not a stack object
    pthread_create(&t[i], NULL, worker, &g_counter);
  }
}

void no_warning_heap_struct_reused(struct arg *shared, int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) {
    shared->idx = i; // no-warning: not on this stack
    pthread_create(&t[i], NULL, worker, shared);
  }
}

int main(void) {
  pthread_t t[N];
  int config = 42;
  for (int i = 0; i < N; i++)
    pthread_create(&t[i], NULL, worker, &config);
  return 0; // no-warning: returning from main ends the process
}

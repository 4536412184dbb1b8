// cvet-loop-var-capture in C: the address of a loop-changed or per-iteration
// object handed to a thread or a callback, and the shapes that are safe.
// REQUIRES: cvet-tidy
// RUN: %clang_tidy --checks='-*,cvet-loop-var-capture' %s -- \
// RUN:   -isystem %inputs/threads 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:'

#include <glib.h>
#include <pthread.h>
#include <stdlib.h>

void *worker(void *arg);
gboolean on_idle(gpointer data);
int next_job(void *job);
void wait_for_workers(void);
#define N 8

struct arg {
  int idx;
  const char *name;
};

void counter_address_passed_to_every_thread(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++)
    pthread_create(&t[i], NULL, worker, &i);
  // CHECK: :[[@LINE-1]]:5: warning: Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined [cvet-loop-var-capture]
  // CHECK: :[[@LINE-3]]:26: note: 'i' is changed here while the thread may still use it
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void per_iteration_struct_dies(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) {
    struct arg a = {.idx = i};
    pthread_create(&t[i], NULL, worker, &a);
    // CHECK: :[[@LINE-1]]:5: warning: 'a' goes out of scope at the end of the iteration while the thread started here may still use it
    // CHECK: :[[@LINE+1]]:3: note: 'a' goes out of scope here
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void reused_struct_field_written(const int *ids, int n) {
  pthread_t t[N];
  struct arg a;
  for (int i = 0; i < n && i < N; i++) {
    a.idx = ids[i];
    pthread_create(&t[i], NULL, worker, &a);
    // CHECK: :[[@LINE-1]]:5: warning: Address of 'a' is passed to the thread started here, and the loop changes 'a' before the thread is joined
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void idle_callback_sees_the_last_item(int n) {
  int item;
  for (item = 0; item < n; item++)
    g_idle_add(on_idle, &item);
  // CHECK: :[[@LINE-1]]:5: warning: Address of 'item' is passed to the callback scheduled here, and the loop changes 'item' before the callback is known to have run
}

void no_warning_element_per_iteration(void) {
  pthread_t t[N];
  struct arg args[N];
  for (int i = 0; i < N; i++) {
    args[i].idx = i;
    pthread_create(&t[i], NULL, worker, &args[i]);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_heap_object_per_iteration(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) {
    int *p = malloc(sizeof *p);
    *p = i;
    pthread_create(&t[i], NULL, worker, p);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_value_in_the_pointer(void) {
  pthread_t t[N];
  for (long i = 0; i < N; i++)
    pthread_create(&t[i], NULL, worker, (void *)i);
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_joined_in_iteration(void) {
  pthread_t t;
  for (int i = 0; i < N; i++) {
    pthread_create(&t, NULL, worker, &i);
    pthread_join(t, NULL);
  }
}

struct shared {
  pthread_mutex_t mu;
  int queued;
};

void no_warning_lock_inside_the_object(void) {
  pthread_t t[N];
  struct shared s = {0};
  for (int i = 0; i < N; i++) {
    pthread_create(&t[i], NULL, worker, &s);
    pthread_mutex_lock(&s.mu);
    s.queued++;
    pthread_mutex_unlock(&s.mu);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

// Our own function may wait for the worker to take its copy.
void no_warning_handed_to_own_code(void) {
  pthread_t t[N];
  struct arg a;
  for (int i = 0; i < N; i++) {
    a.idx = i;
    pthread_create(&t[i], NULL, worker, &a);
    wait_for_workers();
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_spawn_outside_loop(void) {
  pthread_t t;
  int i = 0;
  pthread_create(&t, NULL, worker, &i);
  pthread_join(t, NULL);
}

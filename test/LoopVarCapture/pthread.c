// The patterns from the rule's issue, with POSIX threads.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify=expected,llvm%llvm_major %s
// (LLVM 19 places the end of a function at its closing brace, LLVM 22 at the
// last statement that ran: llvm19-/llvm22- expectations.)

#include <pthread.h>
#include <stdio.h>

void *worker(void *arg);
#define N 8

void counter_address_passed_to_every_thread(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    pthread_create(&t[i], NULL, worker, &i);
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

struct arg {
  int idx;
  const char *name;
};

void per_iteration_struct_dies_at_end_of_iteration(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) { // expected-warning{{'a' goes out of scope at the end of the iteration while the thread started here may still use it}}
    struct arg a = {.idx = i};
    pthread_create(&t[i], NULL, worker, &a);
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void reused_struct_field_written(const int *ids, int n) {
  pthread_t t[N];
  struct arg a;
  for (int i = 0; i < n && i < N; i++) {
    a.idx = ids[i]; // expected-warning{{Address of 'a' is passed to the thread started here, and the loop changes 'a' before the thread is joined}}
    pthread_create(&t[i], NULL, worker, &a);
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void reused_struct_assigned_whole(const struct arg *src, int n) {
  pthread_t t[N];
  struct arg a;
  for (int i = 0; i < n && i < N; i++) {
    a = src[i]; // expected-warning{{Address of 'a' is passed to the thread started here, and the loop changes 'a' before the thread is joined}}
    pthread_create(&t[i], NULL, worker, &a);
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void buffer_refilled_by_library_call(int n) {
  pthread_t t[N];
  char name[32];
  for (int i = 0; i < n && i < N; i++) {
    snprintf(name, sizeof name, "worker-%d", i); // expected-warning{{Address of 'name' is passed to the thread started here, and the loop changes 'name' before the thread is joined}} expected-note{{'snprintf' writes into 'name' while the thread may still use it}}
    pthread_create(&t[i], NULL, worker, name);
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void counter_of_while_loop(int n) {
  pthread_t t[N];
  int i = 0;
  while (i < n && i < N) {
    pthread_create(&t[i], NULL, worker, &i);
    i++; // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
  }
}

void counter_of_do_loop(int n) {
  pthread_t t[N];
  int i = 0;
  do {
    pthread_create(&t[i], NULL, worker, &i);
  } while (++i < n && i < N); // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
}

void accept_loop_descriptor_dies(int (*next)(void)) {
  pthread_t t;
  while (1) { // expected-warning{{'fd' goes out of scope at the end of the iteration while the thread started here may still use it}}
    int fd = next();
    if (fd < 0)
      break;
    pthread_create(&t, NULL, worker, &fd);
    pthread_detach(t);
  }
}

void shared_config_outlives_no_join(int n) {
  pthread_t t[N];
  int config = 42;
  for (int i = 0; i < n && i < N; i++) // llvm22-warning{{'config' goes out of scope when the function returns while the thread started here may still use it}}
    pthread_create(&t[i], NULL, worker, &config);
} // llvm19-warning{{'config' goes out of scope when the function returns while the thread started here may still use it}}

void shared_config_early_return(int n, int stop) {
  pthread_t t[N];
  int config = 42;
  for (int i = 0; i < n && i < N; i++) {
    pthread_create(&t[i], NULL, worker, &config);
    if (stop)
      return; // expected-warning{{'config' goes out of scope when the function returns while the thread started here may still use it}}
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void outer_counter_of_nested_loops(int n, int m) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) { // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    for (int j = 0; j < m; j++)
      (void)j;
    pthread_create(&t[i], NULL, worker, &i);
  }
}

static void start(pthread_t *t, int *p) { pthread_create(t, NULL, worker, p); }

void spawn_inside_helper_called_from_loop(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    start(&t[i], &i);
}

static void next_index(int *p) { ++*p; } // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}

void write_inside_helper_called_from_loop(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; next_index(&i))
    pthread_create(&t[i], NULL, worker, &i);
}

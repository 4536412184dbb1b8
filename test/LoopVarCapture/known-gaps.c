// Bugs the rule does not see yet. Each stays visible here until it does.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s
// expected-no-diagnostics

#include <pthread.h>

void *worker(void *arg);
#define N 4

struct arg {
  int idx;
};

void compound_literal_per_iteration(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) // TODO-expected-warning{{'(struct arg){i}' goes out of scope at the end of the iteration}}
    pthread_create(&t[i], NULL, worker, &(struct arg){i});
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void loop_made_of_goto(int n) {
  pthread_t t[N];
  int i = 0;
again:
  pthread_create(&t[i], NULL, worker, &i);
  i++; // TODO-expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
  if (i < n && i < N)
    goto again;
  for (i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

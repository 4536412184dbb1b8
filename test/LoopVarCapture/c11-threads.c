// C11 <threads.h>: thrd_create / thrd_join.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s

#include <threads.h>

int worker(void *arg);
#define N 4

void counter_passed_to_thrd_create(int n) {
  thrd_t t[N];
  for (int i = 0; i < n && i < N; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    thrd_create(&t[i], worker, &i);
  for (int i = 0; i < n && i < N; i++)
    thrd_join(t[i], NULL);
}

void per_iteration_value_dies(int n) {
  thrd_t t[N];
  for (int i = 0; i < n && i < N; i++) { // expected-warning{{'v' goes out of scope at the end of the iteration while the thread started here may still use it}}
    int v = i * 2;
    if (thrd_create(&t[i], worker, &v) != thrd_success)
      return;
  }
  for (int i = 0; i < n && i < N; i++)
    thrd_join(t[i], NULL);
}

void no_warning_thrd_join_in_same_iteration(int n) {
  thrd_t t;
  for (int i = 0; i < n; i++) {
    thrd_create(&t, worker, &i);
    thrd_join(t, NULL);
  } // no-warning
}

void no_warning_thrd_create_failed(int n) {
  thrd_t t;
  for (int i = 0; i < n; i++) {
    if (thrd_create(&t, worker, &i) != thrd_success)
      continue; // no-warning
    thrd_join(t, NULL);
  }
}

// Under loop widening (-analyzer-config widen-loops=true, which reaches code
// after loops that run more than max-loop times), what the widening made
// unknown is forgotten: per-iteration elements and joins through the handle
// array stay quiet, and bugs after the widened loop are found.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config widen-loops=true -verify %s
//
// Which of several objects a path reports must not depend on where the
// analyzer's memory lies; the file's path length moves it.
// RUN: rm -rf %t && mkdir -p %t/a %t/abcdefgh %t/abcdefghijklmnopqrstuvwx
// RUN: cp %s %t/a/w.c && cp %s %t/abcdefgh/w.c && cp %s %t/abcdefghijklmnopqrstuvwx/w.c
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config widen-loops=true -verify %t/a/w.c
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config widen-loops=true -verify %t/abcdefgh/w.c
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config widen-loops=true -verify %t/abcdefghijklmnopqrstuvwx/w.c

#include <pthread.h>
#include <stdio.h>

void log_error(const char *what, int id);

void *worker(void *arg);
#define NWORKERS 5

struct job {
  int id;
  int lo, hi;
};

// Five workers: the fill loop runs past max-loop (4), widening goes on.
int run_partitioned(int total) {
  struct job jobs[NWORKERS];
  pthread_t tids[NWORKERS];
  for (int i = 0; i < NWORKERS; i++) {
    jobs[i].id = i;
    jobs[i].lo = i * total / NWORKERS;
    jobs[i].hi = (i + 1) * total / NWORKERS;
  }
  for (int i = 0; i < NWORKERS; i++)
    if (pthread_create(&tids[i], NULL, worker, &jobs[i]) != 0) {
      log_error("cannot start worker", i);
      return -1; // expected-warning{{'jobs[0]' goes out of scope when the function returns while the thread started here may still use it}}
    }
  for (int i = 0; i < NWORKERS; i++)
    pthread_join(tids[i], NULL); // no-warning
  return 0;
}

// The loop counter itself, after a widened fill loop.
int run_with_counter(void) {
  int weights[NWORKERS];
  pthread_t tids[NWORKERS];
  for (int i = 0; i < NWORKERS; i++)
    weights[i] = i + 1;
  int i;
  for (i = 0; i < 2; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    pthread_create(&tids[i], NULL, worker, &i);
  for (int k = 0; k < 2; k++)
    pthread_join(tids[k], NULL);
  return weights[0];
}

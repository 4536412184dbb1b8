// Path notes: where the work was started, how the loop went round, and where
// the shared object changes or dies.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -analyzer-output=text \
// RUN:   -verify %s

#include <glib.h>
#include <pthread.h>
#include <string.h>

void *worker(void *arg);
gboolean on_idle(gpointer data);
#define N 4

void counter_notes(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) // expected-note{{Loop condition is true.  Entering loop body}}
                              // expected-warning@-1{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
                              // expected-note@-2{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    pthread_create(&t[i], NULL, worker, &i); // expected-note{{Thread started here with the address of 'i'}}
}

struct arg {
  int idx;
};

void scope_notes(int n) {
  pthread_t t[N];
  for (int i = 0; i < n && i < N; i++) { // expected-note 2{{Assuming 'i' is < 'n'}}
                                         // expected-note@-1 {{Left side of '&&' is true}}
                                         // expected-note@-2 {{Loop condition is true.  Entering loop body}}
                                         // expected-warning@-3 {{'a' goes out of scope at the end of the iteration while the thread started here may still use it}}
                                         // expected-note@-4 {{'a' goes out of scope at the end of the iteration while the thread started here may still use it}}
    struct arg a = {i};
    pthread_create(&t[i], NULL, worker, &a); // expected-note{{Thread started here with the address of 'a'}}
  }
}

void callback_notes(int n) {
  for (int i = 0; i < n; i++) // expected-note{{Assuming 'i' is < 'n'}}
                              // expected-note@-1{{Loop condition is true.  Entering loop body}}
                              // expected-warning@-2{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
                              // expected-note@-3{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    g_idle_add(on_idle, &i); // expected-note{{Callback scheduled here with the address of 'i'}}
}

struct job {
  int id;
};

void write_notes(GThreadPool *pool, const int *ids, int n) {
  struct job job;
  for (int k = 0; k < n; k++) { // expected-note 2{{Assuming 'k' is < 'n'}}
                                // expected-note@-1 2{{Loop condition is true.  Entering loop body}}
    job.id = ids[k]; // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}}
                     // expected-note@-1{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}}
    g_thread_pool_push(pool, &job, NULL); // expected-note{{Thread started here with the address of 'job'}}
  }
  g_thread_pool_free(pool, FALSE, TRUE);
}

struct scan_args {
  int shard;
};

void library_write_notes(int n) {
  pthread_t t[N];
  struct scan_args args;
  int i;
  for (i = 0; i < n && i < N; i++) { // expected-note 2{{Assuming 'i' is < 'n'}}
                                     // expected-note@-1 2{{Left side of '&&' is true}}
                                     // expected-note@-2 2{{Loop condition is true.  Entering loop body}}
    memset(&args, 0, sizeof args); // expected-note{{'memset' writes into 'args' while the thread may still use it}}
                                   // expected-warning@-1{{Address of 'args' is passed to the thread started here, and the loop changes 'args' before the thread is joined}}
                                   // expected-note@-2{{Address of 'args' is passed to the thread started here, and the loop changes 'args' before the thread is joined}}
    args.shard = i;
    pthread_create(&t[i], NULL, worker, &args); // expected-note{{Thread started here with the address of 'args'}}
  }
  while (i-- > 0)
    pthread_join(t[i], NULL);
}

// Real loop bugs in the forms real projects write them.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s

#include <glib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *worker(void *arg);
void pool_job(gpointer data, gpointer user_data);
#define N 8

void reused_line_buffer(FILE *f) {
  char line[256];
  pthread_t t;
  while (fgets(line, sizeof line, f)) { // expected-warning{{changes 'line'}} expected-note{{'fgets' writes into 'line' while the thread may still use it}}
    pthread_create(&t, NULL, worker, line);
    pthread_detach(t);
  }
}

struct job {
  int id;
  const char *path;
};

void struct_filled_and_pushed(const char **paths, int n) {
  struct job job;
  GThreadPool *pool = g_thread_pool_new(pool_job, NULL, 4, 0, NULL);
  for (int i = 0; i < n; i++) {
    job.id = i; // expected-warning{{changes 'job'}}
    job.path = paths[i];
    g_thread_pool_push(pool, &job, NULL);
  }
  g_thread_pool_free(pool, 0, 1);
}

void detached_with_counter(int n) {
  for (int i = 0; i < n; i++) { // expected-warning{{changes 'i'}}
    pthread_t t;
    pthread_create(&t, NULL, worker, &i);
    pthread_detach(t);
  }
}

void detached_with_per_iteration_struct(int n) {
  for (int i = 0; i < n; i++) { // expected-warning{{'j' goes out of scope at the end of the iteration}}
    pthread_t t;
    struct job j = {.id = i};
    pthread_create(&t, NULL, worker, &j);
    pthread_detach(t);
  }
}

void while_counter(int n) {
  pthread_t t[N];
  int i = 0;
  while (i < N) {
    pthread_create(&t[i], NULL, worker, &i);
    i++; // expected-warning{{changes 'i'}}
  }
  for (int k = 0; k < N; k++)
    pthread_join(t[k], NULL);
}

void name_buffer_snprintf(int n) {
  pthread_t t[N];
  char name[32];
  for (int i = 0; i < N; i++) {
    snprintf(name, sizeof name, "worker-%d", i); // expected-warning{{changes 'name'}} expected-note{{'snprintf' writes into 'name' while the thread may still use it}}
    pthread_create(&t[i], NULL, worker, name);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void args_array_decayed_whole(void) {
  pthread_t t[N];
  int args[2];
  for (int i = 0; i < N; i++) {
    args[0] = i; // expected-warning{{changes 'args'}}
    args[1] = i * 2;
    pthread_create(&t[i], NULL, worker, args);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void thread_joined_only_for_first(int n) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) { // expected-warning{{changes 'i'}}
    pthread_create(&t[i], NULL, worker, &i);
    if (i == 0)
      pthread_join(t[i], NULL);
  }
}

void list_walk_with_address_of_cursor(struct job **jobs, int n) {
  pthread_t t[N];
  struct job *cur;
  for (int i = 0; i < N; i++) {
    cur = jobs[i]; // expected-warning{{changes 'cur'}}
    pthread_create(&t[i], NULL, worker, &cur);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void g_thread_new_kept_in_array(int n) {
  GThread *threads[N];
  for (int i = 0; i < N; i++) // expected-warning{{changes 'i'}}
    threads[i] = g_thread_new("w", (GThreadFunc)worker, &i);
  for (int i = 0; i < N; i++)
    g_thread_join(threads[i]);
}

#define SPAWN(t, a) do { if (pthread_create(&(t), NULL, worker, &(a))) exit(1); } while (0)

void counter_through_do_while_zero_macro(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) // expected-warning{{changes 'i'}}
    SPAWN(t[i], i);
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

int more(void *);
struct cfg { int n; char name[16]; };

void countdown_in_condition(int n) {
  pthread_t t;
  while (n--) { // expected-warning{{changes 'n'}}
    pthread_create(&t, NULL, worker, &n);
    pthread_detach(t);
  }
}

void copy_of_counter_dies(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) { // expected-warning{{'id' goes out of scope at the end of the iteration}}
    int id = i;
    pthread_create(&t[i], NULL, worker, &id);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void do_while_config(void *src) {
  pthread_t t;
  struct cfg c = {0};
  do {
    pthread_create(&t, NULL, worker, &c);
    pthread_detach(t);
    c.n++; // expected-warning{{changes 'c'}}
  } while (more(src));
}

void name_copied_with_strcpy(const char **names, int n) {
  pthread_t t[N];
  char buf[64];
  for (int i = 0; i < N && i < n; i++) {
    strcpy(buf, names[i]); // expected-warning{{changes 'buf'}} expected-note{{'strcpy' writes into 'buf' while the thread may still use it}}
    pthread_create(&t[i], NULL, worker, buf);
  }
  for (int i = 0; i < N && i < n; i++)
    pthread_join(t[i], NULL);
}

void while_per_iteration_struct(void *src) {
  pthread_t t;
  while (more(src)) { // expected-warning{{'c' goes out of scope at the end of the iteration}}
    struct cfg c = {0};
    pthread_create(&t, NULL, worker, &c);
    pthread_detach(t);
  }
}

void address_cast_to_void_pointer(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) // expected-warning{{changes 'i'}}
    pthread_create(&t[i], NULL, worker, (void *)&i);
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void argument_chosen_by_switch(int n, const int *kinds) {
  pthread_t t[N];
  int arg = 0;
  for (int i = 0; i < N && i < n; i++) {
    switch (kinds[i]) {
    case 0:
      arg = 1; // one bug, one report: the shorter path is shown
      break;
    default:
      arg = 2; // expected-warning{{changes 'arg'}}
      break;
    }
    pthread_create(&t[i], NULL, worker, &arg);
  }
  for (int i = 0; i < N && i < n; i++)
    pthread_join(t[i], NULL);
}

void written_then_maybe_leaves(const int *ids, int n) {
  pthread_t t[N];
  struct cfg c = {0};
  int i;
  for (i = 0; i < N && i < n; i++) {
    c.n = ids[i]; // expected-warning{{changes 'c'}}
    if (c.n < 0)
      break;
    pthread_create(&t[i], NULL, worker, &c);
  }
  while (i-- > 0)
    pthread_join(t[i], NULL);
}

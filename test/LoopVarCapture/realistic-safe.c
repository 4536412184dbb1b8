// Thread code that looks like the loop bug but is safe, in the forms real
// projects write it.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s
// expected-no-diagnostics

#include <glib.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void *worker(void *arg);
#define N 8

struct arg {
  int idx;
  sem_t *copied;
  pthread_cond_t *cond;
  pthread_mutex_t *mu;
  int *taken;
};

void no_warning_copy_then_sem_post(int n) {
  pthread_t t;
  sem_t copied;
  sem_init(&copied, 0, 0);
  for (int i = 0; i < n; i++) {
    struct arg a = {.idx = i, .copied = &copied};
    pthread_create(&t, NULL, worker, &a); // no-warning
    pthread_detach(t);
    sem_wait(&copied);
  }
}

void no_warning_condvar_handshake(int n) {
  pthread_t t[N];
  pthread_mutex_t mu;
  pthread_cond_t cond;
  for (int i = 0; i < n && i < N; i++) {
    int taken = 0;
    struct arg a = {.idx = i, .cond = &cond, .mu = &mu, .taken = &taken};
    pthread_create(&t[i], NULL, worker, &a); // no-warning
    pthread_mutex_lock(&mu);
    while (!taken)
      pthread_cond_wait(&cond, &mu);
    pthread_mutex_unlock(&mu);
  }
  for (int i = 0; i < n && i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_barrier_handshake(int n, pthread_barrier_t *started) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) {
    pthread_create(&t[i], NULL, worker, &i); // no-warning
    pthread_barrier_wait(started);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_atomic_flag_spin(int n) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) {
    volatile int ready = 0;
    struct arg a = {.idx = i, .taken = (int *)&ready};
    pthread_create(&t[i], NULL, worker, &a); // no-warning
    while (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE))
      ;
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_args_array_indexed(void) {
  pthread_t t[N];
  struct arg args[N];
  for (int i = 0; i < N; i++) {
    args[i].idx = i;
    pthread_create(&t[i], NULL, worker, &args[i]); // no-warning
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_args_array_pointer_arithmetic(void) {
  pthread_t t[N];
  struct arg args[N];
  for (int i = 0; i < N; i++) {
    args[i].idx = i;
    pthread_create(t + i, NULL, worker, args + i); // no-warning
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_calloc_before_loop(int n) {
  pthread_t *t = calloc(n, sizeof *t);
  struct arg *args = calloc(n, sizeof *args);
  if (!t || !args)
    return;
  for (int i = 0; i < n; i++) {
    args[i].idx = i;
    pthread_create(&t[i], NULL, worker, &args[i]); // no-warning
  }
  for (int i = 0; i < n; i++)
    pthread_join(t[i], NULL);
  free(args);
  free(t);
}

void no_warning_malloc_per_iteration_detached(int n) {
  for (int i = 0; i < n; i++) {
    pthread_t t;
    struct arg *a = malloc(sizeof *a);
    if (!a)
      return;
    a->idx = i;
    if (pthread_create(&t, NULL, worker, a) != 0) { // no-warning
      free(a);
      continue;
    }
    pthread_detach(t);
  }
}

void no_warning_uintptr_value(int n) {
  pthread_t t[N];
  for (int i = 0; i < N; i++)
    pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)i); // no-warning
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void pool_job(gpointer data, gpointer user_data);

void no_warning_pool_wait_all_after_loop(int n) {
  struct arg job = {0};
  GThreadPool *pool = g_thread_pool_new(pool_job, NULL, 4, 0, NULL);
  for (int i = 0; i < n; i++)
    g_thread_pool_push(pool, &job, NULL); // no-warning
  g_thread_pool_free(pool, 0, 1);
}

void no_warning_pool_indexed_jobs(int n) {
  struct arg jobs[N];
  GThreadPool *pool = g_thread_pool_new(pool_job, NULL, 4, 0, NULL);
  for (int i = 0; i < N; i++) {
    jobs[i].idx = i;
    g_thread_pool_push(pool, &jobs[i], NULL); // no-warning
  }
  g_thread_pool_free(pool, 0, 1);
}

void no_warning_join_in_second_loop(void) {
  pthread_t t[N];
  int data[N];
  for (int i = 0; i < N; i++) {
    data[i] = i * i;
    pthread_create(&t[i], NULL, worker, &data[i]); // no-warning
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_spawn_once(int n) {
  pthread_t t;
  int shared = 0, started = 0;
  for (int i = 0; i < n; i++) {
    if (i == 0) {
      started = pthread_create(&t, NULL, worker, &shared) == 0; // no-warning
      break;
    }
  }
  if (started)
    pthread_join(t, NULL);
}

void no_warning_spawn_then_break(int n, const int *ready) {
  pthread_t t;
  int which = -1, started = 0;
  for (int i = 0; i < n; i++) {
    if (!ready[i])
      continue;
    which = i;
    started = pthread_create(&t, NULL, worker, &which) == 0; // no-warning
    break;
  }
  if (started)
    pthread_join(t, NULL);
}

struct node {
  struct node *next;
  int value;
  pthread_t tid;
};

void no_warning_list_node_pointer(struct node *head) {
  pthread_t t;
  struct node *node = head;
  while (node) {
    pthread_create(&t, 0, worker, node); // no-warning
    pthread_detach(t);
    node = node->next;
  }
}

void no_warning_list_node_field(struct node *head) {
  for (struct node *node = head; node; node = node->next)
    pthread_create(&node->tid, 0, worker, &node->value); // no-warning
  for (struct node *node = head; node; node = node->next)
    pthread_join(node->tid, NULL);
}

static void prepare(int *counter) { *counter += 0; }

void no_warning_counter_to_inlined_helper(void) {
  pthread_t t[N];
  int ids[N];
  for (int i = 0; i < N; i++) {
    prepare(&i);
    ids[i] = i;
    pthread_create(&t[i], NULL, worker, &ids[i]); // no-warning
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_detach_heap_data(int n) {
  for (int i = 0; i < n; i++) {
    pthread_t t;
    int *p = malloc(sizeof *p);
    if (!p)
      break;
    *p = i;
    pthread_create(&t, NULL, worker, p); // no-warning
    pthread_detach(t);
  }
}

void no_warning_config_unchanged_joined_after(int n) {
  pthread_t t[N];
  struct arg config = {.idx = 42};
  for (int i = 0; i < N; i++)
    pthread_create(&t[i], NULL, worker, &config); // no-warning
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_join_in_iteration_while(FILE *f) {
  char line[256];
  pthread_t t;
  while (fgets(line, sizeof line, f)) {
    pthread_create(&t, NULL, worker, line); // no-warning
    pthread_join(t, NULL);
  }
}

void no_warning_create_failure_break(int n) {
  pthread_t t[N];
  int i;
  for (i = 0; i < N; i++) {
    int *p = malloc(sizeof *p);
    if (!p)
      break;
    *p = i;
    if (pthread_create(&t[i], NULL, worker, p)) // no-warning
      break;
  }
  while (i-- > 0)
    pthread_join(t[i], NULL);
}

void wait_for_start(void);
#define SPAWN(t, a) do { if (pthread_create(&(t), NULL, worker, &(a))) exit(1); } while (0)

void no_warning_wait_in_function_without_arguments(int n) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) {
    pthread_create(&t[i], NULL, worker, &i); // no-warning
    wait_for_start();
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_vla_args(int n) {
  pthread_t t[n];
  struct arg args[n];
  for (int i = 0; i < n; i++) {
    args[i].idx = i;
    pthread_create(&t[i], NULL, worker, &args[i]); // no-warning
  }
  for (int i = 0; i < n; i++)
    pthread_join(t[i], NULL);
}

void no_warning_do_while_zero_macro(void) {
  pthread_t t[N];
  struct arg args[N];
  for (int i = 0; i < N; i++) {
    args[i].idx = i;
    SPAWN(t[i], args[i]); // no-warning
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

static void start(pthread_t *t, const int *idx) {
  int *p = malloc(sizeof *p);
  if (!p)
    return;
  *p = *idx;
  pthread_create(t, NULL, worker, p);
}

void no_warning_counter_to_inlined_helper_that_copies(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++)
    start(&t[i], &i); // no-warning
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_pool_value(int n) {
  GThreadPool *pool = g_thread_pool_new(pool_job, NULL, 4, 0, NULL);
  for (int i = 1; i <= n; i++)
    g_thread_pool_push(pool, (gpointer)(intptr_t)i, NULL); // no-warning
  g_thread_pool_free(pool, 0, 1);
}

void no_warning_for_ever_join_each(int (*next)(struct arg *)) {
  pthread_t t;
  for (;;) {
    struct arg a;
    if (!next(&a))
      break;
    pthread_create(&t, NULL, worker, &a); // no-warning
    pthread_join(t, NULL);
  }
}

struct shared { pthread_mutex_t mu; int queued; int stop; };

void no_warning_locked_shared_state(void) {
  pthread_t t[N];
  struct shared s = {0};
  for (int i = 0; i < N; i++) {
    pthread_create(&t[i], NULL, worker, &s); // no-warning
    pthread_mutex_lock(&s.mu);
    s.queued++;
    pthread_mutex_unlock(&s.mu);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

void no_warning_locked_shared_state_atomic(void) {
  pthread_t t[N];
  struct { _Atomic int started; int n; } s = {0};
  for (int i = 0; i < N; i++) {
    pthread_create(&t[i], NULL, worker, &s); // no-warning
    __atomic_fetch_add(&s.n, 1, __ATOMIC_SEQ_CST);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
}

struct ctx {
  int stop;
  int n;
};

int no_warning_stop_flag_on_failure(int n) {
  pthread_t t[N];
  struct ctx ctx = {0, n};
  int i;
  for (i = 0; i < N && i < n; i++) {
    if (pthread_create(&t[i], NULL, worker, &ctx) != 0) { // no-warning
      ctx.stop = 1;
      break;
    }
  }
  while (i-- > 0)
    pthread_join(t[i], NULL);
  return ctx.stop;
}

// Handles kept in a GPtrArray and joined in a second loop: the most common
// correct pattern (GLib's container calls here come from a system header).
struct crawl_settings {
  int depth;
  const char *root;
};

gpointer crawl_tree(gpointer data);

void crawlers_joined_from_ptr_array(const char *root, int n) {
  struct crawl_settings s = {.depth = 3, .root = root};
  GPtrArray *threads = g_ptr_array_new();
  for (int i = 0; i < n && i < N; i++)
    g_ptr_array_add(threads, g_thread_new("crawl", crawl_tree, &s));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join(g_ptr_array_index(threads, i));
} // no-warning

// Odd C must not crash the rule: K&R definitions, goto into loops, VLAs,
// macros, computed spawns, odd argument counts, nested and infinite loops.
// RUN: %clang_analyze_cc1 -std=gnu89 -Wno-implicit-function-declaration \
// RUN:   -Wno-implicit-int -Wno-deprecated-non-prototype -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify=expected,llvm%llvm_major %s
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/odd.yaml \
// RUN:   -Wno-implicit-function-declaration -Wno-implicit-int \
// RUN:   -Wno-deprecated-non-prototype -verify=expected,llvm%llvm_major %s
// (LLVM 19 places the end of a function at its closing brace, LLVM 22 at the
// last statement that ran: llvm19-/llvm22- expectations.)

#include <pthread.h>
#include <glib.h>
#include <stdio.h>
#include <uv.h>

void *worker();

int kr_spawn(t, arg)
  pthread_t *t;
  int *arg;
{
  return pthread_create(t, NULL, worker, arg);
}

void kr_loop(n)
  int n;
{
  pthread_t t[4];
  int i;
  for (i = 0; i < n && i < 4; i++) /* expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}} */
    kr_spawn(&t[i], &i);
}

void goto_into_loop(int n) {
  pthread_t t;
  int i = 0;
  goto inside;
  for (; i < n; i++) { /* expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}} */
  inside:
    pthread_create(&t, NULL, worker, &i);
  }
}

void vla_argument(int n) {
  pthread_t t;
  int i;
  for (i = 0; i < n; i++) {
    int vla[n + 1];
    vla[0] = i;
    pthread_create(&t, NULL, worker, vla);
    pthread_join(t, NULL);
  } /* no-warning */
}

void vla_whole_array_dies(int n) {
  pthread_t t;
  int i;
  for (i = 0; i < n; i++) { /* expected-warning{{'vla' goes out of scope at the end of the iteration while the thread started here may still use it}} */
    int vla[n + 1];
    vla[0] = i;
    pthread_create(&t, NULL, worker, vla);
    pthread_detach(t);
  }
}

#define SPAWN_ALL(t, n, arg)                                                   \
  do {                                                                         \
    int k_;                                                                    \
    for (k_ = 0; k_ < (n); k_++)                                               \
      pthread_create(&(t)[k_], NULL, worker, (arg));                           \
  } while (0)

void macro_spawns(int n) {
  pthread_t t[4];
  int config = 1;
  SPAWN_ALL(t, n < 4 ? n : 4, &config);
  config = 2; /* no-warning: after the macro's loop */ /* llvm22-warning{{'config' goes out of scope when the function returns while the thread started here may still use it}} */
} /* llvm19-warning{{'config' goes out of scope when the function returns while the thread started here may still use it}} */

#define SPAWN_COUNTER(t, i) pthread_create(&(t)[i], NULL, worker, &(i))

void macro_counter(void) {
  pthread_t t[4];
  int i;
  for (i = 0; i < 4; i++) /* expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}} */
    SPAWN_COUNTER(t, i);
}

void through_function_pointer(int n) {
  int (*spawn)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *) =
      pthread_create;
  pthread_t t;
  int i;
  for (i = 0; i < n; i++) /* expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}} */
    spawn(&t, NULL, worker, &i); /* the analyzer knows the pointer's target */
}

void null_arguments(int n) {
  int i;
  for (i = 0; i < n; i++) {
    pthread_create(NULL, NULL, worker, NULL);
    pthread_join(0, NULL);
    g_thread_pool_push(NULL, NULL, NULL);
    uv_queue_work(NULL, NULL, NULL, NULL);
    uv_thread_join(NULL);
  }
}

void nested_infinite_loops(int (*more)(void)) {
  pthread_t t;
  for (;;) {
    int i = 0;
    while (more()) {
      do {
        pthread_create(&t, NULL, worker, &i);
        pthread_join(t, NULL);
      } while (++i < 3);
    }
    if (!more())
      break;
  }
}

void infinite_loop_redeclares(int (*more)(void)) {
  pthread_t t;
  for (;;) {
    int v = more(); /* expected-warning{{'v' goes out of scope at the end of the iteration while the thread started here may still use it}} */
    if (v < 0)
      break;
    pthread_create(&t, NULL, worker, &v);
    pthread_detach(t);
  }
}

struct with_bits {
  unsigned a : 3;
  unsigned b : 5;
  int arr[2][3];
};

void bitfields_and_nested_arrays(int n) {
  pthread_t t[4];
  struct with_bits w;
  int i;
  for (i = 0; i < n && i < 4; i++) {
    w.a = i; /* no-warning: another member */
    w.arr[1][2] = i; /* expected-warning{{Address of 'w.arr[1]' is passed to the thread started here, and the loop changes 'w.arr[1]' before the thread is joined}} */
    pthread_create(&t[i], NULL, worker, &w.arr[1]);
  }
  for (i = 0; i < n && i < 4; i++)
    pthread_join(t[i], NULL);
}

union u {
  int i;
  float f;
};

void unions(int n) {
  pthread_t t;
  union u v;
  int i;
  for (i = 0; i < n; i++) { /* llvm22-warning{{'v' goes out of scope when the function returns while the thread started here may still use it}} */
    v.f = 1.0f; /* expected-warning{{Address of 'v' is passed to the thread started here, and the loop changes 'v' before the thread is joined}} */
    pthread_create(&t, NULL, worker, &v);
  }
} /* llvm19-warning{{'v' goes out of scope when the function returns while the thread started here may still use it}} */

static void recurse(int depth, int *shared) {
  pthread_t t;
  if (depth > 2)
    return;
  pthread_create(&t, NULL, worker, shared);
  pthread_join(t, NULL);
  recurse(depth + 1, shared);
}

void recursion(int n) {
  int i;
  for (i = 0; i < n; i++)
    recurse(0, &i); /* no-warning */
}

void undeclared_spawn_api(int n) {
  int i;
  for (i = 0; i < n; i++)
    made_up_spawn(&i);
}

struct handle {
  int a, b;
};
struct opaque;
int struct_spawn(struct handle *h, void *arg);
int opaque_spawn(struct opaque *h, void *arg);
int void_spawn(void *h, void *arg);
void struct_join(struct handle *h);
void void_join(void *h);

void odd_handle_types(struct opaque *o, int n) {
  struct handle h;
  char raw[16];
  int i;
  for (i = 0; i < n; i++) {
    struct_spawn(&h, &i);
    opaque_spawn(o, &i);
    void_spawn(raw, &i);
    struct_join(&h);
    void_join(raw);
    void_join(o);
  }
}

void struct_detach(struct handle *h);
void odd_read(int fd);
int made_up_store();

// Detaches and writes whose arguments do not fit, a handle stored through a
// function without a prototype, sscanf without outputs.
void odd_detaches_and_writes(struct opaque *o, const char *line, int n) {
  struct handle h;
  GPtrArray *kept = g_ptr_array_new();
  int i;
  for (i = 0; i < n; i++) {
    GThread *t = g_thread_new("w", worker, &h);
    made_up_store(kept, t);
    g_ptr_array_add(kept, t);
    struct_spawn(&h, o);
    struct_detach(&h);
    made_up_detach(&h);
    made_up_read(&h);
    odd_read(3);
    sscanf(line, "x");
  }
  for (i = 0; i < n; i++)
    g_thread_join(g_ptr_array_index(kept, i));
}

// GLib: threads, thread pools and main-loop sources.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify=expected,llvm%llvm_major %s

#include <glib.h>

gpointer thread_main(gpointer data);
void pool_job(gpointer data, gpointer user_data);
gboolean on_idle(gpointer data);
#define N 4

struct job {
  int id;
  const char *name;
};

void reused_job_pushed_to_pool(GThreadPool *pool, const int *ids, unsigned n) {
  struct job job;
  for (unsigned k = 0; k < n; k++) {
    job.id = ids[k]; // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}}
    g_thread_pool_push(pool, &job, NULL);
  }
  g_thread_pool_free(pool, FALSE, TRUE);
}

void no_warning_pool_freed_with_wait_in_iteration(const int *ids, unsigned n) {
  struct job job;
  for (unsigned k = 0; k < n; k++) {
    GThreadPool *pool = g_thread_pool_new(pool_job, NULL, 2, FALSE, NULL);
    job.id = ids[k]; // no-warning
    g_thread_pool_push(pool, &job, NULL);
    g_thread_pool_free(pool, FALSE, TRUE);
  }
}

void pool_freed_without_wait_in_iteration(const int *ids, unsigned n) {
  struct job job;
  // LLVM 19 places the end of a function at its closing brace, LLVM 22 at
  // the last statement that ran.
  for (unsigned k = 0; k < n; k++) { // llvm22-warning{{'job' goes out of scope when the function returns while the thread started here may still use it}}
    GThreadPool *pool = g_thread_pool_new(pool_job, NULL, 2, FALSE, NULL);
    job.id = ids[k]; // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}}
    g_thread_pool_push(pool, &job, NULL);
    g_thread_pool_free(pool, TRUE, FALSE);
  }
} // llvm19-warning{{'job' goes out of scope when the function returns while the thread started here may still use it}}

void counter_passed_to_g_thread_new(int n) {
  GThread *t[N];
  for (int i = 0; i < n && i < N; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    t[i] = g_thread_new("worker", thread_main, &i);
  for (int i = 0; i < n && i < N; i++)
    g_thread_join(t[i]);
}

void counter_passed_to_g_thread_try_new(int n) {
  GThread *t[N];
  for (int i = 0; i < n && i < N; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    t[i] = g_thread_try_new("worker", thread_main, &i, NULL);
}

void no_warning_g_thread_join_in_iteration(int n) {
  for (int i = 0; i < n; i++) {
    GThread *t = g_thread_new("worker", thread_main, &i);
    g_thread_join(t);
  } // no-warning
}

void no_warning_g_threads_joined_after_loop(int n) {
  GThread *t[N];
  int config = 1;
  for (int i = 0; i < n && i < N; i++)
    t[i] = g_thread_new("worker", thread_main, &config);
  for (int i = 0; i < n && i < N; i++)
    g_thread_join(t[i]);
} // no-warning

void idle_callback_sees_last_value(int n) {
  for (int i = 0; i < n; i++) // expected-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    g_idle_add(on_idle, &i);
}

void idle_full_callback_sees_last_value(int n) {
  for (int i = 0; i < n; i++) // expected-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    g_idle_add_full(G_PRIORITY_DEFAULT_IDLE, on_idle, &i, NULL);
}

void timeout_callback_state_dies(int n) {
  for (int i = 0; i < n; i++) { // expected-warning{{'state' goes out of scope at the end of the iteration while the callback scheduled here may still use it}}
    struct job state = {i, "tick"};
    g_timeout_add(100, on_idle, &state);
  }
}

void timeout_full_callback_sees_last_value(int n) {
  for (int i = 0; i < n; i++) // expected-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    g_timeout_add_full(G_PRIORITY_DEFAULT, 100, on_idle, &i, NULL);
}

void timeout_seconds_callback_sees_last_value(int n) {
  for (int i = 0; i < n; i++) // expected-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    g_timeout_add_seconds(1, on_idle, &i);
}

void timeout_seconds_full_callback_sees_last_value(int n) {
  for (int i = 0; i < n; i++) // expected-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    g_timeout_add_seconds_full(G_PRIORITY_DEFAULT, 1, on_idle, &i, NULL);
}

void on_once(gpointer data);

void once_callbacks_see_last_value(int n) {
  for (int i = 0; i < n; i++) // expected-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    g_idle_add_once(on_once, &i);
  for (int j = 0; j < n; j++) // expected-warning{{Address of 'j' is passed to the callback scheduled here, and the loop changes 'j' before the callback is known to have run}}
    g_timeout_add_once(10, on_once, &j);
}

void no_warning_main_context_invoke_may_run_at_once(GMainContext *ctx, int n) {
  // The callback runs right away when ctx belongs to this thread.
  for (int i = 0; i < n; i++)
    g_main_context_invoke(ctx, on_idle, &i); // no-warning
}

void no_warning_main_loop_runs_callbacks(GMainLoop *loop, int n) {
  for (int i = 0; i < n; i++) {
    g_idle_add(on_idle, &i);
    g_main_loop_run(loop);
  } // no-warning
}

// libuv: work requests (the request's data field) and threads.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s

#include <stdlib.h>
#include <uv.h>

void work_cb(uv_work_t *req);
void after_cb(uv_work_t *req, int status);
void thread_cb(void *arg);
#define N 4

void request_data_points_at_counter(uv_loop_t *loop, int n) {
  uv_work_t reqs[N];
  for (int i = 0; i < n && i < N; i++) { // expected-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    reqs[i].data = &i;
    uv_queue_work(loop, &reqs[i], work_cb, after_cb);
  }
  uv_run(loop, UV_RUN_DEFAULT);
}

void no_warning_request_data_per_iteration(uv_loop_t *loop, int n) {
  uv_work_t reqs[N];
  int items[N];
  for (int i = 0; i < n && i < N; i++) {
    items[i] = i; // no-warning
    reqs[i].data = &items[i];
    uv_queue_work(loop, &reqs[i], work_cb, after_cb);
  }
  uv_run(loop, UV_RUN_DEFAULT);
}

void no_warning_request_data_on_heap(uv_loop_t *loop, int n) {
  for (int i = 0; i < n; i++) {
    uv_work_t *req = malloc(sizeof *req);
    int *item = malloc(sizeof *item);
    if (!req || !item)
      return;
    *item = i;
    req->data = item;
    uv_queue_work(loop, req, work_cb, after_cb); // no-warning
  }
}

void no_warning_loop_run_in_iteration(uv_loop_t *loop, int n) {
  uv_work_t req;
  for (int i = 0; i < n; i++) {
    req.data = &i;
    uv_queue_work(loop, &req, work_cb, after_cb);
    uv_run(loop, UV_RUN_DEFAULT);
  } // no-warning
}

void counter_passed_to_uv_thread_create(int n) {
  uv_thread_t t[N];
  for (int i = 0; i < n && i < N; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    uv_thread_create(&t[i], thread_cb, &i);
  for (int i = 0; i < n && i < N; i++)
    uv_thread_join(&t[i]);
}

void no_warning_uv_thread_join_in_iteration(int n) {
  uv_thread_t t;
  for (int i = 0; i < n; i++) {
    uv_thread_create(&t, thread_cb, &i);
    uv_thread_join(&t);
  } // no-warning
}

void no_warning_uv_threads_joined_after_loop(int n) {
  uv_thread_t t[N];
  int config = 1;
  for (int i = 0; i < n && i < N; i++)
    uv_thread_create(&t[i], thread_cb, &config);
  for (int i = 0; i < n && i < N; i++)
    uv_thread_join(&t[i]);
} // no-warning

// Mock libuv <uv.h> for the cvet tests: work requests and threads.
#pragma clang system_header
#ifndef CVET_MOCK_UV_H
#define CVET_MOCK_UV_H
#include <stddef.h>

typedef struct uv_loop_s uv_loop_t;
typedef struct uv_work_s uv_work_t;
typedef unsigned long uv_thread_t;
typedef void (*uv_work_cb)(uv_work_t *req);
typedef void (*uv_after_work_cb)(uv_work_t *req, int status);
typedef void (*uv_thread_cb)(void *arg);
typedef enum { UV_RUN_DEFAULT = 0, UV_RUN_ONCE, UV_RUN_NOWAIT } uv_run_mode;

struct uv_work_s {
  void *data; /* public: user data */
  int type;
  uv_loop_t *loop;
  uv_work_cb work_cb;
  uv_after_work_cb after_work_cb;
};

uv_loop_t *uv_default_loop(void);
int uv_run(uv_loop_t *loop, uv_run_mode mode);
int uv_queue_work(uv_loop_t *loop, uv_work_t *req, uv_work_cb work_cb,
                  uv_after_work_cb after_work_cb);
int uv_thread_create(uv_thread_t *tid, uv_thread_cb entry, void *arg);
int uv_thread_join(uv_thread_t *tid);

#endif

// Mock <glib.h> for the cvet tests: threads, thread pools, main loop sources.
#pragma clang system_header
#ifndef CVET_MOCK_GLIB_H
#define CVET_MOCK_GLIB_H
#include <stddef.h>

typedef void *gpointer;
typedef int gint;
typedef unsigned int guint;
typedef int gboolean;
typedef char gchar;
#define TRUE 1
#define FALSE 0
#define G_PRIORITY_DEFAULT 0
#define G_PRIORITY_DEFAULT_IDLE 200

typedef struct _GError GError;
typedef struct _GThread GThread;
typedef struct _GThreadPool GThreadPool;
typedef struct _GMainLoop GMainLoop;
typedef struct _GMainContext GMainContext;
typedef struct _GAsyncQueue GAsyncQueue;
typedef gpointer (*GThreadFunc)(gpointer data);
typedef void (*GFunc)(gpointer data, gpointer user_data);
typedef gboolean (*GSourceFunc)(gpointer user_data);
typedef void (*GDestroyNotify)(gpointer data);

GThread *g_thread_new(const gchar *name, GThreadFunc func, gpointer data);
GThread *g_thread_try_new(const gchar *name, GThreadFunc func, gpointer data,
                          GError **error);
gpointer g_thread_join(GThread *thread);
void g_thread_unref(GThread *thread);

GThreadPool *g_thread_pool_new(GFunc func, gpointer user_data, gint max_threads,
                               gboolean exclusive, GError **error);
gboolean g_thread_pool_push(GThreadPool *pool, gpointer data, GError **error);
void g_thread_pool_free(GThreadPool *pool, gboolean immediate, gboolean wait_);

guint g_idle_add(GSourceFunc function, gpointer data);
guint g_idle_add_full(gint priority, GSourceFunc function, gpointer data,
                      GDestroyNotify notify);
guint g_timeout_add(guint interval, GSourceFunc function, gpointer data);
guint g_timeout_add_full(gint priority, guint interval, GSourceFunc function,
                         gpointer data, GDestroyNotify notify);
guint g_timeout_add_seconds(guint interval, GSourceFunc function, gpointer data);
guint g_timeout_add_seconds_full(gint priority, guint interval,
                                 GSourceFunc function, gpointer data,
                                 GDestroyNotify notify);
typedef void (*GSourceOnceFunc)(gpointer user_data);
guint g_idle_add_once(GSourceOnceFunc function, gpointer data);
guint g_timeout_add_once(guint interval, GSourceOnceFunc function, gpointer data);
void g_main_context_invoke(GMainContext *context, GSourceFunc function,
                           gpointer data);
void g_main_context_invoke_full(GMainContext *context, gint priority,
                                GSourceFunc function, gpointer data,
                                GDestroyNotify notify);

GMainLoop *g_main_loop_new(GMainContext *context, gboolean is_running);
void g_main_loop_run(GMainLoop *loop);
void g_main_loop_quit(GMainLoop *loop);
gboolean g_main_context_iteration(GMainContext *context, gboolean may_block);

gpointer g_async_queue_pop(GAsyncQueue *queue);

gpointer g_malloc(unsigned long n);
void g_free(gpointer p);

typedef struct _GPtrArray {
  gpointer *pdata;
  guint len;
} GPtrArray;
GPtrArray *g_ptr_array_new(void);
void g_ptr_array_add(GPtrArray *array, gpointer data);
#define g_ptr_array_index(array, index_) ((array)->pdata)[index_]

#endif

// Threads that are never joined (pthread_detach, g_thread_unref) and thread
// handles kept in containers (GPtrArray, GList, a project's list): neither
// is a join. Handles joined back out of their container are. Real GLib and C
// library headers.
// REQUIRES: glib
// RUN: %clang_analyze %glib_cflags --analyzer-no-default-checks -o %t.plist \
// RUN:   -Xclang -analyzer-checker=core,cvet.LoopVarCapture -Xclang -verify %s

#include <glib.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>

#define MAX_WORKERS 8

struct settings {
  int verbose;
  const char *root;
};

struct job {
  int id;
  const char *path;
};

void *crawl(void *arg);
gpointer run_job(gpointer data);

// The project's own bookkeeping, defined elsewhere.
void register_worker(pthread_t t);
struct list;
void list_append(struct list *l, void *item);
void *list_pop(struct list *l);
void join_workers(GPtrArray *threads);

//===--------------------------------------------------------------------===//
// Detached threads: never joined
//===--------------------------------------------------------------------===//

// The settings die with the function; the detached crawlers may still read
// them. Handing the handle to the project's registry afterwards joins
// nothing: the thread is detached.
void crawl_detached(const char *root, int n) {
  struct settings s = {.verbose = 1, .root = root};
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_t t;
    if (pthread_create(&t, NULL, crawl, &s) != 0) {
      syslog(LOG_ERR, "cannot start crawler %d", i);
      continue;
    }
    pthread_detach(t);
    register_worker(t);
  }
} // expected-warning{{'s' goes out of scope when the function returns while the thread started here may still use it}}

void unref_without_join(const char **paths, int n) {
  struct job job = {.id = 0, .path = paths[0]};
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    GThread *t = g_thread_new("job", run_job, &job);
    g_thread_unref(t);
  }
  g_message("started %d jobs", n);
} // expected-warning{{'job' goes out of scope when the function returns while the thread started here may still use it}}

// Static and heap data outlive the function: detaching is fine.
static struct settings global_settings;

void detached_with_static_settings(int n) {
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_t t;
    if (pthread_create(&t, NULL, crawl, &global_settings) == 0)
      pthread_detach(t);
  }
} // no-warning

void detached_with_heap_copy(const char *root, int n) {
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    struct settings *s = malloc(sizeof *s);
    if (!s)
      return;
    s->verbose = 0;
    s->root = root;
    pthread_t t;
    if (pthread_create(&t, NULL, crawl, s) != 0) {
      free(s);
      continue;
    }
    pthread_detach(t);
  }
} // no-warning

// A detached thread that signals once it has its copy.
struct handoff {
  sem_t copied;
  int id;
};

void *take_copy(void *arg);

void detached_after_handoff(int n) {
  struct handoff h;
  sem_init(&h.copied, 0, 0);
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_t t;
    h.id = i;
    if (pthread_create(&t, NULL, take_copy, &h) != 0)
      break;
    pthread_detach(t);
    sem_wait(&h.copied);
  }
  sem_destroy(&h.copied);
} // no-warning

//===--------------------------------------------------------------------===//
// Handles kept in containers: not a join
//===--------------------------------------------------------------------===//

// Storing the handle joins nothing: the next iteration rewrites the job
// while the previous thread may still read it.
void jobs_in_ptr_array(const char **paths, int n) {
  GPtrArray *threads = g_ptr_array_new();
  struct job job;
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    job.id = i; // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}}
    job.path = paths[i];
    g_ptr_array_add(threads, g_thread_new("job", run_job, &job));
  }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join(g_ptr_array_index(threads, i));
  g_ptr_array_free(threads, TRUE);
}

void jobs_in_project_list(struct list *workers, const char **paths, int n) {
  struct job job;
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    job.id = i; // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}}
    job.path = paths[i];
    GThread *t = g_thread_try_new("job", run_job, &job, NULL);
    if (t)
      list_append(workers, t);
  }
  GThread *t;
  while ((t = list_pop(workers)))
    g_thread_join(t);
}

// Stored, then the container freed without a join. GLib's headers are not
// system headers: g_ptr_array_free is code the analyzer cannot see, given
// the container, and might join.
void settings_outlived_by_stored_threads(const char *root, int n) {
  GPtrArray *threads = g_ptr_array_new_with_free_func((GDestroyNotify)g_thread_unref);
  struct settings s = {.verbose = 0, .root = root};
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    g_ptr_array_add(threads, g_thread_new("crawl", crawl, &s));
  g_ptr_array_free(threads, TRUE);
} // TODO-expected-warning{{'s' goes out of scope when the function returns while the thread started here may still use it}}

// The same, the handles' container never handed on.
void stored_threads_never_joined(const char *root, int n) {
  GThread *threads[MAX_WORKERS];
  GPtrArray *view = g_ptr_array_new();
  struct settings s = {.verbose = 0, .root = root};
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    threads[i] = g_thread_new("crawl", crawl, &s);
    g_ptr_array_add(view, threads[i]);
  }
  g_message("%u crawlers started", view->len);
} // expected-warning{{'s' goes out of scope when the function returns while the thread started here may still use it}}

//===--------------------------------------------------------------------===//
// Handles joined back out of their container: fine
//===--------------------------------------------------------------------===//

void ptr_array_joined(const char *root, int n) {
  GPtrArray *threads = g_ptr_array_new();
  struct settings s = {.verbose = 1, .root = root};
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    g_ptr_array_add(threads, g_thread_new("crawl", crawl, &s));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join(g_ptr_array_index(threads, i));
  g_ptr_array_free(threads, TRUE);
} // no-warning

void glist_joined(const char *root, int n) {
  GList *threads = NULL;
  struct settings s = {.verbose = 1, .root = root};
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    GThread *t = g_thread_new("crawl", crawl, &s);
    threads = g_list_append(threads, t);
  }
  for (GList *l = threads; l; l = l->next)
    g_thread_join(l->data);
  g_list_free(threads);
} // no-warning

void project_list_joined(struct list *workers, const char *root, int n) {
  struct settings s = {.verbose = 0, .root = root};
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    GThread *t = g_thread_new("crawl", crawl, &s);
    list_append(workers, t);
  }
  GThread *t;
  while ((t = list_pop(workers)) != NULL)
    g_thread_join(t);
} // no-warning

// The container handed to the project's code, which may join them all.
void joined_by_project_code(const char *root, int n) {
  GPtrArray *threads = g_ptr_array_new();
  struct settings s = {.verbose = 0, .root = root};
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    g_ptr_array_add(threads, g_thread_new("crawl", crawl, &s));
  join_workers(threads);
} // no-warning

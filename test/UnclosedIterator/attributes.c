// Clang's handle attributes describe a project's own APIs, with any tag:
// acquire_handle on a function (the return value) or on a parameter (an
// out-parameter), release_handle and use_handle on parameters.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"

#define ACQUIRE(tag) __attribute__((acquire_handle(tag)))
#define RELEASE(tag) __attribute__((release_handle(tag)))
#define USE(tag) __attribute__((use_handle(tag)))

typedef struct cursor cursor;
cursor *cursor_open(const char *table) ACQUIRE("cursor");
int cursor_next(cursor *c USE("cursor"));
void cursor_close(cursor *c RELEASE("cursor"));

int cursor_leak(const char *table) {
  cursor *c = cursor_open(table);
  if (!c)
    return -1;
  int n = cursor_next(c);
  if (n < 0)
    return -1; // expected-warning{{Iterator returned by 'cursor_open' is not closed on this path; pass it to a function whose parameter is marked release_handle("cursor")}}
  while (cursor_next(c) > 0)
    ++n;
  cursor_close(c);
  return n;
}

int no_leak_cursor_closed(const char *table) {
  cursor *c = cursor_open(table);
  if (!c)
    return -1;
  int n = 0;
  while (cursor_next(c) > 0)
    ++n;
  cursor_close(c);
  return n; // no-warning
}

void cursor_closed_twice(const char *table) {
  cursor *c = cursor_open(table);
  if (!c)
    return;
  cursor_close(c);
  cursor_close(c); // expected-warning{{Iterator returned by 'cursor_open' is closed twice}}
}

// Integer handles; a negative value is a failed open.
int fd_like_open(const char *path) ACQUIRE("scanner");
void fd_like_close(int h RELEASE("scanner"));

void integer_handle_leak(const char *path, int x) {
  int h = fd_like_open(path);
  if (h < 0)
    return; // no-warning
  if (x)
    return; // expected-warning{{Iterator returned by 'fd_like_open' is not closed on this path; pass it to a function whose parameter is marked release_handle("scanner")}}
  fd_like_close(h);
}

void integer_handle_escapes_to_unknown(const char *path) {
  void keep(int);
  int h = fd_like_open(path);
  keep(h); // no-warning
}

// Out-parameters: an integer status is 0 on success, a bool is true.
typedef struct walk walk;
int walk_begin(walk **out ACQUIRE("walk"), const char *root);
_Bool walk_try_begin(walk **out ACQUIRE("walk"));
void walk_start(walk **out ACQUIRE("walk"));
int walk_step(walk *w USE("walk"));
void walk_end(walk *w RELEASE("walk"));

int walk_leak(const char *root) {
  walk *w;
  if (walk_begin(&w, root) != 0)
    return -1; // no-warning: nothing was opened
  if (walk_step(w) < 0)
    return -1; // expected-warning{{Iterator opened by 'walk_begin' is not closed on this path; pass it to a function whose parameter is marked release_handle("walk")}}
  walk_end(w);
  return 0;
}

void no_leak_bool_status_false(void) {
  walk *w;
  if (!walk_try_begin(&w))
    return; // no-warning
  walk_end(w);
}

void void_out_param_leak(void) {
  walk *w;
  walk_start(&w);
  walk_step(w);
} // expected-warning{{Iterator opened by 'walk_start' is not closed on this path; pass it to a function whose parameter is marked release_handle("walk")}}

// Release through a pointer to the handle.
void walk_end_p(walk **w RELEASE("walk"));
void no_leak_released_through_pointer(void) {
  walk *w;
  walk_start(&w);
  walk_end_p(&w); // no-warning
}

// A tag equal to a model family name joins the family: wrappers around
// opendir / closedir need no YAML.
DIR *open_sorted(const char *path) ACQUIRE("DIR");
void close_sorted(DIR *d RELEASE("DIR"));

void no_leak_wrapper_closed(const char *path) {
  DIR *d = open_sorted(path);
  if (d)
    close_sorted(d); // no-warning
}

void no_leak_model_open_attribute_close(const char *path) {
  DIR *d = opendir(path);
  if (d)
    close_sorted(d); // no-warning
}

void wrapper_leak(const char *path) {
  DIR *d = open_sorted(path);
  if (d)
    readdir(d);
} // expected-warning{{Iterator returned by 'open_sorted' is not closed on this path; call 'closedir'}}

// Another tag does not close it.
void close_other(cursor *c RELEASE("other"));
void release_with_wrong_tag_leak(const char *table) {
  cursor *c = cursor_open(table);
  if (c)
    close_other(c);
} // expected-warning{{Iterator returned by 'cursor_open' is not closed on this path; pass it to a function whose parameter is marked release_handle("cursor")}}

// Annotated functions with bodies are analyzed, not trusted.
static walk *global_walk;
static void stash(walk *w RELEASE("walk")) { global_walk = w; }
void no_leak_annotated_body_stores(void) {
  walk *w;
  walk_start(&w);
  stash(w); // no-warning
}

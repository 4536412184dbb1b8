// C++: RAII wrappers whose destructors close, smart pointers with deleters,
// templates, lambdas, exceptions, methods named like C functions.
// RUN: %clang_analyze_cc1 -std=c++17 -fcxx-exceptions -fexceptions \
// RUN:   -analyzer-checker=core,cplusplus,cvet.UnclosedIterator -verify %s

#include "iter/dirent.h"
#include "iter/sqlite3.h"
#include "iter/hsearch.h"

class Dir {
  DIR *d_;

public:
  explicit Dir(const char *path) : d_(opendir(path)) {}
  ~Dir() {
    if (d_)
      closedir(d_);
  }
  Dir(const Dir &) = delete;
  Dir &operator=(const Dir &) = delete;
  explicit operator bool() const { return d_ != nullptr; }
  struct dirent *next() { return readdir(d_); }
};

int no_leak_raii(const char *path) {
  Dir d(path);
  if (!d)
    return -1;
  int n = 0;
  while (d.next())
    if (++n > 2)
      return n; // no-warning: ~Dir closes
  return n;
}

int no_leak_raii_heap(const char *path) {
  Dir *d = new Dir(path);
  int n = d->next() ? 1 : 0;
  delete d;
  return n; // no-warning
}

class Stmt {
  sqlite3_stmt *s_ = nullptr;

public:
  Stmt(sqlite3 *db, const char *sql) {
    sqlite3_prepare_v2(db, sql, -1, &s_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(s_); }
  bool step() { return sqlite3_step(s_) == SQLITE_ROW; }
};

int no_leak_raii_out_param(sqlite3 *db) {
  Stmt s(db, "SELECT 1");
  int n = 0;
  while (s.step())
    ++n;
  return n; // no-warning
}

class Scan {
  HASH_SEQ_STATUS status_;
  bool open_;

public:
  explicit Scan(HTAB *h) : open_(true) { hash_seq_init(&status_, h); }
  void *next() {
    void *e = hash_seq_search(&status_);
    if (!e)
      open_ = false;
    return e;
  }
  ~Scan() {
    if (open_)
      hash_seq_term(&status_);
  }
};

void *no_leak_raii_scan(HTAB *h, void *wanted) {
  Scan s(h);
  while (void *e = s.next())
    if (e == wanted)
      return e; // no-warning: ~Scan ends it
  return nullptr;
}

// A minimal unique_ptr with a deleter.
template <typename T, typename D> class Owned {
  T *p_;
  D d_;

public:
  Owned(T *p, D d) : p_(p), d_(d) {}
  ~Owned() {
    if (p_)
      d_(p_);
  }
  T *get() const { return p_; }
};

void no_leak_owned_with_deleter(const char *path) {
  Owned<DIR, int (*)(DIR *)> d(opendir(path), closedir);
  if (d.get())
    readdir(d.get()); // no-warning
}

template <typename F> int for_each_entry(const char *path, F f) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  while (struct dirent *e = readdir(d)) {
    f(e);
    ++n;
  }
  closedir(d);
  return n;
}

int no_leak_template_and_lambda(const char *path) {
  int total = 0;
  return for_each_entry(path, [&](struct dirent *e) { total += e->d_name[0]; });
}

void may_throw();
int no_leak_exception_path(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  try {
    may_throw();
  } catch (...) {
  }
  closedir(d);
  return 0; // no-warning
}

// A method named like a C library function is not the C function.
struct Fs {
  DIR *opendir(const char *);
  int closedir(DIR *);
};
void no_leak_method_named_opendir(Fs &fs, const char *path) {
  DIR *d = fs.opendir(path);
  (void)d; // no-warning: not ::opendir
}

namespace myns {
DIR *opendir(const char *);
}
void no_leak_namespaced_function(const char *path) {
  DIR *d = myns::opendir(path);
  (void)d; // no-warning: not ::opendir
}

// And a plain C leak in C++ is still found.
void leak_in_cxx(const char *path) {
  DIR *d = opendir(path);
  if (d)
    readdir(d);
} // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}

// C++ code shaped the way real projects write it: handles kept in
// containers, closed by scope guards, lambdas and RAII classes.
// RUN: %clang_analyze_cc1 -std=c++17 -fcxx-exceptions -fexceptions \
// RUN:   -analyzer-checker=core,cplusplus,cvet.UnclosedIterator -verify %s

#include "iter/containers.h"
#include "iter/dirent.h"
#include "iter/sqlite3.h"

int no_leak_kept_in_vector(const char **paths, int n) {
  std::vector<DIR *> dirs;
  for (int i = 0; i < n; ++i) {
    DIR *d = opendir(paths[i]);
    if (!d)
      continue;
    dirs.push_back(d);
  }
  for (DIR *d : dirs)
    closedir(d);
  return 0; // no-warning
}

int no_leak_emplaced(const char *p) {
  std::vector<DIR *> dirs;
  DIR *d = opendir(p);
  if (!d)
    return -1;
  dirs.emplace_back(d);
  for (DIR *x : dirs)
    closedir(x);
  return 0; // no-warning
}

std::map<int, sqlite3_stmt *> statement_cache;
sqlite3_stmt *no_leak_kept_in_map(sqlite3 *db, int id, const char *sql) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
    return nullptr;
  statement_cache[id] = st;
  return st; // no-warning
}

template <class F> struct Guard {
  F f;
  bool active = true;
  explicit Guard(F fn) : f(fn) {}
  ~Guard() {
    if (active)
      f();
  }
  void dismiss() { active = false; }
};
template <class F> Guard<F> make_guard(F f) { return Guard<F>(f); }

int no_leak_scope_guard(const char *p, int x) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  auto g = make_guard([&] { closedir(d); });
  if (x)
    return 1; // no-warning
  readdir(d);
  return 0;
}

DIR *no_leak_scope_guard_dismissed(const char *p, int x) {
  DIR *d = opendir(p);
  if (!d)
    return nullptr;
  auto g = make_guard([&] { closedir(d); });
  if (x)
    return nullptr;
  g.dismiss();
  return d; // no-warning
}

int no_leak_lambda_by_value(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  auto done = [d]() { closedir(d); };
  done();
  return 0; // no-warning
}

struct Err {};
int no_leak_closed_in_catch(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  try {
    if (!readdir(d))
      throw Err();
  } catch (...) {
    closedir(d);
    return -1;
  }
  closedir(d);
  return 0; // no-warning
}

class Holder {
  DIR *d_ = nullptr;

public:
  void open(const char *p) { d_ = opendir(p); }
  ~Holder() {
    if (d_)
      closedir(d_);
  }
};
void no_leak_opened_into_member(const char *p) {
  Holder h;
  h.open(p);
} // no-warning

struct Conn {
  sqlite3 *db;
  sqlite3_stmt *cached = nullptr;
  sqlite3_stmt *get() {
    if (!cached)
      sqlite3_prepare_v2(db, "select 1", -1, &cached, nullptr);
    return cached;
  }
};
int no_leak_member_cache(Conn &c) { return sqlite3_step(c.get()); } // no-warning

int leak_next_to_container(const char *p) {
  std::vector<int> v;
  DIR *d = opendir(p);
  if (!d)
    return -1;
  if (v.size() == 0)
    return 1; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return 0;
}

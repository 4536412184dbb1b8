// C++ ways to reach a modelled API without naming it in the function body:
// constructors and destructors, virtual calls, lambdas handed to threads,
// template instantiations, default arguments. Findings are the same with
// pruning off; debug.Stats shows which functions were explored.
// RUN: %clang_analyze_cc1 -std=c++17 -isystem %inputs/iter \
// RUN:   -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator,cvet.LoopVarCapture \
// RUN:   -verify %s
// RUN: %clang_analyze_cc1 -std=c++17 -isystem %inputs/iter \
// RUN:   -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator,cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet:Prune=false -verify %s
// RUN: %clang_analyze_cc1 -std=c++17 -isystem %inputs/iter \
// RUN:   -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator,cvet.LoopVarCapture \
// RUN:   -analyzer-checker=debug.Stats -analyzer-config cvet:Prune=true %s 2>&1 \
// RUN:   | FileCheck %s

#include <dirent.h>
#include <thread>

void use(int);

// An object that opens a directory in its constructor and closes it in its
// destructor: code that only declares one still reaches both.
class DirList {
public:
  explicit DirList(const char *path) : dir(opendir(path)) {}
  ~DirList() {
    if (dir)
      closedir(dir);
  }
  bool next() { return dir && readdir(dir); }

private:
  DIR *dir;
};

int count_files(const char *path) {
  DirList list(path);
  int n = 0;
  while (list.next())
    ++n;
  return n;
}
// CHECK-DAG: count_files -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// A virtual call may run any overrider.
struct Source {
  virtual ~Source() = default;
  virtual int read(const char *where) = 0;
};
struct DirSource : Source {
  int read(const char *where) override {
    DIR *d = opendir(where);
    if (!d)
      return -1;
    if (!readdir(d))
      return 0; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
    closedir(d);
    return 1;
  }
};
int read_all(Source &s, const char *where) {
  if (!where)
    return 0;
  return s.read(where);
}
// CHECK-DAG: read_all -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// A lambda capturing the loop counter by reference, handed to a thread.
void start_workers(int n) {
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    std::thread([&] { use(i); }).detach(); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}
// CHECK-DAG: start_workers -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |
// The lambda's own body reaches nothing modelled: analysed alone, it is pruned.
// CHECK-DAG: operator() -> Total CFGBlocks: 3 | Unreachable CFGBlocks: 1 |

// A template reaches the API only once instantiated.
template <class Path> int first_type(Path p) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  struct dirent *e = readdir(d);
  closedir(d);
  return e ? e->d_type : 0;
}
int root_type() { return first_type("/"); }
// CHECK-DAG: root_type -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

// A default argument is evaluated by the caller.
int entries_in(const char *path);
int scaled(int factor, int base = entries_in("/var/spool")) {
  return factor * base;
}
int doubled() { return scaled(2); }
// CHECK-DAG: doubled -> Total CFGBlocks: {{[0-9]+}} | Unreachable CFGBlocks: 0 |

int entries_in(const char *path) {
  DirList list(path);
  return list.next() ? 1 : 0;
}

// Nothing here reaches the model: pruned.
struct Point {
  int x, y;
  Point operator+(const Point &o) const { return {x + o.x, y + o.y}; }
};
int manhattan(Point a, Point b) {
  Point s = a + b;
  if (s.x < 0)
    s.x = -s.x;
  return s.x + s.y;
}
// CHECK-DAG: manhattan -> Total CFGBlocks: 5 | Unreachable CFGBlocks: 3 |

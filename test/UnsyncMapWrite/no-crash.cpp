// C++ that must not crash the rule: templates, lambdas given to the
// run-once call, a guard of a user class, maps as members, operator[] on a
// map reached through this, an uninstantiated template.
// RUN: %clang_analyze -std=c++17 -o %t.plist -Xclang -analyzer-checker=cvet.UnsyncMapWrite %s 2>&1 | FileCheck %s --allow-empty
// CHECK-NOT: PLEASE submit a bug report

#include <map>
#include <mutex>
#include <pthread.h>
#include <string>

template <typename K> struct Registry {
  std::map<K, int> entries;
  std::mutex lock;
  void add(K k) {
    std::lock_guard<std::mutex> g(lock);
    entries[k] = 1;
  }
  void drop(K k) { entries.erase(k); }
};

template <typename T> void never_used(T &m) { m.clear(); }

static Registry<std::string> names;
static std::once_flag once;

static void *worker(void *) {
  std::call_once(once, [] { names.entries.clear(); });
  names.add("x");
  names.drop("y");
  auto fn = [](std::map<int, int> &m) { m[1] = 2; };
  std::map<int, int> local;
  fn(local);
  return nullptr;
}

int main() {
  pthread_t t;
  pthread_create(&t, nullptr, worker, nullptr);
  names.add("main");
  pthread_join(t, nullptr);
}

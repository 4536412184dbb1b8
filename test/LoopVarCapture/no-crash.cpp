// Odd C++ must not crash the rule: dependent templates, generic lambdas,
// structured bindings, nested lambdas, member pointers, pthread in C++.
// RUN: %clang_analyze_cc1 -std=c++20 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s

#include <future>
#include <pthread.h>
#include <thread>
#include <vector>

void use(int);
void *worker(void *);

template <class T> void never_instantiated(T n) {
  std::vector<std::thread> threads;
  for (T i = 0; i < n; ++i)
    threads.emplace_back([&] { use(i); });
}

template <class F> void generic_spawn(F f, int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t(f, i);
    t.join();
  }
}

void generic_lambda(int n) {
  generic_spawn([](auto v) { use(v); }, n); // no-warning
}

struct Pair {
  int a, b;
};

void structured_bindings(std::vector<Pair> &v) {
  std::vector<std::thread> threads;
  for (auto [a, b] : v)
    threads.emplace_back([&] { use(a + b); }); // expected-warning{{'a' goes out of scope at the end of the iteration while the thread started here may still use it}}
}

void nested_lambda_spawns(int n) {
  auto outer = [&] {
    for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
      std::thread([&] { use(i); }).detach(); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
  };
  outer();
}

void lambda_spawning_outside_its_loop(int n) {
  for (int i = 0; i < n; ++i) {
    auto later = [&] { std::thread([&] { use(i); }).detach(); };
    (void)later; // the spawn runs when later is called, not in this loop
  }
}

struct Server {
  void handle(int fd);
  void serve(int n) {
    std::vector<std::thread> threads;
    for (int fd = 0; fd < n; ++fd) // expected-note{{'fd' is changed here while the thread may still use it}}
      threads.emplace_back([&] { handle(fd); }); // expected-warning{{'fd' is captured by reference by the thread started here, and the loop changes 'fd' before the thread is joined}}
    for (auto &t : threads)
      t.join();
  }
  void serve_by_member_pointer(int n) {
    for (int fd = 0; fd < n; ++fd) {
      std::thread t(&Server::handle, this, fd); // no-warning
      t.join();
    }
  }
};

void pthread_from_cpp(int n) {
  pthread_t t[4];
  for (int i = 0; i < n && i < 4; i++) // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    pthread_create(&t[i], nullptr, worker, &i);
  for (int i = 0; i < n && i < 4; i++)
    pthread_join(t[i], nullptr);
}

void array_range(int (&arr)[4]) {
  std::vector<std::future<void>> fs;
  for (int x : arr)
    fs.push_back(std::async([&x] { use(x); })); // expected-warning{{'x' goes out of scope at the end of the iteration while the task started here may still use it}}
}

void empty_thread_objects(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back(); // no callable
}

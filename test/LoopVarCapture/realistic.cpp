// C++ thread code: safe forms that look like the loop bug, and real bugs.
// RUN: %clang_analyze_cc1 -std=c++20 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s

#include <future>
#include <pthread.h>
#include <thread>
#include <utility>
#include <vector>

void use(int);
void use_vec(std::vector<int> &);
int compute(int);

namespace std {
namespace execution {
struct parallel_policy {};
inline constexpr parallel_policy par{};
} // namespace execution
template <class Policy, class It, class F> void for_each(Policy &&, It b, It e, F f) {}
} // namespace std

void no_warning_unchanged_outer_variable(int n) {
  int limit = n * 2;
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&limit, i] { use(limit + i); }); // no-warning
  for (auto &t : threads)
    t.join();
}

void no_warning_std_ref_to_element(std::vector<std::vector<int>> &parts) {
  std::vector<std::thread> threads;
  for (unsigned long i = 0; i < parts.size(); ++i)
    threads.emplace_back(use_vec, std::ref(parts[i])); // no-warning
  for (auto &t : threads)
    t.join();
}

void no_warning_joined_in_same_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    int local = compute(i);
    std::thread t([&] { use(local + i); }); // no-warning
    t.join();
  }
}

void no_warning_future_get_in_iteration(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    auto f = std::async(std::launch::async, [&] { return compute(i); }); // no-warning
    total += f.get();
  }
  use(total);
}

void no_warning_futures_collected_then_get(int n) {
  for (int i = 0; i < n; ++i) {
    std::vector<std::future<int>> futures;
    int base = compute(i);
    for (int k = 0; k < 4; ++k)
      futures.push_back(std::async([&base, k] { return base + k; })); // no-warning
    for (auto &f : futures)
      use(f.get());
  }
}

void no_warning_parallel_for_each(std::vector<int> &v) {
  for (int round = 0; round < 3; ++round)
    std::for_each(std::execution::par, v.begin(), v.end(), [&](int &x) { x += round; }); // no-warning
}

void no_warning_init_capture_of_element(std::vector<int> &vec) {
  std::vector<std::thread> threads;
  for (unsigned long i = 0; i < vec.size(); ++i)
    threads.emplace_back([&v = vec[i]] { use(v); }); // no-warning
  for (auto &t : threads)
    t.join();
}

void no_warning_range_for_reference(std::vector<int> &items) {
  std::vector<std::thread> threads;
  for (auto &x : items)
    threads.emplace_back([&] { use(x); }); // no-warning
  for (auto &t : threads)
    t.join();
}

void no_warning_jthread_per_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::jthread t([&] { use(i); }); // no-warning
  }
}

void no_warning_join_under_lambda_in_same_iteration(std::vector<int> &items) {
  for (auto x : items) {
    std::thread t([&] { use(x); }); // no-warning
    t.join();
  }
}

void range_for_copy_captured(std::vector<int> &items) {
  std::vector<std::thread> threads;
  for (auto x : items)
    threads.emplace_back([&] { use(x); }); // expected-warning{{'x' goes out of scope at the end of the iteration}}
  for (auto &t : threads)
    t.join();
}

void range_for_copy_detached(std::vector<int> &items) {
  for (auto x : items)
    std::thread([&] { use(x); }).detach(); // expected-warning{{'x' goes out of scope at the end of the iteration}}
}

void counter_detached(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t([&i] { use(i); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i'}}
    // expected-note@-2{{'i' is changed here while the thread may still use it}}
    t.detach();
  }
}

void outer_variable_changed(const int *ids, int n) {
  int id = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    id = ids[i]; // expected-note{{'id' is changed here while the thread may still use it}}
    threads.push_back(std::thread([&] { use(id); })); // expected-warning{{'id' is captured by reference by the thread started here, and the loop changes 'id'}}
  }
  for (auto &t : threads)
    t.join();
}

#define N 8
struct job2 { int id; bool done; };
void run(job2 &);

void no_warning_init_capture_of_array_element(void) {
  int vals[N];
  std::vector<std::thread> threads;
  for (int i = 0; i < N; ++i) {
    vals[i] = compute(i);
    threads.emplace_back([&v = vals[i]] { use(v); }); // no-warning
  }
  for (auto &t : threads)
    t.join();
}

void no_warning_array_captured_indexed_by_value(void) {
  int vals[N];
  std::vector<std::thread> threads;
  for (int i = 0; i < N; ++i) {
    vals[i] = compute(i);
    threads.emplace_back([&vals, i] { use(vals[i]); }); // no-warning
  }
  for (auto &t : threads)
    t.join();
}

void no_warning_reference_to_element_written(std::vector<job2> &jobs) {
  std::vector<std::thread> threads;
  for (unsigned long i = 0; i < jobs.size(); ++i) {
    auto &j = jobs[i];
    j.id = (int)i;
    threads.emplace_back([&j] { run(j); }); // no-warning
  }
  for (auto &t : threads)
    t.join();
}

void no_warning_range_for_reference_written(std::vector<job2> &jobs) {
  std::vector<std::thread> threads;
  for (auto &j : jobs) {
    j.done = false;
    threads.emplace_back([&] { run(j); }); // no-warning
  }
  for (auto &t : threads)
    t.join();
}

void range_for_pointer_copy(std::vector<job2 *> &jobs) {
  std::vector<std::thread> threads;
  for (auto *p : jobs)
    threads.emplace_back([&] { run(*p); }); // expected-warning{{'p' goes out of scope at the end of the iteration}}
  for (auto &t : threads)
    t.join();
}

void reference_declared_outside_rebound_value(std::vector<int> &v) {
  int cur = 0;
  int &r = cur;
  std::vector<std::thread> threads;
  for (unsigned long i = 0; i < v.size(); ++i) {
    r = v[i]; // expected-note{{'r' is changed here while the thread may still use it}}
    threads.emplace_back([&r] { use(r); }); // expected-warning{{'r' is captured by reference by the thread started here, and the loop changes 'r'}}
  }
  for (auto &t : threads)
    t.join();
}

void *worker(void *);

void pthread_in_cxx(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) // expected-warning{{changes 'i'}}
    pthread_create(&t[i], nullptr, worker, &i);
  for (int i = 0; i < N; i++)
    pthread_join(t[i], nullptr);
}

void lambda_in_local_then_thread_detached(int n) {
  for (int i = 0; i < n; ++i) {
    auto job = [&] { use(i); };
    // expected-note@-2{{'i' is changed here while the thread may still use it}}
    std::thread(job).detach(); // expected-warning{{'i' is captured by reference}}
  }
}

void index_copy_captured_by_reference(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    int k = i * 2;
    threads.emplace_back([&k] { use(k); }); // expected-warning{{'k' goes out of scope at the end of the iteration}}
  } // expected-note{{'k' goes out of scope here}}
  for (auto &t : threads)
    t.join();
}

namespace std {
template <class> class function;
template <class R, class... A> class function<R(A...)> {
public:
  template <class F> function(F f) {}
  R operator()(A...) const;
};
} // namespace std

void function_wrapper_detached(int n) {
  for (int i = 0; i < n; ++i) { // expected-note{{'i' is changed here while the thread may still use it}}
    std::function<void()> f = [&] { use(i); };
    std::thread(f).detach(); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i'}}
  }
}

struct kv { int k, v; };

void structured_binding_copy(std::vector<kv> &items) {
  std::vector<std::thread> threads;
  for (auto [k, v] : items)
    threads.emplace_back([&] { use(v); }); // expected-warning{{'v' goes out of scope at the end of the iteration}}
  for (auto &t : threads)
    t.join();
}

void no_warning_structured_binding_reference(std::vector<kv> &items) {
  std::vector<std::thread> threads;
  for (auto &[k, v] : items)
    threads.emplace_back([&] { use(v); }); // no-warning
  for (auto &t : threads)
    t.join();
}

void no_warning_promise_handshake(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    std::promise<void> started;
    std::future<void> copied = started.get_future();
    threads.emplace_back([&] { int mine = i; started.set_value(); use(mine); }); // no-warning
    copied.wait();
  }
  for (auto &t : threads)
    t.join();
}

void no_warning_atomic_flag_handshake(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    bool ready = false;
    threads.emplace_back([&] { int mine = i; __atomic_store_n(&ready, true, __ATOMIC_RELEASE); use(mine); }); // no-warning
    while (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE))
      ;
  }
  for (auto &t : threads)
    t.join();
}

void promise_fulfilled_but_not_awaited(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) { // expected-note{{'i' is changed here while the thread may still use it}}
    std::promise<void> done;
    threads.emplace_back([&] { use(i); done.set_value(); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i'}}
                                                             // expected-warning@-1{{'done' goes out of scope at the end of the iteration}}
  } // expected-note{{'done' goes out of scope here}}
  for (auto &t : threads)
    t.join();
}

struct control { bool stop; int n; };
bool start_failed(int);

void no_warning_stop_flag_on_the_way_out(int n) {
  control ctl{false, n};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&ctl] { use(ctl.n); }); // no-warning
    if (start_failed(i)) {
      ctl.stop = true;
      break;
    }
  }
  for (auto &t : threads)
    t.join();
}

// C++: lambdas capturing a loop-changed variable by reference, handed to
// std::thread, std::jthread and std::async inside the loop.
// RUN: %clang_analyze_cc1 -std=c++20 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s

#include <future>
#include <thread>
#include <vector>

void use(int);
void *worker(void *);

void thread_temporary_in_vector_joined_after_loop(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    threads.push_back(std::thread([&] { use(i); })); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
  for (int i = 0; i < n; ++i)
    threads[i].join();
}

void explicit_reference_capture_emplaced(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    threads.emplace_back([&i] { use(i); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}

void no_warning_capture_by_value(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([=] { use(i); }); // no-warning
  for (int i = 0; i < n; ++i)
    threads.emplace_back([i] { use(i); }); // no-warning
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&, i] { use(i); }); // no-warning
}

void no_warning_joined_in_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t([&] { use(i); }); // no-warning
    t.join();
  }
}

void no_warning_temporary_joined_at_once(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&] { use(i); }).join(); // no-warning
}

void detached_thread(int n) {
  for (int i = 0; i < n; ++i) { // expected-note{{'i' is changed here while the thread may still use it}}
    std::thread t([&] { use(i); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
    t.detach();
  }
}

void temporary_detached(int n) {
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    std::thread([&] { use(i); }).detach(); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}

void moved_into_vector(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) { // expected-note{{'i' is changed here while the thread may still use it}}
    std::thread t([&] { use(i); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
    threads.push_back(std::move(t));
  }
}

void assigned_to_outer_array(int n) {
  std::thread ts[8];
  for (int i = 0; i < n && i < 8; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    ts[i] = std::thread([&] { use(i); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}

void no_warning_jthread_joins_at_end_of_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::jthread t([&] { use(i); }); // no-warning
  }
}

void jthread_kept_past_iteration(int n) {
  std::vector<std::jthread> threads;
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    threads.emplace_back([&] { use(i); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}

void no_warning_async_future_dropped_waits(int n) {
  for (int i = 0; i < n; ++i)
    std::async(std::launch::async, [&] { use(i); }); // no-warning
}

void no_warning_async_get_in_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    auto f = std::async(std::launch::async, [&] { use(i); }); // no-warning
    f.get();
  }
}

void no_warning_async_local_future_waits_at_end_of_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    auto f = std::async([&] { use(i); }); // no-warning
  }
}

void async_futures_kept(int n) {
  std::vector<std::future<void>> futures;
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the task may still use it}}
    futures.push_back(std::async(std::launch::async, [&] { use(i); })); // expected-warning{{'i' is captured by reference by the task started here, and the loop changes 'i' before the task is waited for}}
  for (auto &f : futures)
    f.get();
}

void async_future_moved_out(int n) {
  std::vector<std::future<void>> futures;
  for (int i = 0; i < n; ++i) { // expected-note{{'i' is changed here while the task may still use it}}
    auto f = std::async(std::launch::async, [&] { use(i); }); // expected-warning{{'i' is captured by reference by the task started here, and the loop changes 'i' before the task is waited for}}
    futures.push_back(std::move(f));
  }
}

void range_for_copy_dies_each_iteration(std::vector<int> &v) {
  std::vector<std::thread> threads;
  for (int x : v)
    threads.emplace_back([&] { use(x); }); // expected-warning{{'x' goes out of scope at the end of the iteration while the thread started here may still use it}}
}

void no_warning_range_for_reference(std::vector<int> &v) {
  std::vector<std::thread> threads;
  for (int &x : v)
    threads.emplace_back([&] { use(x); }); // no-warning: each element lives on
}

void local_of_iteration_dies(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    int square = i * i;
    threads.emplace_back([&] { use(square); }); // expected-warning{{'square' goes out of scope at the end of the iteration while the thread started here may still use it}}
  } // expected-note{{'square' goes out of scope here}}
}

struct Job {
  int id;
};

void reused_struct_member_written(const int *ids, int n) {
  std::vector<std::thread> threads;
  Job job;
  for (int k = 0; k < n; ++k) {
    job.id = ids[k]; // expected-note{{'job' is changed here while the thread may still use it}}
    threads.emplace_back([&job] { use(job.id); }); // expected-warning{{'job' is captured by reference by the thread started here, and the loop changes 'job' before the thread is joined}}
  }
}

void address_passed_to_thread(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    threads.push_back(std::thread(worker, &i)); // expected-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
}

void lambda_stored_before_the_spawn(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) { // expected-note{{'i' is changed here while the thread may still use it}}
    auto job = [&] { use(i); };
    threads.emplace_back(job); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
  }
}

void no_warning_init_capture_by_value(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([v = i] { use(v); }); // no-warning
}

void init_capture_by_reference(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    threads.emplace_back([&r = i] { use(r); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}

void no_warning_variable_not_changed_by_loop(int n) {
  std::vector<std::thread> threads;
  int limit = n;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&limit] { use(limit); }); // no-warning
  for (auto &t : threads)
    t.join();
}

void no_warning_write_inside_the_lambda_only(int n) {
  std::vector<std::thread> threads;
  int hits = 0;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&hits] { ++hits; }); // no-warning: the loop itself does not change it
  for (auto &t : threads)
    t.join();
}

void no_warning_outside_loop(int n) {
  int i = n;
  std::thread t([&] { use(i); }); // no-warning
  i = 0;
  t.join();
}

void wait_for(std::thread &t);

void no_warning_handle_given_to_other_code(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t([&] { use(i); }); // no-warning: wait_for may join it
    wait_for(t);
  }
}

void nested_loops_outer_counter(int n, int m) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    for (int j = 0; j < m; ++j)
      threads.emplace_back([&i, j] { use(i + j); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}

template <class T> void template_spawns(T n) {
  std::vector<std::thread> threads;
  for (T i = 0; i < n; ++i) // expected-note{{'i' is changed here while the thread may still use it}}
    threads.emplace_back([&] { use(i); }); // expected-warning{{'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined}}
}

void instantiate(void) { template_spawns<int>(3); }

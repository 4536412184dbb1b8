// cvet-loop-var-capture in C++: lambdas capturing by reference a variable the
// loop changes, handed to std::thread, std::jthread and std::async.
// REQUIRES: cvet-tidy
// RUN: %clang_tidy --checks='-*,cvet-loop-var-capture' %s -- \
// RUN:   -std=c++20 -isystem %inputs/threads 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:'

#include <future>
#include <thread>
#include <vector>

void use(int);

void thread_temporary_in_vector(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.push_back(std::thread([&] { use(i); }));
  // CHECK: :[[@LINE-1]]:23: warning: 'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined [cvet-loop-var-capture]
  for (int i = 0; i < n; ++i)
    threads[i].join();
}

void explicit_reference_capture_emplaced(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&i] { use(i); });
  // CHECK: :[[@LINE-1]]:13: warning: 'i' is captured by reference by the thread started here, and the loop changes 'i' before the thread is joined
  for (auto &t : threads)
    t.join();
}

void async_future_kept(int n) {
  std::vector<std::future<void>> futures;
  for (int i = 0; i < n; ++i)
    futures.push_back(std::async(std::launch::async, [&] { use(i); }));
  // CHECK: :[[@LINE-1]]:23: warning: 'i' is captured by reference by the task started here, and the loop changes 'i' before the task is waited for
}

void no_warning_capture_by_value(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([=] { use(i); });
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&, i] { use(i); });
  for (auto &t : threads)
    t.join();
}

void no_warning_joined_in_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t([&] { use(i); });
    t.join();
  }
}

void no_warning_jthread_dies_in_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::jthread t([&] { use(i); });
  }
}

void no_warning_future_temporary(int n) {
  for (int i = 0; i < n; ++i)
    std::async(std::launch::async, [&] { use(i); });
}

void no_warning_reference_per_iteration(std::vector<int> &items) {
  std::vector<std::thread> threads;
  for (int &x : items)
    threads.emplace_back([&x] { use(x); });
  for (auto &t : threads)
    t.join();
}

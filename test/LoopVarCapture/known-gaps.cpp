// C++ bugs the rule does not see yet.
// RUN: %clang_analyze_cc1 -std=c++20 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s
// expected-no-diagnostics

#include <thread>
#include <utility>
#include <vector>

void use(int);
void use_ref(int &);

void reference_wrapper_argument(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) // TODO-expected-warning{{'i' is passed by reference to the thread started here}}
    threads.emplace_back(use_ref, std::ref(i));
}

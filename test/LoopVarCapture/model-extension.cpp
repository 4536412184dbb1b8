// A model-declared C++ executor: lambdas posted to it inside a loop.
// RUN: %clang_analyze_cc1 -std=c++17 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/my-spawn.yaml \
// RUN:   -verify=model %s
// RUN: %clang_analyze_cc1 -std=c++17 -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify=builtin %s
// builtin-no-diagnostics

namespace mylib {
struct Handle {
  void wait();
};
class Executor {
public:
  template <class F> void post(F &&f) {}
  template <class F> Handle submit(F &&f) { return Handle(); }
};
} // namespace mylib

void use(int);

void counter_captured_by_posted_lambda(mylib::Executor &exec, int n) {
  for (int i = 0; i < n; ++i) // model-note{{'i' is changed here while the task may still use it}}
    exec.post([&] { use(i); }); // model-warning{{'i' is captured by reference by the task started here, and the loop changes 'i' before the task is waited for}}
}

void no_warning_posted_lambda_copies(mylib::Executor &exec, int n) {
  for (int i = 0; i < n; ++i)
    exec.post([i] { use(i); }); // no-warning
}

void no_warning_submitted_and_waited(mylib::Executor &exec, int n) {
  for (int i = 0; i < n; ++i) {
    mylib::Handle h = exec.submit([&] { use(i); });
    h.wait(); // no-warning
  }
}

void submitted_not_waited(mylib::Executor &exec, int n) {
  for (int i = 0; i < n; ++i) { // model-note{{'i' is changed here while the task may still use it}}
    mylib::Handle h = exec.submit([&] { use(i); }); // model-warning{{'i' is captured by reference by the task started here, and the loop changes 'i' before the task is waited for}}
    (void)h;
  }
}

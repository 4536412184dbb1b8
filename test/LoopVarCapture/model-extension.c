// A project's own spawn and join functions, from a model file given with the
// checker's ModelFiles option or the package-wide cvet:ModelFiles.
// RUN: %clang_analyze_cc1 -isystem %inputs/threads -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet.LoopVarCapture:ModelFiles=%inputs/threads/models/my-spawn.yaml \
// RUN:   -verify=model %s
// RUN: %clang_analyze_cc1 -isystem %inputs/threads -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -analyzer-config cvet:ModelFiles=%inputs/threads/models/my-spawn.yaml \
// RUN:   -verify=model %s
// RUN: %clang_analyze_cc1 -isystem %inputs/threads -analyzer-checker=core,cvet.LoopVarCapture \
// RUN:   -verify=builtin %s
// builtin-no-diagnostics

typedef struct task *task_t;
int my_spawn(task_t *t, void (*run)(void *), void *arg);
void my_wait(task_t t);
void my_defer(void (*run)(void *), void *arg);
void my_drain(void);

void run(void *arg);
#define N 4

void counter_passed_to_my_spawn(int n) {
  task_t t[N];
  for (int i = 0; i < n && i < N; i++) // model-warning{{Address of 'i' is passed to the thread started here, and the loop changes 'i' before the thread is joined}}
    my_spawn(&t[i], run, &i);
  for (int i = 0; i < n && i < N; i++)
    my_wait(t[i]);
}

void no_warning_my_wait_in_iteration(int n) {
  task_t t;
  for (int i = 0; i < n; i++) {
    my_spawn(&t, run, &i);
    my_wait(t);
  } // no-warning
}

void no_warning_my_spawn_failed(int n) {
  task_t t;
  for (int i = 0; i < n; i++) {
    if (my_spawn(&t, run, &i) != 0)
      continue; // no-warning
    my_wait(t);
  }
}

void counter_passed_to_my_defer(int n) {
  for (int i = 0; i < n; i++) // model-warning{{Address of 'i' is passed to the callback scheduled here, and the loop changes 'i' before the callback is known to have run}}
    my_defer(run, &i);
}

void no_warning_my_drain_in_iteration(int n) {
  for (int i = 0; i < n; i++) {
    my_defer(run, &i);
    my_drain();
  } // no-warning
}

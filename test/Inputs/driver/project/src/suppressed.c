#include <dirent.h>
#include <pthread.h>

// cvet-ignore[cvet.UnclosedIterator]: the caller's cache closes it
int probe_ignored(const char *p) { DIR *d = opendir(p); return d != 0; }

int probe_nolint(const char *p) { DIR *d = opendir(p); return d != 0; } // NOLINT(cvet-unclosed-iterator): test fixture

// NOLINTNEXTLINE(cvet-*)
int probe_nolintnextline(const char *p) { DIR *d = opendir(p); return d != 0; }

static void *run(void *arg) { return arg; }

void spawn_nolint(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++) // NOLINT(cvet-loop-var-capture): covers the loop and the spawn below
    pthread_create(&t[i], 0, run, &i);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], 0);
}

// cvet-ignore[cvet.LoopVarCapture]: wrong rule, so this does not suppress
int probe_wrong_rule(const char *p) { DIR *d = opendir(p); return d != 0; }

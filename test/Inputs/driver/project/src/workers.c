#include <pthread.h>

static void *worker(void *arg) { return arg; }

void start_workers(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], 0, worker, &i);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], 0);
}

/* The same threads done right: one id per thread (no finding). */
#include "demo.h"
#include <pthread.h>
#include <stdio.h>

static void *pool_worker(void *arg) {
  int id = *(int *)arg;
  printf("pool worker %d\n", id);
  return NULL;
}

int run_pool(void) {
  pthread_t threads[DEMO_WORKERS];
  int ids[DEMO_WORKERS];
  int started = 0;
  for (int i = 0; i < DEMO_WORKERS; i++) {
    ids[i] = i;
    if (pthread_create(&threads[i], NULL, pool_worker, &ids[i]) != 0)
      break;
    started++;
  }
  for (int i = 0; i < started; i++)
    pthread_join(threads[i], NULL);
  return started == DEMO_WORKERS ? 0 : -1;
}

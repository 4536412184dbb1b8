/* Starts a few threads that each print their number. */
#include "demo.h"
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg) {
  int id = *(int *)arg;
  printf("worker %d\n", id);
  return NULL;
}

int run_workers(void) {
  pthread_t threads[DEMO_WORKERS];
  for (int i = 0; i < DEMO_WORKERS; i++)
    /* Bug (cvet.LoopVarCapture): every thread gets the address of the one
       'i', which the loop keeps changing; they print whatever it holds. */
    if (pthread_create(&threads[i], NULL, worker, &i) != 0)
      return -1;
  for (int i = 0; i < DEMO_WORKERS; i++)
    pthread_join(threads[i], NULL);
  return 0;
}

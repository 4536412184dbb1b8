#include <pthread.h>

void *worker(void *arg);

void start_workers(pthread_t *t, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, worker, &i);
}

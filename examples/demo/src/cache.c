/* A name cache shared with a background thread that drops stale names: the
   thread forgets the lock that every other write holds (one finding). */
#include "demo.h"
#include <pthread.h>
#include <search.h>
#include <string.h>

static void *names; /* a tsearch tree */
static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

static void *drop_stale(void *arg) {
  const char *stale = arg;
  tdelete(stale, &names, by_name);
  return NULL;
}

int cache_names(char **list, int n) {
  pthread_t dropper;
  if (pthread_create(&dropper, NULL, drop_stale, "old") != 0)
    return -1;
  for (int i = 0; i < n; i++) {
    pthread_mutex_lock(&names_lock);
    tsearch(list[i], &names, by_name);
    pthread_mutex_unlock(&names_lock);
  }
  pthread_join(dropper, NULL);
  return 0;
}

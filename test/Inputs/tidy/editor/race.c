#include <pthread.h>
#include <search.h>
#include <string.h>

int strcmp(const char *a, const char *b);

static void *seen;

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

static void *crawl(void *url) {
  tsearch(url, &seen, by_name);
  return NULL;
}

void crawl_all(pthread_t *t, char **urls, int n) {
  for (int i = 0; i < n; i++)
    pthread_create(&t[i], NULL, crawl, urls[i]);
}

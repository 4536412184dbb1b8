#ifndef DEMO_H
#define DEMO_H

#include <stddef.h>

#define DEMO_NAME_MAX 200
#define DEMO_WORKERS 4

/* scan.c */
int count_files(const char *path, size_t *count);
/* tree.c */
int count_subdirs(const char *path, size_t *count);
/* workers.c */
int run_workers(void);
/* pool.c */
int run_pool(void);
/* aliases.c */
int load_aliases(const char *path, size_t *count);
/* cache.c */
int cache_names(char **list, int n);

#endif

/* Mock of PostgreSQL src/include/utils/hsearch.h (dynahash). */
#pragma clang system_header
#ifndef CVET_MOCK_PG_HSEARCH_H
#define CVET_MOCK_PG_HSEARCH_H
#include <stdbool.h>
#include <stddef.h>
typedef struct HTAB HTAB;
typedef struct HASHCTL {
  size_t keysize;
  size_t entrysize;
} HASHCTL;
typedef enum { HASH_FIND, HASH_ENTER, HASH_REMOVE, HASH_ENTER_NULL } HASHACTION;
#define HASH_ELEM 0x0010
#define HASH_STRINGS 0x0020
HTAB *hash_create(const char *tabname, long nelem, const HASHCTL *info, int flags);
void *hash_search(HTAB *hashp, const void *keyPtr, HASHACTION action, bool *foundPtr);
void hash_destroy(HTAB *hashp);
#endif

// The part of PostgreSQL's utils/hsearch.h that the tests call.
#ifndef CVET_TEST_DYNAHASH_H
#define CVET_TEST_DYNAHASH_H
#include <stdbool.h>

typedef struct HTAB HTAB;
typedef struct HASHCTL {
  long keysize;
  long entrysize;
} HASHCTL;
typedef unsigned int uint32;
typedef enum {
  HASH_FIND,
  HASH_ENTER,
  HASH_REMOVE,
  HASH_ENTER_NULL
} HASHACTION;
#define HASH_ELEM 0x0010
#define HASH_BLOBS 0x0020

HTAB *hash_create(const char *tabname, long nelem, const HASHCTL *info,
                  int flags);
void hash_destroy(HTAB *hashp);
void *hash_search(HTAB *hashp, const void *keyPtr, HASHACTION action,
                  bool *foundPtr);
void *hash_search_with_hash_value(HTAB *hashp, const void *keyPtr,
                                  uint32 hashvalue, HASHACTION action,
                                  bool *foundPtr);
#endif

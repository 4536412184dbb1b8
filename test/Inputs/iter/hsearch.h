// Mock of PostgreSQL utils/hsearch.h: dynahash sequential scans.
#pragma clang system_header
#ifndef CVET_MOCK_HSEARCH_H
#define CVET_MOCK_HSEARCH_H
#include "common.h"
typedef unsigned int uint32;
typedef struct HTAB HTAB;
typedef struct HASHELEMENT HASHELEMENT;
typedef struct {
  HTAB *hashp;
  uint32 curBucket;
  HASHELEMENT *curEntry;
  int hasHashvalue;
  uint32 hashvalue;
} HASH_SEQ_STATUS;
typedef enum { HASH_FIND, HASH_ENTER, HASH_REMOVE, HASH_ENTER_NULL } HASHACTION;
void *hash_search(HTAB *hashp, const void *keyPtr, HASHACTION action,
                  int *foundPtr);
void hash_seq_init(HASH_SEQ_STATUS *status, HTAB *hashp);
void hash_seq_init_with_hash_value(HASH_SEQ_STATUS *status, HTAB *hashp,
                                   uint32 hashvalue);
void *hash_seq_search(HASH_SEQ_STATUS *status);
void hash_seq_term(HASH_SEQ_STATUS *status);
long hash_get_num_entries(HTAB *hashp);
#endif

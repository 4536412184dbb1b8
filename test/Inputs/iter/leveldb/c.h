// Mock of leveldb/c.h: iterators.
#pragma clang system_header
#ifndef CVET_MOCK_LEVELDB_C_H
#define CVET_MOCK_LEVELDB_C_H
#include "../common.h"
typedef struct leveldb_t leveldb_t;
typedef struct leveldb_iterator_t leveldb_iterator_t;
typedef struct leveldb_readoptions_t leveldb_readoptions_t;
leveldb_iterator_t *leveldb_create_iterator(leveldb_t *db,
                                            const leveldb_readoptions_t *options);
void leveldb_iter_destroy(leveldb_iterator_t *);
unsigned char leveldb_iter_valid(const leveldb_iterator_t *);
void leveldb_iter_seek_to_first(leveldb_iterator_t *);
void leveldb_iter_seek(leveldb_iterator_t *, const char *k, size_t klen);
void leveldb_iter_next(leveldb_iterator_t *);
const char *leveldb_iter_key(const leveldb_iterator_t *, size_t *klen);
const char *leveldb_iter_value(const leveldb_iterator_t *, size_t *vlen);
void leveldb_iter_get_error(const leveldb_iterator_t *, char **errptr);
#endif

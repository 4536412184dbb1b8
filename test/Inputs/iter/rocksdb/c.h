// Mock of rocksdb/c.h: iterators.
#pragma clang system_header
#ifndef CVET_MOCK_ROCKSDB_C_H
#define CVET_MOCK_ROCKSDB_C_H
#include "../common.h"
typedef struct rocksdb_t rocksdb_t;
typedef struct rocksdb_iterator_t rocksdb_iterator_t;
typedef struct rocksdb_readoptions_t rocksdb_readoptions_t;
typedef struct rocksdb_column_family_handle_t rocksdb_column_family_handle_t;
rocksdb_iterator_t *rocksdb_create_iterator(rocksdb_t *db,
                                            const rocksdb_readoptions_t *options);
rocksdb_iterator_t *
rocksdb_create_iterator_cf(rocksdb_t *db, const rocksdb_readoptions_t *options,
                           rocksdb_column_family_handle_t *column_family);
void rocksdb_iter_destroy(rocksdb_iterator_t *);
unsigned char rocksdb_iter_valid(const rocksdb_iterator_t *);
void rocksdb_iter_seek_to_first(rocksdb_iterator_t *);
void rocksdb_iter_next(rocksdb_iterator_t *);
const char *rocksdb_iter_key(const rocksdb_iterator_t *, size_t *klen);
const char *rocksdb_iter_value(const rocksdb_iterator_t *, size_t *vlen);
#endif

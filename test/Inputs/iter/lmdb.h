// Mock of lmdb.h: cursors.
#pragma clang system_header
#ifndef CVET_MOCK_LMDB_H
#define CVET_MOCK_LMDB_H
#include "common.h"
typedef struct MDB_txn MDB_txn;
typedef struct MDB_cursor MDB_cursor;
typedef unsigned int MDB_dbi;
typedef struct MDB_val { size_t mv_size; void *mv_data; } MDB_val;
typedef enum MDB_cursor_op { MDB_FIRST, MDB_NEXT, MDB_SET } MDB_cursor_op;
#define MDB_SUCCESS 0
#define MDB_NOTFOUND (-30798)
int mdb_cursor_open(MDB_txn *txn, MDB_dbi dbi, MDB_cursor **cursor);
void mdb_cursor_close(MDB_cursor *cursor);
int mdb_cursor_get(MDB_cursor *cursor, MDB_val *key, MDB_val *data,
                   MDB_cursor_op op);
int mdb_cursor_renew(MDB_txn *txn, MDB_cursor *cursor);
int mdb_cursor_put(MDB_cursor *cursor, MDB_val *key, MDB_val *data,
                   unsigned int flags);
typedef struct MDB_env MDB_env;
#define MDB_RDONLY 0x20000
int mdb_txn_begin(MDB_env *env, MDB_txn *parent, unsigned int flags,
                  MDB_txn **txn);
int mdb_txn_commit(MDB_txn *txn);
void mdb_txn_abort(MDB_txn *txn);
#endif

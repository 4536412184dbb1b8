/* Mock of Redis src/dict.h: the parts the tests use. */
#pragma clang system_header
#ifndef CVET_MOCK_REDIS_DICT_H
#define CVET_MOCK_REDIS_DICT_H
#include <stdint.h>
#define DICT_OK 0
#define DICT_ERR 1
typedef struct dictEntry dictEntry;
typedef struct dictType {
  uint64_t (*hashFunction)(const void *key);
  void *(*keyDup)(void *privdata, const void *key);
  void *(*valDup)(void *privdata, const void *obj);
  int (*keyCompare)(void *privdata, const void *key1, const void *key2);
  void (*keyDestructor)(void *privdata, void *key);
  void (*valDestructor)(void *privdata, void *obj);
} dictType;
typedef struct dict {
  dictType *type;
  void *privdata;
} dict;
dict *dictCreate(dictType *type);
int dictAdd(dict *d, void *key, void *val);
int dictReplace(dict *d, void *key, void *val);
int dictDelete(dict *d, const void *key);
void dictEmpty(dict *d, void(callback)(dict *));
void dictRelease(dict *d);
dictEntry *dictFind(dict *d, const void *key);
uint64_t dictGenHashFunction(const void *key, size_t len);
#endif

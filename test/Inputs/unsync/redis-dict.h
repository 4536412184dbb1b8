// The part of Redis 7.0's src/dict.h that the tests call: the table API and
// the dictSetVal macro.
#ifndef CVET_TEST_REDIS_DICT_H
#define CVET_TEST_REDIS_DICT_H

typedef struct dictEntry {
  void *key;
  union {
    void *val;
    long long s64;
  } v;
  struct dictEntry *next;
} dictEntry;

typedef struct dict dict;

typedef struct dictType {
  unsigned long long (*hashFunction)(const void *key);
  void *(*keyDup)(dict *d, const void *key);
  void *(*valDup)(dict *d, const void *obj);
  int (*keyCompare)(dict *d, const void *key1, const void *key2);
  void (*keyDestructor)(dict *d, void *key);
  void (*valDestructor)(dict *d, void *obj);
} dictType;

struct dict {
  dictType *type;
  dictEntry **ht_table[2];
  unsigned long ht_used[2];
  long rehashidx;
};

#define DICT_OK 0
#define DICT_ERR 1

#define dictSetVal(d, entry, _val_)                                            \
  do {                                                                         \
    if ((d)->type->valDup)                                                     \
      (entry)->v.val = (d)->type->valDup((d), _val_);                          \
    else                                                                       \
      (entry)->v.val = (_val_);                                                \
  } while (0)

dict *dictCreate(dictType *type);
int dictAdd(dict *d, void *key, void *val);
dictEntry *dictAddRaw(dict *d, void *key, dictEntry **existing);
int dictReplace(dict *d, void *key, void *val);
int dictDelete(dict *d, const void *key);
dictEntry *dictUnlink(dict *d, const void *key);
void dictRelease(dict *d);
void dictEmpty(dict *d, void(callback)(dict *));
dictEntry *dictFind(dict *d, const void *key);
void *dictFetchValue(dict *d, const void *key);

#endif

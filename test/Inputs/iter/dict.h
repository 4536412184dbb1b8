// Mock of Redis dict.h: dictionary iterators.
#pragma clang system_header
#ifndef CVET_MOCK_DICT_H
#define CVET_MOCK_DICT_H
typedef struct dict dict;
typedef struct dictEntry dictEntry;
typedef struct dictIterator {
  dict *d;
  long index;
  int table, safe;
  dictEntry *entry, *nextEntry;
  unsigned long long fingerprint;
} dictIterator;
dictIterator *dictGetIterator(dict *d);
dictIterator *dictGetSafeIterator(dict *d);
void dictInitIterator(dictIterator *iter, dict *d);
void dictInitSafeIterator(dictIterator *iter, dict *d);
void dictResetIterator(dictIterator *iter);
dictEntry *dictNext(dictIterator *iter);
void dictReleaseIterator(dictIterator *iter);
void *dictGetKey(const dictEntry *de);
void *dictGetVal(const dictEntry *de);
#endif

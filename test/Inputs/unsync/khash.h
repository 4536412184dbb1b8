// A reduced khash.h (attractivechaos/klib) for the tests: the same macro
// structure as the real header: KHASH_INIT generates static inline functions
// per table type, and kh_put / kh_del / kh_get / kh_clear are macros that
// paste the type's name onto them. The probing is simplified.
#ifndef CVET_TEST_KHASH_H
#define CVET_TEST_KHASH_H
#include <stdlib.h>
#include <string.h>

typedef unsigned int khint32_t;
typedef khint32_t khint_t;
typedef khint_t khiter_t;

#define __KHASH_TYPE(name, khkey_t, khval_t)                                   \
  typedef struct kh_##name##_s {                                               \
    khint_t n_buckets, size, n_occupied, upper_bound;                          \
    khint32_t *flags;                                                          \
    khkey_t *keys;                                                             \
    khval_t *vals;                                                             \
  } kh_##name##_t;

#define __KHASH_IMPL(name, SCOPE, khkey_t, khval_t, kh_is_map, __hash_func,    \
                     __hash_equal)                                             \
  SCOPE kh_##name##_t *kh_init_##name(void) {                                  \
    return (kh_##name##_t *)calloc(1, sizeof(kh_##name##_t));                  \
  }                                                                            \
  SCOPE void kh_destroy_##name(kh_##name##_t *h) {                             \
    if (h) {                                                                   \
      free((void *)h->keys);                                                   \
      free(h->flags);                                                          \
      free((void *)h->vals);                                                   \
      free(h);                                                                 \
    }                                                                          \
  }                                                                            \
  SCOPE void kh_clear_##name(kh_##name##_t *h) {                               \
    if (h && h->flags) {                                                       \
      memset(h->flags, 0xaa, h->n_buckets * sizeof(khint32_t));                \
      h->size = h->n_occupied = 0;                                             \
    }                                                                          \
  }                                                                            \
  SCOPE khint_t kh_get_##name(const kh_##name##_t *h, khkey_t key) {           \
    for (khint_t i = 0; i < h->n_buckets; ++i)                                 \
      if (__hash_equal(h->keys[i], key))                                       \
        return i;                                                              \
    return h->n_buckets;                                                       \
  }                                                                            \
  SCOPE khint_t kh_put_##name(kh_##name##_t *h, khkey_t key, int *ret) {       \
    khint_t x = kh_get_##name(h, key);                                         \
    if (x == h->n_buckets) {                                                   \
      x = h->size++;                                                           \
      h->keys[x] = key;                                                        \
      *ret = 1;                                                                \
    } else {                                                                   \
      *ret = 0;                                                                \
    }                                                                          \
    return x;                                                                  \
  }                                                                            \
  SCOPE void kh_del_##name(kh_##name##_t *h, khint_t x) {                      \
    if (x != h->n_buckets)                                                     \
      --h->size;                                                               \
  }

#define KHASH_INIT(name, khkey_t, khval_t, kh_is_map, __hash_func,             \
                   __hash_equal)                                               \
  __KHASH_TYPE(name, khkey_t, khval_t)                                         \
  __KHASH_IMPL(name, static inline, khkey_t, khval_t, kh_is_map,               \
               __hash_func, __hash_equal)

#define kh_int_hash_func(key) (khint32_t)(key)
#define kh_int_hash_equal(a, b) ((a) == (b))
#define KHASH_MAP_INIT_INT(name, khval_t)                                      \
  KHASH_INIT(name, khint32_t, khval_t, 1, kh_int_hash_func, kh_int_hash_equal)

#define khash_t(name) kh_##name##_t
#define kh_init(name) kh_init_##name()
#define kh_destroy(name, h) kh_destroy_##name(h)
#define kh_clear(name, h) kh_clear_##name(h)
#define kh_put(name, h, k, r) kh_put_##name(h, k, r)
#define kh_get(name, h, k) kh_get_##name(h, k)
#define kh_del(name, h, k) kh_del_##name(h, k)
#define kh_val(h, x) ((h)->vals[x])
#define kh_value(h, x) ((h)->vals[x])
#define kh_end(h) ((h)->n_buckets)

#endif

// Map macros used in odd ways: invoked from another macro's body, a table
// in an array, compound assignments to kh_value, a key that is not a
// pointer, uthash over an integer field.
// RUN: %analyze_subrange -Xclang -verify %s
// expected-no-diagnostics

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/khash.h>
#include <uthash.h>

KHASH_MAP_INIT_STR(cnt, int)
KHASH_MAP_INIT_INT(ids, int)

static khash_t(cnt) *tables[4];
static khash_t(ids) *by_id;

struct node {
  int id;
  const char *name;
  UT_hash_handle hh;
};
static struct node *nodes;

// A project macro around a model macro: the inner invocation comes from a
// macro body, which is left alone.
#define ADD_NODE(head, n) HASH_ADD_KEYPTR(hh, head, (n)->name, strlen((n)->name), n)

void add_wrapped(char *line) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return;
  n->name = line + 1;
  ADD_NODE(nodes, n);
}

void count_in_table(int which, const char *word) {
  int ret;
  if (which < 0 || which >= 4 || !tables[which])
    return;
  khiter_t k = kh_put(cnt, tables[which], word, &ret);
  if (ret < 0)
    return;
  if (ret) {
    kh_key(tables[which], k) = strdup(word);
    kh_value(tables[which], k) = 0;
  }
  kh_value(tables[which], k) += 1;
}

void count_id(int id) {
  int ret;
  if (!by_id)
    by_id = kh_init(ids);
  khiter_t k = kh_put(ids, by_id, id, &ret);
  if (ret >= 0)
    kh_val(by_id, k) = id * 2;
}

void add_by_int(struct node *n) {
  HASH_ADD_INT(nodes, id, n);
}

void drop_all(void) {
  struct node *n, *tmp;
  HASH_ITER(hh, nodes, n, tmp) {
    HASH_DEL(nodes, n);
    free(n);
  }
  for (int i = 0; i < 4; ++i)
    if (tables[i])
      kh_destroy(cnt, tables[i]);
}

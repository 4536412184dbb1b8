// In-place scan objects: PostgreSQL dynahash sequential scans (ended by
// hash_seq_term, or by hash_seq_search returning NULL), glob_t, and Redis
// stack dict iterators.
// RUN: %clang_analyze_cc1 -analyzer-checker=core,cvet.UnclosedIterator -verify %s

#include "iter/hsearch.h"
#include "iter/glob.h"
#include "iter/dict.h"

typedef struct Entry {
  int key;
  int refcount;
} Entry;

long no_leak_hash_seq_runs_to_end(HTAB *htab) {
  HASH_SEQ_STATUS status;
  Entry *e;
  long n = 0;
  hash_seq_init(&status, htab);
  while ((e = hash_seq_search(&status)) != NULL)
    n += e->refcount;
  return n; // no-warning
}

Entry *hash_seq_break_leak(HTAB *htab, int key) {
  HASH_SEQ_STATUS status;
  Entry *e;
  hash_seq_init(&status, htab);
  while ((e = hash_seq_search(&status)) != NULL) {
    if (e->key == key)
      break; // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
  }
  return e;
}

Entry *hash_seq_return_leak(HTAB *htab, int key) {
  HASH_SEQ_STATUS status;
  Entry *e;
  hash_seq_init(&status, htab);
  while ((e = hash_seq_search(&status)) != NULL) {
    if (e->key == key)
      return e; // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
  }
  return NULL;
}

Entry *no_leak_hash_seq_term_before_break(HTAB *htab, int key) {
  HASH_SEQ_STATUS status;
  Entry *e;
  hash_seq_init(&status, htab);
  while ((e = hash_seq_search(&status)) != NULL) {
    if (e->key == key) {
      hash_seq_term(&status);
      break;
    }
  }
  return e; // no-warning
}

int hash_seq_goto_leak(HTAB *htab) {
  HASH_SEQ_STATUS status;
  Entry *e;
  hash_seq_init(&status, htab);
  while ((e = hash_seq_search(&status)) != NULL) {
    if (e->refcount < 0)
      goto fail; // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}
  }
  return 0;
fail:
  return -1;
}

void no_leak_hash_seq_term_after_loop(HTAB *htab, int limit) {
  HASH_SEQ_STATUS status;
  int n = 0, stopped = 0;
  hash_seq_init(&status, htab);
  while (hash_seq_search(&status) != NULL) {
    if (++n == limit) {
      stopped = 1;
      break;
    }
  }
  if (stopped)
    hash_seq_term(&status);
} // no-warning

void hash_seq_limit_leak(HTAB *htab, int limit) {
  HASH_SEQ_STATUS status;
  int n = 0;
  hash_seq_init(&status, htab);
  // Stops early without hash_seq_term when the limit is hit (or negative).
  while (n < limit && hash_seq_search(&status) != NULL)
    ++n;
} // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}

void hash_seq_never_searched_leak(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init_with_hash_value(&status, htab, 42);
} // expected-warning{{Scan started by 'hash_seq_init_with_hash_value' is not ended on this path; call 'hash_seq_term'}}

void hash_seq_term_after_end(HTAB *htab) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, htab);
  while (hash_seq_search(&status) != NULL)
    ;
  hash_seq_term(&status); // expected-warning{{Scan started by 'hash_seq_init' is ended twice}}
}

void no_leak_hash_seq_two_scans(HTAB *a, HTAB *b) {
  HASH_SEQ_STATUS status;
  hash_seq_init(&status, a);
  while (hash_seq_search(&status))
    ;
  hash_seq_init(&status, b); // a new scan in the same object
  while (hash_seq_search(&status))
    ;
} // no-warning

int glob_leak_on_early_return(const char *pattern) {
  glob_t g;
  if (glob(pattern, 0, NULL, &g) != 0)
    return -1; // no-warning: a failed glob leaves nothing to free
  for (size_t i = 0; i < g.gl_pathc; ++i)
    if (g.gl_pathv[i][0] == '.')
      return 1; // expected-warning{{Scan started by 'glob' is not ended on this path; call 'globfree'}}
  globfree(&g);
  return 0;
}

int no_leak_glob_freed(const char *pattern) {
  glob_t g;
  int rc = glob(pattern, GLOB_MARK, NULL, &g);
  if (rc == GLOB_NOMATCH)
    return 0;
  if (rc != 0)
    return -1;
  int n = (int)g.gl_pathc;
  globfree(&g);
  return n; // no-warning
}

void no_leak_glob_append(const char *a, const char *b) {
  glob_t g;
  if (glob(a, 0, NULL, &g) != 0)
    return;
  glob(b, GLOB_APPEND, NULL, &g); // one scan, grown
  globfree(&g);                   // no-warning
}

void no_leak_globfree_twice_is_harmless(const char *pattern) {
  glob_t g;
  if (glob(pattern, 0, NULL, &g) == 0)
    globfree(&g);
  globfree(&g); // no-warning: glibc clears what it freed
}

void no_leak_glob_reused_after_failure(const char *a, const char *b) {
  glob_t g;
  if (glob(a, 0, NULL, &g) == 0)
    globfree(&g);
  if (glob(b, 0, NULL, &g) != 0)
    return;
  globfree(&g); // no-warning
}

long redis_stack_iterator_leak(dict *d, void *wanted) {
  dictIterator di;
  dictEntry *de;
  long n = 0;
  dictInitSafeIterator(&di, d);
  while ((de = dictNext(&di)) != NULL) {
    if (dictGetKey(de) == wanted)
      return n; // expected-warning{{Scan started by 'dictInitSafeIterator' is not ended on this path; call 'dictResetIterator'}}
    ++n;
  }
  dictResetIterator(&di);
  return -1;
}

void no_leak_redis_stack_iterator(dict *d) {
  dictIterator di;
  dictInitIterator(&di, d);
  while (dictNext(&di))
    ;
  dictResetIterator(&di); // no-warning
}

// A plain (not safe) iterator holds nothing; hiredis-cluster's dict.c has no
// dictResetIterator at all.
void no_leak_plain_stack_iterator_not_reset(dict *nodes) {
  dictIterator di;
  dictEntry *de;
  dictInitIterator(&di, nodes);
  while ((de = dictNext(&di)) != NULL)
    printf("%p\n", dictGetVal(de));
} // no-warning
void *no_leak_plain_stack_iterator_left(dict *d) {
  dictIterator di;
  dictEntry *de;
  dictInitIterator(&di, d);
  de = dictNext(&di);
  return de ? dictGetVal(de) : NULL; // no-warning
}

// A scan object that is not a local of the analyzed frames is someone else's.
static HASH_SEQ_STATUS global_status;
void no_leak_global_scan(HTAB *htab) {
  hash_seq_init(&global_status, htab);
  (void)hash_seq_search(&global_status);
} // no-warning

struct scan_ctx {
  HASH_SEQ_STATUS status;
  int done;
};
void no_leak_scan_in_callers_object(struct scan_ctx *ctx, HTAB *htab) {
  hash_seq_init(&ctx->status, htab);
} // no-warning

void hash_seq_in_local_struct_leak(HTAB *htab) {
  struct scan_ctx ctx;
  hash_seq_init(&ctx.status, htab);
  ctx.done = 0;
  if (hash_seq_search(&ctx.status) != NULL)
    ctx.done = 1;
} // expected-warning{{Scan started by 'hash_seq_init' is not ended on this path; call 'hash_seq_term'}}

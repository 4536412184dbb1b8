// K&R C: definitions without prototypes, implicit declarations, model
// functions declared without prototypes and called with too few arguments.
// RUN: %clang_analyze_cc1 -std=gnu89 -Wno-implicit-function-declaration \
// RUN:   -Wno-int-conversion -Wno-deprecated-non-prototype \
// RUN:   -analyzer-checker=core,cvet.UnclosedIterator -verify %s

typedef struct __dirstream DIR;
DIR *opendir();
int closedir();
void *readdir();
void hash_seq_init();
void hash_seq_term();
int sqlite3_prepare_v2();

int kr_count(path, limit)
  const char *path;
  int limit;
{
  DIR *d = opendir(path);
  int n = 0;
  if (!d)
    return -1;
  while (readdir(d) && n < limit)
    n++;
  closedir(d);
  return n;
}

int kr_leak(path)
  char *path;
{
  DIR *d = opendir(path);
  if (!d)
    return -1;
  return readdir(d) != 0; // expected-warning{{Iterator returned by 'opendir' is not closed on this path; call 'closedir'}}
}

/* Too few arguments: nothing to model, nothing to crash on. */
void too_few_arguments() {
  hash_seq_init();
  hash_seq_term();
  sqlite3_prepare_v2(0, "x");
  closedir();
}

/* Implicitly declared: returns int, still an iterator. */
int implicit_declaration(p)
  char *p;
{
  int f = fts_open(p, 0, 0);
  return f != 0; // expected-warning{{Iterator returned by 'fts_open' is not closed on this path; call 'fts_close'}}
}

/* Implicit int everywhere. */
undeclared_user(h) {
  int x = undeclared_open(h);
  undeclared_close(x);
  return x;
}

// khash, with the real header (htslib's khash.h): a KHASH_MAP_INIT_STR
// table stores the const char * key kh_put is given as it is; the value is
// then written with kh_value(h, k). Code that keeps keys copies them itself,
// with kh_key(h, k) = strdup(key) when kh_put says the key is new.
// RUN: %analyze_subrange -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/khash.h>

KHASH_MAP_INIT_STR(col, int)

static khash_t(col) *columns;

// Column names of a TSV header, kept as tokens of the line they came from.
int read_header(FILE *fp) {
  char *line = NULL;
  size_t cap = 0;
  if (getline(&line, &cap, fp) < 0) {
    free(line);
    return -1;
  }
  if (!columns)
    columns = kh_init(col);
  int n = 0;
  char *save = NULL;
  for (char *name = strtok_r(line, "\t\n", &save); name;
       name = strtok_r(NULL, "\t\n", &save)) {
    int ret;
    khiter_t k = kh_put(col, columns, name, &ret); // expected-warning{{Pointer from 'strtok_r' into 'line' is stored as a key of 'columns'; it dangles when 'line' is freed by 'free'}}
    if (ret < 0)
      break;
    kh_value(columns, k) = n++;
  }
  free(line);
  return n;
}

// The same, copying each new key as khash users do.
int read_header_copied(FILE *fp) {
  char *line = NULL;
  size_t cap = 0;
  if (getline(&line, &cap, fp) < 0) {
    free(line);
    return -1;
  }
  if (!columns)
    columns = kh_init(col);
  int n = 0;
  char *save = NULL;
  for (char *name = strtok_r(line, "\t\n", &save); name;
       name = strtok_r(NULL, "\t\n", &save)) {
    int ret;
    khiter_t k = kh_put(col, columns, name, &ret); // no-warning
    if (ret < 0)
      break;
    if (ret)
      kh_key(columns, k) = strdup(name);
    kh_value(columns, k) = n++;
  }
  free(line);
  return n;
}

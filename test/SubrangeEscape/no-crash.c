// Odd code the rule must get through without crashing: K&R definitions,
// models whose indices do not fit the call, VLAs, goto, unions, function
// pointers, calls through macros, integer-to-pointer casts.
// RUN: %analyze_subrange -Xclang -verify %s \
// RUN:   -Xclang -analyzer-config -Xclang cvet.SubrangeEscape:ModelFiles=%inputs/subrange/odd-model.yaml
// expected-no-diagnostics

#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *root;
static int cmp(const void *a, const void *b) { return strcmp(a, b); }

/* K&R definition of a model function: fewer arguments than the model says. */
char *few_args();
char *few_args(s) char *s; { return s + 1; }

void kr_call(void) {
  char buf[8] = "abc";
  char *p = few_args(buf);
  (void)p;
}

void vla(int n, FILE *fp) {
  if (n <= 0 || n > 4096)
    return;
  char line[n];
  if (!fgets(line, n, fp))
    return;
  char *p = &line[n / 2];
  (void)p;
}

void with_goto(char *text) {
  char *p = text;
again:
  p = strchr(p, ',');
  if (p && *++p)
    goto again;
}

union u {
  char bytes[16];
  long words[2];
};

void unions(union u *x) {
  char *p = x->bytes + 3;
  *p = 0;
}

typedef char *(*finder)(const char *, int);

void through_pointer(finder f, const char *s) {
  char *p = f(s, ':');
  (void)p;
}

#define FIND(s, c) strchr((s), (c))

void through_macro(char *s) {
  char *p = FIND(s, '=');
  if (p)
    *p = 0;
}

void integers(void) {
  char *p = (char *)0x1000 + 4;
  tsearch(p, &root, cmp);
  tsearch((void *)(long)42, &root, cmp);
}

void null_tokens(void) {
  char *t = strtok(NULL, " ");
  (void)t;
  char *save = NULL;
  t = strtok_r(NULL, " ", &save);
  (void)t;
}

void free_null(void) {
  free(NULL);
  char *s = NULL;
  strsep(&s, ",");
}

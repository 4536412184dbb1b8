// MySQL / MariaDB result sets and statements, against the real header.
// REQUIRES: mysql
// RUN: %clang_analyze -I/usr/include/mariadb -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <mysql.h>
#include <stdio.h>
#include <string.h>

static int report(MYSQL *db, const char *what) {
  fprintf(stderr, "%s: %s\n", what, mysql_error(db));
  return -1;
}

long count_users(MYSQL *db, const char *domain) {
  char q[256];
  snprintf(q, sizeof q, "SELECT name FROM users WHERE domain='%s'", domain);
  if (mysql_query(db, q))
    return report(db, "query");
  MYSQL_RES *res = mysql_store_result(db);
  if (!res)
    return report(db, "store");
  long n = 0;
  MYSQL_ROW row;
  while ((row = mysql_fetch_row(res)) != NULL) {
    if (row[0] == NULL)
      return report(db, "null name"); // expected-warning{{Iterator returned by 'mysql_store_result' is not closed on this path; call 'mysql_free_result'}}
    n++;
  }
  mysql_free_result(res);
  return n;
}

// A streamed result must be freed even after an error while fetching.
int dump_table(MYSQL *db, FILE *out) {
  if (mysql_query(db, "SELECT id, v FROM kv"))
    return -1;
  MYSQL_RES *res = mysql_use_result(db);
  if (res == NULL)
    return -1;
  MYSQL_ROW row;
  while ((row = mysql_fetch_row(res))) {
    unsigned long *len = mysql_fetch_lengths(res);
    if (fwrite(row[1], 1, len[1], out) != len[1])
      goto fail; // expected-warning{{Iterator returned by 'mysql_use_result' is not closed on this path; call 'mysql_free_result'}}
  }
  mysql_free_result(res);
  return 0;
fail:
  return -1;
}

int insert_row(MYSQL *db, const char *v) {
  MYSQL_STMT *st = mysql_stmt_init(db);
  if (!st)
    return -1;
  const char *sql = "INSERT INTO kv (v) VALUES (?)";
  if (mysql_stmt_prepare(st, sql, strlen(sql))) {
    fprintf(stderr, "prepare: %s\n", mysql_stmt_error(st));
    return -1; // expected-warning{{Iterator returned by 'mysql_stmt_init' is not closed on this path; call 'mysql_stmt_close'}}
  }
  MYSQL_BIND b;
  memset(&b, 0, sizeof b);
  b.buffer_type = MYSQL_TYPE_STRING;
  b.buffer = (void *)v;
  b.buffer_length = strlen(v);
  int rc = mysql_stmt_bind_param(st, &b) || mysql_stmt_execute(st);
  mysql_stmt_close(st);
  return rc ? -1 : 0; // no-warning
}

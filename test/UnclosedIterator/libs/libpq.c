// libpq results (PQexec, PQgetResult loops), against the real header.
// REQUIRES: libpq
// RUN: %clang_analyze -I/usr/include/postgresql -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_error(PGconn *conn, const char *what) {
  fprintf(stderr, "%s: %s", what, PQerrorMessage(conn));
}

// pg_dump-style lookup: the error path forgets the result.
int get_server_setting(PGconn *conn, const char *name, char *out, size_t len) {
  const char *params[1] = {name};
  PGresult *res = PQexecParams(conn, "SELECT setting FROM pg_settings WHERE name = $1",
                               1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    log_error(conn, "query failed");
    return -1; // expected-warning{{Iterator returned by 'PQexecParams' is not closed on this path; call 'PQclear'}}
  }
  if (PQntuples(res) != 1) {
    PQclear(res);
    return -1; // no-warning
  }
  snprintf(out, len, "%s", PQgetvalue(res, 0, 0));
  PQclear(res);
  return 0;
}

// Each result of a multi-statement query must be cleared, also the one
// that failed.
int run_script(PGconn *conn, const char *script) {
  if (!PQsendQuery(conn, script)) {
    log_error(conn, "send");
    return -1;
  }
  PGresult *res;
  int failed = 0;
  while ((res = PQgetResult(conn)) != NULL) {
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_FATAL_ERROR) {
      fprintf(stderr, "%s", PQresultErrorMessage(res));
      failed = 1;
      continue; // expected-warning{{Iterator returned by 'PQgetResult' is not closed on this path; call 'PQclear'}}
    }
    PQclear(res);
  }
  return failed ? -1 : 0;
}

int run_script_ok(PGconn *conn, const char *script) {
  if (!PQsendQuery(conn, script))
    return -1;
  PGresult *res;
  int failed = 0;
  while ((res = PQgetResult(conn)) != NULL) {
    if (PQresultStatus(res) == PGRES_FATAL_ERROR)
      failed = 1;
    PQclear(res);
  }
  return failed ? -1 : 0; // no-warning
}

// The result handed to the caller is the caller's to clear.
PGresult *fetch_all(PGconn *conn, const char *table) {
  char sql[256];
  snprintf(sql, sizeof sql, "SELECT * FROM %s", table);
  PGresult *res = PQexec(conn, sql);
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    PQclear(res);
    return NULL;
  }
  return res; // no-warning
}

// HTTP request parsing: header names and values are pointers into the
// request buffer, which is freed when the request is done.
// REQUIRES: glib
// RUN: %analyze_subrange %glib_cflags -Xclang -verify %s

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct request {
  char *buf;
  size_t len;
  GHashTable *headers;
};

/// Every header ever seen, for the statistics page.
static GHashTable *header_names;

static int read_request(int fd, struct request *req) {
  req->buf = malloc(8192);
  if (!req->buf)
    return -1;
  ssize_t n = read(fd, req->buf, 8191);
  if (n <= 0) {
    free(req->buf);
    return -1;
  }
  req->buf[n] = '\0';
  req->len = (size_t)n;
  return 0;
}

static void parse_headers(struct request *req) {
  char *save = NULL;
  char *line = strtok_r(req->buf, "\r\n", &save); // request line
  while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
    char *colon = strchr(line, ':');
    if (!colon)
      continue;
    *colon = '\0';
    char *value = colon + 1;
    while (*value == ' ')
      ++value;
    g_hash_table_insert(req->headers, line, value);
  }
}

int serve_one(int fd) {
  struct request req;
  if (read_request(fd, &req) != 0)
    return -1;
  req.headers = g_hash_table_new(g_str_hash, g_str_equal);
  parse_headers(&req);
  g_message("%u headers", g_hash_table_size(req.headers));
  g_hash_table_destroy(req.headers); // the table goes first: no-warning
  free(req.buf);
  return 0;
}

// Header names kept in a process-wide table, then the request is freed.
static void count_header_names(struct request *req) {
  char *save = NULL;
  for (char *line = strtok_r(req->buf, "\r\n", &save); line;
       line = strtok_r(NULL, "\r\n", &save)) {
    char *colon = strchr(line, ':');
    if (!colon)
      continue;
    *colon = '\0';
    g_hash_table_add(header_names, line); // expected-warning{{Pointer from 'strtok_r' into 'req->buf' is stored as a key of 'header_names'; it dangles when 'req.buf' is freed by 'free' at line 79 — store a copy (g_strndup, strndup)}}
  }
}

int serve_and_count(int fd) {
  struct request req;
  if (read_request(fd, &req) != 0)
    return -1;
  count_header_names(&req);
  free(req.buf);
  return 0;
}

// The same, copying the names.
static void count_header_names_copied(struct request *req) {
  char *save = NULL;
  for (char *line = strtok_r(req->buf, "\r\n", &save); line;
       line = strtok_r(NULL, "\r\n", &save)) {
    char *colon = strchr(line, ':');
    if (!colon)
      continue;
    g_hash_table_add(header_names, g_strndup(line, colon - line)); // no-warning
  }
}

int serve_and_count_copied(int fd) {
  struct request req;
  if (read_request(fd, &req) != 0)
    return -1;
  count_header_names_copied(&req);
  free(req.buf);
  return 0;
}

// The entry is removed before the request is freed.
int serve_with_current(int fd, GHashTable *current) {
  struct request req;
  if (read_request(fd, &req) != 0)
    return -1;
  char *host = strstr(req.buf, "Host: ");
  if (host) {
    g_hash_table_insert(current, GINT_TO_POINTER(fd), host + 6); // no-warning
    g_message("serving %d", fd);
    g_hash_table_remove(current, GINT_TO_POINTER(fd));
  }
  free(req.buf);
  return 0;
}

// libarchive readers and writers, against the real header.
// REQUIRES: libarchive
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <string.h>

static void warn_archive(struct archive *a, const char *path) {
  fprintf(stderr, "%s: %s\n", path, archive_error_string(a));
}

int list_archive(const char *path) {
  struct archive *a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  if (archive_read_open_filename(a, path, 10240) != ARCHIVE_OK) {
    warn_archive(a, path);
    return -1; // expected-warning{{Iterator returned by 'archive_read_new' is not closed on this path; call 'archive_read_free'}}
  }
  struct archive_entry *entry;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    puts(archive_entry_pathname(entry));
    archive_read_data_skip(a);
  }
  archive_read_close(a);
  archive_read_free(a);
  return 0;
}

int contains_file(const char *path, const char *name) {
  struct archive *a = archive_read_new();
  if (!a)
    return -1;
  archive_read_support_format_all(a);
  int found = 0;
  if (archive_read_open_filename(a, path, 10240) == ARCHIVE_OK) {
    struct archive_entry *entry;
    while (archive_read_next_header(a, &entry) == ARCHIVE_OK)
      if (strcmp(archive_entry_pathname(entry), name) == 0) {
        found = 1;
        break;
      }
  }
  archive_read_free(a);
  return found; // no-warning
}

int write_one(const char *out, const char *name, const void *buf, size_t len) {
  struct archive *w = archive_write_new();
  archive_write_set_format_pax_restricted(w);
  if (archive_write_open_filename(w, out) != ARCHIVE_OK) {
    archive_write_free(w);
    return -1;
  }
  struct archive_entry *e = archive_entry_new();
  archive_entry_set_pathname(e, name);
  archive_entry_set_size(e, (la_int64_t)len);
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, 0644);
  if (archive_write_header(w, e) != ARCHIVE_OK) {
    archive_entry_free(e);
    archive_write_close(w);
    return -1; // expected-warning{{Iterator returned by 'archive_write_new' is not closed on this path; call 'archive_write_free'}}
  }
  archive_write_data(w, buf, len);
  archive_entry_free(e);
  archive_write_close(w);
  archive_write_free(w);
  return 0;
}

// GIO enumerators and GVariant iterators, against the real GLib headers.
// REQUIRES: gio
// RUN: %clang_analyze %gio_cflags -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <gio/gio.h>

static gboolean is_backup(GFileInfo *info) {
  return g_str_has_suffix(g_file_info_get_name(info), "~");
}

// A scan that gives up on the first unreadable entry without dropping the
// enumerator: the directory stays open.
int count_backups(GFile *dir, GError **error) {
  GFileEnumerator *e = g_file_enumerate_children(
      dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (e == NULL)
    return -1;
  int n = 0;
  for (;;) {
    GFileInfo *info = NULL;
    if (!g_file_enumerator_iterate(e, &info, NULL, NULL, error)) {
      g_warning("cannot list directory");
      return -1; // expected-warning{{Iterator returned by 'g_file_enumerate_children' is not closed on this path; call 'g_object_unref'}}
    }
    if (info == NULL)
      break;
    if (is_backup(info))
      n++;
  }
  g_file_enumerator_close(e, NULL, NULL);
  g_object_unref(e);
  return n;
}

// Closed but never unreferenced: the object leaks.
gboolean has_children(GFile *dir) {
  GFileEnumerator *e = g_file_enumerate_children(dir, "standard::*", 0, NULL, NULL);
  if (!e)
    return FALSE;
  GFileInfo *first = g_file_enumerator_next_file(e, NULL, NULL);
  gboolean any = first != NULL;
  g_clear_object(&first);
  g_file_enumerator_close(e, NULL, NULL);
  return any; // expected-warning{{Iterator returned by 'g_file_enumerate_children' is not closed on this path; call 'g_object_unref'}}
}

// g_autoptr drops the reference on every path.
gboolean has_children_autoptr(GFile *dir, GError **error) {
  g_autoptr(GFileEnumerator) e =
      g_file_enumerate_children(dir, "standard::name", 0, NULL, error);
  if (!e)
    return FALSE;
  GFileInfo *info = NULL;
  if (!g_file_enumerator_iterate(e, &info, NULL, NULL, error))
    return FALSE; // no-warning
  return info != NULL; // no-warning
}

// The async form: the enumerator comes from the _finish call.
static void on_enumerated(GObject *source, GAsyncResult *res, gpointer data) {
  GError *error = NULL;
  GFileEnumerator *e =
      g_file_enumerate_children_finish(G_FILE(source), res, &error);
  if (!e) {
    g_printerr("enumerate: %s\n", error->message);
    g_error_free(error);
    return;
  }
  GFileInfo *info = g_file_enumerator_next_file(e, NULL, &error);
  if (info == NULL) {
    g_clear_error(&error);
    return; // expected-warning{{Iterator returned by 'g_file_enumerate_children_finish' is not closed on this path; call 'g_object_unref'}}
  }
  g_object_unref(info);
  g_object_unref(e);
  (void)data;
}

void start_listing(GFile *dir) {
  g_file_enumerate_children_async(dir, "standard::name", 0, G_PRIORITY_DEFAULT,
                                  NULL, on_enumerated, NULL);
}

// A GVariant dictionary walked with a heap iterator.
gint64 sum_sizes(GVariant *dict) {
  GVariantIter *it = g_variant_iter_new(dict);
  const gchar *key;
  GVariant *value;
  gint64 total = 0;
  while (g_variant_iter_loop(it, "{&sv}", &key, &value)) {
    if (!g_variant_is_of_type(value, G_VARIANT_TYPE_INT64)) {
      g_warning("%s: not a size", key);
      g_variant_unref(value);
      return -1; // expected-warning{{Iterator returned by 'g_variant_iter_new' is not closed on this path; call 'g_variant_iter_free'}}
    }
    total += g_variant_get_int64(value);
  }
  g_variant_iter_free(it);
  return total;
}

gsize count_entries(GVariant *array) {
  g_autoptr(GVariantIter) it = g_variant_iter_new(array);
  gsize n = 0;
  GVariant *child;
  while ((child = g_variant_iter_next_value(it)) != NULL) {
    n++;
    g_variant_unref(child);
  }
  return n; // no-warning
}

// Mock of the GLib pieces the tests need: GDir, g_autoptr, g_clear_pointer,
// g_steal_pointer. The cleanup macros follow glib/gmacros.h (GLib 2.74).
#pragma clang system_header
#ifndef CVET_MOCK_GLIB_H
#define CVET_MOCK_GLIB_H
#include "common.h"
typedef char gchar;
typedef int gint;
typedef unsigned int guint;
typedef gint gboolean;
typedef void *gpointer;
typedef const void *gconstpointer;
typedef void (*GDestroyNotify)(gpointer data);
typedef struct _GError { guint domain; gint code; gchar *message; } GError;
typedef struct _GDir GDir;
typedef struct _GList GList;
typedef struct _GSList GSList;
typedef struct _GQueue GQueue;
typedef struct _GPtrArray { gpointer *pdata; guint len; } GPtrArray;
typedef struct _GHashTable GHashTable;
#define TRUE 1
#define FALSE 0

GDir *g_dir_open(const gchar *path, guint flags, GError **error);
const gchar *g_dir_read_name(GDir *dir);
void g_dir_rewind(GDir *dir);
void g_dir_close(GDir *dir);

void g_ptr_array_add(GPtrArray *array, gpointer data);
gboolean g_hash_table_insert(GHashTable *hash_table, gpointer key,
                             gpointer value);
void g_object_set(gpointer object, const gchar *first_property_name, ...);
void g_list_free_full(GList *list, GDestroyNotify free_func);
void g_slist_free_full(GSList *list, GDestroyNotify free_func);
void g_queue_free_full(GQueue *queue, GDestroyNotify free_func);
void g_error_free(GError *error);
gchar *g_build_filename(const gchar *first_element, ...);
void g_free(gpointer mem);
void g_print(const gchar *format, ...);

#define _GLIB_AUTOPTR_FUNC_NAME(TypeName) glib_autoptr_cleanup_##TypeName
#define _GLIB_AUTOPTR_CLEAR_FUNC_NAME(TypeName) glib_autoptr_clear_##TypeName
#define _GLIB_AUTOPTR_TYPENAME(TypeName) TypeName##_autoptr
#define _GLIB_AUTOPTR_LIST_FUNC_NAME(TypeName) glib_listautoptr_cleanup_##TypeName
#define _GLIB_AUTOPTR_LIST_TYPENAME(TypeName) TypeName##_listautoptr
#define _GLIB_AUTOPTR_SLIST_FUNC_NAME(TypeName) glib_slistautoptr_cleanup_##TypeName
#define _GLIB_AUTOPTR_SLIST_TYPENAME(TypeName) TypeName##_slistautoptr
#define _GLIB_AUTOPTR_QUEUE_FUNC_NAME(TypeName) glib_queueautoptr_cleanup_##TypeName
#define _GLIB_AUTOPTR_QUEUE_TYPENAME(TypeName) TypeName##_queueautoptr
#define _GLIB_AUTO_FUNC_NAME(TypeName) glib_auto_cleanup_##TypeName
#define _GLIB_CLEANUP(func) __attribute__((cleanup(func)))
#define _GLIB_DEFINE_AUTOPTR_CLEANUP_FUNCS(TypeName, ParentName, cleanup)     \
  typedef TypeName *_GLIB_AUTOPTR_TYPENAME(TypeName);                         \
  typedef GList *_GLIB_AUTOPTR_LIST_TYPENAME(TypeName);                       \
  typedef GSList *_GLIB_AUTOPTR_SLIST_TYPENAME(TypeName);                     \
  typedef GQueue *_GLIB_AUTOPTR_QUEUE_TYPENAME(TypeName);                     \
  static __attribute__((__unused__)) inline void                             \
      _GLIB_AUTOPTR_CLEAR_FUNC_NAME(TypeName)(TypeName * _ptr) {              \
    if (_ptr)                                                                 \
      (cleanup)((ParentName *)_ptr);                                          \
  }                                                                           \
  static __attribute__((__unused__)) inline void                             \
      _GLIB_AUTOPTR_FUNC_NAME(TypeName)(TypeName * *_ptr) {                   \
    _GLIB_AUTOPTR_CLEAR_FUNC_NAME(TypeName)(*_ptr);                           \
  }                                                                           \
  static __attribute__((__unused__)) inline void                             \
      _GLIB_AUTOPTR_LIST_FUNC_NAME(TypeName)(GList * *_l) {                   \
    g_list_free_full(*_l, (GDestroyNotify)(void (*)(void))cleanup);           \
  }                                                                           \
  static __attribute__((__unused__)) inline void                             \
      _GLIB_AUTOPTR_SLIST_FUNC_NAME(TypeName)(GSList * *_l) {                 \
    g_slist_free_full(*_l, (GDestroyNotify)(void (*)(void))cleanup);          \
  }                                                                           \
  static __attribute__((__unused__)) inline void                             \
      _GLIB_AUTOPTR_QUEUE_FUNC_NAME(TypeName)(GQueue * *_q) {                 \
    if (*_q)                                                                  \
      g_queue_free_full(*_q, (GDestroyNotify)(void (*)(void))cleanup);        \
  }
#define G_DEFINE_AUTOPTR_CLEANUP_FUNC(TypeName, func)                         \
  _GLIB_DEFINE_AUTOPTR_CLEANUP_FUNCS(TypeName, TypeName, func)
#define G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TypeName, func)                      \
  static __attribute__((__unused__)) inline void _GLIB_AUTO_FUNC_NAME(        \
      TypeName)(TypeName * _ptr) {                                            \
    (func)(_ptr);                                                             \
  }
#define g_autoptr(TypeName)                                                   \
  _GLIB_CLEANUP(_GLIB_AUTOPTR_FUNC_NAME(TypeName))                            \
  _GLIB_AUTOPTR_TYPENAME(TypeName)
#define g_auto(TypeName) _GLIB_CLEANUP(_GLIB_AUTO_FUNC_NAME(TypeName)) TypeName

/* glib/gmem.h, GNU C branch */
#define g_clear_pointer(pp, destroy)                                          \
  do {                                                                        \
    __typeof__((pp)) _pp = (pp);                                              \
    __typeof__(*(pp)) _ptr = *_pp;                                            \
    *_pp = NULL;                                                              \
    if (_ptr)                                                                 \
      (destroy)(_ptr);                                                        \
  } while (0)

static inline gpointer g_steal_pointer(gpointer pp) {
  gpointer *ptr = (gpointer *)pp;
  gpointer ref = *ptr;
  *ptr = NULL;
  return ref;
}
#define g_steal_pointer(pp) ((__typeof__(*pp))(g_steal_pointer)(pp))

/* glib/glib-autocleanups.h */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(GDir, g_dir_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(GError, g_error_free)
#endif

//===- Subranges.h - model section Subranges -------------------*- C++ -*-===//
//
//   Subranges:
//     # char *colon = strchr(hdr, ':');      the result points into hdr
//     - { Function: strchr, Effect: Borrow, BufferArg: 0 }
//     # char *key = g_strndup(p, n);         a new object of the caller's own
//     - { Function: g_strndup, Effect: New }
//     # while (fgets(line, sizeof line, f))  line's old contents are gone
//     - { Function: fgets, Effect: Refill, BufferArg: 0 }
//     # std::string_view v(line + 3, n);     v points into line
//     - { Type: std::basic_string_view, Effect: View }
//
// What calls do to the storage that pointers point into (SubrangeEscape):
// which ones return a pointer into one of their arguments, which ones return
// storage of their own (an allocation, a copy, an interned string), and
// which ones free, reallocate or overwrite a buffer; and which types are
// views (a pointer and a length into storage they do not own). docs/models.md
// has every key.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_SUBRANGES_H
#define CVET_MODEL_SUBRANGES_H

#include "cvet/model/Vocabulary.h"
#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// What a Subranges call does.
enum class SubrangeEffect {
  Borrow,  ///< strchr(s, c): the result points into the buffer
  New,     ///< malloc, strndup, g_strdup: the result is storage of its own
  Intern,  ///< g_intern_string: the result lives as long as the program
  Refill,  ///< fgets(buf, ...): the buffer's old contents are overwritten
  Free,    ///< free(buf)
  Realloc, ///< realloc(buf, n): the buffer may move
  View,    ///< a type whose objects point into storage they do not own
};

llvm::StringRef subrangeEffectName(SubrangeEffect E);

/// A function or macro that makes, borrows from, or ends a buffer; or a view
/// type.
struct SubrangeCall {
  /// Exactly one of Function, Macro and Type is set. A Macro entry matches
  /// the call it expands to, and counts that call's arguments. A Type entry
  /// (Effect: View) names a struct or class by its name, qualified or not
  /// (std::basic_string_view, leveldb::Slice, a C typedef such as str_t):
  /// its objects are a pointer and a length into storage they do not own.
  std::string Function;
  std::string Macro;
  std::string Type;
  /// View: the field that is the pointer (default: the first pointer field).
  std::string PointerField;
  SubrangeEffect Effect = SubrangeEffect::Borrow;
  /// The buffer: the object that argument BufferArg points to, or, with
  /// BufferByPointer, the one that *BufferArg points to (getline(&line, ...),
  /// strsep(&p, ...)), or the one that field BufferField of *BufferArg
  /// points to (strbuf_reset(&sb): sb.buf).
  unsigned BufferArg = 0;
  bool BufferByPointer = false;
  std::string BufferField;
  /// New: the argument that is the size in bytes (malloc's 0).
  std::optional<unsigned> SizeArg;
  /// Borrow, New, Intern: where the pointer lands: Return, or OutParam
  /// (written to *HandleArg: strtol's end pointer).
  HandleLoc Handle = HandleLoc::Return;
  unsigned HandleArg = 0;
  /// Borrow: when BufferArg is NULL the call goes on in the buffer that
  /// *ContinueArg points into (strtok_r(NULL, delim, &save)) ...
  std::optional<unsigned> ContinueArg;
  /// ... or in the buffer of the previous such call (strtok(NULL, delim)).
  bool ContinuesLastBuffer = false;

  llvm::StringRef name() const {
    return !Type.empty() ? Type : Macro.empty() ? Function : Macro;
  }
};

} // namespace cvet

LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::SubrangeCall)

namespace llvm::yaml {
template <> struct ScalarEnumerationTraits<cvet::SubrangeEffect> {
  static void enumeration(IO &IO, cvet::SubrangeEffect &V);
};
template <> struct MappingTraits<cvet::SubrangeCall> {
  static void mapping(IO &IO, cvet::SubrangeCall &S);
  static std::string validate(IO &IO, cvet::SubrangeCall &S);
};
} // namespace llvm::yaml

#endif // CVET_MODEL_SUBRANGES_H

//===- Vocabulary.h - words every model section shares --------*- C++ -*-===//
//
// Every section of a model file speaks the same language (docs/models.md):
//
//   Function:       the function an entry is about; a C name matches C library
//                   style, "ns::name" a C++ function or method by its
//                   qualified name
//   <Role>Arg:      an argument index (HandleArg, DataArg, MapArg, KeyArg,
//                   ValueArg, LockArg)
//   Handle:         where a call's result lands: Return, OutParam, InPlace,
//                   Arg or None
//   SuccessReturn:  the return value that means the call succeeded
//   When:           the entry applies only when an argument is a known
//                   constant with these bits set, or of this value
//
// This header holds those shared words, and with cvet/model/ModelNames.h the
// checks of function and macro names, so a section's reader only adds what is
// its own.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_VOCABULARY_H
#define CVET_MODEL_VOCABULARY_H

#include "cvet/model/ModelNames.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/YAMLTraits.h"
#include <cstdint>
#include <optional>
#include <string>

namespace cvet {

/// Where a call leaves the handle it creates (the model key `Handle`).
/// Each section says which of these it accepts.
enum class HandleLoc {
  None,     ///< g_idle_add(cb, data): nothing names the result
  Return,   ///< DIR *d = opendir(p);
  OutParam, ///< sqlite3_prepare_v2(db, sql, -1, &stmt, 0): written to *HandleArg
  InPlace,  ///< hash_seq_init(&status, h): the object *HandleArg is the handle
  Arg,      ///< g_thread_pool_push(pool, ...): the HandleArg value itself
};

/// A condition on a constant argument of a call (the model key `When`):
///   When: { Arg: 2, HasBits: 0x20000 }   every one of these bits is set
///   When: { Arg: 1, Equals: 0 }          the argument is this value
/// An argument whose value is not known on the path does not meet it.
struct ArgCondition {
  unsigned Arg = 0;
  std::optional<uint64_t> HasBits;
  std::optional<int64_t> Equals;
};

/// The YAML spelling of a HandleLoc ("OutParam").
llvm::StringRef handleLocName(HandleLoc L);

/// Maps an argument index (default 0) that also has a deprecated key:
/// `OldKey` is still read so older model files keep working; giving both is
/// an error.
void mapArgWithAlias(llvm::yaml::IO &IO, const char *NewKey,
                     const char *OldKey, unsigned &Value);

} // namespace cvet

namespace llvm::yaml {
template <> struct ScalarEnumerationTraits<cvet::HandleLoc> {
  static void enumeration(IO &IO, cvet::HandleLoc &V);
};
template <> struct MappingTraits<cvet::ArgCondition> {
  static void mapping(IO &IO, cvet::ArgCondition &W);
  static std::string validate(IO &IO, cvet::ArgCondition &W);
};
} // namespace llvm::yaml

#endif // CVET_MODEL_VOCABULARY_H

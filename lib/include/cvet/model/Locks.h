//===- Locks.h - the model sections Locks and AnyThread -------*- C++ -*-===//
//
// What makes code concurrent or not (lib/models/locks.yaml, threads.yaml):
// functions and macros that take and release locks, run-once initialisers,
// and the functions a project declares may run on any thread.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_LOCKS_H
#define CVET_MODEL_LOCKS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/YAMLTraits.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// A function that may be called on any thread (a library's public API, an
/// event handler of a threaded server), so that its writes to shared maps
/// count as concurrent with each other.
struct AnyThreadFunction {
  std::string Function;
};

/// What a lock operation does.
enum class LockOpKind {
  Acquire, ///< pthread_mutex_lock; with SuccessReturn a try-lock
  Release, ///< pthread_mutex_unlock
  Once,    ///< pthread_once(&once, init): init runs once, before any caller
           ///< returns, so its writes do not race
};

enum class LockMode {
  Write, ///< exclusive: protects writes
  Read,  ///< shared (pthread_rwlock_rdlock): protects reads only
};

/// A function, macro, C++ member function or constructor that takes or
/// releases a lock.
struct LockOp {
  std::string Function;
  std::string Macro;
  LockOpKind Op = LockOpKind::Acquire;
  LockMode Mode = LockMode::Write;
  /// The lock (or a pointer to it). Unset: a member function's object
  /// (std::mutex::lock), or the lock that the guard object was constructed
  /// with (std::unique_lock::unlock).
  std::optional<unsigned> LockArg;
  /// Every argument is a lock (std::scoped_lock).
  bool AllArgs = false;
  /// A try-lock holds the lock only when it returned this value.
  std::optional<int64_t> SuccessReturn;
  /// A constructor whose object holds the lock until it is destroyed
  /// (std::lock_guard).
  bool Scoped = false;
  /// Once: the argument that names the initialiser.
  std::optional<unsigned> EntryArg;

  llvm::StringRef name() const { return Macro.empty() ? Function : Macro; }
};

} // namespace cvet

namespace llvm::yaml {
template <> struct ScalarEnumerationTraits<cvet::LockOpKind> {
  static void enumeration(IO &IO, cvet::LockOpKind &V);
};
template <> struct ScalarEnumerationTraits<cvet::LockMode> {
  static void enumeration(IO &IO, cvet::LockMode &V);
};
template <> struct MappingTraits<cvet::LockOp> {
  static void mapping(IO &IO, cvet::LockOp &L);
  static std::string validate(IO &IO, cvet::LockOp &L);
};
template <> struct MappingTraits<cvet::AnyThreadFunction> {
  static void mapping(IO &IO, cvet::AnyThreadFunction &F);
  static std::string validate(IO &IO, cvet::AnyThreadFunction &F);
};
} // namespace llvm::yaml

LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::LockOp)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::AnyThreadFunction)

#endif // CVET_MODEL_LOCKS_H

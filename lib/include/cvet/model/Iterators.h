//===- Iterators.h - model section Iterators (UnclosedIterator) -*- C++ -*-===//
//
//   Iterators:
//     # DIR *d = opendir(p); while (readdir(d)) ...; closedir(d);
//     - Family: DIR
//       Acquire: [ { Function: opendir } ]
//       Release: [ { Function: closedir } ]
//
// Families of functions that open a handle which must be closed, the
// functions that close it, read it, or take it over. docs/models.md has every
// key.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_ITERATORS_H
#define CVET_MODEL_ITERATORS_H

#include "cvet/model/Vocabulary.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// A function that opens an iterator.
struct IteratorAcquire {
  std::string Function;
  /// Instead of Function: a function pointer field called through a struct
  /// ("__db::cursor" for db->cursor(db, txn, &dbc, 0)).
  std::string Member;
  /// Return, OutParam, InPlace, or None: state the library keeps for the
  /// process (setpwent starts a scan of the user database that endpwent
  /// ends; nothing in the program names it).
  HandleLoc Handle = HandleLoc::Return;
  unsigned HandleArg = 0; ///< OutParam / InPlace: the argument that points at it.
  /// If set, the call acquired the handle only when it returned this value
  /// (SQLITE_OK, MDB_SUCCESS, 0). Without it, a Return handle is acquired
  /// unless it is NULL, and OutParam / InPlace handles always are.
  std::optional<int64_t> SuccessReturn;
  /// The object the handle belongs to (mdb_cursor_open's transaction), for
  /// the family's KeepingOwners.
  std::optional<unsigned> OwnerArg;
};

/// A function that makes an owner (see IteratorAcquire::OwnerArg) whose end
/// does not end the family's handles: a read-only LMDB transaction, whose
/// cursors must be closed even though mdb_txn_commit / mdb_txn_abort end
/// those of a write transaction.
struct IteratorOwner {
  std::string Function;
  /// Return or OutParam: where the owner lands.
  HandleLoc Handle = HandleLoc::Return;
  unsigned HandleArg = 0;
  /// Only calls that meet this make such an owner (MDB_RDONLY in the flags).
  std::optional<ArgCondition> When;
};

/// A function that closes an iterator.
struct IteratorRelease {
  std::string Function;
  std::string Member; ///< see IteratorAcquire::Member
  /// The handle (Return / OutParam) or a pointer to it (InPlace).
  unsigned HandleArg = 0;
  /// hash_seq_search(&status) releases the scan only when it returns NULL.
  bool OnlyWhenReturnsNull = false;
  /// Closing twice is harmless (glibc's globfree clears what it freed), so a
  /// second close is not reported.
  bool Idempotent = false;
  /// The call ends every open handle of the family, whatever its arguments
  /// (mdb_txn_commit ends the cursors of a write transaction). They are
  /// forgotten, not marked closed: closing one later is not reported.
  bool EndsAll = false;
};

/// A function known to use a handle without closing it or keeping it, or
/// (TakesOwnership) one that takes it over.
struct IteratorUse {
  std::string Function;
  std::string Member; ///< see IteratorAcquire::Member
  unsigned HandleArg = 0;
};

/// The name an Acquire, Release or Use entry gives: its Function, or its
/// Member.
template <typename Entry> const std::string &entryName(const Entry &E) {
  return E.Member.empty() ? E.Function : E.Member;
}

/// One kind of iterator: how it is opened and how it is closed.
struct IteratorFamily {
  std::string Name; ///< Used in messages when no function name fits.
  std::vector<IteratorAcquire> Acquire;
  std::vector<IteratorRelease> Release;
  std::vector<IteratorUse> Use;
  /// Functions that take the handle over (the caller no longer closes it).
  std::vector<IteratorUse> TakesOwnership;
  /// Owners whose end leaves the handles opened from them open (EndsAll
  /// releases skip those handles).
  std::vector<IteratorOwner> KeepingOwners;
};

} // namespace cvet

LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::IteratorAcquire)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::IteratorRelease)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::IteratorUse)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::IteratorOwner)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::IteratorFamily)

namespace llvm::yaml {
template <> struct MappingTraits<cvet::IteratorAcquire> {
  static void mapping(IO &IO, cvet::IteratorAcquire &A);
  static std::string validate(IO &IO, cvet::IteratorAcquire &A);
};
template <> struct MappingTraits<cvet::IteratorRelease> {
  static void mapping(IO &IO, cvet::IteratorRelease &R);
  static std::string validate(IO &IO, cvet::IteratorRelease &R);
};
template <> struct MappingTraits<cvet::IteratorUse> {
  static void mapping(IO &IO, cvet::IteratorUse &U);
  static std::string validate(IO &IO, cvet::IteratorUse &U);
};
template <> struct MappingTraits<cvet::IteratorOwner> {
  static void mapping(IO &IO, cvet::IteratorOwner &O);
  static std::string validate(IO &IO, cvet::IteratorOwner &O);
};
template <> struct MappingTraits<cvet::IteratorFamily> {
  static void mapping(IO &IO, cvet::IteratorFamily &F);
  static std::string validate(IO &IO, cvet::IteratorFamily &F);
};
} // namespace llvm::yaml

#endif // CVET_MODEL_ITERATORS_H

//===- CallMatching.h - model entries to call descriptions ----*- C++ -*-===//
//
// One policy for every rule: how a model's `Function:` name matches a call,
// how a list of model entries becomes a CallDescriptionMap, and how an
// argument named by a model index is read without trusting the index.
//
//   "ns::Class::name"  a C++ function or method, by qualified name (the
//                      leading qualifiers may be left out of the code's)
//   `Member: "DB::cursor"`  a function pointer field called through a struct
//                      (db->cursor(db, txn, &dbc, 0)): the struct by its tag
//                      or by a typedef the code spells its type with
//   "name"             a C function in C library style (CDM::CLibrary):
//                      declared at file scope (or in namespace std), visible
//                      outside its file (or inline), builtin and __inline
//                      variants included. A file-local static function of
//                      the same name is the project's own, not the API's.
//
// K&R declarations and models whose argument index does not fit the call are
// ordinary input: argSVal() and argExpr() say "no such argument" instead of
// asserting.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_CALLMATCHING_H
#define CVET_CHECKERS_SUPPORT_CALLMATCHING_H

#include "cvet/model/Vocabulary.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cvet {

/// "ns::Class::name" -> {"ns", "Class", "name"}; empty parts are dropped.
std::vector<llvm::StringRef> qualifiedNameParts(llvm::StringRef Name);

/// The last part of a qualified name ("name" of "ns::Class::name").
llvm::StringRef unqualifiedName(llvm::StringRef Name);

/// Whether a qualified name names a constructor ("std::thread::thread").
bool isConstructorName(llvm::StringRef Name);

/// The call description of a model `Function:` name (see above).
clang::ento::CallDescription callSpec(llvm::StringRef Function);

/// Builds a CallDescriptionMap from model function names, one value each.
template <typename T> class CallTableBuilder {
public:
  void add(llvm::StringRef Function, T Value) {
    Rows.emplace_back(callSpec(Function), std::move(Value));
  }
  clang::ento::CallDescriptionMap<T> build() {
    return clang::ento::CallDescriptionMap<T>(Rows.begin(), Rows.end());
  }

private:
  std::vector<std::pair<clang::ento::CallDescription, T>> Rows;
};

/// Builds a CallDescriptionMap from model function names where one name may
/// carry several values (a function that closes handles of two families).
template <typename T, unsigned N = 1> class GroupedCallTableBuilder {
public:
  using Group = llvm::SmallVector<T, N>;
  /// The values of Function so far, to add to (in the order names first
  /// appeared).
  Group &operator[](llvm::StringRef Function) { return Groups[Function]; }
  clang::ento::CallDescriptionMap<Group> build() {
    CallTableBuilder<Group> B;
    for (auto &KV : Groups)
      B.add(KV.first, std::move(KV.second));
    return B.build();
  }

private:
  llvm::MapVector<llvm::StringRef, Group> Groups;
};

/// The table of a model section whose entries have a `Function` field: each
/// entry maps to a pointer to itself. The entries must outlive the table.
template <typename Entry>
clang::ento::CallDescriptionMap<const Entry *>
callTableOf(llvm::ArrayRef<Entry> Entries) {
  CallTableBuilder<const Entry *> B;
  for (const Entry &E : Entries)
    B.add(E.Function, &E);
  return B.build();
}

/// Argument I of Call, or nothing when the call has no such argument.
std::optional<clang::ento::SVal> argSVal(const clang::ento::CallEvent &Call,
                                         unsigned I);

/// The expression of argument I, or null when the call has no such argument.
const clang::Expr *argExpr(const clang::ento::CallEvent &Call, unsigned I);

/// The names a member expression answers to as a model's `Member:`:
/// "Record::field" for each typedef the struct is spelled with in the code
/// (outermost first) and for its tag (`db->cursor` with `DB *db` gives
/// "DB::cursor", "__db::cursor"). Empty unless it names a field.
llvm::SmallVector<std::string, 2> memberNames(const clang::MemberExpr *ME);

/// The names a call through a function pointer field answers to
/// (`db->cursor(...)`, `(*db->cursor)(...)`); empty for other calls.
llvm::SmallVector<std::string, 2>
calledMemberNames(const clang::ento::CallEvent &Call);

/// A model's `Member:` as messages show it: "DB::cursor" -> "DB->cursor".
std::string memberDisplayName(llvm::StringRef Member);

/// Whether a model's `When:` holds for Call on this path: the argument is a
/// constant (or constrained to one) that has the bits or the value asked for.
/// An argument that is not known, or that the call does not have, does not
/// meet it.
bool argConditionHolds(const clang::ento::CallEvent &Call,
                       const ArgCondition &When);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_CALLMATCHING_H

//===- ConcurrencyModel.h - the model as UnsyncMapWrite asks it -*- C++ -*-===//
//
// The sections Maps, Locks, ThreadSpawn, ThreadJoin and AnyThread as lookup
// tables, asked both on paths (CallEvent) and over the whole translation unit
// (CallExpr as written, constructors, macro names). Clang's capability
// attributes (acquire_capability, release_capability, try_acquire_capability)
// make a function a lock operation without a model entry.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_UNSYNCMAPWRITE_CONCURRENCYMODEL_H
#define CVET_CHECKERS_UNSYNCMAPWRITE_CONCURRENCYMODEL_H

#include "cvet/Model.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace cvet {

/// A lock operation of a call, from the model or from attributes.
struct LockCall {
  LockOpKind Op = LockOpKind::Acquire;
  LockMode Mode = LockMode::Write;
  /// The lock arguments (call argument indices); empty with OnObject.
  llvm::SmallVector<unsigned, 2> Args;
  /// The lock is the member call's object (std::mutex::lock), or for a
  /// Release, whatever the guard object holds.
  bool OnObject = false;
  /// Attribute locks name globals or fields directly.
  llvm::SmallVector<const clang::Expr *, 1> Named;
  std::optional<int64_t> SuccessReturn;
  bool Scoped = false;
  std::optional<unsigned> EntryArg;
  llvm::StringRef Name;
};

/// The identity of a lock named in a capability attribute (a variable or a
/// field), or null.
const void *attributeLockKey(const clang::Expr *E);

class ConcurrencyModel {
public:
  explicit ConcurrencyModel(const Model &M);

  // Maps.
  const MapOp *mapCall(const clang::ento::CallEvent &Call) const;
  const MapOp *mapCall(const clang::CallExpr &CE) const;
  const MapOp *mapMacro(llvm::StringRef Name) const;
  bool createsMap(const clang::CallExpr &CE) const;
  /// A free function without MapArg works on its family's one process-wide
  /// table (hsearch). The table is named by the family's first such function
  /// declared in this file, so that every operation of the family agrees.
  const clang::FunctionDecl *processTable(const MapOp &Op,
                                          const clang::ASTContext &Ctx) const;
  llvm::StringRef familyName(const MapOp &Op) const;

  // Locks.
  std::optional<LockCall> lockCall(const clang::ento::CallEvent &Call) const;
  std::optional<LockCall> lockCall(const clang::CallExpr &CE) const;
  std::optional<LockCall> lockConstruct(const clang::CXXConstructorDecl *C) const;
  const LockOp *lockMacro(llvm::StringRef Name) const;

  bool isModelMacro(llvm::StringRef Name) const {
    return MapMacros.count(Name) || LockMacros.count(Name);
  }

  // Threads.
  const ThreadSpawn *spawnCall(const clang::ento::CallEvent &Call) const;
  const ThreadSpawn *spawnCall(const clang::CallExpr &CE) const;
  const ThreadJoin *joinCall(const clang::ento::CallEvent &Call) const;
  const ThreadJoin *joinCall(const clang::CallExpr &CE) const;
  bool isAnyThread(const clang::FunctionDecl *FD) const;

private:
  std::optional<LockCall> fromDecl(const clang::FunctionDecl *FD,
                                   const LockOp *Entry) const;

  const Model &M;
  clang::ento::CallDescriptionMap<const MapOp *> MapCalls;
  clang::ento::CallDescriptionMap<bool> MapCreates;
  llvm::StringMap<const MapOp *> MapMacros;
  llvm::DenseMap<const MapOp *, const MapFamily *> FamilyOf;
  clang::ento::CallDescriptionMap<const LockOp *> LockCalls;
  llvm::StringMap<const LockOp *> LockCtors; ///< "std::lock_guard::lock_guard"
  llvm::StringMap<const LockOp *> LockMacros;
  clang::ento::CallDescriptionMap<const ThreadSpawn *> Spawns;
  clang::ento::CallDescriptionMap<const ThreadJoin *> Joins;
};

} // namespace cvet

#endif // CVET_CHECKERS_UNSYNCMAPWRITE_CONCURRENCYMODEL_H

//===- Storage.h - which variable or field an object lives in -*- C++ -*-===//
//
// Rules that reason about sharing (a map two threads write, a lock that
// guards it) name an object by where it lives: a variable, or a field of a
// struct type (every `struct server`'s `sessions`), and ask who can reach it:
// everyone (a global, a static, anything reached through one), one thread
// (_Thread_local / __thread), whoever passed a parameter, or only the current
// call. The same answers come from the code as written (storageOfExpr) and
// from the analyzer's regions (storageOfRegion), so that facts gathered over
// the whole translation unit and facts on one path agree.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_STORAGE_H
#define CVET_CHECKERS_SUPPORT_STORAGE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <string>

namespace clang {
class ASTContext;
namespace ento {
class MemRegion;
} // namespace ento
} // namespace clang

namespace cvet {

/// Who can reach an object.
enum class Reach {
  Unknown,     ///< not known (a value some call returned)
  Local,       ///< only the current call (a local variable)
  Param,       ///< whoever passed a parameter (or `this`) of the current call
  Global,      ///< every thread: a global, a static, or reached through one
  ThreadLocal, ///< one thread: _Thread_local, __thread, thread_local
};

struct Storage {
  /// The variable or field (canonical declaration), or null.
  const clang::ValueDecl *Decl = nullptr;
  Reach Root = Reach::Unknown;
  /// The parameter the object is reached through, when Root is Param (null
  /// for `this`).
  const clang::ParmVarDecl *Param = nullptr;

  explicit operator bool() const { return Decl != nullptr; }
  bool isField() const { return Decl && llvm::isa<clang::FieldDecl>(Decl); }
};

/// Where the object E names lives. `&x`, `*p`, casts and parentheses are
/// looked through; a pointer variable names the object it points to by
/// itself (`sessions` for the table `sessions` points at).
Storage storageOfExpr(const clang::Expr *E);

/// The same for an analyzer region: a pointer loaded from a variable or a
/// field counts as that variable or field.
Storage storageOfRegion(const clang::ento::MemRegion *R);

/// How the code names E, for messages: its text without `&`, casts and
/// parentheses ("sessions", "srv->cids"); "" when it has none short enough.
std::string storageName(const clang::Expr *E, const clang::ASTContext &Ctx);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_STORAGE_H

//===- MacroExpansion.h - model entries that name a macro -----*- C++ -*-===//
//
// Model entries may name a macro (`Macro: HASH_ADD_INT`, `Macro: LOCK`): the
// entry applies to the code expanded from it. findModelMacro() tells, for a
// statement, the outermost expansion of a model macro it belongs to (uthash's
// HASH_ADD_INT expands HASH_ADD, which expands HASH_ADD_KEYPTR: the entry of
// the macro the user wrote wins). macroArgExpr() finds the expression the
// user wrote as one argument of that expansion, so a model's MapArg / LockArg
// can be read from it; isMacroArg() tells whether an expression the analysis
// meets (a call's argument, an assigned value) is what the user wrote there.
//
// Only expansions written in a file are understood; an expansion whose
// invocation itself comes from another macro's body is left alone.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_MACROEXPANSION_H
#define CVET_CHECKERS_SUPPORT_MACROEXPANSION_H

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang {
class ASTContext;
class Stmt;
} // namespace clang

namespace cvet {

/// One expansion of a macro that the model names.
struct ModelMacroUse {
  llvm::StringRef Name;
  /// The invocation as written, from the macro's name to its ')'.
  clang::SourceRange Invocation;

  /// Identifies the expansion (two statements of one expansion agree).
  unsigned id() const { return Invocation.getBegin().getRawEncoding(); }
};

/// The outermost expansion of a macro for which IsModelMacro is true that
/// produced Loc (a statement's begin location), if any.
std::optional<ModelMacroUse>
findModelMacro(clang::SourceLocation Loc, const clang::ASTContext &Ctx,
               llvm::function_ref<bool(llvm::StringRef)> IsModelMacro);

/// The expression written as argument Index of Use inside Within (the
/// function body that holds the expansion): the outermost expression whose
/// spelling lies in that argument's text. Null when the invocation has no
/// such argument or no expression comes from it.
const clang::Expr *macroArgExpr(const ModelMacroUse &Use, unsigned Index,
                                const clang::Stmt *Within,
                                const clang::ASTContext &Ctx);

/// Whether E is written as argument Index of Use: it is spelled inside that
/// argument's text and comes from this expansion. A macro's argument may be
/// expanded several times; each copy is one.
bool isMacroArg(const ModelMacroUse &Use, unsigned Index, const clang::Expr *E,
                const clang::ASTContext &Ctx);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_MACROEXPANSION_H

//===- IteratorFlow.h - handles over one function's CFG -------*- C++ -*-===//
//
// The dataflow of cvet-unclosed-iterator: which acquisitions of a function
// some path carries to the end of their variable's life while still open.
// IteratorFlow.cpp describes the states.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_ITERATORFLOW_H
#define CVET_CHECKERS_TIDY_ITERATORFLOW_H

#include "IteratorTables.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace cvet::tidy {

/// One acquisition, tracked in its local variable.
struct Site {
  const clang::CallExpr *Call;
  const clang::VarDecl *Var;
  const AcquireEntry *Entry;
};

/// Runs the dataflow over Body (of D) and calls Report once per leaking
/// acquisition, with the first place in the source where it leaks.
void findLeaks(const IteratorTables &T, clang::ASTContext &Ctx,
               const clang::Decl *D, clang::Stmt *Body,
               llvm::function_ref<void(const Site &, clang::SourceLocation)>
                   Report);

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_ITERATORFLOW_H

//===- LoopAST.h - loops, writes and declarations in the AST --*- C++ -*-===//
//
// What LoopVarCapture asks about loops, as plain AST questions: which loop
// holds a statement, where a variable is declared, where a loop writes it.
// The analyzer's checker and the clang-tidy check share them.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_LOOPAST_H
#define CVET_CHECKERS_SUPPORT_LOOPAST_H

#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace cvet {

bool isLoop(const clang::Stmt *S);
const clang::Stmt *loopBody(const clang::Stmt *L);
const clang::Expr *loopCond(const clang::Stmt *L);

/// A variable that each iteration creates anew: the range-for variable or a
/// condition variable (`while (int fd = next())`).
const clang::VarDecl *perIterationVar(const clang::Stmt *L);

/// Children of S, including the body of a block literal (which children()
/// leaves out).
template <typename Fn> void forEachChild(const clang::Stmt *S, Fn F) {
  if (const auto *BE = llvm::dyn_cast<clang::BlockExpr>(S)) {
    if (const clang::Stmt *Body = BE->getBody())
      F(Body);
    return;
  }
  for (const clang::Stmt *Child : S->children())
    if (Child)
      F(Child);
}

/// The innermost loop around S in its function, or null.
const clang::Stmt *enclosingLoop(const clang::ParentMap &PM,
                                 const clang::Stmt *S);

bool isWithin(const clang::ParentMap &PM, const clang::Stmt *S,
              const clang::Stmt *Ancestor);

/// The variable an lvalue names directly, through `.` members and subscripts
/// of arrays (not through pointers).
const clang::VarDecl *namedVar(const clang::Expr *E);

/// S, if it writes V: an assignment, a compound assignment or an increment of
/// V or of a part of it, built in or overloaded.
const clang::Stmt *asWriteOf(const clang::Stmt *S, const clang::VarDecl *V);

/// The first statement in S that writes V and that Skip does not rule out,
/// not counting code inside lambdas and blocks (which runs elsewhere).
const clang::Stmt *
findWrite(const clang::Stmt *S, const clang::VarDecl *V,
          llvm::function_ref<bool(const clang::Stmt *)> Skip = nullptr);

/// Whether E mentions a variable that Inc writes.
bool mentionsWrittenVar(const clang::Stmt *E, const clang::Stmt *Inc);

/// Whether the write W goes to an element of an array indexed by the counter
/// of the for loop L (`vals[i] = ...`): each iteration writes its own element.
bool writesElementOfIteration(const clang::Stmt *W, const clang::Stmt *L);

/// Whether At, inside loop L, is followed in its block by a `break` or
/// `return` that leaves L: a write there happens on the way out of the loop.
bool leavesLoopAfter(const clang::ParentMap &PM, const clang::Stmt *At,
                     const clang::Stmt *L);

/// The first write to V in the parts of loop L that run on every iteration,
/// other than to the iteration's own element of an array or on the way out.
const clang::Stmt *findWriteInLoop(const clang::Stmt *L,
                                   const clang::VarDecl *V,
                                   const clang::ParentMap &PM);

/// Whether S (outside lambdas and blocks) declares V.
bool declares(const clang::Stmt *S, const clang::VarDecl *V);

/// Whether each iteration of loop L creates V anew: its per-iteration
/// variable, or declared in its body.
bool declaredIn(const clang::VarDecl *V, const clang::Stmt *L);

bool isBefore(const clang::SourceManager &SM, clang::SourceLocation A,
              clang::SourceLocation B);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_LOOPAST_H

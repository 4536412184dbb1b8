//===- CaptureScan.h - what work started in a loop captures ---*- C++ -*-===//
//
// The AST questions cvet.LoopVarCapture and its clang-tidy twin both ask of
// a call that starts work inside a loop (std::thread t([&] { use(v); })):
//
//   collectCaptures(Arg, Reach, Out)  the variables the callable in Arg
//                                     captures by reference (or `&v` passed
//                                     along)
//   loopsAround(PM, E)                the loops around E, innermost first, up
//                                     to the lambda or block it runs in
//   sharingLoop(C, Loops, PM)         the loop whose iterations share the
//                                     captured variable, and the write that
//                                     changes it
//   userOf(PM, E)                     the code that takes E's result
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_CAPTURESCAN_H
#define CVET_CHECKERS_SUPPORT_CAPTURESCAN_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace cvet {

/// A variable captured by reference (or whose address is passed along).
struct Capture {
  const clang::VarDecl *Var;
  const clang::NamedDecl *Named; ///< what the code calls it: Var or a binding
  clang::SourceLocation Loc;
  bool Address; ///< `&v` passed as an argument, not a capture
  bool Block;   ///< a __block variable captured by a block
};

/// How far collectCaptures looks.
struct CaptureReach {
  /// Through std::function-like objects built from the callable (off for
  /// the arguments of emplace_back, where a thread built from it is a spawn
  /// of its own).
  bool ThroughWrappers = true;
  /// [&r = x] counts as a capture of x (unless x is an element chosen at run
  /// time, likely one per iteration); off, init-captures are left alone.
  bool InitCaptures = true;
};

/// The lambda or block an argument carries, through temporaries, casts,
/// wrappers built from it (ThroughWrappers) and one local variable holding
/// it; otherwise the argument itself, stripped.
const clang::Expr *callableOf(const clang::Expr *E, bool ThroughWrappers);

/// Appends the variables the callable in Arg captures by reference: a
/// lambda's by-reference captures, a block's __block variables, or `&v`.
void collectCaptures(const clang::Expr *Arg, CaptureReach Reach,
                     llvm::SmallVectorImpl<Capture> &Out);

/// Wrappers that pass a value through unchanged: casts, parentheses,
/// temporaries, copies and moves.
bool isTransparent(const clang::Stmt *S);

/// The nearest ancestor of E that is not a wrapper, and the child of it
/// through which E is reached ({null, top} if there is none).
std::pair<const clang::Stmt *, const clang::Stmt *>
userOf(const clang::ParentMap &PM, const clang::Stmt *E);

/// The loops around E, innermost first, up to the nearest lambda or block
/// (whose body runs at some other time).
llvm::SmallVector<const clang::Stmt *, 4> loopsAround(const clang::ParentMap &PM,
                                                      const clang::Stmt *E);

/// Whether lambdas or blocks lie between S and Root (S runs at some other
/// time than Root's code).
bool inClosure(const clang::ParentMap &PM, const clang::Stmt *S,
               const clang::Stmt *Root);

/// The loop of Loops (innermost first) whose iterations share C's variable,
/// and the write in it that changes the variable, or {L, null} when each
/// iteration declares the variable anew (it dies with the iteration), or
/// {null, null}. A reference declared in a loop names a distinct object per
/// iteration and is never shared; a __block variable moves to the heap with
/// its block.
std::pair<const clang::Stmt *, const clang::Stmt *>
sharingLoop(const Capture &C, llvm::ArrayRef<const clang::Stmt *> Loops,
            const clang::ParentMap &PM);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_CAPTURESCAN_H

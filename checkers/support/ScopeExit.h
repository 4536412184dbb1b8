//===- ScopeExit.h - where a stack variable stops holding a value -*- C++ -*-===//
//
// The analyzer drops a value as soon as no variable will read it again: a
// handle "dies" at its last use, which is rarely where the program loses it.
// A handle is lost where the last variable holding it goes out of scope (the
// return, the closing brace, the break or goto that leaves the block) or is
// overwritten. These helpers answer "is this variable still in scope here"
// and "where did this path leave its scope".
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_SCOPEEXIT_H
#define CVET_CHECKERS_SUPPORT_SCOPEEXIT_H

#include "clang/Analysis/PathDiagnostic.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class LocationContext;
class StackFrameContext;
class Stmt;
class VarDecl;
namespace ento {
class ExplodedNode;
} // namespace ento
} // namespace clang

namespace cvet {

/// Scopes already looked up, per variable. One per checker instance (one
/// translation unit): declarations are not shared across units.
using ScopeCache = llvm::DenseMap<const clang::VarDecl *, const clang::Stmt *>;

/// The parts of stack variables (of frames still running) that hold Sym in
/// State's store: `d` for DIR *d, `w.dir` for a struct field.
llvm::SmallVector<const clang::ento::MemRegion *, 2>
stackHoldersOf(clang::ento::ProgramStateRef State, clang::ento::SymbolRef Sym);

/// Whether the variable that Holder belongs to is in scope when S runs in LC:
/// S lies inside the block that declares it (or the call in the variable's
/// frame that led to S does), and that frame is not ending. An S the check
/// cannot place counts as in scope.
bool holderInScope(const clang::ento::MemRegion *Holder, const clang::Stmt *S,
                   const clang::LocationContext *LC, ScopeCache &Cache);

/// The statement at which the path ending in N left the scope of Holder's
/// variable: the break, continue or goto that jumped out, the return, or the
/// closing brace of the block. Invalid if the path cannot be followed back.
clang::ento::PathDiagnosticLocation
scopeExit(const clang::ento::ExplodedNode *N,
          const clang::ento::MemRegion *Holder, const clang::SourceManager &SM,
          ScopeCache &Cache);

/// The first break, continue or goto on the path into N, since the nodes for
/// which Since holds began, that leaves the loop around the statement where
/// they began (any goto out of straight-line code counts): after the last use
/// of a handle, the jump that takes the path away from where it is closed.
const clang::Stmt *
jumpSince(const clang::ento::ExplodedNode *N,
          llvm::function_ref<bool(const clang::ento::ExplodedNode *)> Since);

/// A break, continue or goto.
bool isJump(const clang::Stmt *S);

/// The statement a purge or check node N is about to run (or ran), with its
/// location context.
const clang::Stmt *stmtOf(const clang::ento::ExplodedNode *N);

/// The statement of frame Target through which S, evaluated in LC, is
/// reached: S itself in Target, else the call site in Target that led to it.
/// Null if Target is not on LC's stack.
const clang::Stmt *stmtInFrame(const clang::Stmt *S,
                               const clang::LocationContext *LC,
                               const clang::StackFrameContext *Target);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_SCOPEEXIT_H

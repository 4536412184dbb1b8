//===- LoopAST.cpp - loops, writes and declarations in the AST ------------===//

#include "support/LoopAST.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprObjC.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtObjC.h"

using namespace clang;

namespace cvet {

bool isLoop(const Stmt *S) {
  return isa_and_nonnull<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt,
                         ObjCForCollectionStmt>(S);
}

const Stmt *loopBody(const Stmt *L) {
  if (const auto *F = dyn_cast<ForStmt>(L))
    return F->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(L))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(L))
    return D->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(L))
    return R->getBody();
  if (const auto *O = dyn_cast<ObjCForCollectionStmt>(L))
    return O->getBody();
  return nullptr;
}

const Expr *loopCond(const Stmt *L) {
  if (const auto *F = dyn_cast<ForStmt>(L))
    return F->getCond();
  if (const auto *W = dyn_cast<WhileStmt>(L))
    return W->getCond();
  if (const auto *D = dyn_cast<DoStmt>(L))
    return D->getCond();
  return nullptr;
}

/// A variable that each iteration creates anew: the range-for variable or a
/// condition variable (`while (int fd = next())`).
const VarDecl *perIterationVar(const Stmt *L) {
  if (const auto *R = dyn_cast<CXXForRangeStmt>(L))
    return R->getLoopVariable();
  if (const auto *F = dyn_cast<ForStmt>(L))
    return F->getConditionVariable();
  if (const auto *W = dyn_cast<WhileStmt>(L))
    return W->getConditionVariable();
  return nullptr;
}

/// The innermost loop around S in its function, or null.
const Stmt *enclosingLoop(const ParentMap &PM, const Stmt *S) {
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
    if (isLoop(P))
      return P;
  return nullptr;
}

bool isWithin(const ParentMap &PM, const Stmt *S, const Stmt *Ancestor) {
  for (; S; S = PM.getParent(S))
    if (S == Ancestor)
      return true;
  return false;
}

/// The variable an lvalue names directly, through `.` members and subscripts
/// of arrays (not through pointers).
const VarDecl *namedVar(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType())
        return nullptr;
      E = Base;
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// S, if it writes V: an assignment, a compound assignment or an increment of
/// V or of a part of it, built in or overloaded.
const Stmt *asWriteOf(const Stmt *S, const VarDecl *V) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() && namedVar(BO->getLHS()) == V ? S : nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() && namedVar(UO->getSubExpr()) == V
               ? S
               : nullptr;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
    OverloadedOperatorKind K = OC->getOperator();
    bool Writes = K == OO_PlusPlus || K == OO_MinusMinus || K == OO_Equal ||
                  (K >= OO_PlusEqual && K <= OO_PipeEqual) ||
                  K == OO_LessLessEqual || K == OO_GreaterGreaterEqual;
    return Writes && OC->getNumArgs() > 0 && namedVar(OC->getArg(0)) == V
               ? S
               : nullptr;
  }
  return nullptr;
}

/// The first statement in S that writes V and that Skip does not rule out,
/// not counting code inside lambdas and blocks (which runs elsewhere).
const Stmt *findWrite(const Stmt *S, const VarDecl *V,
                      llvm::function_ref<bool(const Stmt *)> Skip) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return nullptr;
  if (const Stmt *W = asWriteOf(S, V); W && !(Skip && Skip(W)))
    return W;
  const Stmt *Found = nullptr;
  forEachChild(S, [&](const Stmt *C) {
    if (!Found)
      Found = findWrite(C, V, Skip);
  });
  return Found;
}

/// Whether E mentions a variable that Inc writes.
bool mentionsWrittenVar(const Stmt *E, const Stmt *Inc) {
  if (!E)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (findWrite(Inc, V))
        return true;
  bool Found = false;
  forEachChild(E, [&](const Stmt *C) {
    Found = Found || mentionsWrittenVar(C, Inc);
  });
  return Found;
}

/// Whether the write W goes to an element of an array indexed by the counter
/// of the for loop L (`vals[i] = ...`): each iteration writes its own element.
bool writesElementOfIteration(const Stmt *W, const Stmt *L) {
  const auto *F = dyn_cast<ForStmt>(L);
  if (!F || !F->getInc())
    return false;
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(W))
    Target = BO->getLHS();
  else if (const auto *UO = dyn_cast<UnaryOperator>(W))
    Target = UO->getSubExpr();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(W))
    Target = OC->getNumArgs() > 0 ? OC->getArg(0) : nullptr;
  while (Target) {
    Target = Target->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
      Target = ME->getBase();
      continue;
    }
    const auto *ASE = dyn_cast<ArraySubscriptExpr>(Target);
    if (!ASE)
      return false;
    if (mentionsWrittenVar(ASE->getIdx(), F->getInc()))
      return true;
    Target = ASE->getBase();
  }
  return false;
}

/// Whether At, inside loop L, is followed in its block by a `break` or
/// `return` that leaves L: a write there happens on the way out of the loop,
/// like a write after it (`ctx.stop = 1; break;` when a spawn failed).
bool leavesLoopAfter(const ParentMap &PM, const Stmt *At, const Stmt *L) {
  // The loop or switch a break directly inside S leaves.
  auto BreakTarget = [&PM](const Stmt *S) -> const Stmt * {
    for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
      if (isLoop(P) || isa<SwitchStmt>(P))
        return P;
    return nullptr;
  };
  const Stmt *Child = At;
  for (const Stmt *P = PM.getParent(At); P && P != L;
       Child = P, P = PM.getParent(P)) {
    const auto *CS = dyn_cast<CompoundStmt>(P);
    if (!CS)
      continue;
    bool After = false;
    for (const Stmt *S : CS->body()) {
      if (S == Child)
        After = true;
      else if (After && (isa<ReturnStmt>(S) ||
                         (isa<BreakStmt>(S) && BreakTarget(CS) == L)))
        return true;
    }
  }
  return false;
}

/// The first write to V in the parts of loop L that run on every iteration,
/// other than to the iteration's own element of an array or on the way out.
const Stmt *findWriteInLoop(const Stmt *L, const VarDecl *V,
                            const ParentMap &PM) {
  auto Skip = [L, &PM](const Stmt *W) {
    return writesElementOfIteration(W, L) || leavesLoopAfter(PM, W, L);
  };
  if (const auto *F = dyn_cast<ForStmt>(L)) {
    for (const Stmt *Part : {(const Stmt *)F->getCond(),
                             (const Stmt *)F->getInc(), F->getBody()})
      if (const Stmt *W = findWrite(Part, V, Skip))
        return W;
    return nullptr;
  }
  if (const Expr *C = loopCond(L))
    if (const Stmt *W = findWrite(C, V, Skip))
      return W;
  return findWrite(loopBody(L), V, Skip);
}

bool declares(const Stmt *S, const VarDecl *V) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (D == V)
        return true;
  bool Found = false;
  forEachChild(S, [&](const Stmt *C) { Found = Found || declares(C, V); });
  return Found;
}

bool isBefore(const SourceManager &SM, SourceLocation A, SourceLocation B) {
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A),
                                      SM.getExpansionLoc(B));
}

bool declaredIn(const VarDecl *V, const Stmt *L) {
  return perIterationVar(L) == V || declares(loopBody(L), V);
}

} // namespace cvet

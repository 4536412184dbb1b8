//===- CaptureScan.cpp - what work started in a loop captures -------------===//

#include "support/CaptureScan.h"
#include "support/LoopAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"

using namespace clang;

namespace cvet {

const Expr *callableOf(const Expr *E, bool ThroughWrappers) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() != 1 || !ThroughWrappers)
        return E;
      E = CE->getArg(0);
      continue;
    }
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = FC->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    // auto job = [&] { ... }; std::thread t(job);
    // std::function<void()> job = [&] { ... }; std::thread t(job);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        if (V->isLocalVarDecl() && V->getInit()) {
          const Expr *Init = V->getInit()->IgnoreImplicit();
          if (isa<LambdaExpr>(Init))
            return Init;
          // One wrapper deep, and never through another variable: the
          // initialiser may name V itself.
          if (!isa<DeclRefExpr>(Init->IgnoreParenImpCasts()))
            if (const auto *CE = dyn_cast<CXXConstructExpr>(Init);
                CE && CE->getNumArgs() == 1)
              if (const auto *LE = dyn_cast<LambdaExpr>(
                      CE->getArg(0)->IgnoreImplicit()->IgnoreParens()))
                return LE;
        }
    return E;
  }
  return nullptr;
}

void collectCaptures(const Expr *Arg, CaptureReach Reach,
                     llvm::SmallVectorImpl<Capture> &Out) {
  const Expr *E = callableOf(Arg, Reach.ThroughWrappers);
  if (!E)
    return;
  if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
    for (const LambdaCapture &LC : LE->captures()) {
      if (!LC.capturesVariable() || LC.getCaptureKind() != LCK_ByRef)
        continue;
      const ValueDecl *Captured = LC.getCapturedVar();
      const auto *V = dyn_cast<VarDecl>(Captured);
      // `v` of `for (auto [k, v] : items)` lives in the decomposed variable.
      if (const auto *BD = dyn_cast<BindingDecl>(Captured))
        V = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl());
      if (V && V->isInitCapture()) {
        if (!Reach.InitCaptures)
          continue;
        const Expr *Init = V->getInit() ? V->getInit()->IgnoreParenImpCasts()
                                        : nullptr;
        // [&v = vals[i]]: an element chosen at run time, likely one of its
        // own per iteration.
        const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(Init);
        if (ASE && !ASE->getIdx()->isIntegerConstantExpr(
                       LE->getCallOperator()->getASTContext()))
          continue;
        V = Init ? namedVar(Init) : nullptr;
        Captured = V;
      }
      if (V)
        Out.push_back({V, Captured, LC.getLocation(), false, false});
    }
    return;
  }
  if (const auto *BE = dyn_cast<BlockExpr>(E)) {
    for (const BlockDecl::Capture &BC : BE->getBlockDecl()->captures())
      if (BC.isByRef())
        Out.push_back({BC.getVariable(), BC.getVariable(), BE->getBeginLoc(),
                       false, true});
    return;
  }
  const Expr *P = Arg->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
          Out.push_back({V, V, P->getBeginLoc(), true, false});
}

bool isTransparent(const Stmt *S) {
  if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
          CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr,
          ConstantExpr>(S))
    return true;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
    return CE->getConstructor()->isCopyOrMoveConstructor();
  return false;
}

std::pair<const Stmt *, const Stmt *> userOf(const ParentMap &PM,
                                             const Stmt *E) {
  const Stmt *Child = E;
  for (const Stmt *P = PM.getParent(E); P; Child = P, P = PM.getParent(P))
    if (!isTransparent(P))
      return {P, Child};
  return {nullptr, Child};
}

llvm::SmallVector<const Stmt *, 4> loopsAround(const ParentMap &PM,
                                               const Stmt *E) {
  llvm::SmallVector<const Stmt *, 4> Out;
  for (const Stmt *P = PM.getParent(E); P; P = PM.getParent(P)) {
    if (isa<LambdaExpr, BlockExpr>(P))
      break;
    if (isLoop(P))
      Out.push_back(P);
  }
  return Out;
}

bool inClosure(const ParentMap &PM, const Stmt *S, const Stmt *Root) {
  for (const Stmt *P = S; P && P != Root; P = PM.getParent(P))
    if (isa<LambdaExpr, BlockExpr>(P))
      return true;
  return false;
}

std::pair<const Stmt *, const Stmt *>
sharingLoop(const Capture &C, llvm::ArrayRef<const Stmt *> Loops,
            const ParentMap &PM) {
  bool IsReference = C.Var->getType()->isReferenceType();
  // `auto &j = jobs[i]`, `for (auto &x : items)`: writes through it change
  // that object, which the next iteration does not reuse.
  if (IsReference &&
      llvm::any_of(Loops, [&](const Stmt *L) { return declaredIn(C.Var, L); }))
    return {nullptr, nullptr};
  for (const Stmt *L : Loops) {
    if (const Stmt *W = findWriteInLoop(L, C.Var, PM))
      return {L, W};
    if (declaredIn(C.Var, L) && !C.Block && !IsReference)
      return {L, nullptr};
  }
  return {nullptr, nullptr};
}

} // namespace cvet

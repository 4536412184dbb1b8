//===- ScopeExit.cpp - where a stack variable stops holding a value -------===//
//
// Scopes come from the AST: a variable's scope is the block (or the for / if /
// while / switch statement) that holds its declaration; a parameter's is the
// function body. A path is followed back through the exploded graph to the
// last statement it ran inside that scope.
//
//===----------------------------------------------------------------------===//

#include "support/ScopeExit.h"
#include "support/Regions.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExplodedGraph.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/Store.h"

using namespace clang;
using namespace clang::ento;

namespace {

struct FindHolders final : StoreManager::BindingsHandler {
  SymbolRef Sym;
  llvm::SmallVector<const MemRegion *, 2> Found;
  explicit FindHolders(SymbolRef Sym) : Sym(Sym) {}
  bool HandleBinding(StoreManager &, Store, const MemRegion *R,
                     SVal V) override {
    if (V.getAsSymbol() != Sym)
      return true;
    const auto *VR = dyn_cast<VarRegion>(R->getBaseRegion());
    if (VR && cvet::isOnStack(VR))
      Found.push_back(R);
    return true;
  }
};

/// The declaration statement of VD inside S.
const DeclStmt *findDecl(const Stmt *S, const VarDecl *VD) {
  if (!S)
    return nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (D == VD)
        return DS;
  for (const Stmt *C : S->children())
    if (const DeclStmt *DS = findDecl(C, VD))
      return DS;
  return nullptr;
}

bool formsScope(const Stmt *S) {
  return isa<CompoundStmt, ForStmt, IfStmt, WhileStmt, SwitchStmt,
             CXXForRangeStmt, CXXCatchStmt>(S);
}

/// The statement whose extent is VD's scope, or null for the whole body.
const Stmt *scopeOf(const VarDecl *VD, AnalysisDeclContext *ADC,
                    cvet::ScopeCache &Cache) {
  if (isa<ParmVarDecl>(VD))
    return nullptr;
  auto [It, New] = Cache.try_emplace(VD, nullptr);
  if (!New)
    return It->second;
  const Stmt *Body = ADC->getBody();
  const DeclStmt *DS = findDecl(Body, VD);
  if (!DS)
    return nullptr;
  const ParentMap &PM = ADC->getParentMap();
  for (const Stmt *P = PM.getParent(DS); P; P = PM.getParent(P))
    if (formsScope(P)) {
      It->second = P == Body ? nullptr : P;
      break;
    }
  return It->second;
}

bool isWithin(const ParentMap &PM, const Stmt *S, const Stmt *Ancestor) {
  for (; S; S = PM.getParent(S))
    if (S == Ancestor)
      return true;
  return false;
}

const VarRegion *variableOf(const MemRegion *Holder) {
  return dyn_cast_or_null<VarRegion>(Holder ? Holder->getBaseRegion()
                                            : nullptr);
}

} // namespace

bool cvet::isJump(const Stmt *S) {
  return isa_and_nonnull<BreakStmt, ContinueStmt, GotoStmt>(S);
}

/// S (run in LC) seen from frame Target: S itself, or the call site in
/// Target that led to it. Null if Target is not on LC's stack.
const Stmt *cvet::stmtInFrame(const Stmt *S, const LocationContext *LC,
                    const StackFrameContext *Target) {
  const StackFrameContext *SFC = LC ? LC->getStackFrame() : nullptr;
  while (SFC && SFC != Target) {
    S = SFC->getCallSite();
    const LocationContext *Parent = SFC->getParent();
    SFC = Parent ? Parent->getStackFrame() : nullptr;
  }
  return SFC ? S : nullptr;
}

llvm::SmallVector<const MemRegion *, 2>
cvet::stackHoldersOf(ProgramStateRef State, SymbolRef Sym) {
  FindHolders H(Sym);
  State->getStateManager().getStoreManager().iterBindings(State->getStore(),
                                                          H);
  return H.Found;
}

const Stmt *cvet::stmtOf(const ExplodedNode *N) {
  if (auto SP = N->getLocationAs<StmtPoint>())
    return SP->getStmt();
  if (auto BE = N->getLocationAs<BlockEntrance>())
    if (auto First = BE->getFirstElement())
      if (auto CS = First->getAs<CFGStmt>())
        return CS->getStmt();
  return nullptr;
}

bool cvet::holderInScope(const MemRegion *Holder, const Stmt *S,
                         const LocationContext *LC, ScopeCache &Cache) {
  const VarRegion *VR = variableOf(Holder);
  if (!VR || !S || !LC)
    return true;
  const StackFrameContext *Frame = VR->getStackFrame();
  if (!Frame)
    return true;
  const Stmt *At = cvet::stmtInFrame(S, LC, Frame);
  if (!At)
    return false; // the variable's frame has returned
  AnalysisDeclContext *ADC = Frame->getAnalysisDeclContext();
  // The purge at the end of a function names its body.
  if (At == ADC->getBody())
    return false;
  const auto *VD = dyn_cast<VarDecl>(VR->getDecl());
  if (!VD)
    return true;
  const Stmt *Scope = scopeOf(VD, ADC, Cache);
  if (!Scope)
    return true;
  const ParentMap &PM = ADC->getParentMap();
  if (!PM.hasParent(At))
    return true;
  return isWithin(PM, At, Scope);
}

PathDiagnosticLocation cvet::scopeExit(const ExplodedNode *N,
                                       const MemRegion *Holder,
                                       const SourceManager &SM,
                                       ScopeCache &Cache) {
  const VarRegion *VR = variableOf(Holder);
  if (!VR)
    return {};
  const StackFrameContext *Frame = VR->getStackFrame();
  AnalysisDeclContext *ADC = Frame->getAnalysisDeclContext();
  const ParentMap &PM = ADC->getParentMap();
  const auto *VD = dyn_cast<VarDecl>(VR->getDecl());
  const Stmt *Scope = VD ? scopeOf(VD, ADC, Cache) : nullptr;
  const Stmt *Body = ADC->getBody();

  const Stmt *JumpOut = nullptr; // the jump that left the scope
  unsigned Budget = 20000;
  for (const ExplodedNode *I = N; I && Budget; I = I->getFirstPred(), --Budget) {
    if (auto BE = I->getLocationAs<BlockEdge>()) {
      const Stmt *T = BE->getSrc()->getTerminatorStmt();
      if (BE->getLocationContext()->getStackFrame() == Frame && isJump(T) &&
          (!Scope || isWithin(PM, T, Scope)))
        JumpOut = T;
      continue;
    }
    const Stmt *S = stmtOf(I);
    if (!S)
      continue;
    const Stmt *At = cvet::stmtInFrame(S, I->getLocationContext(), Frame);
    if (!At || At == Body || !PM.hasParent(At))
      continue;
    if (Scope && !isWithin(PM, At, Scope))
      continue;
    // I ran inside the scope: the path left it after I.
    if (JumpOut)
      return PathDiagnosticLocation::createBegin(JumpOut, SM, Frame);
    for (const Stmt *P = At; P; P = PM.getParent(P))
      if (isa<ReturnStmt>(P))
        return PathDiagnosticLocation::createBegin(P, SM, Frame);
    const Stmt *Block = Scope ? Scope : Body;
    if (const auto *CS = dyn_cast<CompoundStmt>(Block))
      return PathDiagnosticLocation(CS->getRBracLoc(), SM);
    if (const auto *F = dyn_cast<ForStmt>(Block))
      if (const auto *CS = dyn_cast_or_null<CompoundStmt>(F->getBody()))
        return PathDiagnosticLocation(CS->getRBracLoc(), SM);
    return PathDiagnosticLocation(Block->getEndLoc(), SM);
  }
  return {};
}

const Stmt *cvet::jumpSince(const ExplodedNode *N,
                            llvm::function_ref<bool(const ExplodedNode *)> Since) {
  llvm::SmallVector<std::pair<const Stmt *, const StackFrameContext *>, 4> Jumps;
  const ExplodedNode *First = nullptr;
  unsigned Budget = 20000;
  for (const ExplodedNode *I = N; I && Budget && Since(I);
       I = I->getFirstPred(), --Budget) {
    First = I;
    if (auto BE = I->getLocationAs<BlockEdge>())
      if (const Stmt *T = BE->getSrc()->getTerminatorStmt(); isJump(T))
        Jumps.push_back({T, BE->getLocationContext()->getStackFrame()});
  }
  if (!First)
    return nullptr;
  // The purge that noticed the last use runs after the jumps that led to
  // its block: take them, back to the last statement that ran.
  const Stmt *Start = nullptr;
  for (const ExplodedNode *I = First->getFirstPred(); I && Budget;
       I = I->getFirstPred(), --Budget) {
    if (auto BE = I->getLocationAs<BlockEdge>()) {
      if (const Stmt *T = BE->getSrc()->getTerminatorStmt(); isJump(T))
        Jumps.push_back({T, BE->getLocationContext()->getStackFrame()});
      continue;
    }
    ProgramPoint::Kind K = I->getLocation().getKind();
    if (K == ProgramPoint::PreStmtPurgeDeadSymbolsKind ||
        K == ProgramPoint::PostStmtPurgeDeadSymbolsKind)
      continue;
    if (I->getLocationAs<StmtPoint>() &&
        I->getStackFrame() == First->getStackFrame()) {
      Start = stmtOf(I);
      break;
    }
  }
  const StackFrameContext *Frame = First->getStackFrame();
  const ParentMap &PM = Frame->getAnalysisDeclContext()->getParentMap();
  if (!Start)
    Start = stmtOf(First);


  auto LoopAround = [&PM](const Stmt *S, bool SwitchToo) -> const Stmt * {
    for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P) ||
          (SwitchToo && isa<SwitchStmt>(P)))
        return P;
    return nullptr;
  };
  for (auto It = Jumps.rbegin(); It != Jumps.rend(); ++It) {
    auto [J, JFrame] = *It;
    if (JFrame != Frame)
      continue;
    if (!Start || !PM.hasParent(Start))
      return J;
    const Stmt *L = LoopAround(J, /*SwitchToo=*/isa<BreakStmt>(J));
    if (!L || isWithin(PM, Start, L))
      return J;
  }
  return nullptr;
}

//===- LeakLocation.cpp - where a lost handle is reported -----------------===//

#include "support/LeakLocation.h"
#include "support/ScopeExit.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFGStmtMap.h"

using namespace clang;
using namespace clang::ento;
using llvm::function_ref;
using cvet::HoldsSymbol;

bool HoldsSymbol::HandleBinding(StoreManager &, Store, const MemRegion *R,
                                SVal V) {
  Found = V.getAsSymbol() == Sym &&
          (!Within || R->isSubRegionOf(Within) || R == Within);
  return !Found;
}

static bool isHeld(const ExplodedNode *N, SymbolRef Sym) {
  ProgramStateRef State = N->getState();
  HoldsSymbol H(Sym);
  State->getStateManager().getStoreManager().iterBindings(State->getStore(), H);
  return H.Found;
}

static bool inEnvironment(const ExplodedNode *N, SymbolRef Sym) {
  for (const auto &Binding : N->getState()->getEnvironment())
    if (Binding.second.getAsSymbol() == Sym)
      return true;
  return false;
}

/// The assignment (or call writing an out-parameter) that overwrote the last
/// reference to the handle. Bindings the analyzer drops because a variable
/// is dead are not overwrites.
static const Stmt *overwritePoint(const ExplodedNode *Err, SymbolRef Sym,
                                  function_ref<bool(ProgramStateRef)> Tracked,
                                  const ExplodedNode *&At) {
  if (!Sym || isHeld(Err, Sym))
    return nullptr;
  unsigned Budget = 4096;
  for (const ExplodedNode *N = Err; N && Budget; --Budget) {
    const ExplodedNode *Before = N->getFirstPred();
    if (!Before || !Tracked(N->getState()))
      return nullptr;
    if (isHeld(Before, Sym)) {
      ProgramPoint::Kind K = N->getLocation().getKind();
      if (K == ProgramPoint::PreStmtPurgeDeadSymbolsKind ||
          K == ProgramPoint::PostStmtPurgeDeadSymbolsKind ||
          inEnvironment(N, Sym))
        return nullptr;
      At = N;
      return N->getStmtForDiagnostics();
    }
    N = Before;
  }
  return nullptr;
}

/// The goto / break / continue that entered S's block, when nothing but S's
/// own operands ran in the block since.
static const Stmt *jumpHere(const ExplodedNode *Err, const Stmt *S,
                            const CFGBlock *B, AnalysisDeclContext *ADC) {
  unsigned Budget = 64;
  for (const ExplodedNode *N = Err; N && Budget;
       N = N->getFirstPred(), --Budget) {
    if (auto BE = N->getLocationAs<BlockEdge>()) {
      if (BE->getDst() != B)
        return nullptr;
      // Only S's own operands may have run in this block before S.
      ParentMap &PM = ADC->getParentMap();
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        if (!CS)
          continue;
        if (CS->getStmt() == S)
          break;
        const Stmt *P = CS->getStmt();
        while (P && P != S)
          P = PM.getParent(P);
        if (!P)
          return nullptr;
      }
      // A loop's back edge runs through an empty block of its own.
      const CFGBlock *Src = BE->getSrc();
      for (const ExplodedNode *M = N->getFirstPred();
           M && Budget && Src->empty() && !Src->getTerminatorStmt();
           M = M->getFirstPred(), --Budget)
        if (auto Prev = M->getLocationAs<BlockEdge>())
          Src = Prev->getSrc();
      const Stmt *From = Src->getTerminatorStmt();
      return cvet::isJump(From) ? From : nullptr;
    }
  }
  return nullptr;
}

/// The jump that led to S's block if S is the first thing the block runs,
/// or the jump (or return) that ends S's block.
static const Stmt *jumpAround(const ExplodedNode *Err) {
  const Stmt *S = Err->getStmtForDiagnostics();
  const LocationContext *LC = Err->getLocationContext();
  AnalysisDeclContext *ADC = LC->getAnalysisDeclContext();
  if (!S || S == ADC->getBody())
    return nullptr;
  const CFGBlock *B = ADC->getCFGStmtMap()->getBlock(S);
  if (!B)
    return nullptr;
  if (const Stmt *J = jumpHere(Err, S, B, ADC))
    return J;
  const Stmt *T = B->getTerminatorStmt();
  if (cvet::isJump(T))
    return T;
  if (!B->empty())
    if (auto Last = B->back().getAs<CFGStmt>())
      if (isa<ReturnStmt>(Last->getStmt()))
        return Last->getStmt();
  return nullptr;
}

const Stmt *cvet::jumpBefore(const ExplodedNode *N, const Stmt *S) {
  AnalysisDeclContext *ADC = N->getLocationContext()->getAnalysisDeclContext();
  if (const CFGBlock *B = ADC->getCFGStmtMap()->getBlock(S))
    return jumpHere(N, S, B, ADC);
  return nullptr;
}

const Stmt *cvet::leakPoint(const ExplodedNode *Err, SymbolRef Sym,
                            function_ref<bool(ProgramStateRef)> Tracked) {
  const ExplodedNode *At = nullptr;
  if (const Stmt *S = overwritePoint(Err, Sym, Tracked, At)) {
    // An overwrite reached straight from a goto or continue is shown at the
    // jump: that is where the code went wrong.
    if (const Stmt *J = jumpBefore(At, S))
      return J;
    return S;
  }
  return jumpAround(Err);
}

const ExplodedNode *
cvet::firstOfRun(const ExplodedNode *N,
                 function_ref<bool(const ExplodedNode *)> InRun) {
  const ExplodedNode *First = nullptr;
  for (; N && InRun(N); N = N->getFirstPred())
    First = N;
  return First;
}

std::pair<PathDiagnosticLocation, const Decl *>
cvet::uniqueAt(const ExplodedNode *Site, const SourceManager &SM) {
  const Stmt *S = Site ? Site->getStmtForDiagnostics() : nullptr;
  if (!S)
    return {PathDiagnosticLocation(), nullptr};
  return {PathDiagnosticLocation::createBegin(S, SM,
                                              Site->getLocationContext()),
          Site->getLocationContext()->getDecl()};
}

//===- Leaks.cpp - cvet.UnclosedIterator: where a handle is lost ----------===//
//
// The analyzer calls a handle dead at its last use; the code loses it later,
// where the last variable holding it goes out of scope (the return, the
// closing brace, the break or goto that leaves the block) or is overwritten.
// Open handles that die while a variable in scope still holds them are kept
// as Held until then (support/ScopeExit), and reported there, uniqued at the
// call that opened them.
//
//===----------------------------------------------------------------------===//

#include "UnclosedIterator/UnclosedIterator.h"
#include "support/LeakLocation.h"
#include "support/Regions.h"
#include "support/ScopeExit.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExplodedGraph.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::unclosed;


/// The stack variables that last held Sym on the path into N. A value read
/// for a call outlives its variable's binding by a statement or two.
/// Variables overwritten since (bound to another value now) do not count:
/// they lost the handle where they were overwritten.
static llvm::SmallVector<const MemRegion *, 2>
lastHolders(const ExplodedNode *N, SymbolRef Sym) {
  ProgramStateRef Now = N ? N->getState() : nullptr;
  unsigned Budget = 256;
  for (; N && Budget; N = N->getFirstPred(), --Budget) {
    ProgramStateRef St = N->getState();
    if (!St->get<IterSymMap>(Sym))
      break;
    auto Holders = cvet::stackHoldersOf(St, Sym);
    if (Holders.empty())
      continue;
    llvm::erase_if(Holders, [&](const MemRegion *H) {
      const auto *TR = dyn_cast<TypedValueRegion>(H);
      if (!TR)
        return false;
      SVal V = Now->getSVal(TR);
      return !V.isUndef() && !V.isUnknown() && V.getAsSymbol() != Sym;
    });
    return Holders;
  }
  return {};
}

bool UnclosedIteratorChecker::heldInScope(ArrayRef<const MemRegion *> Holders,
                                          const Stmt *S,
                                          const LocationContext *LC) const {
  return llvm::any_of(Holders, [&](const MemRegion *H) {
    return cvet::holderInScope(H, S, LC, Scopes);
  });
}

void UnclosedIteratorChecker::checkDeadSymbols(SymbolReaper &SR,
                                               CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  // An owner no one can name again opens nothing more.
  for (SymbolRef Owner : State->get<KeepingOwnerSet>())
    if (SR.isDead(Owner))
      State = State->remove<KeepingOwnerSet>(Owner);
  IterSymMapTy Syms = State->get<IterSymMap>();
  ScanRegionMapTy Scans = State->get<ScanRegionMap>();
  if (Syms.isEmpty() && Scans.isEmpty()) {
    if (State != C.getState())
      C.addTransition(State);
    return;
  }

  // Open handles that nothing will read again: lost unless a variable in
  // scope still holds them. The store before this purge says which do.
  struct Candidate {
    SymbolRef Sym;
    const MemRegion *Scan;
    llvm::SmallVector<const MemRegion *, 2> Holders;
  };
  llvm::SmallVector<Candidate, 2> Candidates;
  ProgramStateRef Cleaned = State;
  for (const auto &[Sym, S] : Syms) {
    if (S.isLost())
      continue;
    if (const HolderSet *H = State->get<HeldSymMap>(Sym)) {
      Candidates.push_back({Sym, nullptr, {H->begin(), H->end()}});
      continue;
    }
    if (!SR.isDead(Sym))
      continue;
    if (S.isOpen() && !isKnownInvalid(State, Sym) &&
        !isUnconfirmed(State, Sym, S)) {
      Candidates.push_back({Sym, nullptr, lastHolders(C.getPredecessor(), Sym)});
      continue;
    }
    Cleaned = Cleaned->remove<IterSymMap>(Sym);
  }
  for (const auto &[R, S] : Scans) {
    bool Held = State->contains<HeldScanSet>(R);
    if (!Held &&
        (SR.isLiveRegion(R) || (S.isOpen() && isCopyPending(State, R))))
      continue;
    if (!S.isOpen()) {
      Cleaned = Cleaned->remove<ScanRegionMap>(R);
      continue;
    }
    Candidate Cand{nullptr, R, {}};
    if (cvet::isOnStack(R))
      Cand.Holders.push_back(R);
    Candidates.push_back(std::move(Cand));
  }
  if (Candidates.empty()) {
    if (Cleaned != State)
      C.addTransition(Cleaned);
    return;
  }

  // Where this purge runs: a node of its own carries the statement.
  ExplodedNode *Here = C.getPredecessor();
  const Stmt *At = nullptr;
  if (llvm::any_of(Candidates,
                   [](const Candidate &K) { return !K.Holders.empty(); })) {
    Here = C.addTransition(State, C.getPredecessor(), &PurgeTag);
    if (!Here)
      return;
    At = cvet::stmtOf(Here);
  }
  const LocationContext *LC = Here->getLocationContext();

  llvm::SmallVector<Leak, 2> Leaks;
  for (Candidate &K : Candidates) {
    llvm::erase_if(K.Holders, [&](const MemRegion *H) {
      return !cvet::holderInScope(H, At, LC, Scopes);
    });
    bool WasHeld = K.Sym ? State->get<HeldSymMap>(K.Sym) != nullptr
                         : State->contains<HeldScanSet>(K.Scan);
    if (!K.Holders.empty() && At) {
      if (K.Sym) {
        HolderSet::Factory &F = Cleaned->get_context<HolderSet>();
        HolderSet Set = F.getEmptySet();
        for (const MemRegion *H : K.Holders)
          Set = F.add(Set, H);
        Cleaned = Cleaned->set<HeldSymMap>(K.Sym, Set);
      } else {
        Cleaned = Cleaned->add<HeldScanSet>(K.Scan);
      }
      continue;
    }
    // Lost here: the last variable holding it just went out of scope.
    PathDiagnosticLocation Exit;
    if (WasHeld) {
      // The jump that took the path away after the last use, if any.
      auto IsHeld = [&K](const ExplodedNode *N) {
        ProgramStateRef St = N->getState();
        return K.Sym ? St->get<HeldSymMap>(K.Sym) != nullptr
                     : St->contains<HeldScanSet>(K.Scan);
      };
      if (const Stmt *J = cvet::jumpSince(Here, IsHeld))
        Exit = PathDiagnosticLocation::createBegin(J, C.getSourceManager(),
                                                   LC);
    }
    if (At && !Exit.isValid()) {
      const MemRegion *Holder = K.Scan;
      if (K.Sym) {
        if (const HolderSet *H = State->get<HeldSymMap>(K.Sym))
          Holder = *H->begin();
        else if (!K.Holders.empty())
          Holder = K.Holders.front();
        else if (auto Hs = lastHolders(C.getPredecessor(), K.Sym); !Hs.empty())
          Holder = Hs.front();
      }
      if (Holder)
        Exit = cvet::scopeExit(Here, Holder, C.getSourceManager(), Scopes);
    }
    if (K.Scan) {
      Cleaned = Cleaned->remove<HeldScanSet>(K.Scan)
                    ->remove<ScanRegionMap>(K.Scan);
      Leaks.push_back({nullptr, K.Scan, Exit, nullptr});
      continue;
    }
    Cleaned = Cleaned->remove<HeldSymMap>(K.Sym);
    // Whether it was opened at all was settled when it became held: what
    // was known of it then is gone from the state since.
    const IterState &S = *State->get<IterSymMap>(K.Sym);
    if (S.mayEndLater()) {
      Cleaned = Cleaned->set<IterSymMap>(K.Sym, S.lost());
      continue;
    }
    Leaks.push_back({K.Sym, nullptr, Exit, nullptr});
    Cleaned = Cleaned->remove<IterSymMap>(K.Sym);
  }

  if (Leaks.empty()) {
    C.addTransition(Cleaned, Here);
    return;
  }
  reportLeaks(Leaks, C, Cleaned, Here);
}

void UnclosedIteratorChecker::checkLiveSymbols(ProgramStateRef State,
                                               SymbolReaper &SR) const {
  for (const auto &[Sym, Holders] : State->get<HeldSymMap>())
    SR.markLive(Sym);
  // Nothing in the program holds a scan without a handle: it lives until it
  // is ended or its frame returns.
  for (const auto &[Sym, Frame] : State->get<GlobalScanMap>())
    SR.markLive(Sym);
}

void UnclosedIteratorChecker::checkBind(
    CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)) const {
  ProgramStateRef State = C.getState();
  bool HaveSyms = !State->get<IterSymMap>().isEmpty();
  bool HaveScans = !State->get<ScanRegionMap>().isEmpty();
  if (!HaveSyms && !HaveScans)
    return;
  ProgramStateRef New = State;
  if (HaveScans)
    New = escapeCopiedScans(New, Val);
  // The variable's cleanup function closes what it holds.
  if (HaveSyms && hasCleanup(Loc.getAsRegion()))
    if (SymbolRef Sym = Val.getAsSymbol())
      New = New->remove<IterSymMap>(Sym);

  // Overwriting the last variable that held a handle loses it.
  llvm::SmallVector<Leak, 1> Leaks;
  if (const MemRegion *L = Loc.getAsRegion(); L && S) {
    HolderSet::Factory &F = New->get_context<HolderSet>();
    for (const auto &[Sym, Holders] : State->get<HeldSymMap>()) {
      HolderSet Rest = Holders;
      for (const MemRegion *H : Holders)
        if (cvet::writeAffects(L, H, /*PartsCount=*/false))
          Rest = F.remove(Rest, H);
      if (Rest == Holders)
        continue;
      if (!Rest.isEmpty()) {
        New = New->set<HeldSymMap>(Sym, Rest);
        continue;
      }
      New = New->remove<HeldSymMap>(Sym);
      const IterState *IS = New->get<IterSymMap>(Sym);
      if (!IS || !IS->isOpen())
        continue;
      if (IS->mayEndLater()) {
        New = New->set<IterSymMap>(Sym, IS->lost());
        continue;
      }
      Leak L{Sym, nullptr, {}, S};
      SymbolRef Held = Sym;
      if (const Stmt *J = cvet::jumpSince(
              C.getPredecessor(), [Held](const ExplodedNode *N) {
                return N->getState()->get<HeldSymMap>(Held) != nullptr;
              }))
        L.At = PathDiagnosticLocation::createBegin(J, C.getSourceManager(),
                                                   C.getLocationContext());
      Leaks.push_back(L);
      New = New->remove<IterSymMap>(Sym);
    }
  }
  if (!Leaks.empty()) {
    reportLeaks(Leaks, C, New);
    return;
  }
  if (New != State)
    C.addTransition(New);
}

void UnclosedIteratorChecker::checkPreStmt(const ReturnStmt *RS,
                                           CheckerContext &C) const {
  // A scan object returned by value is the caller's to end.
  ProgramStateRef State = C.getState();
  if (State->get<ScanRegionMap>().isEmpty() &&
      State->get<IterSymMap>().isEmpty())
    return;
  ProgramStateRef New = State;
  if (const Expr *E = RS->getRetValue())
    New = escapeCopiedScans(New, C.getSVal(E));
  llvm::SmallVector<Leak, 2> Leaks;
  New = loseHeldAtReturn(RS, C, New, Leaks);
  if (!Leaks.empty())
    reportLeaks(Leaks, C, New);
  else if (New != State)
    C.addTransition(New);
}

/// Handles held only by this frame's variables are lost when it returns.
/// Done at the return statement too: the analyzer ends a path that runs a
/// cleanup function (Clang 19) before the function's end is processed.
ProgramStateRef UnclosedIteratorChecker::loseHeldAtReturn(
    const ReturnStmt *RS, CheckerContext &C, ProgramStateRef State,
    SmallVectorImpl<Leak> &Leaks) const {
  const StackFrameContext *SFC = C.getStackFrame();
  ProgramStateRef Cleaned = State;
  auto InFrame = [SFC](const MemRegion *H) {
    const auto *VR = dyn_cast<VarRegion>(H->getBaseRegion());
    return VR && VR->getStackFrame() == SFC;
  };
  const SourceManager &SM = C.getSourceManager();
  auto ExitOf = [&](auto IsHeld) {
    if (const Stmt *J = cvet::jumpSince(C.getPredecessor(), IsHeld))
      return PathDiagnosticLocation::createBegin(J, SM, SFC);
    if (RS)
      return PathDiagnosticLocation::createBegin(RS, SM, SFC);
    if (const auto *Body =
            dyn_cast_or_null<CompoundStmt>(SFC->getDecl()->getBody()))
      return PathDiagnosticLocation(Body->getRBracLoc(), SM);
    return PathDiagnosticLocation();
  };
  for (const auto &[Sym, Holders] : State->get<HeldSymMap>()) {
    if (!llvm::all_of(Holders, InFrame))
      continue;
    Cleaned = Cleaned->remove<HeldSymMap>(Sym);
    const IterState *S = State->get<IterSymMap>(Sym);
    if (!S || !S->isOpen())
      continue;
    if (S->mayEndLater()) {
      Cleaned = Cleaned->set<IterSymMap>(Sym, S->lost());
      continue;
    }
    SymbolRef Held = Sym;
    Leaks.push_back({Sym, nullptr, ExitOf([Held](const ExplodedNode *N) {
                       return N->getState()->get<HeldSymMap>(Held) != nullptr;
                     }),
                     nullptr});
    Cleaned = Cleaned->remove<IterSymMap>(Sym);
  }
  for (const MemRegion *R : State->get<HeldScanSet>()) {
    if (!InFrame(R))
      continue;
    Cleaned = Cleaned->remove<HeldScanSet>(R)->remove<ScanRegionMap>(R);
    const IterState *S = State->get<ScanRegionMap>(R);
    if (!S || !S->isOpen())
      continue;
    Leaks.push_back({nullptr, R, ExitOf([R](const ExplodedNode *N) {
                       return N->getState()->contains<HeldScanSet>(R);
                     }),
                     nullptr});
  }

  // A scan without a handle (setpwent) is this frame's to end if its body
  // ends it on some path; otherwise its caller's (a users_begin() wrapper),
  // and no one's once the analysis leaves the top frame.
  for (const auto &[Sym, Frame] : State->get<GlobalScanMap>()) {
    if (Frame != SFC)
      continue;
    const IterState *S = State->get<IterSymMap>(Sym);
    if (S && S->isOpen() && releasesIn(SFC->getDecl(), S->family())) {
      Leaks.push_back(
          {Sym, nullptr, ExitOf([](const ExplodedNode *) { return false; }),
           nullptr});
    } else if (const LocationContext *Parent = SFC->getParent();
               S && S->isOpen() && Parent) {
      Cleaned = Cleaned->set<GlobalScanMap>(Sym, Parent->getStackFrame());
      continue;
    }
    Cleaned = Cleaned->remove<GlobalScanMap>(Sym)->remove<IterSymMap>(Sym);
  }

  return Cleaned;
}

void UnclosedIteratorChecker::checkEndFunction(const ReturnStmt *RS,
                                               CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  llvm::SmallVector<Leak, 2> Leaks;
  ProgramStateRef Cleaned = loseHeldAtReturn(RS, C, State, Leaks);

  // Handles lost on the way that no later call ended (mdb_txn_commit) leak
  // when the analysis ends. Paths into exit() or abort() never get here.
  if (C.inTopFrame())
    for (const auto &[Sym, S] : State->get<IterSymMap>()) {
      if (!S.isLost())
        continue;
      if (!isUnconfirmed(State, Sym, S))
        Leaks.push_back({Sym, nullptr, {}, nullptr});
      Cleaned = Cleaned->remove<IterSymMap>(Sym);
    }
  if (!Leaks.empty())
    reportLeaks(Leaks, C, Cleaned);
  else if (Cleaned != State)
    C.addTransition(Cleaned);
}

//===----------------------------------------------------------------------===//
// Reports.
//===----------------------------------------------------------------------===//

/// The node where the handle was (last) opened on this path.
template <typename MapT, typename KeyT>
static const ExplodedNode *openSite(const ExplodedNode *N, KeyT Key) {
  return cvet::firstOfRun(N, [Key](const ExplodedNode *At) {
    const IterState *S = At->getState()->get<MapT>(Key);
    return S && !S->isClosed();
  });
}

void UnclosedIteratorChecker::reportLeaks(ArrayRef<Leak> Leaks,
                                          CheckerContext &C,
                                          ProgramStateRef Cleaned,
                                          ExplodedNode *From) const {
  ProgramStateRef State = C.getState();
  ExplodedNode *Err = C.generateNonFatalErrorNode(State, From);
  if (!Err) {
    C.addTransition(Cleaned, From);
    return;
  }
  const SourceManager &SM = C.getSourceManager();
  for (const Leak &L : Leaks) {
    const IterState &S = L.Sym ? *State->get<IterSymMap>(L.Sym)
                               : *State->get<ScanRegionMap>(L.Scan);
    const ExplodedNode *Site = L.Sym ? openSite<IterSymMap>(Err, L.Sym)
                                     : openSite<ScanRegionMap>(Err, L.Scan);
    auto [Unique, UniqueDecl] = cvet::uniqueAt(Site, SM);
    PathDiagnosticLocation At = L.At;
    if (!At.isValid() && L.Overwrite) {
      // An overwrite reached straight from a goto or continue is shown at
      // the jump: that is where the code went wrong.
      const Stmt *Where = L.Overwrite;
      if (const Stmt *J = cvet::jumpBefore(Err, L.Overwrite))
        Where = J;
      At = PathDiagnosticLocation::createBegin(Where, SM,
                                               Err->getLocationContext());
    }
    if (!At.isValid()) {
      // A handle that was lost earlier is shown where it was lost.
      const ExplodedNode *LostAt = Err;
      SymbolRef Sym = L.Sym;
      if (S.isLost())
        if (const ExplodedNode *N =
                cvet::firstOfRun(Err, [Sym](const ExplodedNode *At) {
                  const IterState *Now = At->getState()->get<IterSymMap>(Sym);
                  return Now && Now->isLost();
                }))
          LostAt = N;
      auto Tracked = [Sym](ProgramStateRef St) {
        return St->get<IterSymMap>(Sym) != nullptr;
      };
      if (const Stmt *Lost = cvet::leakPoint(LostAt, Sym, Tracked))
        At = PathDiagnosticLocation::createBegin(Lost, SM,
                                                 LostAt->getLocationContext());
    }
    auto R = std::make_unique<cvet::LeakReport>(LeakBT, leakMessage(S), Err, Unique,
                                          UniqueDecl, At);
    if (L.Sym)
      R->markInteresting(L.Sym);
    if (L.Scan)
      R->markInteresting(L.Scan);
    C.emitReport(std::move(R));
  }
  C.addTransition(Cleaned, Err);
}

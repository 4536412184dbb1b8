//===- Handles.cpp - LoopVarCapture: joins, detaches, handed-on handles ---===//
//
// How pending work is named and how it ends (the rule's own state machine is
// at the top of Checker.cpp):
//
//   Shared --join of the work's handle (its value, where the spawn wrote it,
//            element by element in a private handle array), a join-all-->
//            (not shared)
//   Shared --detach of the handle (pthread_detach)--> Detached: no handle
//            join, and no unknown code given the handle, ends it any more
//   Shared --handle value passed as a void * (g_ptr_array_add(threads, t),
//            list_append(l, t))--> Stored: a container keeps it, nobody
//            joined it
//   Stored --join of a handle loaded from that container, a join in a loop
//            that does not spawn whose handle names no pending work, or
//            reaching the condition of such a loop whose body joins (a loop
//            over the container, which may look empty: Checker.cpp's
//            waitLoop)--> (not shared)
//   Shared --the handle (typed) or the object passed to code the analyzer
//            cannot see, a named unknown function without arguments, or a
//            handle kept where other code can reach it--> (not shared):
//            that code may join or wait
//
//===----------------------------------------------------------------------===//

#include "LoopVarCapture/Handles.h"
#include "LoopVarCapture/LoopVarCapture.h"
#include "LoopVarCapture/Sharing.h"
#include "support/LoopAST.h"
#include "support/Regions.h"
#include "support/ScopeExit.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace clang::ento;

/// Heap memory (its symbol) that code the analyzer cannot see may reach: it
/// was passed to such code or stored where such code can find it.
REGISTER_SET_WITH_PROGRAMSTATE(EscapedMemory, SymbolRef)
/// What joins with a SuccessReturn returned, and the value that means it
/// worked: a path on which one failed is not where a report belongs.
REGISTER_MAP_WITH_PROGRAMSTATE(JoinResults, SymbolRef, int64_t)

namespace cvet::loopvar {

bool mayEqual(ProgramStateRef State, SymbolRef Sym, int64_t Value,
              SValBuilder &SVB) {
  SVal Cond = SVB.evalBinOp(State, BO_EQ, nonloc::SymbolVal(Sym),
                            SVB.makeIntVal(Value, Sym->getType()),
                            SVB.getConditionType());
  auto DCond = Cond.getAs<DefinedOrUnknownSVal>();
  return !DCond || static_cast<bool>(State->assume(*DCond, true));
}

bool mayHaveStarted(ProgramStateRef State, const Sharing &E,
                    SValBuilder &SVB) {
  // A spawn that returns its handle failed where it returned NULL
  // (g_thread_try_new).
  SymbolRef H = E.handleSymbol();
  if (E.handle() == HandleLoc::Return && H && Loc::isLocType(H->getType()) &&
      State->isNull(nonloc::SymbolVal(H)).isConstrainedTrue())
    return false;
  SymbolRef Ret = E.startedIfSymbol();
  return !Ret || mayEqual(State, Ret, E.successValue(), SVB);
}

bool joinFailed(ProgramStateRef State, SValBuilder &SVB) {
  return llvm::any_of(State->get<JoinResults>(), [&](const auto &KV) {
    return !mayEqual(State, KV.first, KV.second, SVB);
  });
}

namespace {

/// Whether the handle value H (kept in HRegion, when known) names E's work.
bool joins(ProgramStateRef State, const Sharing &E, SVal H,
           const MemRegion *HRegion) {
  SymbolRef Sym = H.getAsSymbol();
  switch (E.handle()) {
  case HandleLoc::None:
    return false;
  case HandleLoc::Return:
    return Sym && Sym == E.handleSymbol();
  case HandleLoc::Arg: {
    const MemRegion *R = H.getAsRegion();
    return (R && cvet::stripReinterpretCasts(R) == E.handleRegion()) ||
           (Sym && Sym == E.handleSymbol());
  }
  case HandleLoc::OutParam:
    if (HRegion && HRegion == E.handleRegion())
      return true;
    if (!Sym)
      return false;
    if (Sym == E.handleSymbol())
      return true;
    // The handle array was invalidated by later spawns: compare with what is
    // stored where this spawn wrote its handle. The first element of a heap
    // array (calloc'd pthread_t) is kept as the untyped heap region itself.
    if (const MemRegion *HR = E.handleRegion()) {
      QualType Ty = Sym->getType();
      if (const auto *TR = dyn_cast<TypedValueRegion>(HR)) {
        if (!TR->getValueType()->isScalarType())
          return false;
        Ty = TR->getValueType();
      }
      return State->getSVal(loc::MemRegionVal(HR), Ty).getAsSymbol() == Sym;
    }
    return false;
  case HandleLoc::InPlace:
    break; // The model reader rejects InPlace spawns.
  }
  llvm_unreachable("unknown handle kind");
}

/// Whether the value V was loaded, through any chain of pointers, from memory
/// under Container: `threads->pdata[i]` of a GPtrArray, `it->data` of a list
/// whose first node Container holds.
bool loadedFrom(SVal V, const MemRegion *Container) {
  if (!Container)
    return false;
  const MemRegion *Base = Container->getBaseRegion();
  const auto *BaseSym = dyn_cast<SymbolicRegion>(Base);
  llvm::SmallVector<SymbolRef, 4> Work;
  llvm::SmallPtrSet<SymbolRef, 8> Seen;
  auto Under = [&](const MemRegion *R) {
    if (!R)
      return false;
    R = R->getBaseRegion();
    if (R == Base)
      return true;
    if (const auto *SR = dyn_cast<SymbolicRegion>(R))
      Work.push_back(SR->getSymbol());
    return false;
  };
  if (SymbolRef S = V.getAsSymbol())
    Work.push_back(S);
  else if (Under(V.getAsRegion()))
    return true;
  while (!Work.empty()) {
    SymbolRef S = Work.pop_back_val();
    if (!Seen.insert(S).second)
      continue;
    if (BaseSym && BaseSym->getSymbol() == S)
      return true;
    if (const auto *RV = dyn_cast<SymbolRegionValue>(S)) {
      if (Under(RV->getRegion()))
        return true;
    } else if (const auto *D = dyn_cast<SymbolDerived>(S)) {
      if (Under(D->getRegion()))
        return true;
      Work.push_back(D->getParentSymbol());
    }
  }
  return false;
}

/// Whether the call (in LC) is inside a loop of E's function that does not
/// hold E's spawn: a loop after the spawning one.
bool inLaterLoop(const Sharing &E, const Stmt *Call,
                 const LocationContext *LC) {
  const StackFrameContext *Frame = E.variable()->getStackFrame();
  const Stmt *At = cvet::stmtInFrame(Call, LC, Frame);
  const Stmt *SpawnAt = cvet::stmtInFrame(E.spawn(), E.spawnContext(), Frame);
  if (!At || !SpawnAt)
    return false;
  const ParentMap &PM = Frame->getAnalysisDeclContext()->getParentMap();
  const Stmt *Loop = enclosingLoop(PM, At);
  return Loop && !isWithin(PM, SpawnAt, Loop);
}

ProgramStateRef replace(ProgramStateRef State, const Sharing &Old,
                        const Sharing &New) {
  return State->remove<SharedWithWork>(Old)->add<SharedWithWork>(New);
}

/// The handle a join or detach names: its value H, and where it is kept
/// (HRegion) when the call takes a pointer to it.
bool handleOf(const CallEvent &Call, unsigned Arg, bool ByPointer,
              ProgramStateRef State, SVal &H, const MemRegion *&HRegion) {
  if (Arg >= Call.getNumArgs())
    return false;
  H = Call.getArgSVal(Arg);
  HRegion = nullptr;
  if (!ByPointer)
    return true;
  HRegion = H.getAsRegion();
  if (!HRegion)
    return false;
  HRegion = cvet::stripReinterpretCasts(HRegion);
  H = UnknownVal();
  if (const auto *TR = dyn_cast<TypedValueRegion>(HRegion);
      TR && TR->getValueType()->isScalarType())
    H = State->getSVal(TR);
  return true;
}

} // namespace

void LoopVarCaptureChecker::join(const cvet::ThreadJoin &J,
                                 const CallEvent &Call,
                                 CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (State->get<SharedWithWork>().isEmpty())
    return;
  if (J.OnlyIfArgNonZero) {
    if (*J.OnlyIfArgNonZero >= Call.getNumArgs())
      return;
    auto Arg = Call.getArgSVal(*J.OnlyIfArgNonZero).getAs<DefinedOrUnknownSVal>();
    // Precision first: a flag that may be set counts as set.
    if (Arg && !State->assume(*Arg, true))
      return;
  }
  ProgramStateRef Before = State;
  if (J.AllWork) {
    for (const Sharing &E : State->get<SharedWithWork>())
      State = State->remove<SharedWithWork>(E);
  } else {
    SVal H;
    const MemRegion *HRegion;
    if (!handleOf(Call, J.HandleArg, J.HandleByPointer, State, H, HRegion))
      return;
    bool Named = false;
    for (const Sharing &E : State->get<SharedWithWork>())
      if (!E.isDetached() && joins(Before, E, H, HRegion)) {
        State = State->remove<SharedWithWork>(E);
        Named = true;
      }
    // A handle that names no pending work came from somewhere the analyzer
    // lost track of: the container the spawning loop stored handles in.
    if (!Named)
      for (const Sharing &E : State->get<SharedWithWork>())
        if (E.isStored() && !E.isDetached() &&
            (loadedFrom(H, E.container()) ||
             inLaterLoop(E, Call.getOriginExpr(), C.getLocationContext())))
          State = State->remove<SharedWithWork>(E);
  }
  if (J.SuccessReturn)
    if (SymbolRef Ret = Call.getReturnValue().getAsSymbol())
      State = State->set<JoinResults>(Ret, *J.SuccessReturn);
  if (State != Before)
    C.addTransition(State);
}

void LoopVarCaptureChecker::detach(const cvet::ThreadDetach &D,
                                   const CallEvent &Call,
                                   CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  SVal H;
  const MemRegion *HRegion;
  if (State->get<SharedWithWork>().isEmpty() ||
      !handleOf(Call, D.HandleArg, D.HandleByPointer, State, H, HRegion))
    return;
  ProgramStateRef Before = State;
  for (const Sharing &E : Before->get<SharedWithWork>())
    if (!E.isDetached() && joins(Before, E, H, HRegion))
      State = replace(State, E, E.detached());
  if (State != Before)
    C.addTransition(State);
}

/// After a call the analyzer did not model or inline. A handle value passed
/// as a void * is stored (a container of the program's keeps it). Code the
/// analyzer cannot see (outside system headers) may join work whose handle
/// it is given otherwise, or wait for a signal about an object it is given:
/// such sharing is forgotten.
void LoopVarCaptureChecker::afterUnknownCall(const CallEvent &Call,
                                             CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  SharedWithWorkTy Set = State->get<SharedWithWork>();
  if (Set.isEmpty())
    return;
  bool Opaque = !Call.isInSystemHeader();
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  llvm::SmallPtrSet<const MemRegion *, 8> Bases;
  llvm::SmallPtrSet<SymbolRef, 8> Syms, StoredSyms;
  // The container: what the first typed pointer argument points to (the
  // GPtrArray, the list), else the call's result (list = g_list_append(list,
  // t), whose first argument may be NULL).
  const MemRegion *Container = nullptr;
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I) {
    SVal V = Call.getArgSVal(I);
    bool AsVoidPointer = FD && I < FD->getNumParams() &&
                         FD->getParamDecl(I)->getType()->isVoidPointerType();
    if (SymbolRef Sym = V.getAsSymbol())
      (AsVoidPointer ? StoredSyms : Syms).insert(Sym);
    if (const MemRegion *R = V.getAsRegion()) {
      const MemRegion *Base = cvet::stripReinterpretCasts(R)->getBaseRegion();
      Bases.insert(Base);
      if (!AsVoidPointer && !Container)
        Container = Base;
    }
  }
  if (!Container)
    if (const MemRegion *R = Call.getReturnValue().getAsRegion())
      Container = R->getBaseRegion();

  for (const Sharing &E : Set) {
    SymbolRef HSym = E.handleSymbol();
    bool HandleGiven = HSym && Syms.count(HSym);
    Sharing Now = E;
    if (HSym && StoredSyms.count(HSym) && !HandleGiven) {
      Now = E.storedIn(Container);
      State = replace(State, E, Now);
    }
    if (!Opaque)
      continue;
    // A named function without arguments works on global state: the usual
    // reason to call one right after a spawn is a wait on a global
    // semaphore, barrier or flag (`wait_for_start()`). Calls through
    // pointers (`next()`) are more often producers.
    // The container of stored handles, given to such code, may be joined
    // there (join_workers(threads)).
    bool Reachable = (Call.getNumArgs() == 0 &&
                      isa_and_nonnull<FunctionDecl>(Call.getDecl())) ||
                     Bases.count(E.object()->getBaseRegion()) ||
                     (HandleGiven && !E.isDetached()) ||
                     (E.isStored() && !E.isDetached() && E.container() &&
                      Bases.count(E.container()->getBaseRegion()));
    if (const MemRegion *HR = E.handleRegion(); HR && !E.isDetached()) {
      const MemRegion *Base = HR->getBaseRegion();
      // A handle kept outside the stack can be joined by any code, unless it
      // is in memory this path allocated and never let out (a calloc'd
      // handle array that only a local points to).
      Reachable = Reachable || Bases.count(Base) ||
                  !(cvet::isOnStack(Base) || privateHeap(State, Base));
    }
    if (Reachable)
      State = State->remove<SharedWithWork>(Now);
  }
  if (State != C.getState())
    C.addTransition(State);
}

/// Whether Base is memory an allocator (malloc, calloc, xcalloc: the
/// model's New) returned on this path, that has not escaped to code the
/// analyzer cannot see.
bool LoopVarCaptureChecker::privateHeap(ProgramStateRef State,
                                        const MemRegion *Base) const {
  const auto *SR = dyn_cast<SymbolicRegion>(Base);
  const auto *Sym = SR ? dyn_cast<SymbolConjured>(SR->getSymbol()) : nullptr;
  const auto *CE = Sym ? dyn_cast_or_null<CallExpr>(Sym->getStmt()) : nullptr;
  return CE && Allocators->lookupAsWritten(*CE) &&
         !State->contains<EscapedMemory>(Sym);
}

ProgramStateRef LoopVarCaptureChecker::checkPointerEscape(
    ProgramStateRef State, const InvalidatedSymbols &Escaped,
    const CallEvent *Call, PointerEscapeKind) const {
  // Library calls (free, memset) and the spawns and joins themselves do not
  // keep the memory for code that could join through it.
  if (Call && (Call->isInSystemHeader() || Spawns->lookup(*Call) ||
               Joins->lookup(*Call) || Detaches->lookup(*Call)))
    return State;
  for (const Sharing &E : State->get<SharedWithWork>())
    if (const MemRegion *HR = E.handleRegion())
      if (const auto *SR = dyn_cast<SymbolicRegion>(HR->getBaseRegion()))
        if (Escaped.count(SR->getSymbol()))
          State = State->add<EscapedMemory>(SR->getSymbol());
  return State;
}

void LoopVarCaptureChecker::checkLiveSymbols(ProgramStateRef State,
                                             SymbolReaper &SR) const {
  // Keep the spawn's result alive: its constraints say whether work started
  // (a returned handle: whether it is NULL).
  for (const Sharing &E : State->get<SharedWithWork>()) {
    if (SymbolRef Ret = E.startedIfSymbol())
      SR.markLive(Ret);
    if (E.handle() == HandleLoc::Return && E.handleSymbol())
      SR.markLive(E.handleSymbol());
  }
  // And a join's, while anything is left to report.
  if (!State->get<SharedWithWork>().isEmpty())
    for (const auto &[Ret, Success] : State->get<JoinResults>())
      SR.markLive(Ret);
}

} // namespace cvet::loopvar

//===- Checker.cpp - cvet.UnclosedIterator: iterators that are never closed -===//
//
// cvet.UnclosedIterator: an iterator, cursor or scan handle that must be
// closed is not closed on some path before it becomes unreachable. The Go
// original is a map iterator whose Close() is never called.
//
// A handle is tracked as a symbol (DIR *d = opendir(p), or the value written
// to *arg by sqlite3_prepare_v2(..., &stmt, ...)), or, for an in-place scan
// (hash_seq_init(&status, h), glob(..., &g)), as the region of the scan
// object. Which functions open, use, close or take over a handle is data:
// cvet::Model (lib/models/iterators.yaml plus user files) and Clang's
// acquire_handle / use_handle / release_handle attributes with any tag.
//
//   open (not NULL, status == SuccessReturn)
//     --> Open --close--> Closed --close--> (closed twice: report)
//          |  |                    '--dies--> (forgotten)
//          |  |--escape: stored outside the frame, handed to an owner or
//          |  |  to code we cannot see, bound to a cleanup variable
//          |  |  --> (forgotten)
//          |  '--hash_seq_search returns NULL--> Closed
//          '--dies (dead symbol, dead region, overwritten) while not NULL
//               --> (leak: report where it is lost, uniqued at the open)
//                   or, if some call ends every handle of the family
//                   (mdb_txn_commit), --> Lost --that call--> (forgotten)
//                                             '--analysis ends--> (leak)
//
// A handle whose opening status the code threw away is Unconfirmed until it
// is used or checked for NULL: losing it before is not reported, as the code
// may learn of a failure another way (sqlite3_errcode(db)).
//
// A failed open (NULL handle, status != SuccessReturn) leaves nothing to
// close. Calls into the model's Use list, into release functions and into
// library functions declared in system headers (unless they take callbacks
// or untyped pointers) are not escapes: otherwise readdir(d) would hide every
// leak.
//
//===----------------------------------------------------------------------===//

#include "Checkers.h"
#include "UnclosedIterator/HandleAttributes.h"
#include "UnclosedIterator/UnclosedIterator.h"
#include "support/CallMatching.h"
#include "support/Escape.h"
#include "support/LeakLocation.h"
#include "support/Regions.h"
#include "support/Compat.h"
#include "support/ModelOption.h"
#include "support/ScopeExit.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>
#include <memory>

using namespace clang;
using namespace clang::ento;
using cvet::Escape;
using cvet::HandleLoc;

using namespace cvet::unclosed;

REGISTER_MAP_WITH_PROGRAMSTATE(IterSymMap, SymbolRef, IterState)
REGISTER_MAP_WITH_PROGRAMSTATE(ScanRegionMap, const MemRegion *, IterState)
// Open handles that no variable will read again but that a variable still in
// scope holds (the analyzer calls them dead at their last use): they are lost
// only where that variable goes out of scope or is overwritten. Kept alive so
// that what is known about them (NULL or not) stays.
REGISTER_SET_FACTORY_WITH_PROGRAMSTATE(HolderSet, const MemRegion *)
REGISTER_MAP_WITH_PROGRAMSTATE(HeldSymMap, SymbolRef, HolderSet)
// In-place scans whose object no one reads again, while it is in scope.
REGISTER_SET_WITH_PROGRAMSTATE(HeldScanSet, const MemRegion *)


//===----------------------------------------------------------------------===//
// Messages.
//===----------------------------------------------------------------------===//

static std::string subject(const IterState &S) {
  switch (S.shape()) {
  case HandleLoc::Return:
    return ("Iterator returned by '" + S.opener() + "'").str();
  case HandleLoc::OutParam:
    return ("Iterator opened by '" + S.opener() + "'").str();
  case HandleLoc::InPlace:
    return ("Scan started by '" + S.opener() + "'").str();
  case HandleLoc::None:
  case HandleLoc::Arg:
    break; // The model reader rejects them for iterators.
  }
  llvm_unreachable("all shapes handled");
}

static std::string fixHint(const Family &F) {
  if (!F.Closer.empty())
    return "call '" + F.Closer + "'";
  return "pass it to a function whose parameter is marked "
         "release_handle(\"" +
         F.Name + "\")";
}

static std::string leakMessage(const IterState &S) {
  bool Scan = S.shape() == HandleLoc::InPlace;
  return subject(S) + (Scan ? " is not ended" : " is not closed") +
         " on this path; " + fixHint(S.family());
}

static std::string doubleCloseMessage(const IterState &S) {
  return subject(S) + (S.shape() == HandleLoc::InPlace ? " is ended twice"
                                                       : " is closed twice");
}

//===----------------------------------------------------------------------===//
// Small helpers.
//===----------------------------------------------------------------------===//


/// A variable declared with __attribute__((cleanup(fn))), g_autoptr(T) and
/// g_auto(T) included: its cleanup closes whatever it holds at scope exit.
static bool hasCleanup(const MemRegion *R) {
  if (!R)
    return false;
  if (const auto *VR = dyn_cast<VarRegion>(R->getBaseRegion()))
    return VR->getDecl()->hasAttr<CleanupAttr>();
  return false;
}

static const MemRegion *scanRegion(SVal V) {
  const MemRegion *R = V.getAsRegion();
  return R ? R->StripCasts() : nullptr;
}

/// A handle whose value says nothing was opened: NULL, or a negative
/// integer handle.
static bool isKnownInvalid(ProgramStateRef State, SymbolRef Sym) {
  ConstraintManager &CM = State->getConstraintManager();
  if (CM.isNull(State, Sym).isConstrainedTrue())
    return true;
  QualType T = Sym->getType();
  if (T->isSignedIntegerType()) {
    SValBuilder &SVB = State->getStateManager().getSValBuilder();
    SVal NonNeg = SVB.evalBinOp(State, BO_GE, nonloc::SymbolVal(Sym),
                                SVB.makeZeroVal(T), SVB.getConditionType());
    if (auto D = NonNeg.getAs<DefinedOrUnknownSVal>())
      if (!State->assume(*D, true))
        return true;
  }
  return false;
}

/// A handle opened by a call whose status was ignored, and neither used nor
/// checked for NULL since: the code may have learned of a failure another
/// way, so losing it is not reported.
static bool isUnconfirmed(ProgramStateRef State, SymbolRef Sym,
                          const IterState &S) {
  if (!S.isUnconfirmed())
    return false;
  ConstraintManager &CM = State->getConstraintManager();
  return !CM.isNull(State, Sym).isConstrainedFalse();
}

/// Whether the status the call returns is thrown away: the call is a
/// statement of its own or cast to void.
static bool statusDiscarded(const CallEvent &Call, CheckerContext &C) {
  const Expr *E = dyn_cast_or_null<Expr>(Call.getOriginExpr());
  if (!E)
    return false;
  const ParentMap &PM = C.getLocationContext()->getParentMap();
  const Stmt *P = PM.getParentIgnoreParens(E);
  while (const auto *Cast = dyn_cast_or_null<CastExpr>(P)) {
    if (Cast->getType()->isVoidType())
      return true;
    if (!isa<ImplicitCastExpr>(Cast))
      return false;
    P = PM.getParentIgnoreParens(P);
  }
  return !P || isa<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt>(P);
}


/// The scan object's value was just read (`*out = status`, `return status`)
/// and the statement that copies it has not run yet. The reaper calls the
/// region dead already; wait for the copy.
static bool isCopyPending(ProgramStateRef State, const MemRegion *R) {
  for (const auto &Binding : State->getEnvironment())
    if (auto LCV = Binding.second.getAs<nonloc::LazyCompoundVal>())
      if (cvet::containsOrContainedBy(LCV->getRegion(), R))
        return true;
  return false;
}

/// A copy of a scan object (glob_t copy = g) may be the one that is ended.
static ProgramStateRef escapeCopiedScans(ProgramStateRef State, SVal V) {
  auto LCV = V.getAs<nonloc::LazyCompoundVal>();
  if (!LCV)
    return State;
  const MemRegion *From = LCV->getRegion();
  for (const auto &[R, S] : State->get<ScanRegionMap>())
    if (cvet::containsOrContainedBy(R, From))
      State = State->remove<ScanRegionMap>(R);
  return State;
}

//===----------------------------------------------------------------------===//
// Calls.
//===----------------------------------------------------------------------===//

const NoteTag *UnclosedIteratorChecker::openNote(CheckerContext &C,
                                                 SymbolRef Sym,
                                                 const MemRegion *Scan,
                                                 std::string Msg) const {
  return C.getNoteTag([this, Sym, Scan, Msg = std::move(Msg)](
                          PathSensitiveBugReport &BR) -> std::string {
    if (&BR.getBugType() != &LeakBT && &BR.getBugType() != &DoubleCloseBT)
      return "";
    if ((Sym && BR.isInteresting(Sym)) || (Scan && BR.isInteresting(Scan)))
      return Msg;
    return "";
  });
}

void UnclosedIteratorChecker::acquire(const CallEvent &Call, CheckerContext &C,
                                      ProgramStateRef State, const Family &F,
                                      HandleLoc Shape, unsigned Arg,
                                      std::optional<int64_t> SuccessReturn,
                                      bool StatusIsBool,
                                      llvm::StringRef Name) const {
  SValBuilder &SVB = C.getSValBuilder();
  const LocationContext *LCtx = C.getLocationContext();
  const char *What =
      Shape == HandleLoc::InPlace ? "starts a scan" : "opens an iterator";

  if (Shape != HandleLoc::Return && Arg >= Call.getNumArgs()) {
    // K&R call with too few arguments: nothing to model.
    if (State != C.getState())
      C.addTransition(State);
    return;
  }

  // A status code says whether anything was opened: split the path so the
  // handle is tracked only where the call succeeded.
  ProgramStateRef Ok = State, Failed = nullptr;
  bool Split = false;
  if (Shape != HandleLoc::Return && (SuccessReturn || StatusIsBool)) {
    SVal Ret = Call.getReturnValue();
    QualType RT = Call.getResultType();
    if (!Ret.isUnknownOrUndef() && RT->isIntegralOrEnumerationType()) {
      std::optional<DefinedOrUnknownSVal> Cond;
      if (StatusIsBool) {
        Cond = Ret.getAs<DefinedOrUnknownSVal>();
      } else {
        SVal Eq =
            SVB.evalBinOp(State, BO_EQ, Ret, SVB.makeIntVal(*SuccessReturn, RT),
                          SVB.getConditionType());
        Cond = Eq.getAs<DefinedOrUnknownSVal>();
      }
      if (Cond) {
        std::tie(Ok, Failed) = State->assume(*Cond);
        Split = true;
      }
    }
  }

  if (Failed) {
    // A failed glob() leaves an earlier, finished scan finished: forget it
    // so that a later globfree() is not a second close. One still open
    // (GLOB_APPEND) stays open.
    if (Shape == HandleLoc::InPlace) {
      const MemRegion *R = scanRegion(Call.getArgSVal(Arg));
      if (R)
        if (const IterState *S = Failed->get<ScanRegionMap>(R))
          if (S->isClosed())
            Failed = Failed->remove<ScanRegionMap>(R);
    }
    C.addTransition(Failed);
  }
  if (!Ok)
    return;

  std::string Note =
      Split ? ("Assuming '" + Name + "' succeeds; it " + What).str()
            : (Shape == HandleLoc::InPlace ? "Scan started by '"
                                           : "Iterator opened by '") +
                  Name.str() + "'";

  switch (Shape) {
  case HandleLoc::Return: {
    SymbolRef Sym = Call.getReturnValue().getAsSymbol();
    if (!Sym || Ok->get<IterSymMap>(Sym)) {
      C.addTransition(Ok);
      return;
    }
    Ok = Ok->set<IterSymMap>(Sym, IterState::opened(Shape, F, Name));
    C.addTransition(Ok, openNote(C, Sym, nullptr, std::move(Note)));
    return;
  }
  case HandleLoc::OutParam: {
    const MemRegion *R = scanRegion(Call.getArgSVal(Arg));
    // Written to a field of a caller's object, a global, a cleanup variable:
    // the handle escapes at once.
    if (!cvet::isOnStack(R) || hasCleanup(R)) {
      C.addTransition(Ok);
      return;
    }
    QualType T;
    if (const auto *TR = dyn_cast<TypedValueRegion>(R))
      T = TR->getValueType();
    else if (const Expr *E = Call.getArgExpr(Arg))
      T = E->getType()->getPointeeType();
    if (T.isNull() || T->isVoidType() || T->isRecordType() ||
        T->isArrayType()) {
      C.addTransition(Ok);
      return;
    }
    SymbolRef Sym;
    if (C.wasInlined) {
      // The body wrote the handle; keep what it wrote.
      Sym = Ok->getSVal(R, T).getAsSymbol();
      if (!Sym || Ok->get<IterSymMap>(Sym)) {
        C.addTransition(Ok);
        return;
      }
    } else {
      const Expr *Origin = dyn_cast_or_null<Expr>(Call.getOriginExpr());
      if (!Origin) {
        C.addTransition(Ok);
        return;
      }
      DefinedOrUnknownSVal V =
          cvet::compat::conjureSymbolVal(C, this, Origin, LCtx, T);
      Sym = V.getAsSymbol();
      if (!Sym) {
        C.addTransition(Ok);
        return;
      }
      Ok = Ok->bindLoc(loc::MemRegionVal(R), V, LCtx);
    }
    IterState S = IterState::opened(Shape, F, Name);
    if (Split && statusDiscarded(Call, C))
      S = S.unconfirmed();
    Ok = Ok->set<IterSymMap>(Sym, S);
    C.addTransition(Ok, openNote(C, Sym, nullptr, std::move(Note)));
    return;
  }
  case HandleLoc::InPlace: {
    const MemRegion *R = scanRegion(Call.getArgSVal(Arg));
    if (!R) {
      C.addTransition(Ok);
      return;
    }
    if (!cvet::isOnStack(R) || hasCleanup(R)) {
      C.addTransition(Ok->remove<ScanRegionMap>(R));
      return;
    }
    // Starting again a scan that is still open (glob with GLOB_APPEND) adds
    // to it; it is still one scan to end.
    if (const IterState *S = Ok->get<ScanRegionMap>(R))
      if (S->isOpen()) {
        C.addTransition(Ok);
        return;
      }
    Ok = Ok->set<ScanRegionMap>(R, IterState::opened(Shape, F, Name));
    C.addTransition(Ok, openNote(C, nullptr, R, std::move(Note)));
    return;
  }
  case HandleLoc::None:
  case HandleLoc::Arg:
    llvm_unreachable("the model reader rejects them for iterators");
  }
}

ProgramStateRef
UnclosedIteratorChecker::release(const CallEvent &Call, CheckerContext &C,
                                 ProgramStateRef State, const ReleaseEntry &Rel,
                                 SmallVectorImpl<const NoteTag *> &Notes,
                                 bool &Sunk) const {
  if (Rel.Arg >= Call.getNumArgs())
    return State;
  SVal ArgV = Call.getArgSVal(Rel.Arg);
  const Family &F = *Rel.Fam;

  if (F.InPlace) {
    const MemRegion *R = scanRegion(ArgV);
    const IterState *S = R ? State->get<ScanRegionMap>(R) : nullptr;
    if (!S || &S->family() != &F)
      return State;
    if (S->isClosed()) {
      if (!Rel.OnlyWhenReturnsNull && !Rel.Idempotent && !C.wasInlined) {
        reportDoubleClose(nullptr, R, *S, Call, C);
        Sunk = true;
      }
      return State;
    }
    if (Rel.OnlyWhenReturnsNull)
      return State; // split by the caller
    Notes.push_back(
        openNote(C, nullptr, R, ("Scan ended by '" + Rel.Name + "'").str()));
    return State->set<ScanRegionMap>(R, S->closed());
  }

  SymbolRef Sym = ArgV.getAsSymbol();
  const IterState *S = Sym ? State->get<IterSymMap>(Sym) : nullptr;
  if (!S || &S->family() != &F)
    return State;
  if (S->isClosed()) {
    if (!Rel.Idempotent && !C.wasInlined) {
      reportDoubleClose(Sym, nullptr, *S, Call, C);
      Sunk = true;
    }
    return State;
  }
  Notes.push_back(openNote(C, Sym, nullptr,
                           ("Iterator closed by '" + Rel.Name + "'").str()));
  return State->set<IterSymMap>(Sym, S->closed());
}

/// Reads the handle an attributed parameter refers to: the argument itself,
/// or the value it points to (a pointer to the handle).
static SymbolRef attributedHandle(ProgramStateRef State, SVal ArgV) {
  if (SymbolRef Sym = ArgV.getAsSymbol())
    if (State->get<IterSymMap>(Sym))
      return Sym;
  if (const MemRegion *R = ArgV.getAsRegion())
    if (const auto *TR = dyn_cast<TypedValueRegion>(R->StripCasts()))
      if (SymbolRef Sym = State->getSVal(TR).getAsSymbol())
        if (State->get<IterSymMap>(Sym))
          return Sym;
  return nullptr;
}

void UnclosedIteratorChecker::checkPreCall(const CallEvent &Call,
                                           CheckerContext &C) const {
  // release_handle on a function we cannot see. Done before the call: a
  // handle passed by pointer is overwritten by the call's invalidation.
  ProgramStateRef State = C.getState();
  if (State->get<IterSymMap>().isEmpty())
    return;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || !hasHandleAttrs(FD) || FD->isDefined())
    return;
  const NoteTag *Note = nullptr;
  for (unsigned I = 0, E = Call.getNumArgs(); I < E; ++I) {
    const auto *RA = paramAttr<ReleaseHandleAttr>(FD, I);
    if (!RA)
      continue;
    SymbolRef Sym = attributedHandle(State, Call.getArgSVal(I));
    if (!Sym)
      continue;
    const IterState *S = State->get<IterSymMap>(Sym);
    if (S->family().Name != RA->getHandleType())
      continue;
    if (S->isClosed()) {
      reportDoubleClose(Sym, nullptr, *S, Call, C);
      return;
    }
    State = State->set<IterSymMap>(Sym, S->closed());
    Note = openNote(C, Sym, nullptr,
                    ("Iterator closed by '" + FD->getName() + "'").str());
  }
  if (State != C.getState())
    C.addTransition(State, Note);
}

void UnclosedIteratorChecker::applyAcquireAttributes(
    const CallEvent &Call, const FunctionDecl *FD, CheckerContext &C,
    ProgramStateRef State) const {
  // A body we analyzed says more than its annotations.
  if (C.wasInlined)
    return;
  llvm::StringRef Name = FD->getName();
  if (const AcquireHandleAttr *A = returnsHandle(FD)) {
    const Family &F = familyForTag(A->getHandleType(), false);
    acquire(Call, C, State, F, HandleLoc::Return, 0, std::nullopt, false, Name);
    return;
  }
  for (unsigned I = 0, E = Call.getNumArgs(); I < E; ++I) {
    const auto *A = paramAttr<AcquireHandleAttr>(FD, I);
    if (!A)
      continue;
    // The status convention follows the return type: 0 means success for
    // integers, true for bool; a void function always succeeds.
    QualType RT = FD->getReturnType();
    std::optional<int64_t> Success;
    bool IsBool = RT->isBooleanType();
    if (!IsBool && RT->isIntegralOrEnumerationType())
      Success = 0;
    const Family &F = familyForTag(A->getHandleType(), false);
    acquire(Call, C, State, F, HandleLoc::OutParam, I, Success, IsBool, Name);
    return; // one handle per call
  }
  if (State != C.getState())
    C.addTransition(State);
}

void UnclosedIteratorChecker::checkPostCall(const CallEvent &Call,
                                            CheckerContext &C) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return;

  if (!mayBeModeled(Call)) {
    // Values passed to code we cannot see that pointer escape does not
    // cover: integer handles, and scan objects passed by value (the copy may
    // be the one that is ended).
    ProgramStateRef State = C.getState();
    bool HaveSyms = !State->get<IterSymMap>().isEmpty();
    bool HaveScans = !State->get<ScanRegionMap>().isEmpty();
    if (!C.wasInlined && (HaveSyms || HaveScans)) {
      auto [From, To] = cvet::escapingArgs(Call, escapeOf(Call));
      for (unsigned I = From; I < To; ++I) {
        SVal V = Call.getArgSVal(I);
        if (HaveScans)
          State = escapeCopiedScans(State, V);
        if (HaveSyms && !V.getAs<Loc>())
          if (SymbolRef Sym = V.getAsSymbol())
            State = State->remove<IterSymMap>(Sym);
      }
    }
    if (hasHandleAttrs(FD))
      applyAcquireAttributes(Call, FD, C, State);
    else if (State != C.getState())
      C.addTransition(State);
    return;
  }

  // Acquire.
  if (const AcquireEntry *A = Acquirers.lookup(Call)) {
    acquire(Call, C, C.getState(), *A->Fam, A->Shape, A->Arg, A->SuccessReturn,
            /*StatusIsBool=*/false, A->Name);
    return;
  }

  ProgramStateRef State = C.getState();

  // Take ownership: the callee closes it now.
  if (const auto *Own = Owners.lookup(Call)) {
    for (const ArgEntry &O : *Own) {
      if (O.Arg >= Call.getNumArgs())
        continue;
      SVal V = Call.getArgSVal(O.Arg);
      if (SymbolRef Sym = V.getAsSymbol())
        State = State->remove<IterSymMap>(Sym);
      if (const MemRegion *R = scanRegion(V))
        State = State->remove<ScanRegionMap>(R);
    }
    C.addTransition(State);
    return;
  }

  // Use: a handle the code uses was opened, whatever the status said.
  if (const auto *Uses = Users.lookup(Call)) {
    for (const ArgEntry &U : *Uses) {
      if (U.Arg >= Call.getNumArgs())
        continue;
      if (SymbolRef Sym = Call.getArgSVal(U.Arg).getAsSymbol())
        if (const IterState *S = State->get<IterSymMap>(Sym))
          if (S->isUnconfirmed())
            State = State->set<IterSymMap>(Sym, S->confirmed());
    }
  }

  // Release.
  const auto *Rels = Releasers.lookup(Call);
  if (!Rels) {
    if (State != C.getState())
      C.addTransition(State);
    return;
  }
  llvm::SmallVector<const NoteTag *, 1> Notes;
  const ReleaseEntry *OnNull = nullptr;
  bool Sunk = false;
  for (const ReleaseEntry &R : *Rels) {
    if (R.EndsAll) {
      for (const auto &[Sym, S] : State->get<IterSymMap>())
        if (!S.isClosed() && &S.family() == R.Fam)
          State = State->remove<IterSymMap>(Sym);
      continue;
    }
    State = release(Call, C, State, R, Notes, Sunk);
    if (Sunk)
      return;
    if (R.OnlyWhenReturnsNull)
      OnNull = &R;
  }

  if (OnNull && OnNull->Arg < Call.getNumArgs()) {
    // hash_seq_search(&status) ends the scan when it returns NULL.
    const MemRegion *R = scanRegion(Call.getArgSVal(OnNull->Arg));
    const IterState *S = R ? State->get<ScanRegionMap>(R) : nullptr;
    if (S && S->isOpen() && &S->family() == OnNull->Fam) {
      auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
      ProgramStateRef More = State, Done = State;
      if (Ret && !Ret->isUnknown())
        std::tie(More, Done) = State->assume(*Ret);
      if (More && More != Done)
        C.addTransition(More);
      if (Done)
        C.addTransition(
            Done->set<ScanRegionMap>(R, S->closed()),
            openNote(
                C, nullptr, R,
                ("Scan ended: '" + OnNull->Name + "' returned NULL").str()));
      return;
    }
  }
  C.addTransition(State, Notes.empty() ? nullptr : Notes.front());
}

//===----------------------------------------------------------------------===//
// Death, escape, binding.
//===----------------------------------------------------------------------===//

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
  IterSymMapTy Syms = State->get<IterSymMap>();
  ScanRegionMapTy Scans = State->get<ScanRegionMap>();
  if (Syms.isEmpty() && Scans.isEmpty())
    return;

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
    if (S.family().EndedByOthers) {
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
}

ProgramStateRef UnclosedIteratorChecker::checkPointerEscape(
    ProgramStateRef State, const InvalidatedSymbols &Escaped,
    const CallEvent *Call, PointerEscapeKind Kind) const {
  if (State->get<IterSymMap>().isEmpty())
    return State;
  if (!Call || Kind == PSK_EscapeOnBind || Kind == PSK_EscapeOther) {
    for (SymbolRef Sym : Escaped)
      State = State->remove<IterSymMap>(Sym);
    return State;
  }
  Escape E = escapeOf(*Call);
  if (E == Escape::All) {
    for (SymbolRef Sym : Escaped)
      State = State->remove<IterSymMap>(Sym);
    return State;
  }
  if (E == Escape::Variadic) {
    auto [From, To] = cvet::escapingArgs(*Call, E);
    for (unsigned I = From; I < To; ++I)
      if (SymbolRef Sym = Call->getArgSVal(I).getAsSymbol())
        if (Escaped.count(Sym))
          State = State->remove<IterSymMap>(Sym);
  }
  // The call writes through a pointer into a struct or array that also holds
  // a handle (snprintf(w.path, ...) next to w.dir, sqlite3_prepare_v2 into
  // &stmts[i] next to stmts[0]). The analyzer forgets the whole object, not
  // only what the call writes, so the handle's binding is gone though the
  // program still has it: forget the handle too. A handle held exactly where
  // the call writes is overwritten, and stays tracked.
  llvm::SmallVector<const MemRegion *, 2> Parts, Wholes;
  for (unsigned I = 0, N = Call->getNumArgs(); I < N; ++I) {
    const auto *R = dyn_cast_or_null<TypedValueRegion>(
        Call->getArgSVal(I).getAsRegion());
    if (!R)
      continue;
    Parts.push_back(R);
    if (R->getBaseRegion() != R)
      Wholes.push_back(R->getBaseRegion());
  }
  if (Wholes.empty())
    return State;
  ProgramStateRef Before = cvet::compat::callState(*Call);
  StoreManager &SM = Before->getStateManager().getStoreManager();
  for (SymbolRef Sym : Escaped) {
    if (!State->get<IterSymMap>(Sym))
      continue;
    if (llvm::any_of(Parts, [&](const MemRegion *R) {
          return Before->getSVal(R).getAsSymbol() == Sym;
        }))
      continue;
    for (const MemRegion *W : Wholes) {
      cvet::HoldsSymbol H(Sym, W);
      SM.iterBindings(Before->getStore(), H);
      if (H.Found) {
        State = State->remove<IterSymMap>(Sym);
        break;
      }
    }
  }
  return State;
}

/// A handle passed as a `const void *` goes to a generic container
/// (json-c's lh_table_insert(t, k, const void *v), a project's
/// list_append(l, const void *item)) as often as to a reader: it may be kept.
/// A `const DIR *` parameter names the handle's type and only reads it.
ProgramStateRef UnclosedIteratorChecker::checkConstPointerEscape(
    ProgramStateRef State, const InvalidatedSymbols &Escaped,
    const CallEvent *Call, PointerEscapeKind Kind) const {
  if (State->get<IterSymMap>().isEmpty() || !Call)
    return State;
  if (mayBeModeled(*Call) && (Acquirers.lookup(*Call) ||
                              Releasers.lookup(*Call) || Users.lookup(*Call)))
    return State;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call->getDecl());
  if (!FD || (hasHandleAttrs(FD) && !FD->isDefined()))
    return State;
  unsigned N = std::min<unsigned>(Call->getNumArgs(), FD->getNumParams());
  for (unsigned I = 0; I < N; ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    if (!T->isPointerType() || !T->getPointeeType()->isVoidType())
      continue;
    if (SymbolRef Sym = Call->getArgSVal(I).getAsSymbol())
      if (Escaped.count(Sym))
        State = State->remove<IterSymMap>(Sym);
  }
  return State;
}

ProgramStateRef UnclosedIteratorChecker::checkRegionChanges(
    ProgramStateRef State, const InvalidatedSymbols *Inval,
    ArrayRef<const MemRegion *> ExplicitRegions,
    ArrayRef<const MemRegion *> Regions, const LocationContext *LCtx,
    const CallEvent *Call) const {
  // Plain stores (Inval == nullptr) do not hand the scan to anyone.
  if (!Inval)
    return State;
  ScanRegionMapTy Scans = State->get<ScanRegionMap>();
  if (Scans.isEmpty())
    return State;
  Escape E = Call ? escapeOf(*Call) : Escape::All;
  if (E == Escape::None)
    return State;
  llvm::SmallVector<const MemRegion *, 4> Variadic;
  if (E == Escape::Variadic) {
    auto [From, To] = cvet::escapingArgs(*Call, E);
    for (unsigned I = From; I < To; ++I)
      if (const MemRegion *R = Call->getArgSVal(I).getAsRegion())
        Variadic.push_back(R);
  }
  ArrayRef<const MemRegion *> Reached =
      E == Escape::Variadic ? ArrayRef<const MemRegion *>(Variadic) : Regions;
  // Code we cannot see got hold of the scan object (or of what contains it,
  // or of a part of it): it may end the scan.
  for (const auto &[R, S] : Scans) {
    for (const MemRegion *I : Reached) {
      if (cvet::containsOrContainedBy(I, R)) {
        State = State->remove<ScanRegionMap>(R);
        break;
      }
    }
  }
  return State;
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
      if (IS->family().EndedByOthers) {
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
    if (S->family().EndedByOthers) {
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

void UnclosedIteratorChecker::reportDoubleClose(SymbolRef Sym,
                                                const MemRegion *Scan,
                                                const IterState &S,
                                                const CallEvent &Call,
                                                CheckerContext &C) const {
  ExplodedNode *Err = C.generateErrorNode();
  if (!Err)
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(DoubleCloseBT,
                                                    doubleCloseMessage(S), Err);
  R->addRange(Call.getSourceRange());
  if (Sym)
    R->markInteresting(Sym);
  if (Scan)
    R->markInteresting(Scan);
  C.emitReport(std::move(R));
}

void UnclosedIteratorChecker::printState(raw_ostream &Out,
                                         ProgramStateRef State, const char *NL,
                                         const char *Sep) const {
  IterSymMapTy Syms = State->get<IterSymMap>();
  ScanRegionMapTy Scans = State->get<ScanRegionMap>();
  if (Syms.isEmpty() && Scans.isEmpty())
    return;
  Out << Sep << "UnclosedIterator:" << NL;
  for (const auto &[Sym, S] : Syms) {
    Out << "  ";
    Sym->dumpToStream(Out);
    Out << " : ";
    S.dump(Out);
    Out << NL;
  }
  for (const auto &[R, S] : Scans) {
    Out << "  ";
    R->dumpToStream(Out);
    Out << " : ";
    S.dump(Out);
    Out << NL;
  }
  for (const auto &[Sym, Holders] : State->get<HeldSymMap>()) {
    Out << "  ";
    Sym->dumpToStream(Out);
    Out << " held by";
    for (const MemRegion *H : Holders)
      Out << ' ' << H;
    Out << NL;
  }
  for (const MemRegion *R : State->get<HeldScanSet>())
    Out << "  " << R << " held" << NL;
}

//===----------------------------------------------------------------------===//
// Registration.
//===----------------------------------------------------------------------===//

void cvet::registerUnclosedIteratorChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<UnclosedIteratorChecker>();
  cvet::ModelRef M = loadCheckerModel(Mgr, Checker);
  // Only an acquiring call (or an acquire_handle attribute) opens a handle;
  // closing or using one that is not tracked does nothing.
  cvet::ModelNames Triggers;
  for (const cvet::IteratorFamily &F : M->Iterators)
    for (const cvet::IteratorAcquire &A : F.Acquire)
      Triggers.Functions.insert(A.Function);
  cvet::declareTriggers(Mgr, Checker, std::move(Triggers));
  Checker->buildTables(std::move(M));
}

bool cvet::shouldRegisterUnclosedIteratorChecker(const CheckerManager &) {
  return true;
}

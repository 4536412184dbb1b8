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
// A scan the C library keeps without a handle (setpwent) is Open until a
// release of its family; it is lost where the frame that ends it on some
// path returns without doing so (Owners.cpp, Leaks.cpp). A handle opened from
// an owner that keeps it open (a read-only LMDB transaction) is not ended by
// EndsAll calls.
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
  case HandleLoc::None:
    return ("Scan started by '" + S.opener() + "'").str();
  case HandleLoc::Arg:
    break; // The model reader rejects it for iterators.
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

std::string cvet::unclosed::leakMessage(const IterState &S) {
  bool Scan = S.shape() == HandleLoc::InPlace || S.shape() == HandleLoc::None;
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
bool cvet::unclosed::hasCleanup(const MemRegion *R) {
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
bool cvet::unclosed::isKnownInvalid(ProgramStateRef State, SymbolRef Sym) {
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
bool cvet::unclosed::isUnconfirmed(ProgramStateRef State, SymbolRef Sym,
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
bool cvet::unclosed::isCopyPending(ProgramStateRef State, const MemRegion *R) {
  for (const auto &Binding : State->getEnvironment())
    if (auto LCV = Binding.second.getAs<nonloc::LazyCompoundVal>())
      if (cvet::containsOrContainedBy(LCV->getRegion(), R))
        return true;
  return false;
}

/// A copy of a scan object (glob_t copy = g) may be the one that is ended.
ProgramStateRef cvet::unclosed::escapeCopiedScans(ProgramStateRef State, SVal V) {
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
                                      bool StatusIsBool, llvm::StringRef Name,
                                      std::optional<unsigned> OwnerArg) const {
  SValBuilder &SVB = C.getSValBuilder();
  const LocationContext *LCtx = C.getLocationContext();
  const char *What =
      Shape == HandleLoc::InPlace ? "starts a scan" : "opens an iterator";

  if (Shape != HandleLoc::Return && Shape != HandleLoc::None &&
      Arg >= Call.getNumArgs()) {
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

  bool Scan = Shape == HandleLoc::InPlace || Shape == HandleLoc::None;
  std::string Note =
      Split ? ("Assuming '" + Name + "' succeeds; it " + What).str()
            : (Scan ? "Scan started by '" : "Iterator opened by '") +
                  Name.str() + "'";
  // Opened from an owner whose end leaves it open (a read-only transaction).
  auto Opened = [&](IterState S) {
    if (OwnerArg)
      if (auto Owner = cvet::argSVal(Call, *OwnerArg))
        if (SymbolRef O = Owner->getAsSymbol())
          if (Ok->contains<KeepingOwnerSet>(O))
            return S.keptByOwner();
    return S;
  };

  switch (Shape) {
  case HandleLoc::Return: {
    SymbolRef Sym = Call.getReturnValue().getAsSymbol();
    if (!Sym || Ok->get<IterSymMap>(Sym)) {
      C.addTransition(Ok);
      return;
    }
    Ok = Ok->set<IterSymMap>(Sym, Opened(IterState::opened(Shape, F, Name)));
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
    IterState S = Opened(IterState::opened(Shape, F, Name));
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
  case HandleLoc::None: {
    // One scan at a time: starting it again (setpwent) rewinds it.
    const Expr *Origin = dyn_cast_or_null<Expr>(Call.getOriginExpr());
    if (globalScanOf(Ok, F) || !Origin) {
      C.addTransition(Ok);
      return;
    }
    SymbolRef Sym = cvet::compat::conjureSymbolVal(
                        C, this, Origin, LCtx, C.getASTContext().VoidPtrTy)
                        .getAsSymbol();
    if (!Sym) {
      C.addTransition(Ok);
      return;
    }
    Ok = Ok->set<IterSymMap>(Sym, IterState::opened(Shape, F, Name))
             ->set<GlobalScanMap>(Sym, C.getStackFrame());
    C.addTransition(Ok, openNote(C, Sym, nullptr, std::move(Note)));
    return;
  }
  case HandleLoc::Arg:
    llvm_unreachable("the model reader rejects it for iterators");
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
  // A call through a function pointer field the model names (db->cursor).
  bool Member = !mayBeModeled(Call) && (isModeled(Call) || ownersOf(Call));
  if (!FD && !Member) {
    if (!C.getState()->get<GlobalScanMap>().isEmpty())
      C.addTransition(forgetGlobalScans(C.getState()));
    return;
  }

  if (!Member && !mayBeModeled(Call)) {
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
    if (!C.wasInlined && !State->get<GlobalScanMap>().isEmpty() &&
        mayEndGlobalScans(Call, *FD))
      State = forgetGlobalScans(State);
    if (hasHandleAttrs(FD))
      applyAcquireAttributes(Call, FD, C, State);
    else if (State != C.getState())
      C.addTransition(State);
    return;
  }

  // Acquire.
  if (const AcquireEntry *A = acquirerOf(Call)) {
    acquire(Call, C, C.getState(), *A->Fam, A->Shape, A->Arg, A->SuccessReturn,
            /*StatusIsBool=*/false, A->Name, A->OwnerArg);
    return;
  }

  ProgramStateRef State = C.getState();

  // Make an owner whose end leaves its handles open.
  if (const auto *Keep = KeepingOwners.lookup(Call)) {
    for (const OwnerEntry &O : *Keep)
      State = markKeepingOwner(Call, C, State, O);
    if (State != C.getState())
      C.addTransition(State);
    return;
  }

  // Take ownership: the callee closes it now.
  if (const auto *Own = ownersOf(Call)) {
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
  if (const auto *Uses = usersOf(Call)) {
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
  const auto *Rels = releasersOf(Call);
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
        if (!S.isClosed() && &S.family() == R.Fam && S.mayEndLater())
          State = State->remove<IterSymMap>(Sym);
      continue;
    }
    if (R.Fam->Global) {
      State = endGlobalScan(C, State, *R.Fam, R.Name, Notes);
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
// Escape.
//===----------------------------------------------------------------------===//

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
  if (isModeled(*Call))
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

//===----------------------------------------------------------------------===//
// Reports.
//===----------------------------------------------------------------------===//

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
  if (Syms.isEmpty() && Scans.isEmpty() &&
      State->get<KeepingOwnerSet>().isEmpty())
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
  for (const auto &[Sym, Frame] : State->get<GlobalScanMap>()) {
    Out << "  ";
    Sym->dumpToStream(Out);
    Out << " ended by the frame of ";
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(Frame->getDecl()))
      Out << ND->getName();
    Out << NL;
  }
  for (SymbolRef Sym : State->get<KeepingOwnerSet>()) {
    Out << "  ";
    Sym->dumpToStream(Out);
    Out << " keeps its handles open" << NL;
  }
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
      (A.Member.empty() ? Triggers.Functions : Triggers.Members)
          .insert(cvet::entryName(A));
  cvet::declareTriggers(Mgr, Checker, std::move(Triggers));
  Checker->buildTables(std::move(M));
}

bool cvet::shouldRegisterUnclosedIteratorChecker(const CheckerManager &) {
  return true;
}

//===- Checker.cpp - cvet.LoopVarCapture: loop variables shared with work -===//
//
// Go's `for _, v := range xs { go func() { use(v) }() }` in C: inside a loop,
// the address of a stack object that the loop keeps changing is handed to work
// that may run later, so every thread reads whatever the object holds by then:
//
//   for (int i = 0; i < n; i++)
//     pthread_create(&t[i], NULL, worker, &i);
//
// Path-sensitive part (C, the model's thread sections and Writes). For
// each stack object handed to a spawn, the state keeps one Sharing per piece
// of pending work:
//
//   (not shared) --spawn(&obj) on a path where it started--> Shared
//   Shared --join of the work's handle, a join-all, the handle or the object
//            passed to unknown code, a named unknown function without
//            arguments, a call on a lock, condition or semaphore inside the
//            object, the condition of a wait loop outside the spawning
//            loop--> (not shared)
//   Shared --detach, handle stored in a container--> still Shared
//            (Handles.cpp: which joins end it then)
//   Shared --obj (or part of it) written again, inside a loop that also
//            holds the spawn: an assignment, or a library call that writes
//            through a pointer to it (the model's Writes, or a non-const
//            typed pointer parameter of a system function)-->
//            report "the loop changes 'obj'"
//   Shared --obj's lifetime ends: the loop condition after an iteration whose
//            body declares it, its declaration run again, the function
//            returning--> report "'obj' goes out of scope"
//
// Joins, detaches and handles handed to other code are in Handles.cpp; the
// AST part (C++ lambdas and blocks, the model's Async entries) is in
// AsyncScan.cpp.
//
// Precision first: objects on the heap, a distinct element per iteration,
// values cast into the pointer, spawns outside loops and anything unknown code
// might synchronise are not reported.
//
//===----------------------------------------------------------------------===//

#include "Checkers.h"
#include "LoopVarCapture/Handles.h"
#include "LoopVarCapture/LoopVarCapture.h"
#include "LoopVarCapture/Sharing.h"
#include "support/CallMatching.h"
#include "support/CaptureWording.h"
#include "support/Compat.h"
#include "support/LoopAST.h"
#include "support/ModelOption.h"
#include "support/Regions.h"
#include "support/ScopeExit.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprObjC.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtObjC.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <tuple>

using namespace clang;
using namespace ento;
using cvet::HandleLoc;
using namespace cvet;
using cvet::loopvar::LoopVarCaptureChecker;
using cvet::loopvar::Sharing;

// The object a spawn call is about to share, read before the call (the call
// itself may overwrite the request that carries it: uv_work_t::data).
REGISTER_MAP_WITH_PROGRAMSTATE(DataBeforeCall, const Expr *, const MemRegion *)
// Variables already reported on this path: one bug, one report.
REGISTER_SET_WITH_PROGRAMSTATE(ReportedVariables, const VarRegion *)

namespace cvet::loopvar {

//===----------------------------------------------------------------------===//
// Model tables
//===----------------------------------------------------------------------===//

void LoopVarCaptureChecker::setModel(cvet::ModelRef NewModel) {
  Model = std::move(NewModel);
  // Spawn.
  Spawns.emplace(cvet::callTableOf<cvet::ThreadSpawn>(Model->ThreadSpawns));
  // Join.
  Joins.emplace(cvet::callTableOf<cvet::ThreadJoin>(Model->ThreadJoins));
  Detaches.emplace(
      cvet::callTableOf<cvet::ThreadDetach>(Model->ThreadDetaches));
  // Writes through parameters whose types do not say so.
  Writes.emplace(cvet::callTableOf<cvet::WriteCall>(Model->Writes));
  // Async: constructors (Class::Class) by class, functions by call.
  cvet::CallTableBuilder<const cvet::AsyncCall *> A;
  for (const cvet::AsyncCall &E : Model->Async) {
    if (cvet::isConstructorName(E.Function)) {
      AsyncClass Class;
      std::vector<llvm::StringRef> Parts = cvet::qualifiedNameParts(E.Function);
      for (llvm::StringRef P : llvm::ArrayRef(Parts).drop_back())
        Class.ClassName.push_back(P.str());
      Class.Entry = &E;
      AsyncClasses.push_back(std::move(Class));
      continue;
    }
    A.add(E.Function, &E);
  }
  AsyncFunctions.emplace(A.build());
  // Allocators: memory of the caller's own (the Subranges section's New).
  cvet::CallTableBuilder<bool> New;
  for (const cvet::SubrangeCall &E : Model->Subranges)
    if (E.Effect == cvet::SubrangeEffect::New)
      New.add(E.Function, true);
  Allocators.emplace(New.build());
}

//===----------------------------------------------------------------------===//
// Path-sensitive part: helpers
//===----------------------------------------------------------------------===//

const ParentMap &parentMapOf(const StackFrameContext *SFC) {
  return SFC->getAnalysisDeclContext()->getParentMap();
}

/// Whether the spawn of E happened inside a loop of the shared variable's
/// function (directly or through calls made from that loop).
bool spawnedInLoop(const Sharing &E) {
  const StackFrameContext *Frame = E.variable()->getStackFrame();
  const Stmt *At = cvet::stmtInFrame(E.spawn(), E.spawnContext(), Frame);
  return At && enclosingLoop(parentMapOf(Frame), At);
}

/// Whether the spawn of E and the statement S (in LC) are inside one loop of
/// the shared variable's function: the rule is about loops, and a write after
/// a spawn outside any loop is a different bug.
bool inOneLoop(const Sharing &E, const Stmt *S, const LocationContext *LC) {
  const StackFrameContext *Frame = E.variable()->getStackFrame();
  const Stmt *SpawnAt = cvet::stmtInFrame(E.spawn(), E.spawnContext(), Frame);
  const Stmt *At = cvet::stmtInFrame(S, LC, Frame);
  if (!SpawnAt || !At)
    return false;
  const ParentMap &PM = parentMapOf(Frame);
  for (const Stmt *L = enclosingLoop(PM, SpawnAt); L; L = enclosingLoop(PM, L))
    if (isWithin(PM, At, L))
      return true;
  return false;
}

/// Whether the write S (in LC) to E's object is on the way out of the
/// innermost loop that holds both the spawn and S.
bool writeLeavesLoop(const Sharing &E, const Stmt *S,
                     const LocationContext *LC) {
  const StackFrameContext *Frame = E.variable()->getStackFrame();
  const Stmt *SpawnAt = cvet::stmtInFrame(E.spawn(), E.spawnContext(), Frame);
  const Stmt *At = cvet::stmtInFrame(S, LC, Frame);
  if (!SpawnAt || !At)
    return false;
  const ParentMap &PM = parentMapOf(Frame);
  for (const Stmt *L = enclosingLoop(PM, SpawnAt); L; L = enclosingLoop(PM, L))
    if (isWithin(PM, At, L))
      return leavesLoopAfter(PM, At, L);
  return false;
}

std::string nameOf(const MemRegion *R) {
  std::string Name = R->getDescriptiveName(/*UseQuotes=*/false);
  if (!Name.empty())
    return Name;
  if (const auto *VR = dyn_cast<VarRegion>(R->getBaseRegion()))
    return VR->getDecl()->getNameAsString();
  return "object";
}

/// The sharings of State in an order that does not depend on where the
/// analyzer allocated its regions: by spawn site, then by the object's name
/// (shorter first, so 'a[2]' comes before 'a[10]'). When one path could report
/// several objects, every run reports the same one.
llvm::SmallVector<Sharing, 8> inReportOrder(ProgramStateRef State,
                                            const SourceManager &SM) {
  llvm::SmallVector<Sharing, 8> Out(State->get<SharedWithWork>().begin(),
                                    State->get<SharedWithWork>().end());
  auto Key = [](const Sharing &E) {
    std::string Name = nameOf(E.object());
    return std::make_pair(Name.size(), Name);
  };
  llvm::stable_sort(Out, [&](const Sharing &A, const Sharing &B) {
    SourceLocation LA = A.spawn()->getBeginLoc(), LB = B.spawn()->getBeginLoc();
    if (LA != LB)
      return SM.isBeforeInTranslationUnit(LA, LB);
    return Key(A) < Key(B);
  });
  return Out;
}

ProgramStateRef forgetObject(ProgramStateRef State, const MemRegion *Object) {
  for (const Sharing &E : State->get<SharedWithWork>())
    if (E.object() == Object)
      State = State->remove<SharedWithWork>(E);
  return State;
}

/// The object the spawn shares, if it lives on the stack: the pointee of the
/// data argument (or of the DataField of what the argument points to). A
/// whole array passed by decay is shared whole; `&a[i]` only its element.
const MemRegion *sharedObject(const cvet::ThreadSpawn &S, const CallEvent &Call,
                              CheckerContext &C) {
  if (S.DataArg >= Call.getNumArgs())
    return nullptr;
  ProgramStateRef State = C.getState();
  SVal V = Call.getArgSVal(S.DataArg);
  const Expr *ArgE = Call.getArgExpr(S.DataArg);
  if (!S.DataField.empty()) {
    const MemRegion *Req = V.getAsRegion();
    if (!Req || !ArgE)
      return nullptr;
    const auto *RD = ArgE->IgnoreParenImpCasts()
                         ->getType()
                         ->getPointeeType()
                         ->getAsRecordDecl();
    if (!RD || !RD->getDefinition())
      return nullptr;
    const FieldDecl *Field = nullptr;
    for (const FieldDecl *FD : RD->getDefinition()->fields())
      if (FD->getName() == S.DataField)
        Field = FD;
    if (!Field)
      return nullptr;
    SVal FieldLoc = State->getLValue(Field, loc::MemRegionVal(cvet::stripReinterpretCasts(Req)));
    auto L = FieldLoc.getAs<Loc>();
    if (!L)
      return nullptr;
    V = State->getSVal(*L, Field->getType());
    ArgE = nullptr;
  }
  const MemRegion *R = V.getAsRegion();
  if (!R)
    return nullptr;
  R = cvet::stripReinterpretCasts(R);
  bool Decayed = false;
  for (const Expr *E = ArgE; E;) {
    E = E->IgnoreParens();
    const auto *Cast = dyn_cast<CastExpr>(E);
    if (!Cast)
      break;
    if (Cast->getCastKind() == CK_ArrayToPointerDecay) {
      Decayed = true;
      break;
    }
    E = Cast->getSubExpr();
  }
  if (Decayed)
    if (const auto *ER = dyn_cast<ElementRegion>(R))
      if (ER->getIndex().isZeroConstant())
        R = ER->getSuperRegion();
  const auto *VR = dyn_cast<VarRegion>(R->getBaseRegion());
  if (!VR || !cvet::isOnStack(VR))
    return nullptr;
  return R;
}

//===----------------------------------------------------------------------===//
// Path-sensitive part: callbacks
//===----------------------------------------------------------------------===//

const NoteTag *LoopVarCaptureChecker::spawnNote(const MemRegion *Object,
                                                WorkKind K,
                                                CheckerContext &C) const {
  std::string Name = nameOf(Object);
  return C.getNoteTag([this, Object, K, Name](PathSensitiveBugReport &BR) {
    if (&BR.getBugType() != &BT || !BR.isInteresting(Object))
      return std::string();
    Wording W = wording(K);
    std::string Noun = W.Noun;
    Noun[0] = toUppercase(Noun[0]);
    return Noun + " " + W.Verb + " here with the address of '" + Name + "'";
  });
}

void LoopVarCaptureChecker::startSharing(const cvet::ThreadSpawn &S,
                                         const CallEvent &Call,
                                         CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  const Expr *Origin = Call.getOriginExpr();
  if (!Origin)
    return;
  const MemRegion *const *Before = State->get<DataBeforeCall>(Origin);
  if (!Before)
    return;
  const MemRegion *Object = *Before;
  State = State->remove<DataBeforeCall>(Origin);
  if (State->contains<ReportedVariables>(
          cast<VarRegion>(Object->getBaseRegion()))) {
    C.addTransition(State);
    return;
  }
  const LocationContext *LC = C.getLocationContext();

  std::optional<Sharing> New;
  switch (S.Handle) {
  case HandleLoc::None:
    New = Sharing::withCallback(Object, Origin, LC);
    break;
  case HandleLoc::Return:
    New = Sharing::withHandle(Object, Origin, LC, HandleLoc::Return, nullptr,
                              Call.getReturnValue().getAsSymbol());
    break;
  case HandleLoc::Arg: {
    if (S.HandleArg >= Call.getNumArgs()) {
      C.addTransition(State);
      return;
    }
    SVal H = Call.getArgSVal(S.HandleArg);
    const MemRegion *HR = H.getAsRegion();
    New = Sharing::withHandle(Object, Origin, LC, HandleLoc::Arg,
                              HR ? cvet::stripReinterpretCasts(HR) : nullptr, H.getAsSymbol());
    break;
  }
  case HandleLoc::OutParam: {
    if (S.HandleArg >= Call.getNumArgs()) {
      C.addTransition(State);
      return;
    }
    const MemRegion *HR = Call.getArgSVal(S.HandleArg).getAsRegion();
    SymbolRef Sym = nullptr;
    if (HR) {
      HR = cvet::stripReinterpretCasts(HR);
      QualType Ty = Call.getArgExpr(S.HandleArg)->getType()->getPointeeType();
      if (const auto *TR = dyn_cast<TypedValueRegion>(HR))
        Ty = TR->getValueType();
      // A handle that is a struct is matched by where it is kept only.
      if (!Ty.isNull() && Ty->isScalarType()) {
        SVal Value = State->getSVal(loc::MemRegionVal(HR), Ty);
        Sym = Value.getAsSymbol();
        if (!Sym) {
          // Give the handle a name of its own so that a join can be matched.
          DefinedOrUnknownSVal Fresh = cvet::compat::conjureSymbolVal(
              C, this, Origin, LC, Ty);
          State = State->bindLoc(loc::MemRegionVal(HR), Fresh, LC);
          Sym = Fresh.getAsSymbol();
        }
      }
    }
    New = Sharing::withHandle(Object, Origin, LC, HandleLoc::OutParam, HR,
                              Sym);
    break;
  }
  case HandleLoc::InPlace:
    llvm_unreachable("the model reader rejects InPlace spawns");
  }

  if (S.SuccessReturn) {
    SVal Ret = Call.getReturnValue();
    if (auto CI = Ret.getAs<nonloc::ConcreteInt>()) {
      if (cvet::compat::concreteValue(*CI) != *S.SuccessReturn) {
        C.addTransition(State); // Failed: nothing started.
        return;
      }
    } else if (SymbolRef RetSym = Ret.getAsSymbol()) {
      New = New->startedIf(RetSym, *S.SuccessReturn);
    }
  }

  State = State->add<SharedWithWork>(*New);
  C.addTransition(State, spawnNote(Object, New->kind(), C));
}

void LoopVarCaptureChecker::checkPostCall(const CallEvent &Call,
                                          CheckerContext &C) const {
  if (const cvet::ThreadSpawn *const *S = Spawns->lookup(Call)) {
    startSharing(**S, Call, C);
    return;
  }
  if (const cvet::ThreadJoin *const *J = Joins->lookup(Call)) {
    join(**J, Call, C);
    return;
  }
  if (const cvet::ThreadDetach *const *D = Detaches->lookup(Call)) {
    detach(**D, Call, C);
    return;
  }
  if (!C.wasInlined)
    afterUnknownCall(Call, C);
}

/// The record types of the objects the model's lock, unlock and wait
/// functions take (pthread_mutex_t, pthread_cond_t, sem_t, GMutex, GCond),
/// as declared in this translation unit.
const llvm::SmallPtrSetImpl<const Type *> &
LoopVarCaptureChecker::syncTypes(ASTContext &Ctx) const {
  if (SyncTypesOf == &Ctx)
    return SyncTypes;
  SyncTypesOf = &Ctx;
  SyncTypes.clear();
  auto Add = [&](llvm::StringRef Name, std::optional<unsigned> Arg) {
    if (Name.empty() || Name.contains(':'))
      return;
    for (const NamedDecl *ND :
         Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
      if (const auto *FD = dyn_cast<FunctionDecl>(ND))
        for (unsigned I = 0; I < FD->getNumParams(); ++I) {
          QualType T = FD->getParamDecl(I)->getType();
          if ((!Arg || *Arg == I) && T->isPointerType() &&
              T->getPointeeType()->isRecordType())
            SyncTypes.insert(
                T->getPointeeType()->getCanonicalTypeUnqualified().getTypePtr());
        }
  };
  for (const cvet::LockOp &L : Model->Locks)
    Add(L.Function, L.AllArgs ? std::nullopt : L.LockArg);
  for (const cvet::ThreadJoin &J : Model->ThreadJoins)
    if (J.AllWork)
      Add(J.Function, std::nullopt);
  return SyncTypes;
}

/// Library calls that write into memory their arguments point to: the
/// model's Writes entries (memcpy's void * destination, sscanf's outputs)
/// and, for functions declared in system headers, every parameter that is
/// a non-const typed pointer (fgets, snprintf, accept's address). A pointer
/// to a synchronisation object inside the shared object (a mutex, a
/// condition, a semaphore) is no write: an object with its own lock is
/// shared by design, and its later changes are guarded.
void LoopVarCaptureChecker::checkPreCall(const CallEvent &Call,
                                         CheckerContext &C) const {
  if (const cvet::ThreadSpawn *const *S = Spawns->lookup(Call)) {
    if (const MemRegion *Object = sharedObject(**S, Call, C))
      if (const Expr *Origin = Call.getOriginExpr())
        C.addTransition(C.getState()->set<DataBeforeCall>(Origin, Object));
    return;
  }
  ProgramStateRef State = C.getState();
  if (State->get<SharedWithWork>().isEmpty() || Joins->lookup(Call) ||
      Detaches->lookup(Call))
    return;
  const cvet::WriteCall *const *W = Writes->lookup(Call);
  bool System = Call.isInSystemHeader();
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!W && !(System && FD))
    return;
  llvm::SmallVector<const MemRegion *, 4> Written;
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I) {
    bool Writes = W && (I == (*W)->DataArg ||
                        ((*W)->AndFollowing && I > (*W)->DataArg));
    SVal V = Call.getArgSVal(I);
    if (!Writes && System && FD && I < FD->getNumParams()) {
      QualType PT = FD->getParamDecl(I)->getType();
      // glibc's __SOCKADDR_ARG under _GNU_SOURCE (accept, recvfrom): a
      // transparent union whose first member is the pointer.
      if (const auto *RD = PT->getAsRecordDecl();
          RD && RD->isUnion() && RD->hasAttr<TransparentUnionAttr>() &&
          !RD->field_empty()) {
        const FieldDecl *First = *RD->field_begin();
        PT = First->getType();
        if (auto CV = V.getAs<nonloc::CompoundVal>()) {
          V = CV->begin() != CV->end() ? *CV->begin() : UnknownVal();
        } else if (auto LCV = V.getAs<nonloc::LazyCompoundVal>()) {
          auto L = State->getLValue(First, loc::MemRegionVal(LCV->getRegion()))
                       .getAs<Loc>();
          V = L ? State->getSVal(*L, PT) : UnknownVal();
        }
      }
      QualType T = PT->isPointerType() ? PT->getPointeeType() : QualType();
      // void * is too vague to call a write (gpointer user data, containers):
      // those calls are the model's Writes.
      Writes = !T.isNull() && !T.isConstQualified() && !T->isVoidType() &&
               !T->isFunctionType();
    }
    const MemRegion *R = Writes ? V.getAsRegion() : nullptr;
    if (!R)
      continue;
    R = cvet::stripReinterpretCasts(R);
    const auto *TR = dyn_cast<TypedValueRegion>(R);
    if (TR && syncTypes(C.getASTContext())
                  .count(TR->getValueType()
                             ->getCanonicalTypeUnqualified()
                             .getTypePtr())) {
      for (const Sharing &E : State->get<SharedWithWork>())
        if (R == E.object() || R->isSubRegionOf(E.object()))
          State = State->remove<SharedWithWork>(E);
      continue;
    }
    Written.push_back(R);
  }
  if (State != C.getState()) {
    C.addTransition(State);
    return;
  }
  for (const MemRegion *R : Written)
    if (checkWrite(R, /*PartsCount=*/true, Call.getOriginExpr(), C, &Call))
      return;
}

/// Reports of one sharing on several paths (each branch of a switch that
/// writes the object) are one bug: they are told apart by the spawn.
PathDiagnosticLocation uniqueingLocation(const Sharing &E, CheckerContext &C) {
  return PathDiagnosticLocation::createBegin(E.spawn(), C.getSourceManager(),
                                             E.spawnContext());
}

bool LoopVarCaptureChecker::checkWrite(const MemRegion *Written,
                                       bool PartsCount, const Stmt *S,
                                       CheckerContext &C,
                                       const CallEvent *ByCall) const {
  ProgramStateRef State = C.getState();
  SharedWithWorkTy Set = State->get<SharedWithWork>();
  if (Set.isEmpty() || !S)
    return false;
  // A declaration run again: the previous iteration's object is gone.
  bool Redeclared = false;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    if (const auto *VR = dyn_cast<VarRegion>(Written))
      Redeclared = llvm::is_contained(DS->decls(), VR->getDecl());

  for (const Sharing &E : inReportOrder(State, C.getSourceManager())) {
    if (!cvet::writeAffects(Written, E.object(), PartsCount) ||
        !mayHaveStarted(State, E, C.getSValBuilder()) ||
        !inOneLoop(E, S, C.getLocationContext()) ||
        (!Redeclared && writeLeavesLoop(E, S, C.getLocationContext())))
      continue;
    std::string Name = nameOf(E.object());
    ExplodedNode *N = C.generateNonFatalErrorNode(
        forgetObject(State, E.object())->add<ReportedVariables>(E.variable()));
    if (!N)
      return false;
    auto R = std::make_unique<PathSensitiveBugReport>(
        BT,
        Redeclared ? scopeMessage(Name, E.kind(), /*AtReturn=*/false)
                   : changedMessage(Name, E.kind(), /*Captured=*/false),
        N, uniqueingLocation(E, C), E.spawnContext()->getDecl());
    R->markInteresting(E.object());
    // The warning says that the loop changes the object; a library call
    // that does it is named.
    const auto *FD = ByCall ? dyn_cast_or_null<FunctionDecl>(ByCall->getDecl())
                            : nullptr;
    if (FD && FD->getIdentifier())
      R->addNote("'" + FD->getName().str() + "' writes into '" + Name +
                     "' while the " + wording(E.kind()).Noun +
                     " may still use it",
                 PathDiagnosticLocation::createBegin(S, C.getSourceManager(),
                                                     C.getLocationContext()));
    // No range: ranges take part in uniqueing, and the write is the location.
    C.emitReport(std::move(R));
    return true;
  }
  return false;
}

void LoopVarCaptureChecker::checkBind(
    CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)) const {
  if (const MemRegion *R = Loc.getAsRegion())
    checkWrite(cvet::stripReinterpretCasts(R), /*PartsCount=*/true, S, C);
}

bool LoopVarCaptureChecker::reportScopeEnd(const VarRegion *Var,
                                           bool AtReturn,
                                           ProgramStateRef After,
                                           CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (joinFailed(State, C.getSValBuilder()))
    return false;
  for (const Sharing &E : inReportOrder(State, C.getSourceManager())) {
    if (E.variable() != Var || !mayHaveStarted(State, E, C.getSValBuilder()) ||
        !spawnedInLoop(E))
      continue;
    ExplodedNode *N =
        C.generateNonFatalErrorNode(After->add<ReportedVariables>(Var));
    if (!N)
      return false;
    auto R = std::make_unique<PathSensitiveBugReport>(
        BT, scopeMessage(nameOf(E.object()), E.kind(), AtReturn), N,
        uniqueingLocation(E, C), E.spawnContext()->getDecl());
    R->markInteresting(E.object());
    C.emitReport(std::move(R));
    return true;
  }
  return false;
}

/// The loop whose condition Cond is (or is part of), if any.
const Stmt *loopOfCondition(const ParentMap &PM, const Stmt *Cond) {
  const Stmt *Cur = Cond;
  while (const Stmt *P = PM.getParent(Cur)) {
    if (isLoop(P))
      return loopCond(P) == Cur ? P : nullptr;
    if (!isa<Expr>(P))
      return nullptr;
    Cur = P;
  }
  return nullptr;
}

/// A loop after the spawn that waits for the work to take its copy:
/// `while (!arg.taken) pthread_cond_wait(...)`, `while (!atomic_load(&ready));`
/// or a poll of the shared object itself. Its condition may already be false
/// the first time (the worker was quick), so reaching it counts as the wait.
/// A loop that joins handles (`for (...) g_thread_join(...)`) joins those the
/// spawning loop stored in a container: the analyzer cannot tell how many
/// the container holds, and may take it for empty.
/// Returns the state without the sharing such a loop waits for.
ProgramStateRef LoopVarCaptureChecker::waitLoop(const Stmt *Loop,
                                                ProgramStateRef State,
                                                CheckerContext &C) const {
  const StackFrameContext *SFC = C.getStackFrame();
  const ParentMap &PM = C.getLocationContext()->getParentMap();
  SharedWithWorkTy Set = State->get<SharedWithWork>();
  llvm::SmallPtrSet<const Decl *, 4> Vars;
  for (const Sharing &E : Set)
    Vars.insert(E.variable()->getDecl());
  ASTContext &Ctx = C.getASTContext();
  bool Waits = callsJoin(loopBody(Loop), Ctx, /*AllWorkOnly=*/true) ||
               readsFlag(loopCond(Loop), Vars, Ctx);
  bool Joins = !Waits && llvm::any_of(Set, [](const Sharing &E) {
    return E.isStored() && !E.isDetached();
  }) && callsJoin(loopBody(Loop), Ctx, /*AllWorkOnly=*/false);
  if (!Waits && !Joins)
    return State;
  for (const Sharing &E : Set) {
    // A loop that spawns is the loop of the bug, not a wait.
    const Stmt *SpawnAt = cvet::stmtInFrame(E.spawn(), E.spawnContext(), SFC);
    if ((SpawnAt && isWithin(PM, SpawnAt, Loop)) ||
        (!Waits && !(E.isStored() && !E.isDetached())))
      continue;
    State = State->remove<SharedWithWork>(E);
  }
  return State;
}

/// Reaching the condition of a loop ends the iteration, and with it the
/// lifetime of everything its body declared.
void LoopVarCaptureChecker::checkBranchCondition(const Stmt *Cond,
                                                 CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (State->get<SharedWithWork>().isEmpty())
    return;
  const StackFrameContext *SFC = C.getStackFrame();
  const Stmt *Loop = loopOfCondition(C.getLocationContext()->getParentMap(), Cond);
  if (!Loop)
    return;
  if (ProgramStateRef Waited = waitLoop(Loop, State, C); Waited != State) {
    C.addTransition(Waited);
    return;
  }
  llvm::SmallVector<const VarRegion *, 4> Dying;
  ProgramStateRef After = State;
  for (const Sharing &E : inReportOrder(State, C.getSourceManager())) {
    const VarRegion *Var = E.variable();
    const auto *VD = dyn_cast<VarDecl>(Var->getDecl());
    if (Var->getStackFrame() == SFC && VD && declares(loopBody(Loop), VD)) {
      Dying.push_back(Var);
      After = After->remove<SharedWithWork>(E);
    }
  }
  if (Dying.empty())
    return;
  // Report where the loop goes round again; leaving the loop ends the
  // lifetime too, but a report there would read as if the loop had exited.
  auto CondVal = C.getSVal(Cond).getAs<DefinedOrUnknownSVal>();
  bool MayLoop = !CondVal || static_cast<bool>(State->assume(*CondVal, true));
  if (MayLoop)
    for (const VarRegion *Var : Dying)
      if (reportScopeEnd(Var, /*AtReturn=*/false, After, C))
        return;
  C.addTransition(After);
}

void LoopVarCaptureChecker::checkEndFunction(const ReturnStmt *,
                                             CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  const StackFrameContext *SFC = C.getStackFrame();
  // The frame's objects are gone; whatever is not reported is forgotten.
  ProgramStateRef After = State;
  SharedWithWorkTy Set = State->get<SharedWithWork>();
  for (const Sharing &E : Set)
    if (E.variable()->getStackFrame() == SFC)
      After = After->remove<SharedWithWork>(E);
  for (const VarRegion *Var : State->get<ReportedVariables>())
    if (Var->getStackFrame() == SFC)
      After = After->remove<ReportedVariables>(Var);
  if (After == State)
    return;
  // Returning from main ends the process; its threads go with it.
  const auto *FD = dyn_cast_or_null<FunctionDecl>(SFC->getDecl());
  if (!(FD && FD->isMain() && SFC->inTopFrame()))
    for (const Sharing &E : inReportOrder(State, C.getSourceManager()))
      if (E.variable()->getStackFrame() == SFC &&
          reportScopeEnd(E.variable(), /*AtReturn=*/true, After, C))
        return;
  C.addTransition(After);
}

/// Loop widening (analyzer-config widen-loops=true) gives every local of the
/// frame, and every global, an unknown value: after it, `&args[i]` of two
/// iterations may name one element and a handle array no longer holds the
/// handles the spawns wrote. What was shared before is forgotten rather than
/// compared with values that mean nothing (a missed report, never a false
/// one); work spawned after the widening is tracked as usual.
ProgramStateRef LoopVarCaptureChecker::checkRegionChanges(
    ProgramStateRef State, const InvalidatedSymbols *Inval,
    ArrayRef<const MemRegion *> ExplicitRegions,
    ArrayRef<const MemRegion *>, const LocationContext *,
    const CallEvent *Call) const {
  if (Call || !Inval || State->get<SharedWithWork>().isEmpty())
    return State;
  llvm::SmallPtrSet<const MemSpaceRegion *, 4> Spaces;
  for (const MemRegion *R : ExplicitRegions)
    if (const auto *MS = dyn_cast<MemSpaceRegion>(R))
      Spaces.insert(MS);
  if (Spaces.empty())
    return State;
  auto Widened = [&Spaces](const MemRegion *R) {
    return R && Spaces.count(cvet::compat::rawMemorySpace(R));
  };
  for (const Sharing &E : State->get<SharedWithWork>())
    if (Widened(E.object()) || Widened(E.handleRegion()))
      State = State->remove<SharedWithWork>(E);
  return State;
}

void LoopVarCaptureChecker::printState(raw_ostream &Out, ProgramStateRef State,
                                       const char *NL, const char *Sep) const {
  SharedWithWorkTy Set = State->get<SharedWithWork>();
  if (Set.isEmpty())
    return;
  Out << Sep << "Objects shared with pending work:" << NL;
  for (const Sharing &E : Set) {
    E.dump(Out);
    Out << NL;
  }
}

} // namespace cvet::loopvar

void cvet::registerLoopVarCaptureChecker(CheckerManager &Mgr) {
  auto *C = Mgr.registerChecker<LoopVarCaptureChecker>();
  cvet::ModelRef M = loadCheckerModel(Mgr, C);
  // Paths share an object with work only from a spawn on (joins alone
  // change nothing); lambdas and blocks handed to Async calls are found in
  // the AST, which pruning leaves alone.
  cvet::ModelNames Triggers;
  for (const cvet::ThreadSpawn &S : M->ThreadSpawns)
    Triggers.Functions.insert(S.Function);
  for (const cvet::AsyncCall &A : M->Async)
    Triggers.Functions.insert(A.Function);
  cvet::declareTriggers(Mgr, C, std::move(Triggers));
  C->setModel(std::move(M));
}

bool cvet::shouldRegisterLoopVarCaptureChecker(const CheckerManager &) {
  return true;
}

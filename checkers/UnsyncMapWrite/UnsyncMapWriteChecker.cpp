//===- UnsyncMapWriteChecker.cpp - map writes that race -------------------===//
//
// Go's `fatal error: concurrent map writes` in C: a hash table or tree shared
// between threads is written (insert, replace, remove, steal, clear) without
// a lock, where another thread can touch it at the same time. No annotation
// is needed; three reasons make a write concurrent:
//
//   thread side   the write runs on a spawned thread (its entry or what the
//                 entry calls) and the map is also touched by the spawning
//                 side after the spawn, by another thread, or by the other
//                 threads one site starts; or the spawning side writes it,
//                 unlocked, while a thread that writes it under a lock runs
//   inconsistent  the same map (global, or field of one struct type) is
//                 written under lock L elsewhere in the file, not here
//   declared      guarded_by / pt_guarded_by names its lock, or the function
//                 is one the model says may run on any thread
//
// Path-sensitive state, per path:
//
//   HeldLocks: lock -> {write count, read count}
//      acquire --> +1 (a try-lock only where it returned its success value)
//      release --> -1; a scoped guard's destructor releases what it took
//   RunningSpawns: spawn calls on this path not yet followed by a join
//
// What a path cannot see (which functions run on a thread, which writes hold
// which lock elsewhere) comes from ConcurrencyFacts, computed once per
// translation unit.
//
//===----------------------------------------------------------------------===//

#include "Checkers.h"
#include "ConcurrencyFacts.h"
#include "ConcurrencyModel.h"
#include "Wording.h"
#include "support/Compat.h"
#include "support/ModelOption.h"
#include "support/MacroExpansion.h"
#include "support/Relevance.h"
#include "support/Storage.h"
#include "clang/AST/Attr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

using namespace clang;
using namespace ento;
using namespace cvet;

namespace {

/// How often a lock is held on this path, and how the code named it.
class HeldLock {
public:
  static HeldLock acquired(LockMode M, const Expr *Name) {
    return HeldLock(M == LockMode::Write, M == LockMode::Read, Name);
  }
  HeldLock plus(LockMode M) const {
    return HeldLock(Writes + (M == LockMode::Write),
                    Reads + (M == LockMode::Read), Name);
  }
  /// One release; nothing when none is left.
  std::optional<HeldLock> minus() const {
    if (Writes + Reads <= 1)
      return std::nullopt;
    return Writes ? HeldLock(Writes - 1, Reads, Name)
                  : HeldLock(Writes, Reads - 1, Name);
  }
  bool protectsWrites() const { return Writes > 0; }
  const Expr *name() const { return Name; }

  bool operator==(const HeldLock &O) const {
    return Writes == O.Writes && Reads == O.Reads && Name == O.Name;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(Writes);
    ID.AddInteger(Reads);
    ID.AddPointer(Name);
  }

private:
  HeldLock(unsigned W, unsigned R, const Expr *N)
      : Writes(W), Reads(R), Name(N) {
    assert(W + R > 0 && "a held lock is held at least once");
  }
  unsigned Writes, Reads;
  const Expr *Name;
};

/// A scoped guard object and one lock it holds.
using GuardLock = std::pair<const MemRegion *, const void *>;

} // namespace

REGISTER_MAP_WITH_PROGRAMSTATE(HeldLocks, const void *, HeldLock)
REGISTER_SET_WITH_PROGRAMSTATE(GuardLocks, GuardLock)
REGISTER_SET_WITH_PROGRAMSTATE(RunningSpawns, const Stmt *)
REGISTER_TRAIT_WITH_PROGRAMSTATE(LastModelMacro, unsigned)

namespace {

class UnsyncMapWriteChecker
    : public Checker<check::BeginFunction, check::PreCall, check::PostCall,
                     check::Location, check::BranchCondition,
                     check::PreStmt<AtomicExpr>> {
public:
  void setModel(ModelRef M);
  /// Whether this rule can report anything in the unit: only where it
  /// spawns threads, takes locks, defines an AnyThread function or uses
  /// thread-safety attributes. Elsewhere it stays idle.
  bool mayReport(ASTContext &Ctx) const;

  void checkBeginFunction(CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                     CheckerContext &C) const;
  void checkBranchCondition(const Stmt *S, CheckerContext &C) const;
  void checkPreStmt(const AtomicExpr *E, CheckerContext &C) const;
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

private:
  const BugType BT{this, "Map written without a lock", "Concurrency"};

  ModelRef TheModel;
  std::unique_ptr<ConcurrencyModel> Tables;
  // One translation unit at a time; rebuilt when the unit changes.
  mutable const TranslationUnitDecl *FactsTU = nullptr;
  mutable std::unique_ptr<ConcurrencyFacts> Facts;
  /// What a unit must use for a report to be possible (mayReport).
  ModelNames Needed;
  llvm::StringSet<> AnyThreadNames;
  mutable const TranslationUnitDecl *MayReportTU = nullptr;
  mutable bool MayReport = true;

  const ConcurrencyFacts &facts(CheckerContext &C) const;

  struct LockKey {
    const void *Key;
    const Expr *Name;
  };
  LockKey lockKey(SVal V, const Expr *E) const;
  ProgramStateRef acquire(ProgramStateRef St, LockKey K, LockMode M) const;
  ProgramStateRef release(ProgramStateRef St, const void *Key) const;
  void handleLock(const CallEvent &Call, const LockCall &L,
                  CheckerContext &C) const;

  struct Write {
    MapOpKind Op;
    Storage Map;
    std::string MapName;
    const Stmt *Site;
  };
  /// Enters or leaves a model macro's expansion; the write it makes, if any.
  std::optional<Write> handleMacro(const Stmt *S, ProgramStateRef &St,
                                   CheckerContext &C) const;
  /// Reports W when it races, and moves on with St.
  void checkWrite(const Write &W, ProgramStateRef St, CheckerContext &C) const;

  /// A note at the other side of the race: a statement and its function.
  struct Note {
    Note(const Stmt *S, const Decl *D, std::string Msg)
        : S(S), D(D), Msg(std::move(Msg)) {}
    const Stmt *S;
    const Decl *D;
    std::string Msg;
  };
  void report(const Write &W, const std::string &Msg,
              llvm::ArrayRef<Note> Notes, ProgramStateRef St,
              CheckerContext &C) const;
};

} // namespace

void UnsyncMapWriteChecker::setModel(ModelRef M) {
  TheModel = std::move(M);
  Tables = std::make_unique<ConcurrencyModel>(*TheModel);
  // Every report needs one of: a thread spawn (thread side, spawning side),
  // a lock (writes elsewhere under a lock, locks held around the write, a
  // function that requires a capability), an AnyThread function on the
  // stack, or guarded_by on the map. Joins and run-once calls only ever keep
  // a write from being reported.
  for (const ThreadSpawn &S : TheModel->ThreadSpawns)
    Needed.Functions.insert(S.Function);
  for (const LockOp &L : TheModel->Locks)
    (L.Macro.empty() ? Needed.Functions : Needed.Macros).insert(L.name());
  for (const AnyThreadFunction &A : TheModel->AnyThread) {
    AnyThreadNames.insert(A.Function);
    // isAnyThread also matches the last part of a qualified name.
    llvm::StringRef Name = A.Function;
    size_t Colon = Name.rfind("::");
    if (Colon != llvm::StringRef::npos)
      AnyThreadNames.insert(Name.drop_front(Colon + 2));
  }
}

bool UnsyncMapWriteChecker::mayReport(ASTContext &Ctx) const {
  const TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  if (MayReportTU != TU) {
    MayReport = mayUseApis(Ctx, Needed, AnyThreadNames, /*ThreadSafety=*/true);
    MayReportTU = TU;
  }
  return MayReport;
}

const ConcurrencyFacts &UnsyncMapWriteChecker::facts(CheckerContext &C) const {
  const TranslationUnitDecl *TU = C.getASTContext().getTranslationUnitDecl();
  if (!Facts || FactsTU != TU) {
    Facts = std::make_unique<ConcurrencyFacts>(TU, *Tables);
    FactsTU = TU;
  }
  return *Facts;
}

//===----------------------------------------------------------------------===//
// Locks
//===----------------------------------------------------------------------===//

UnsyncMapWriteChecker::LockKey UnsyncMapWriteChecker::lockKey(SVal V,
                                                              const Expr *E) const {
  const MemRegion *R = V.getAsRegion();
  if (R) {
    if (Storage S = storageOfRegion(R))
      return {S.Decl, E};
  }
  if (E) {
    if (Storage S = storageOfExpr(E))
      return {S.Decl, E};
    if (const void *K = attributeLockKey(E))
      return {K, E};
  }
  if (R)
    return {R->StripCasts(), E};
  return {nullptr, E};
}

ProgramStateRef UnsyncMapWriteChecker::acquire(ProgramStateRef St, LockKey K,
                                               LockMode M) const {
  if (!K.Key)
    return St;
  if (const HeldLock *H = St->get<HeldLocks>(K.Key))
    return St->set<HeldLocks>(K.Key, H->plus(M));
  return St->set<HeldLocks>(K.Key, HeldLock::acquired(M, K.Name));
}

ProgramStateRef UnsyncMapWriteChecker::release(ProgramStateRef St,
                                               const void *Key) const {
  const HeldLock *H = St->get<HeldLocks>(Key);
  if (!H)
    return St;
  if (std::optional<HeldLock> Left = H->minus())
    return St->set<HeldLocks>(Key, *Left);
  return St->remove<HeldLocks>(Key);
}

void UnsyncMapWriteChecker::handleLock(const CallEvent &Call, const LockCall &L,
                                       CheckerContext &C) const {
  ProgramStateRef St = C.getState();
  const auto *Inst = dyn_cast<CXXInstanceCall>(&Call);
  const MemRegion *Guard = nullptr;
  if (const auto *Ctor = dyn_cast<CXXConstructorCall>(&Call))
    Guard = Ctor->getCXXThisVal().getAsRegion();

  // A guard object's own lock operations (std::unique_lock::unlock).
  if (L.OnObject && Inst)
    if (const MemRegion *Obj = Inst->getCXXThisVal().getAsRegion()) {
      bool IsGuard = false;
      for (const GuardLock &G : St->get<GuardLocks>())
        if (G.first == Obj) {
          IsGuard = true;
          St = L.Op == LockOpKind::Release ? release(St, G.second)
                                           : acquire(St, {G.second, nullptr}, L.Mode);
        }
      if (IsGuard) {
        C.addTransition(St);
        return;
      }
    }

  llvm::SmallVector<LockKey, 2> Keys;
  for (unsigned I : L.Args)
    if (I < Call.getNumArgs())
      Keys.push_back(lockKey(Call.getArgSVal(I), Call.getArgExpr(I)));
  if (L.Args.empty() && !L.OnObject && L.Named.empty())
    for (unsigned I = 0; I < Call.getNumArgs(); ++I)
      Keys.push_back(lockKey(Call.getArgSVal(I), Call.getArgExpr(I)));
  for (const Expr *N : L.Named)
    Keys.push_back({attributeLockKey(N), N});
  if (L.OnObject && Inst && !Guard)
    Keys.push_back(lockKey(Inst->getCXXThisVal(), Inst->getCXXThisExpr()));

  if (L.Op == LockOpKind::Release) {
    for (const LockKey &K : Keys)
      St = release(St, K.Key);
    C.addTransition(St);
    return;
  }
  ProgramStateRef Held = St;
  for (const LockKey &K : Keys) {
    Held = acquire(Held, K, L.Mode);
    if (Guard && L.Scoped && K.Key)
      Held = Held->add<GuardLocks>({Guard, K.Key});
  }
  if (!L.SuccessReturn) {
    C.addTransition(Held);
    return;
  }
  // A try-lock: held where it returned its success value.
  SVal Ret = Call.getReturnValue();
  auto RetVal = Ret.getAs<DefinedOrUnknownSVal>();
  if (!RetVal || Ret.isUnknown()) {
    C.addTransition(St);
    return;
  }
  // A true-like success value (TRUE, 1) means any non-zero return.
  SValBuilder &SVB = C.getSValBuilder();
  DefinedOrUnknownSVal IsZero = SVB.evalEQ(
      St, *RetVal, SVB.makeZeroVal(Call.getResultType()).castAs<DefinedOrUnknownSVal>());
  auto [Zero, NonZero] = St->assume(IsZero);
  ProgramStateRef OnSuccess = *L.SuccessReturn == 0 ? Zero : NonZero;
  ProgramStateRef OnFailure = *L.SuccessReturn == 0 ? NonZero : Zero;
  if (OnSuccess) {
    for (const LockKey &K : Keys)
      OnSuccess = acquire(OnSuccess, K, L.Mode);
    C.addTransition(OnSuccess);
  }
  if (OnFailure)
    C.addTransition(OnFailure);
}

void UnsyncMapWriteChecker::checkBeginFunction(CheckerContext &C) const {
  if (!mayReport(C.getASTContext()))
    return;
  if (!C.inTopFrame())
    return;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD)
    return;
  ProgramStateRef St = C.getState();
  if (const auto *A = FD->getAttr<RequiresCapabilityAttr>())
    for (const Expr *E : A->args())
      St = acquire(St, {attributeLockKey(E), E},
                   A->isShared() ? LockMode::Read : LockMode::Write);
  // Locks that every caller in this file holds around the call.
  for (const HeldLockFact &H : facts(C).entryLocks(FD))
    St = acquire(St, {H.Key, nullptr}, H.Mode);
  if (St != C.getState())
    C.addTransition(St);
}

void UnsyncMapWriteChecker::checkPostCall(const CallEvent &Call,
                                          CheckerContext &C) const {
  if (!mayReport(C.getASTContext()))
    return;
  if (const auto *D = dyn_cast<CXXDestructorCall>(&Call)) {
    const MemRegion *Obj = D->getCXXThisVal().getAsRegion();
    if (!Obj)
      return;
    ProgramStateRef St = C.getState();
    for (const GuardLock &G : St->get<GuardLocks>())
      if (G.first == Obj)
        St = release(St, G.second)->remove<GuardLocks>(G);
    C.addTransition(St);
    return;
  }
  if (Call.isInSystemHeader() &&
      C.getSourceManager().isInSystemHeader(Call.getSourceRange().getBegin()))
    return;
  if (std::optional<LockCall> L = Tables->lockCall(Call)) {
    if (L->Op != LockOpKind::Once)
      handleLock(Call, *L, C);
    return;
  }
  if (const ThreadSpawn *S = Tables->spawnCall(Call)) {
    if (S->EntryArg && S->Runs == WorkRuns::Thread && Call.getOriginExpr())
      C.addTransition(C.getState()->add<RunningSpawns>(Call.getOriginExpr()));
    return;
  }
  if (const ThreadJoin *J = Tables->joinCall(Call))
    if (!J->AllWork)
      C.addTransition(C.getState()->set<RunningSpawns>(
          C.getStateManager().get_context<RunningSpawns>().getEmptySet()));
}

//===----------------------------------------------------------------------===//
// Writes
//===----------------------------------------------------------------------===//

void UnsyncMapWriteChecker::checkPreCall(const CallEvent &Call,
                                         CheckerContext &C) const {
  if (!mayReport(C.getASTContext()))
    return;
  const Expr *Origin = Call.getOriginExpr();
  ProgramStateRef St = C.getState();
  if (Origin && Origin->getBeginLoc().isMacroID()) {
    std::optional<Write> MW = handleMacro(Origin, St, C);
    if (MW) {
      checkWrite(*MW, St, C);
      return;
    }
    if (St->get<LastModelMacro>()) {
      C.addTransition(St);
      return;
    }
  } else if (St->get<LastModelMacro>()) {
    St = St->set<LastModelMacro>(0);
  }
  const MapOp *O = Tables->mapCall(Call);
  if (!O || !Origin) {
    C.addTransition(St);
    return;
  }
  std::optional<int64_t> OpValue;
  if (O->OpArg && *O->OpArg < Call.getNumArgs())
    if (auto CI = Call.getArgSVal(*O->OpArg).getAs<nonloc::ConcreteInt>())
      OpValue = compat::concreteValue(*CI).getExtValue();
  Write W{O->opFor(OpValue), {}, "", Origin};
  if (!isMapWrite(W.Op) || (O->MapArg && *O->MapArg >= Call.getNumArgs())) {
    C.addTransition(St);
    return;
  }
  if (O->MapArg) {
    const Expr *E = Call.getArgExpr(*O->MapArg);
    W.Map = storageOfExpr(E);
    if (W.Map.Root != Reach::Global && W.Map.Root != Reach::ThreadLocal) {
      SVal V = Call.getArgSVal(*O->MapArg);
      const MemRegion *R = V.getAsRegion();
      if (Storage S = storageOfRegion(R))
        W.Map = S;
    }
    W.MapName = storageName(E, C.getASTContext());
  } else if (const auto *Inst = dyn_cast<CXXInstanceCall>(&Call)) {
    W.Map = storageOfExpr(Inst->getCXXThisExpr());
    if (W.Map.Root != Reach::Global)
      if (Storage S = storageOfRegion(Inst->getCXXThisVal().getAsRegion()))
        W.Map = S;
    W.MapName = storageName(Inst->getCXXThisExpr(), C.getASTContext());
  } else if (const FunctionDecl *T =
                 Tables->processTable(*O, C.getASTContext())) {
    // The one process-wide table of the family (hsearch).
    W.Map = Storage{T, Reach::Global, nullptr};
    W.MapName = Tables->familyName(*O).str();
  }
  checkWrite(W, St, C);
}

void UnsyncMapWriteChecker::checkLocation(SVal, bool, const Stmt *S,
                                          CheckerContext &C) const {
  if (!mayReport(C.getASTContext()))
    return;
  if (!S->getBeginLoc().isMacroID())
    return;
  ProgramStateRef St = C.getState();
  if (std::optional<Write> W = handleMacro(S, St, C))
    checkWrite(*W, St, C);
  else
    C.addTransition(St);
}

void UnsyncMapWriteChecker::checkBranchCondition(const Stmt *S,
                                                 CheckerContext &C) const {
  checkLocation(UnknownVal(), true, S, C);
}

// Builtin atomics are expressions, not calls (__atomic_exchange_n, and from
// LLVM 20 on __atomic_test_and_set and __atomic_clear too): a lock macro made
// of one, such as an UNLOCK that is a single __atomic_clear, shows only here.
void UnsyncMapWriteChecker::checkPreStmt(const AtomicExpr *E,
                                         CheckerContext &C) const {
  if (!mayReport(C.getASTContext()))
    return;
  checkLocation(UnknownVal(), false, E, C);
}

// Code expanded from a model macro: the macro's operation, once per entry
// into the expansion.
std::optional<UnsyncMapWriteChecker::Write>
UnsyncMapWriteChecker::handleMacro(const Stmt *S, ProgramStateRef &St,
                                   CheckerContext &C) const {
  ASTContext &Ctx = C.getASTContext();
  std::optional<ModelMacroUse> Use = findModelMacro(
      S->getBeginLoc(), Ctx, [&](StringRef N) { return Tables->isModelMacro(N); });
  unsigned Id = Use ? Use->id() : 0;
  if (St->get<LastModelMacro>() == Id)
    return std::nullopt;
  St = St->set<LastModelMacro>(Id);
  if (!Use)
    return std::nullopt;
  const Stmt *Body = C.getLocationContext()->getDecl()->getBody();
  if (const LockOp *L = Tables->lockMacro(Use->Name)) {
    if (L->Op != LockOpKind::Once && L->LockArg)
      if (const Expr *Arg = macroArgExpr(*Use, *L->LockArg, Body, Ctx)) {
        LockKey K = lockKey(UnknownVal(), Arg);
        St = L->Op == LockOpKind::Acquire ? acquire(St, K, L->Mode)
                                          : release(St, K.Key);
      }
    return std::nullopt;
  }
  const MapOp *O = Tables->mapMacro(Use->Name);
  if (!O || !O->MapArg)
    return std::nullopt;
  std::optional<int64_t> OpValue;
  if (O->OpArg)
    if (const Expr *E = macroArgExpr(*Use, *O->OpArg, Body, Ctx)) {
      Expr::EvalResult R;
      if (E->EvaluateAsInt(R, Ctx))
        OpValue = R.Val.getInt().getExtValue();
    }
  const Expr *MapE = macroArgExpr(*Use, *O->MapArg, Body, Ctx);
  if (!MapE)
    return std::nullopt;
  Write W{O->opFor(OpValue), storageOfExpr(MapE), storageName(MapE, Ctx), S};
  if (!isMapWrite(W.Op))
    return std::nullopt;
  return W;
}

//===----------------------------------------------------------------------===//
// Deciding and reporting
//===----------------------------------------------------------------------===//

namespace {

// The guarded_by / pt_guarded_by lock of a map's variable or field.
const Expr *declaredGuard(const ValueDecl *D) {
  if (!D)
    return nullptr;
  if (const auto *A = D->getAttr<GuardedByAttr>())
    return A->getArg();
  if (const auto *A = D->getAttr<PtGuardedByAttr>())
    return A->getArg();
  return nullptr;
}

} // namespace

void UnsyncMapWriteChecker::checkWrite(const Write &W, ProgramStateRef St,
                                       CheckerContext &C) const {
  auto Done = [&] { C.addTransition(St); };
  if (!W.Map || W.Map.Root == Reach::Local || W.Map.Root == Reach::ThreadLocal ||
      W.Map.Root == Reach::Unknown)
    return Done();
  const ConcurrencyFacts &F = facts(C);
  const SourceManager &SM = C.getSourceManager();
  ASTContext &Ctx = C.getASTContext();

  // The functions on the stack, innermost first.
  llvm::SmallVector<const FunctionDecl *, 4> Frames;
  for (const LocationContext *LC = C.getLocationContext(); LC;
       LC = LC->getParent())
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(LC->getDecl()))
      if (Frames.empty() || Frames.back() != FD)
        Frames.push_back(FD);
  for (const FunctionDecl *FD : Frames)
    if (F.isOnceInit(FD) || F.createsMap(FD, W.Map.Decl))
      return Done();

  // What this path holds.
  bool WriteHeld = false;
  const Expr *ReadOnly = nullptr;
  for (const auto &KV : St->get<HeldLocks>()) {
    if (KV.second.protectsWrites())
      WriteHeld = true;
    else if (!ReadOnly)
      ReadOnly = KV.second.name();
  }
  const std::string &Name = W.MapName;
  auto Without = [&](const std::string &Lock) {
    return unsync::without(Lock, ReadOnly && !WriteHeld
                                     ? storageName(ReadOnly, Ctx)
                                     : std::string());
  };
  auto Here = [&](const MapAccess *A) {
    return A->Site != W.Site &&
           SM.getExpansionLoc(W.Site->getBeginLoc()) != A->Loc;
  };

  // Declared: guarded_by names the lock.
  if (const Expr *Guard = declaredGuard(W.Map.Decl)) {
    const void *Key = attributeLockKey(Guard);
    const HeldLock *H = Key ? St->get<HeldLocks>(Key) : nullptr;
    if (H && H->protectsWrites())
      return Done();
    return report(W,
                  unsync::guardedMessage(Name, storageName(Guard, Ctx), H != nullptr),
                  {}, St, C);
  }
  if (WriteHeld)
    return Done();

  // Writes first: a write on the other side says more than a read.
  auto Accesses = F.accessesOf(W.Map.Decl);
  std::stable_partition(Accesses.begin(), Accesses.end(),
                        [](const MapAccess *A) { return isMapWrite(A->Op); });
  bool Shared = W.Map.Root == Reach::Global;

  // Thread side: the write runs on a spawned thread.
  const SpawnSite *Site = nullptr;
  for (const FunctionDecl *FD : Frames)
    if ((Site = F.threadOf(FD)))
      break;
  if (Site && (Shared || W.Map.isField())) {
    for (const MapAccess *A : Accesses) {
      if (!Here(A))
        continue;
      // The spawning side, after the spawn and before the join.
      for (unsigned I : A->AfterSpawns)
        if (F.Spawns[I].Entry == Site->Entry)
          return report(W, unsync::startedItMessage(Name, Without(""), A->Op),
                        {Note(F.Spawns[I].Call, F.Spawns[I].Spawner,
                              unsync::ThreadStartedNote.str()),
                         Note(A->Site, A->Fn, unsync::startedItNote(Name, A->Op))},
                        St, C);
    }
    if (Shared) {
      for (const MapAccess *A : Accesses) {
        const SpawnSite *Other = F.threadOf(A->Fn);
        if (!Here(A) || !Other || Other->Entry == Site->Entry)
          continue;
        return report(W, unsync::anotherThreadMessage(Name, Without(""), A->Op),
                      {Note(Site->Call, Site->Spawner, unsync::ThreadStartedNote.str()),
                       Note(Other->Call, Other->Spawner, unsync::AnotherStartedNote.str()),
                       Note(A->Site, A->Fn, unsync::anotherThreadNote(Name, A->Op))},
                      St, C);
      }
      if (Site->Many)
        return report(W, unsync::manyThreadsMessage(Name, Without("")),
                      {Note(Site->Call, Site->Spawner,
                            unsync::SeveralStartedNote.str())},
                      St, C);
    }
  }

  // Spawning side: a thread started on this path writes the map under a
  // lock while this code writes it without one.
  if (Shared && !Site)
    for (const Stmt *Running : St->get<RunningSpawns>())
      for (const SpawnSite &S : F.Spawns) {
        if (S.Call != Running)
          continue;
        for (const MapAccess *A : Accesses) {
          const SpawnSite *T = F.threadOf(A->Fn);
          if (!T || T->Entry != S.Entry || A->Held.empty())
            continue;
          return report(W, unsync::spawningSideMessage(Name, Without(""), A->Op),
                        {Note(S.Call, S.Spawner, unsync::ThreadStartedNote.str()),
                         Note(A->Site, A->Fn,
                              unsync::threadHoldingNote(Name, A->Op,
                                                        A->Held.front().Name))},
                        St, C);
        }
      }

  // Declared: a function that may run on any thread.
  if (Shared)
    for (const FunctionDecl *FD : Frames)
      if (Tables->isAnyThread(FD))
        return report(W,
                      unsync::anyThreadMessage(Name, Without(""),
                                               FD->getNameAsString()),
                      {}, St, C);

  // Inconsistent: written under a lock elsewhere in this file. Writes before
  // the first thread starts are initialisation.
  const FunctionDecl *Top = Frames.empty() ? nullptr : Frames.back();
  if (!Site && St->get<RunningSpawns>().isEmpty() && Top &&
      (F.isSpawner(Top) || Top->isMain()))
    return Done();
  // Evidence is a write whose own function takes L, and the writes holding
  // L must be at least as many as those without it (creation aside): where
  // most writes go without L, L is there for something else (memcached
  // holds an LRU lock around one of four hash-table writes, all of them
  // protected by a lock their callers in other files take).
  auto MostWritesHold = [&](const void *Key) {
    llvm::DenseSet<unsigned> With, Without;
    for (const MapAccess *A : Accesses) {
      if (!isMapWrite(A->Op) || F.createsMap(A->Fn, W.Map.Decl))
        continue;
      bool Holds = llvm::any_of(A->Held, [Key](const HeldLockFact &L) {
        return L.Key == Key && L.Mode == LockMode::Write;
      });
      (Holds ? With : Without).insert(A->Loc.getRawEncoding());
    }
    // This write, if the facts did not see it (a write inside a macro).
    Without.insert(SM.getExpansionLoc(W.Site->getBeginLoc()).getRawEncoding());
    return With.size() >= Without.size();
  };
  for (const MapAccess *A : Accesses) {
    if (!Here(A) || !isMapWrite(A->Op))
      continue;
    for (const HeldLockFact &L : A->Held) {
      if (L.Mode != LockMode::Write || L.Name.empty() || L.Inherited ||
          !MostWritesHold(L.Key))
        continue;
      return report(W, unsync::inconsistentMessage(Name, Without(L.Name)),
                    {Note(A->Site, A->Fn, unsync::elsewhereNote(A->MapName, L.Name))},
                    St, C);
    }
  }
  Done();
}

void UnsyncMapWriteChecker::report(const Write &W, const std::string &Msg,
                                   llvm::ArrayRef<Note> Notes,
                                   ProgramStateRef St,
                                   CheckerContext &C) const {
  ExplodedNode *N = C.generateNonFatalErrorNode(St);
  if (!N)
    return;
  // One report per written statement as written, however many paths and
  // statements of a macro's expansion reach it.
  const SourceManager &SM = C.getSourceManager();
  PathDiagnosticLocation Unique(SM.getExpansionLoc(W.Site->getBeginLoc()), SM);
  auto R = std::make_unique<PathSensitiveBugReport>(
      BT, Msg, N, Unique, C.getLocationContext()->getDecl());
  R->addRange(SM.getExpansionRange(W.Site->getSourceRange()).getAsRange());
  AnalysisManager &AM = C.getAnalysisManager();
  for (const Note &No : Notes) {
    if (!No.S || !No.D)
      continue;
    PathDiagnosticLocation L = PathDiagnosticLocation::createBegin(
        No.S, C.getSourceManager(), AM.getAnalysisDeclContext(No.D));
    if (L.isValid())
      R->addNote(No.Msg, L);
  }
  C.emitReport(std::move(R));
}

void UnsyncMapWriteChecker::printState(raw_ostream &Out, ProgramStateRef State,
                                       const char *NL, const char *Sep) const {
  auto Held = State->get<HeldLocks>();
  if (!Held.isEmpty()) {
    Out << Sep << "Locks held:" << NL;
    for (const auto &KV : Held)
      Out << "  " << KV.first << (KV.second.protectsWrites() ? " (write)" : " (read)")
          << NL;
  }
  auto Running = State->get<RunningSpawns>();
  if (!Running.isEmpty())
    Out << Sep << "Threads started on this path: " << std::distance(Running.begin(), Running.end()) << NL;
}

void cvet::registerUnsyncMapWriteChecker(CheckerManager &Mgr) {
  auto *C = Mgr.registerChecker<UnsyncMapWriteChecker>();
  ModelRef M = loadCheckerModel(Mgr, C);
  // Every report is made at a map write on the explored path. What else it
  // weighs (the locks other writes hold, spawn sites, run-once initialisers,
  // callers' locks) ConcurrencyFacts reads from the whole unit's AST, which
  // pruning leaves alone; locks, spawns, AnyThread functions and capability
  // attributes only matter on a path that also writes a map.
  ModelNames Triggers;
  for (const MapFamily &F : M->Maps)
    for (const MapOp &O : F.Ops)
      if (O.mayWrite())
        (O.Macro.empty() ? Triggers.Functions : Triggers.Macros)
            .insert(O.name());
  C->setModel(std::move(M));
  declareTriggers(Mgr, C, std::move(Triggers),
                  [C](ASTContext &Ctx) { return C->mayReport(Ctx); });
}

bool cvet::shouldRegisterUnsyncMapWriteChecker(const CheckerManager &) {
  return true;
}

//===- ConcurrencyFacts.cpp - what a translation unit says about threads --===//

#include "ConcurrencyFacts.h"
#include "support/MacroExpansion.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include <deque>
#include <memory>

using namespace clang;
using namespace cvet;

namespace {

using LockSet = llvm::SmallVector<HeldLockFact, 2>;

void addLock(LockSet &S, const HeldLockFact &L) {
  for (HeldLockFact &H : S)
    if (H.Key == L.Key) {
      if (L.Mode == LockMode::Write)
        H.Mode = LockMode::Write;
      return;
    }
  S.push_back(L);
}

bool removeLock(LockSet &S, const void *Key) {
  for (auto I = S.begin(); I != S.end(); ++I)
    if (I->Key == Key) {
      S.erase(I);
      return true;
    }
  return false;
}

// Locks held on every incoming path.
LockSet meet(const LockSet &A, const LockSet &B) {
  LockSet Out;
  for (const HeldLockFact &L : A)
    for (const HeldLockFact &M : B)
      if (L.Key == M.Key) {
        HeldLockFact H = L;
        if (M.Mode == LockMode::Read)
          H.Mode = LockMode::Read;
        Out.push_back(H);
      }
  return Out;
}

bool sameSet(const LockSet &A, const LockSet &B) {
  if (A.size() != B.size())
    return false;
  for (const HeldLockFact &L : A) {
    bool Found = false;
    for (const HeldLockFact &M : B)
      Found |= L.Key == M.Key && L.Mode == M.Mode;
    if (!Found)
      return false;
  }
  return true;
}


// The explicit argument I of a call (a member operator's object is not one).
const Expr *callArg(const CallExpr *CE, unsigned I) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      ++I;
  return I < CE->getNumArgs() ? CE->getArg(I) : nullptr;
}

const Expr *callObject(const CallExpr *CE) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    return MC->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) &&
        Op->getNumArgs() > 0)
      return Op->getArg(0);
  return nullptr;
}

const FunctionDecl *functionOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr()->IgnoreParenCasts();
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    if (const auto *FD = dyn_cast<FunctionDecl>(DR->getDecl()))
      return FD->getDefinition() ? FD->getDefinition() : FD;
  if (const auto *L = dyn_cast<LambdaExpr>(E))
    return L->getCallOperator();
  return nullptr;
}

bool insideLoop(const Stmt *S, ParentMap &PM) {
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return true;
  return false;
}

struct CallSite {
  const FunctionDecl *Callee;
  SourceLocation Loc;
  LockSet Held;
};

struct FunctionInfo {
  std::unique_ptr<CFG> Graph;
  LockSet Acquires; ///< held at exit (a lock wrapper)
  llvm::SmallVector<const void *, 1> Releases;
  std::vector<CallSite> Calls;
  std::vector<SourceLocation> Joins;
  std::vector<unsigned> SpawnIdx;
  std::vector<unsigned> AccessIdx;
};

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}
  std::vector<const FunctionDecl *> Functions;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() &&
        !SM.isInSystemHeader(FD->getLocation()))
      Functions.push_back(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    if (!SM.isInSystemHeader(L->getBeginLoc()))
      Functions.push_back(L->getCallOperator());
    return true;
  }

private:
  const SourceManager &SM;
};

class Builder {
public:
  Builder(ConcurrencyFacts &F, const ConcurrencyModel &M, ASTContext &Ctx)
      : Facts(F), Model(M), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  void run(const TranslationUnitDecl *TU);

  llvm::DenseMap<const FunctionDecl *, FunctionInfo> Info;
  llvm::DenseMap<const FunctionDecl *, LockSet> EntryLocks;
  llvm::DenseSet<const FunctionDecl *> OnceInit;
  llvm::DenseSet<std::pair<const FunctionDecl *, const ValueDecl *>> Creates;

private:
  // Walks FD's CFG to a fixpoint; with Record, records what it meets.
  void analyse(const FunctionDecl *FD, bool Record);
  void transfer(const FunctionDecl *FD, const CFGElement &E, LockSet &Held,
                llvm::DenseMap<const VarDecl *, LockSet> &Guards,
                llvm::DenseSet<unsigned> &SeenMacros, bool Record);
  void applyLock(const FunctionDecl *FD, const LockCall &L, const CallExpr *CE,
                 llvm::ArrayRef<const Expr *> MacroArgs, LockSet &Held,
                 llvm::DenseMap<const VarDecl *, LockSet> &Guards,
                 const VarDecl *GuardVar, bool Record);
  void recordAccess(const FunctionDecl *FD, const MapOp &Op,
                    const Expr *MapExpr, const Expr *OpArg, const Stmt *Site,
                    const LockSet &Held);

  ConcurrencyFacts &Facts;
  const ConcurrencyModel &Model;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::unique_ptr<ParentMap> PM;
};

HeldLockFact lockFact(const Expr *E, LockMode Mode, const ASTContext &Ctx) {
  Storage S = storageOfExpr(E);
  const void *Key = S.Decl;
  if (!Key)
    Key = attributeLockKey(E);
  return HeldLockFact{Key, Mode, storageName(E, Ctx)};
}

void Builder::applyLock(const FunctionDecl *FD, const LockCall &L,
                        const CallExpr *CE,
                        llvm::ArrayRef<const Expr *> MacroArgs, LockSet &Held,
                        llvm::DenseMap<const VarDecl *, LockSet> &Guards,
                        const VarDecl *GuardVar, bool Record) {
  if (L.Op == LockOpKind::Once) {
    if (Record && CE && L.EntryArg)
      if (const FunctionDecl *Init = functionOf(callArg(CE, *L.EntryArg)))
        OnceInit.insert(Init);
    return;
  }
  llvm::SmallVector<const Expr *, 2> Locks(MacroArgs.begin(), MacroArgs.end());
  if (CE) {
    for (unsigned I : L.Args)
      if (const Expr *A = callArg(CE, I))
        Locks.push_back(A);
    if (L.Args.empty() && !L.OnObject && L.Named.empty())
      for (unsigned I = 0; const Expr *A = callArg(CE, I); ++I)
        Locks.push_back(A);
    for (const Expr *N : L.Named)
      Locks.push_back(N);
  }
  if (L.Op == LockOpKind::Release && L.OnObject && CE) {
    const Expr *Obj = callObject(CE);
    const auto *DR =
        Obj ? dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()) : nullptr;
    const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    auto G = VD ? Guards.find(VD) : Guards.end();
    if (G != Guards.end()) {
      for (const HeldLockFact &H : G->second)
        removeLock(Held, H.Key);
      return;
    }
    if (Obj)
      Locks.push_back(Obj);
  } else if (L.OnObject && CE) {
    if (const Expr *Obj = callObject(CE))
      Locks.push_back(Obj);
  }
  LockSet Facts;
  for (const Expr *E : Locks) {
    HeldLockFact H = lockFact(E, L.Mode, Ctx);
    if (H.Key)
      Facts.push_back(H);
  }
  FunctionInfo &FI = Info[FD];
  for (const HeldLockFact &H : Facts) {
    if (L.Op == LockOpKind::Acquire) {
      // A try-lock may fail: on some path the lock is not held.
      if (!L.SuccessReturn)
        addLock(Held, H);
    } else if (!removeLock(Held, H.Key) && !Record &&
               !llvm::is_contained(FI.Releases, H.Key)) {
      FI.Releases.push_back(H.Key);
    }
  }
  if (GuardVar && L.Scoped)
    Guards[GuardVar] = Facts;
}

void Builder::recordAccess(const FunctionDecl *FD, const MapOp &Op,
                           const Expr *MapExpr, const Expr *OpArg,
                           const Stmt *Site, const LockSet &Held) {
  std::optional<int64_t> OpValue;
  Expr::EvalResult R;
  if (OpArg && !OpArg->isValueDependent() && OpArg->EvaluateAsInt(R, Ctx))
    OpValue = R.Val.getInt().getExtValue();
  MapAccess A;
  A.Op = Op.opFor(OpValue);
  if (MapExpr) {
    A.Map = storageOfExpr(MapExpr);
    A.MapName = storageName(MapExpr, Ctx);
  } else if (isa<CallExpr>(Site)) {
    // The one process-wide table of the family (hsearch).
    if (const FunctionDecl *T = Model.processTable(Op, Ctx))
      A.Map = Storage{T, Reach::Global, nullptr};
    A.MapName = Model.familyName(Op).str();
  }
  if (!A.Map)
    return;
  A.Site = Site;
  A.Loc = SM.getExpansionLoc(Site->getBeginLoc());
  A.Fn = FD;
  A.Held = Held;
  Info[FD].AccessIdx.push_back(Facts.Accesses.size());
  Facts.Accesses.push_back(std::move(A));
}

void Builder::transfer(const FunctionDecl *FD, const CFGElement &E,
                       LockSet &Held,
                       llvm::DenseMap<const VarDecl *, LockSet> &Guards,
                       llvm::DenseSet<unsigned> &SeenMacros, bool Record) {
  if (auto Dtor = E.getAs<CFGAutomaticObjDtor>()) {
    auto G = Guards.find(Dtor->getVarDecl());
    if (G != Guards.end())
      for (const HeldLockFact &H : G->second)
        removeLock(Held, H.Key);
    return;
  }
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return;
  const Stmt *S = CS->getStmt();
  const Stmt *Body = FD->getBody();

  // Code expanded from a model macro is that macro's operation.
  if (S->getBeginLoc().isMacroID()) {
    if (auto Use = findModelMacro(S->getBeginLoc(), Ctx, [&](StringRef N) {
          return Model.isModelMacro(N);
        })) {
      if (const LockOp *L = Model.lockMacro(Use->Name)) {
        if (L->Op == LockOpKind::Once || !L->LockArg)
          return;
        if (const Expr *Arg = macroArgExpr(*Use, *L->LockArg, Body, Ctx)) {
          LockCall C;
          C.Op = L->Op;
          C.Mode = L->Mode;
          C.SuccessReturn = L->SuccessReturn;
          const Expr *Args[] = {Arg};
          applyLock(FD, C, nullptr, Args, Held, Guards, nullptr, Record);
        }
        return;
      }
      if (const MapOp *O = Model.mapMacro(Use->Name)) {
        if (Record && SeenMacros.insert(Use->id()).second) {
          const Expr *MapE =
              O->MapArg ? macroArgExpr(*Use, *O->MapArg, Body, Ctx) : nullptr;
          const Expr *OpE =
              O->OpArg ? macroArgExpr(*Use, *O->OpArg, Body, Ctx) : nullptr;
          if (MapE || !O->MapArg)
            recordAccess(FD, *O, MapE, OpE, S, Held);
        }
        return;
      }
    }
  }

  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
                VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr))
          if (auto L = Model.lockConstruct(CE->getConstructor())) {
            llvm::SmallVector<const Expr *, 2> Args;
            for (unsigned I : L->Args)
              if (I < CE->getNumArgs())
                Args.push_back(CE->getArg(I));
            if (L->Args.empty() && !L->OnObject && L->Named.empty())
              for (const Expr *A : CE->arguments())
                Args.push_back(A);
            for (const Expr *N : L->Named)
              Args.push_back(N);
            LockCall C = *L;
            C.Args.clear();
            C.Named.clear();
            C.OnObject = false;
            applyLock(FD, C, nullptr, Args, Held, Guards, VD, Record);
          }
    return;
  }

  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (Record && BO->isAssignmentOp())
      if (const auto *RHS = dyn_cast<CallExpr>(BO->getRHS()->IgnoreParenCasts()))
        if (Model.createsMap(*RHS))
          if (Storage St = storageOfExpr(BO->getLHS()))
            Creates.insert({FD, St.Decl});
    return;
  }

  const auto *CE = dyn_cast<CallExpr>(S);
  if (!CE)
    return;
  if (auto L = Model.lockCall(*CE)) {
    applyLock(FD, *L, CE, {}, Held, Guards, nullptr, Record);
    return;
  }
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (Callee && Callee->getDefinition())
    Callee = Callee->getDefinition();
  auto Wrapper = Callee ? Info.find(Callee) : Info.end();
  if (Wrapper != Info.end() && Wrapper->first != FD) {
    for (const HeldLockFact &H : Wrapper->second.Acquires)
      addLock(Held, H);
    for (const void *K : Wrapper->second.Releases)
      removeLock(Held, K);
  }
  if (!Record)
    return;
  FunctionInfo &FI = Info[FD];
  SourceLocation Loc = SM.getExpansionLoc(CE->getBeginLoc());
  if (const MapOp *O = Model.mapCall(*CE)) {
    const Expr *MapE = O->MapArg ? callArg(CE, *O->MapArg) : callObject(CE);
    if (MapE || !O->MapArg)
      recordAccess(FD, *O, MapE, O->OpArg ? callArg(CE, *O->OpArg) : nullptr,
                   CE, Held);
    return;
  }
  if (const ThreadSpawn *Sp = Model.spawnCall(*CE)) {
    if (Sp->EntryArg && Sp->Runs == WorkRuns::Thread)
      if (const FunctionDecl *Entry = functionOf(callArg(CE, *Sp->EntryArg))) {
        SpawnSite Site{CE, FD, Entry, Sp->ManyThreads || insideLoop(CE, *PM)};
        FI.SpawnIdx.push_back(Facts.Spawns.size());
        Facts.Spawns.push_back(Site);
      }
    return;
  }
  if (const ThreadJoin *J = Model.joinCall(*CE)) {
    if (!J->AllWork)
      FI.Joins.push_back(Loc);
    return;
  }
  if (Callee && Callee->hasBody())
    FI.Calls.push_back(CallSite{Callee, Loc, Held});
}

void Builder::analyse(const FunctionDecl *FD, bool Record) {
  FunctionInfo &FI = Info[FD];
  if (!FI.Graph) {
    CFG::BuildOptions Opts;
    Opts.AddImplicitDtors = true;
    FI.Graph = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
    if (!FI.Graph)
      return;
  }
  CFG &G = *FI.Graph;
  PM = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));

  LockSet Entry;
  if (const auto *A = FD->getAttr<RequiresCapabilityAttr>())
    for (const Expr *E : A->args()) {
      HeldLockFact H = lockFact(E, A->isShared() ? LockMode::Read : LockMode::Write, Ctx);
      if (H.Key)
        Entry.push_back(H);
    }
  auto EL = EntryLocks.find(FD);
  if (EL != EntryLocks.end())
    for (const HeldLockFact &H : EL->second)
      addLock(Entry, H);

  llvm::DenseMap<const CFGBlock *, LockSet> Out;
  llvm::DenseSet<const CFGBlock *> Done;
  llvm::DenseMap<const VarDecl *, LockSet> Guards;
  llvm::DenseSet<unsigned> SeenMacros;
  auto InOf = [&](const CFGBlock *B) {
    if (B == &G.getEntry())
      return Entry;
    std::optional<LockSet> In;
    for (const CFGBlock *P : B->preds())
      if (P && Done.count(P))
        In = In ? meet(*In, Out[P]) : Out[P];
    return In ? *In : LockSet();
  };
  // Locks only ever leave a block's set once it has been seen, so this ends.
  std::deque<const CFGBlock *> Work{&G.getEntry()};
  llvm::DenseSet<const CFGBlock *> Queued{&G.getEntry()};
  for (unsigned Steps = 0; !Work.empty() && Steps < 64 * G.size(); ++Steps) {
    const CFGBlock *B = Work.front();
    Work.pop_front();
    Queued.erase(B);
    LockSet Held = InOf(B);
    for (const CFGElement &E : *B)
      transfer(FD, E, Held, Guards, SeenMacros, /*Record=*/false);
    if (Done.count(B) && sameSet(Out[B], Held))
      continue;
    Out[B] = Held;
    Done.insert(B);
    for (const CFGBlock *S : B->succs())
      if (S && Queued.insert(S).second)
        Work.push_back(S);
  }
  if (!Record) {
    FI.Acquires = Done.count(&G.getExit()) ? Out[&G.getExit()] : LockSet();
    return;
  }
  Guards.clear();
  for (const CFGBlock *B : G) {
    if (!Done.count(B))
      continue;
    LockSet Held = InOf(B);
    for (const CFGElement &E : *B)
      transfer(FD, E, Held, Guards, SeenMacros, /*Record=*/true);
  }
}

void Builder::run(const TranslationUnitDecl *TU) {
  FunctionCollector Collect(SM);
  Collect.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  // Lock wrappers first, so that their callers see what they leave held.
  for (const FunctionDecl *FD : Collect.Functions)
    analyse(FD, /*Record=*/false);
  for (const FunctionDecl *FD : Collect.Functions)
    analyse(FD, /*Record=*/true);

  // Locks every caller holds (one level).
  llvm::DenseMap<const FunctionDecl *, std::optional<LockSet>> Callers;
  for (const FunctionDecl *FD : Collect.Functions)
    for (const CallSite &C : Info[FD].Calls) {
      auto &S = Callers[C.Callee];
      S = S ? meet(*S, C.Held) : C.Held;
    }
  for (auto &KV : Callers)
    if (KV.second && !KV.second->empty())
      EntryLocks[KV.first] = *KV.second;
}

} // namespace

ConcurrencyFacts::ConcurrencyFacts(const TranslationUnitDecl *TU,
                                   const ConcurrencyModel &Model) {
  ASTContext &Ctx = TU->getASTContext();
  Builder B(*this, Model, Ctx);
  B.run(TU);
  OnceInit = std::move(B.OnceInit);
  for (auto &KV : B.Info)
    for (const CallSite &C : KV.second.Calls)
      Called.insert(C.Callee);
  Creates = std::move(B.Creates);
  for (auto &KV : B.EntryLocks)
    EntryLocks[KV.first].append(KV.second.begin(), KV.second.end());
  for (MapAccess &A : Accesses) {
    auto EL = EntryLocks.find(A.Fn);
    if (EL != EntryLocks.end())
      for (HeldLockFact H : EL->second) {
        H.Inherited = true;
        addLock(A.Held, H);
      }
  }

  // Several threads run an entry that two sites start.
  llvm::DenseMap<const FunctionDecl *, unsigned> SitesPerEntry;
  for (const SpawnSite &S : Spawns)
    ++SitesPerEntry[S.Entry];
  for (SpawnSite &S : Spawns) {
    S.Many |= SitesPerEntry[S.Entry] > 1;
    Spawners.insert(S.Spawner);
  }

  // What runs on each thread: the entry and what it calls.
  for (unsigned I = 0; I < Spawns.size(); ++I) {
    std::deque<const FunctionDecl *> Work{Spawns[I].Entry};
    while (!Work.empty()) {
      const FunctionDecl *F = Work.front();
      Work.pop_front();
      if (!ThreadReach.try_emplace(F, I).second)
        continue;
      auto It = B.Info.find(F);
      if (It != B.Info.end())
        for (const CallSite &C : It->second.Calls)
          Work.push_back(C.Callee);
    }
  }

  // The spawning side: after the spawn and before the next join, in the
  // spawner and in what it calls there.
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = 0; I < Spawns.size(); ++I) {
    const SpawnSite &S = Spawns[I];
    FunctionInfo &FI = B.Info[S.Spawner];
    SourceLocation From = SM.getExpansionLoc(S.Call->getBeginLoc());
    SourceLocation To;
    for (SourceLocation J : FI.Joins)
      if (SM.isBeforeInTranslationUnit(From, J) &&
          (To.isInvalid() || SM.isBeforeInTranslationUnit(J, To)))
        To = J;
    auto InRange = [&](SourceLocation L) {
      return SM.isBeforeInTranslationUnit(From, L) &&
             (To.isInvalid() || SM.isBeforeInTranslationUnit(L, To));
    };
    for (unsigned A : FI.AccessIdx)
      if (InRange(Accesses[A].Loc))
        Accesses[A].AfterSpawns.push_back(I);
    llvm::DenseSet<const FunctionDecl *> Seen;
    std::deque<const FunctionDecl *> Work;
    for (const CallSite &C : FI.Calls)
      if (InRange(C.Loc))
        Work.push_back(C.Callee);
    while (!Work.empty()) {
      const FunctionDecl *F = Work.front();
      Work.pop_front();
      if (!Seen.insert(F).second || F == S.Entry)
        continue;
      auto It = B.Info.find(F);
      if (It == B.Info.end())
        continue;
      for (unsigned A : It->second.AccessIdx)
        Accesses[A].AfterSpawns.push_back(I);
      for (const CallSite &C : It->second.Calls)
        Work.push_back(C.Callee);
    }
  }

  for (unsigned I = 0; I < Accesses.size(); ++I)
    ByMap[Accesses[I].Map.Decl].push_back(I);
}

const SpawnSite *ConcurrencyFacts::threadOf(const FunctionDecl *FD) const {
  auto It = ThreadReach.find(FD);
  return It == ThreadReach.end() ? nullptr : &Spawns[It->second];
}

bool ConcurrencyFacts::createsMap(const FunctionDecl *FD,
                                  const ValueDecl *Map) const {
  return Creates.count({FD, Map});
}

llvm::ArrayRef<HeldLockFact>
ConcurrencyFacts::entryLocks(const FunctionDecl *FD) const {
  auto It = EntryLocks.find(FD);
  if (It == EntryLocks.end())
    return {};
  return It->second;
}

llvm::SmallVector<const MapAccess *, 4>
ConcurrencyFacts::accessesOf(const ValueDecl *Map) const {
  llvm::SmallVector<const MapAccess *, 4> Out;
  auto It = ByMap.find(Map);
  if (It != ByMap.end())
    for (unsigned I : It->second)
      Out.push_back(&Accesses[I]);
  return Out;
}

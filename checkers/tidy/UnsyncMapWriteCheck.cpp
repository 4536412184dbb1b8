//===- UnsyncMapWriteCheck.cpp - map writes that race ---------------------===//
//
// cvet-unsync-map-write, the editor's twin of cvet.UnsyncMapWrite. The
// analyzer's ConcurrencyFacts (one pass over the translation unit: spawn
// sites, what runs on a thread, every map access with the locks held there
// on every path of its function, a lock wrapper's and every caller's locks
// included) give each write; the rule's reasons are then decided from those
// facts alone, in the analyzer's order:
//
//   declared      guarded_by / pt_guarded_by names a lock the write lacks
//   (held)        a write lock is held on every path: nothing to say
//   thread side   the write is in a thread's entry function and the map is
//                 also touched by the code that started it (after the spawn
//                 on some path of its CFG, before a join), by another thread,
//                 or by the other threads one site starts
//   spawning side the spawner writes, after the spawn on some path, a map
//                 its thread writes under a lock
//   any thread    the function is AnyThread in the model
//   inconsistent  the other writes of the map hold a lock their own function
//                 takes, at least as many as go without it
//
// Where one translation unit's AST and CFG cannot decide, the check is
// silent (precision first; the analyzer has the last word in CI): writes in
// functions a thread only reaches through calls, whose callers in the file
// may hold locks on the thread's path; functions with a try-lock or a lock
// named through something other than a variable or field; inconsistent
// locking in functions that are called in the file, that start threads or
// are main.
//
//===----------------------------------------------------------------------===//

#include "UnsyncMapWriteCheck.h"
#include "UnsyncMapWrite/ConcurrencyFacts.h"
#include "UnsyncMapWrite/ConcurrencyModel.h"
#include "UnsyncMapWrite/Wording.h"
#include "support/CallMatching.h"
#include "support/MacroExpansion.h"
#include "support/Storage.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"

#include <algorithm>
#include <deque>

using namespace clang;

namespace cvet::tidy {

/// The facts of one translation unit, and the CFGs asked of them.
struct UnsyncMapWriteCheck::UnitFacts {
  ConcurrencyFacts Facts;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<unsigned, 4>> ByFn;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CFG>> Graphs;

  UnitFacts(ASTContext &Ctx, const ConcurrencyModel &M)
      : Facts(Ctx.getTranslationUnitDecl(), M) {
    for (unsigned I = 0; I < Facts.Accesses.size(); ++I)
      ByFn[Facts.Accesses[I].Fn].push_back(I);
  }

  CFG *graphOf(const FunctionDecl *FD, ASTContext &Ctx) {
    std::unique_ptr<CFG> &G = Graphs[FD];
    if (!G && FD->getBody()) {
      CFG::BuildOptions Opts;
      Opts.setAllAlwaysAdd();
      G = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
    }
    return G.get();
  }
};

UnsyncMapWriteCheck::UnsyncMapWriteCheck(llvm::StringRef Name,
                                          clang::tidy::ClangTidyContext *Context)
    : BodyCheck(Name, Context) {}

UnsyncMapWriteCheck::~UnsyncMapWriteCheck() = default;

void UnsyncMapWriteCheck::onStartOfTranslationUnit() { Unit.reset(); }
void UnsyncMapWriteCheck::onEndOfTranslationUnit() { Unit.reset(); }

void UnsyncMapWriteCheck::prepare(ModelRef M) {
  Model = std::move(M);
  Tables = std::make_unique<ConcurrencyModel>(*Model);
  for (const MapFamily &F : Model->Maps)
    for (const MapOp &O : F.Ops)
      if (O.mayWrite() && !O.Function.empty())
        WriteNames.insert(unqualifiedName(O.Function));
}

namespace {

/// Whether S may write a map: a call named like a writing map operation, or
/// code expanded from a map macro of the model.
bool mayWriteMap(const Stmt *S, const llvm::StringSet<> &Names,
                 const ConcurrencyModel &M, const ASTContext &Ctx) {
  return callsAnyOf(S, Names, [&](const Stmt *E) {
    return E->getBeginLoc().isMacroID() &&
           findModelMacro(E->getBeginLoc(), Ctx, [&](StringRef N) {
             return M.mapMacro(N) != nullptr;
           });
  });
}

/// The key under which the facts know a lock named by E, or null.
const void *lockKeyOf(const Expr *E) {
  if (!E)
    return nullptr;
  if (Storage S = storageOfExpr(E))
    return S.Decl;
  return attributeLockKey(E);
}

const Expr *explicitArg(const CallExpr *CE, unsigned I) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      ++I;
  return I < CE->getNumArgs() ? CE->getArg(I) : nullptr;
}

/// Whether the lock set the facts computed for Body can be trusted: a
/// try-lock holds its lock only where it succeeded, a lock the facts cannot
/// name (locks[i], get_lock()) is left out of their sets, and a lock taken
/// again before its release (a recursive mutex) is one entry in a set that
/// its first release empties; a write under any of them would look
/// unlocked.
bool locksAreKnown(const Stmt *Body, const ConcurrencyModel &M,
                   const ASTContext &Ctx) {
  bool Known = true;
  // Locks taken and not yet released, in source order.
  llvm::DenseMap<const void *, unsigned> Taken;
  auto Count = [&](LockOpKind Op, const void *Key) {
    if (!Key)
      return;
    unsigned &N = Taken[Key];
    if (Op == LockOpKind::Acquire && N++ > 0)
      Known = false;
    else if (Op == LockOpKind::Release && N > 0)
      --N;
  };
  llvm::DenseSet<unsigned> SeenMacros;
  auto Visit = [&](auto &Self, const Stmt *S) -> void {
    if (!S || !Known)
      return;
    if (S->getBeginLoc().isMacroID())
      if (auto Use = findModelMacro(S->getBeginLoc(), Ctx, [&](StringRef N) {
            return M.lockMacro(N) != nullptr;
          })) {
        const LockOp *L = M.lockMacro(Use->Name);
        if (L->Op != LockOpKind::Once && SeenMacros.insert(Use->id()).second) {
          const void *Key =
              L->LockArg ? lockKeyOf(macroArgExpr(*Use, *L->LockArg, Body, Ctx))
                         : nullptr;
          if (L->SuccessReturn || !Key)
            Known = false;
          Count(L->Op, Key);
        }
      }
    std::optional<LockCall> L;
    llvm::SmallVector<const Expr *, 2> Locks;
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if ((L = M.lockCall(*CE))) {
        for (unsigned I : L->Args)
          Locks.push_back(explicitArg(CE, I));
        if (L->OnObject)
          if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
            Locks.push_back(MC->getImplicitObjectArgument());
        if (L->Args.empty() && !L->OnObject && L->Named.empty())
          for (const Expr *A : CE->arguments())
            Locks.push_back(A);
      }
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
      if ((L = M.lockConstruct(CC->getConstructor()))) {
        for (unsigned I : L->Args)
          Locks.push_back(I < CC->getNumArgs() ? CC->getArg(I) : nullptr);
        if (L->Args.empty() && L->Named.empty())
          for (const Expr *A : CC->arguments())
            Locks.push_back(A);
      }
    }
    if (L && L->Op != LockOpKind::Once) {
      for (const Expr *E : L->Named)
        Locks.push_back(E);
      if (L->Op == LockOpKind::Acquire && L->SuccessReturn)
        Known = false;
      for (const Expr *E : Locks) {
        const void *Key = lockKeyOf(E);
        if (!Key && L->Op == LockOpKind::Acquire)
          Known = false;
        Count(L->Op, Key);
      }
    }
    for (const Stmt *Child : S->children())
      Self(Self, Child);
  };
  Visit(Visit, Body);
  return Known;
}

/// The CFG element of S, as (block, index).
std::optional<std::pair<const CFGBlock *, unsigned>> elementOf(const CFG &G,
                                                               const Stmt *S) {
  for (const CFGBlock *B : G) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>(); CS && CS->getStmt() == S)
        return std::make_pair(B, I);
      ++I;
    }
  }
  return std::nullopt;
}

} // namespace

void UnsyncMapWriteCheck::checkBody(const Decl *D, Stmt *Body,
                                    ASTContext &Ctx) {
  const auto *Fn = dyn_cast<FunctionDecl>(D);
  if (!Fn || !mayWriteMap(Body, WriteNames, *Tables, Ctx))
    return;
  if (!Unit)
    Unit = std::make_unique<UnitFacts>(Ctx, *Tables);
  auto Mine = Unit->ByFn.find(Fn);
  if (Mine == Unit->ByFn.end())
    return;
  const ConcurrencyFacts &F = Unit->Facts;
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<bool> LocksKnown;

  // Whether some path of the spawner's CFG goes from the spawn to Site
  // without a join.
  auto AfterSpawn = [&](const SpawnSite &Sp, const Stmt *Site) {
    CFG *G = Unit->graphOf(Sp.Spawner, Ctx);
    if (!G)
      return false;
    auto From = elementOf(*G, Sp.Call);
    if (!From)
      return false;
    llvm::BitVector Seen(G->getNumBlockIDs());
    std::deque<std::pair<const CFGBlock *, unsigned>> Work{
        {From->first, From->second + 1}};
    while (!Work.empty()) {
      auto [B, Start] = Work.front();
      Work.pop_front();
      bool Stopped = false;
      for (unsigned I = Start; I < B->size() && !Stopped; ++I) {
        auto CS = (*B)[I].getAs<CFGStmt>();
        if (!CS)
          continue;
        if (CS->getStmt() == Site)
          return true;
        if (const auto *CE = dyn_cast<CallExpr>(CS->getStmt()))
          if (const ThreadJoin *J = Tables->joinCall(*CE); J && !J->AllWork)
            Stopped = true;
      }
      if (Stopped)
        continue;
      for (const CFGBlock *Succ : B->succs())
        if (Succ && !Seen.test(Succ->getBlockID())) {
          Seen.set(Succ->getBlockID());
          Work.push_back({Succ, 0});
        }
    }
    return false;
  };

  for (unsigned Index : Mine->second) {
    const MapAccess &W = F.Accesses[Index];
    const Storage &Map = W.Map;
    if (!isMapWrite(W.Op) || !Map || Map.Root == Reach::Local ||
        Map.Root == Reach::ThreadLocal || Map.Root == Reach::Unknown)
      continue;
    if (F.isOnceInit(Fn) || F.createsMap(Fn, Map.Decl))
      continue;
    if (!LocksKnown)
      LocksKnown = locksAreKnown(Body, *Tables, Ctx);
    if (!*LocksKnown)
      return;

    bool WriteHeld = false;
    std::string ReadSide;
    for (const HeldLockFact &H : W.Held) {
      if (H.Mode == LockMode::Write)
        WriteHeld = true;
      else if (ReadSide.empty())
        ReadSide = H.Name;
    }
    auto Without = [&](llvm::StringRef Lock) {
      return unsync::without(Lock, WriteHeld ? "" : llvm::StringRef(ReadSide));
    };
    auto Report = [&](const std::string &Msg) {
      diag(W.Loc, "%0")
          << Msg << SM.getExpansionRange(W.Site->getSourceRange());
    };
    auto Note = [&](SourceLocation At, const std::string &Msg) {
      diag(SM.getExpansionLoc(At), "%0", DiagnosticIDs::Note) << Msg;
    };
    auto Here = [&](const MapAccess *A) {
      return A->Site != W.Site && A->Loc != W.Loc;
    };

    // Declared: guarded_by names the lock.
    const Expr *Guard = nullptr;
    if (const auto *A = Map.Decl->getAttr<GuardedByAttr>())
      Guard = A->getArg();
    else if (const auto *A = Map.Decl->getAttr<PtGuardedByAttr>())
      Guard = A->getArg();
    if (Guard) {
      const void *Key = attributeLockKey(Guard);
      const HeldLockFact *H = nullptr;
      for (const HeldLockFact &L : W.Held)
        if (Key && L.Key == Key)
          H = &L;
      if (!(H && H->Mode == LockMode::Write))
        Report(unsync::guardedMessage(W.MapName, storageName(Guard, Ctx),
                                      H != nullptr));
      continue;
    }
    if (WriteHeld)
      continue;

    // Writes first: a write on the other side says more than a read.
    auto Accesses = F.accessesOf(Map.Decl);
    std::stable_partition(Accesses.begin(), Accesses.end(),
                          [](const MapAccess *A) { return isMapWrite(A->Op); });
    bool Shared = Map.Root == Reach::Global;
    bool Entry = llvm::any_of(F.Spawns, [&](const SpawnSite &S) {
      return S.Entry == Fn;
    });
    const SpawnSite *Site = F.threadOf(Fn);

    // Thread side, in a thread's entry function.
    if (Site && Entry && (Shared || Map.isField())) {
      bool Done = false;
      for (const MapAccess *A : Accesses) {
        if (Done || !Here(A))
          continue;
        for (unsigned I : A->AfterSpawns) {
          const SpawnSite &Sp = F.Spawns[I];
          if (Sp.Entry != Site->Entry || A->Fn != Sp.Spawner ||
              !AfterSpawn(Sp, A->Site))
            continue;
          Report(unsync::startedItMessage(W.MapName, Without(""), A->Op));
          Note(Sp.Call->getBeginLoc(), unsync::ThreadStartedNote.str());
          Note(A->Loc, unsync::startedItNote(W.MapName, A->Op));
          Done = true;
          break;
        }
      }
      if (Done)
        continue;
      if (Shared) {
        for (const MapAccess *A : Accesses) {
          const SpawnSite *Other = F.threadOf(A->Fn);
          if (!Here(A) || !Other || Other->Entry == Site->Entry)
            continue;
          Report(unsync::anotherThreadMessage(W.MapName, Without(""), A->Op));
          Note(Site->Call->getBeginLoc(), unsync::ThreadStartedNote.str());
          Note(Other->Call->getBeginLoc(), unsync::AnotherStartedNote.str());
          Note(A->Loc, unsync::anotherThreadNote(W.MapName, A->Op));
          Done = true;
          break;
        }
        if (!Done && Site->Many) {
          Report(unsync::manyThreadsMessage(W.MapName, Without("")));
          Note(Site->Call->getBeginLoc(), unsync::SeveralStartedNote.str());
          Done = true;
        }
      }
      if (Done)
        continue;
    }
    if (Site && !Entry)
      continue; // on a thread's path through calls: left to the analyzer

    // Spawning side: a thread started here, still running on some path,
    // writes the map under a lock.
    bool Running = false;
    if (Shared && !Site) {
      bool Done = false;
      for (unsigned I : W.AfterSpawns) {
        const SpawnSite &Sp = F.Spawns[I];
        if (Done || Sp.Spawner != Fn || !AfterSpawn(Sp, W.Site))
          continue;
        Running = true;
        for (const MapAccess *A : Accesses) {
          const SpawnSite *T = F.threadOf(A->Fn);
          if (!T || T->Entry != Sp.Entry || A->Held.empty())
            continue;
          Report(unsync::spawningSideMessage(W.MapName, Without(""), A->Op));
          Note(Sp.Call->getBeginLoc(), unsync::ThreadStartedNote.str());
          Note(A->Loc, unsync::threadHoldingNote(W.MapName, A->Op,
                                                 A->Held.front().Name));
          Done = true;
          break;
        }
      }
      if (Done)
        continue;
    }

    // Declared: a function that may run on any thread.
    if (Shared && Tables->isAnyThread(Fn)) {
      Report(unsync::anyThreadMessage(W.MapName, Without(""),
                                      Fn->getNameAsString()));
      continue;
    }

    // Inconsistent: written under a lock elsewhere in this file. Writes
    // before the first thread starts are initialisation; a function that is
    // called here may be called before the threads start, or under a lock.
    if (F.hasCallers(Fn) ||
        (!Site && !Running && (F.isSpawner(Fn) || Fn->isMain())))
      continue;
    auto MostWritesHold = [&](const void *Key) {
      llvm::DenseSet<unsigned> With, WithoutIt;
      for (const MapAccess *A : Accesses) {
        if (!isMapWrite(A->Op) || F.createsMap(A->Fn, Map.Decl))
          continue;
        bool Holds = llvm::any_of(A->Held, [Key](const HeldLockFact &L) {
          return L.Key == Key && L.Mode == LockMode::Write;
        });
        (Holds ? With : WithoutIt).insert(A->Loc.getRawEncoding());
      }
      WithoutIt.insert(W.Loc.getRawEncoding());
      return With.size() >= WithoutIt.size();
    };
    bool Done = false;
    for (const MapAccess *A : Accesses) {
      if (Done || !Here(A) || !isMapWrite(A->Op))
        continue;
      for (const HeldLockFact &L : A->Held) {
        if (L.Mode != LockMode::Write || L.Name.empty() || L.Inherited ||
            !MostWritesHold(L.Key))
          continue;
        Report(unsync::inconsistentMessage(W.MapName, Without(L.Name)));
        Note(A->Loc, unsync::elsewhereNote(A->MapName, L.Name));
        Done = true;
        break;
      }
    }
  }
}

} // namespace cvet::tidy

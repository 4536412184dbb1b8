//===- LoopVarCaptureCheck.cpp - loop variables shared with later work ----===//
//
// cvet-loop-var-capture, the editor's twin of cvet.LoopVarCapture, from the
// AST of one function. For each spawn inside a loop (a ThreadSpawn of the
// model with `&obj` as its data, or an Async call or constructor with a
// lambda capturing `obj` by reference, a block capturing a __block `obj`):
//
//   obj written in the loop (counter, reused struct)   --> "the loop changes"
//   obj declared in the loop body (dies each iteration) --> "goes out of scope"
//   ...unless the iteration waits after the spawn: a join of the model, a
//   wait member of the work's object (t.join(), f.get()), an object that
//   waits when it dies in the iteration (std::jthread, std::async's future),
//   or, for C spawns, obj handed to code we cannot see
//
// What a callable captures, which loop shares it, the loop helpers and the
// wording are the analyzer checker's (support/CaptureScan.h,
// support/LoopAST.h, support/CaptureWording.h); init-captures ([&r = x]) are
// left to it. What the path-sensitive part adds (a spawn that failed, a join
// through a handle stored elsewhere) is left to it too: where the AST alone
// cannot tell, the check stays silent.
//
//===----------------------------------------------------------------------===//

#include "LoopVarCaptureCheck.h"
#include "support/CallMatching.h"
#include "support/CaptureScan.h"
#include "support/CaptureWording.h"
#include "support/LoopAST.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::ento::CallDescription;
using clang::ento::CallDescriptionMap;

namespace cvet::tidy {

/// The model's ThreadSpawn, ThreadJoin and Async sections as call tables.
struct CaptureTables {
  ModelRef M; ///< owns the entries the tables point to
  std::unique_ptr<CallDescriptionMap<const ThreadSpawn *>> Spawns;
  std::unique_ptr<CallDescriptionMap<const ThreadJoin *>> Joins;
  std::unique_ptr<CallDescriptionMap<const AsyncCall *>> AsyncFunctions;
  llvm::StringMap<const AsyncCall *> AsyncClasses; ///< "std::thread"
  llvm::StringSet<> CalleeNames; ///< unqualified, for a quick look first

  explicit CaptureTables(ModelRef Shared);
  const AsyncCall *asyncClassOf(const CXXRecordDecl *RD) const {
    if (!RD)
      return nullptr;
    auto It = AsyncClasses.find(RD->getQualifiedNameAsString());
    return It == AsyncClasses.end() ? nullptr : It->second;
  }
};

CaptureTables::CaptureTables(ModelRef Shared) : M(std::move(Shared)) {
  Spawns = std::make_unique<CallDescriptionMap<const ThreadSpawn *>>(
      callTableOf<ThreadSpawn>(M->ThreadSpawns));
  for (const ThreadSpawn &E : M->ThreadSpawns)
    CalleeNames.insert(unqualifiedName(E.Function));
  Joins = std::make_unique<CallDescriptionMap<const ThreadJoin *>>(
      callTableOf<ThreadJoin>(M->ThreadJoins));
  // Async: constructors (Class::Class) by class, functions by call.
  CallTableBuilder<const AsyncCall *> A;
  for (const AsyncCall &E : M->Async) {
    if (isConstructorName(E.Function)) {
      llvm::StringRef Class = llvm::StringRef(E.Function).rsplit("::").first;
      AsyncClasses[Class] = &E;
      continue;
    }
    A.add(E.Function, &E);
    CalleeNames.insert(unqualifiedName(E.Function));
  }
  AsyncFunctions =
      std::make_unique<CallDescriptionMap<const AsyncCall *>>(A.build());
}

namespace {

/// `&obj`, `&obj.field`, `&arr[2]` of a C spawn's data argument: obj. An
/// element chosen by a run-time index is the iteration's own.
const VarDecl *addressedObject(const Expr *Arg, const ASTContext &Ctx) {
  const auto *UO = dyn_cast<UnaryOperator>(Arg->IgnoreParenCasts());
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return nullptr;
  for (const Expr *E = UO->getSubExpr();;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      if (ASE->getIdx()->isValueDependent() ||
          !ASE->getIdx()->getIntegerConstantExpr(Ctx))
        return nullptr;
      E = ASE->getBase();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return V && V->hasLocalStorage() ? V : nullptr;
  }
}

class FunctionScan {
public:
  FunctionScan(const CaptureTables &T, const ParentMap &PM, ASTContext &Ctx)
      : T(T), PM(PM), SM(Ctx.getSourceManager()) {}

  /// A loop after E in the iteration: a spin or wait for the work to take
  /// its copy (`while (!atomic_load(&ready));`).
  bool loopAfter(const Expr *E, const Stmt *Loop) const {
    bool Found = false;
    std::function<void(const Stmt *)> Scan = [&](const Stmt *S) {
      if (Found || !S || isa<LambdaExpr, BlockExpr>(S))
        return;
      if (isLoop(S) && isBefore(SM, E->getEndLoc(), S->getBeginLoc())) {
        Found = true;
        return;
      }
      forEachChild(S, Scan);
    };
    Scan(loopBody(Loop));
    return Found;
  }

  /// Calls after E in the iteration that Pred accepts.
  bool anyCallAfter(const Expr *E, const Stmt *Loop,
                    llvm::function_ref<bool(const CallExpr *)> Pred) const {
    bool Found = false;
    std::function<void(const Stmt *)> Scan = [&](const Stmt *S) {
      if (Found || !S || isa<LambdaExpr, BlockExpr>(S))
        return;
      if (const auto *Call = dyn_cast<CallExpr>(S);
          Call && Call != E && isBefore(SM, E->getBeginLoc(), S->getBeginLoc()) &&
          Pred(Call)) {
        Found = true;
        return;
      }
      forEachChild(S, Scan);
    };
    Scan(loopBody(Loop));
    return Found;
  }

  bool isJoin(const CallExpr *Call, bool AllWorkOnly) const {
    const ThreadJoin *const *J = T.Joins->lookupAsWritten(*Call);
    return J && (!AllWorkOnly || (*J)->AllWork);
  }

  /// A C spawn's work is out of the way when the iteration joins something,
  /// or hands the object to code we cannot see (which may wait for the work).
  bool joinedInIteration(const Expr *E, const VarDecl *V,
                         const Stmt *Loop) const {
    if (loopAfter(E, Loop))
      return true;
    return anyCallAfter(E, Loop, [&](const CallExpr *Call) {
      if (isJoin(Call, /*AllWorkOnly=*/false))
        return true;
      // pthread_mutex_lock(&s.mu): a lock inside the shared object.
      for (const Expr *A : Call->arguments())
        if (const auto *UO = dyn_cast<UnaryOperator>(A->IgnoreParenCasts());
            UO && UO->getOpcode() == UO_AddrOf &&
            isa<MemberExpr>(UO->getSubExpr()->IgnoreParenImpCasts()) &&
            namedVar(UO->getSubExpr()) == V)
          return true;
      const FunctionDecl *FD = Call->getDirectCallee();
      if (FD && SM.isInSystemHeader(FD->getLocation()))
        return false;
      if (Call->getNumArgs() == 0)
        return true;
      return llvm::any_of(Call->arguments(), [&](const Expr *A) {
        const Expr *S = A->IgnoreParenCasts();
        if (const auto *UO = dyn_cast<UnaryOperator>(S);
            UO && UO->getOpcode() == UO_AddrOf)
          S = UO->getSubExpr();
        return namedVar(S) == V;
      });
    });
  }

  /// A wait member (Entry.Wait) called on V after E in the iteration.
  bool waitCalledOn(const VarDecl *V, const Expr *E, const AsyncCall &Entry,
                    const Stmt *Loop) const {
    return anyCallAfter(E, Loop, [&](const CallExpr *Call) {
      const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
      return MC && MC->getMethodDecl() &&
             llvm::is_contained(Entry.Wait, MC->getMethodDecl()->getName()) &&
             namedVar(MC->getImplicitObjectArgument()) == V;
    });
  }

  /// Whether the work started by E is waited for before the iteration ends.
  bool waitedInIteration(const Expr *E, const AsyncCall &Entry, bool InPlace,
                         const Stmt *Loop) const {
    if (loopAfter(E, Loop) || anyCallAfter(E, Loop, [&](const CallExpr *Call) {
          return isJoin(Call, /*AllWorkOnly=*/true);
        }))
      return true;
    if (InPlace) {
      const VarDecl *Container =
          namedVar(cast<CXXMemberCallExpr>(E)->getImplicitObjectArgument());
      return !Container || declaredIn(Container, Loop);
    }
    auto [P, Child] = cvet::userOf(PM, E);
    if (!P || isa<CompoundStmt>(P))
      // A temporary: dies at the end of its statement.
      return Entry.WaitsOnDestruction || Entry.Work != AsyncWork::Callback;
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit() == Child)
          return (Entry.WaitsOnDestruction && declaredIn(V, Loop)) ||
                 waitCalledOn(V, E, Entry, Loop) ||
                 // Neither waited nor moved out: it ends the iteration
                 // (std::terminate for a joinable std::thread).
                 (declaredIn(V, Loop) && !movedIn(V, Loop));
      return true;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P))
      return ME->getBase() != Child ||
             llvm::is_contained(Entry.Wait, ME->getMemberDecl()->getName());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      if (OC->getOperator() != OO_Equal || OC->getNumArgs() != 2 ||
          OC->getArg(1) != Child)
        return true;
      const Expr *Target = OC->getArg(0)->IgnoreParenImpCasts();
      if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(Target))
        if (Sub->getOperator() == OO_Subscript && Sub->getNumArgs() > 0)
          Target = Sub->getArg(0);
      const VarDecl *V = namedVar(Target);
      return !V || declaredIn(V, Loop) || waitCalledOn(V, E, Entry, Loop);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P)) {
      if (!llvm::is_contained(MC->arguments(), Child))
        return true;
      const VarDecl *Container = namedVar(MC->getImplicitObjectArgument());
      return !Container || declaredIn(Container, Loop);
    }
    return true;
  }

  /// `std::move(v)` in the loop body.
  bool movedIn(const VarDecl *V, const Stmt *Loop) const {
    bool Found = false;
    std::function<void(const Stmt *)> Scan = [&](const Stmt *S) {
      if (Found || !S)
        return;
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (Call->isCallToStdMove() && Call->getNumArgs() == 1 &&
            namedVar(Call->getArg(0)) == V) {
          Found = true;
          return;
        }
      forEachChild(S, Scan);
    };
    Scan(loopBody(Loop));
    return Found;
  }

  const ParentMap &parentMap() const { return PM; }

private:
  const CaptureTables &T;
  const ParentMap &PM;
  const SourceManager &SM;
};

} // namespace

LoopVarCaptureCheck::LoopVarCaptureCheck(llvm::StringRef Name,
                                          clang::tidy::ClangTidyContext *Context)
    : BodyCheck(Name, Context) {}

LoopVarCaptureCheck::~LoopVarCaptureCheck() = default;

void LoopVarCaptureCheck::prepare(ModelRef M) {
  Tables = std::make_unique<CaptureTables>(std::move(M));
}

/// What the editor check counts as captured: as the analyzer does, but
/// [&r = x] is left to the analyzer.
constexpr CaptureReach Reach{/*ThroughWrappers=*/true, /*InitCaptures=*/false};
constexpr CaptureReach InPlaceReach{/*ThroughWrappers=*/false,
                                    /*InitCaptures=*/false};

/// One spawn, async call or emplace inside a loop of the function.
static void checkSpawn(LoopVarCaptureCheck &Check, const CaptureTables &T,
                       const FunctionScan &Scan, const Expr *E, bool InPlace,
                       ASTContext &Ctx) {
  if (E->isTypeDependent() || E->isValueDependent())
    return;
  llvm::SmallVector<const Stmt *, 4> Loops = loopsAround(Scan.parentMap(), E);
  if (Loops.empty())
    return;

  const AsyncCall *Entry = nullptr;
  llvm::SmallVector<Capture, 4> Captures;
  WorkKind Kind = WorkKind::Thread;
  if (InPlace) {
    const auto *MC = cast<CXXMemberCallExpr>(E);
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        MC->getRecordDecl());
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return;
    Entry = T.asyncClassOf(
        Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl());
    if (!Entry)
      return;
    for (const Expr *A : MC->arguments())
      collectCaptures(A, InPlaceReach, Captures);
    llvm::erase_if(Captures, [](const Capture &C) { return C.Address; });
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    Entry = T.asyncClassOf(CE->getConstructor()->getParent());
    if (!Entry)
      return;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (!Entry->CallableArg || *Entry->CallableArg == I)
        collectCaptures(CE->getArg(I), Reach, Captures);
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const ThreadSpawn *const *S = T.Spawns->lookupAsWritten(*Call)) {
      // uv_queue_work's req->data is set elsewhere: left to the analyzer.
      if (!(*S)->DataField.empty() || (*S)->DataArg >= Call->getNumArgs())
        return;
      const Expr *Data = Call->getArg((*S)->DataArg);
      if (const VarDecl *V = addressedObject(Data, Ctx))
        Captures.push_back({V, V, Data->getBeginLoc(), true, false});
      Kind = (*S)->Handle == HandleLoc::None ? WorkKind::Callback
                                              : WorkKind::Thread;
    } else if (const AsyncCall *const *A =
                   T.AsyncFunctions->lookupAsWritten(*Call)) {
      Entry = *A;
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (!Entry->CallableArg || *Entry->CallableArg == I)
          collectCaptures(Call->getArg(I), Reach, Captures);
    }
  }

  llvm::SmallPtrSet<const VarDecl *, 4> Seen;
  for (const Capture &C : Captures) {
    if (!Seen.insert(C.Var).second || !C.Var->hasLocalStorage())
      continue;
    auto [Loop, Write] = sharingLoop(C, Loops, Scan.parentMap());
    if (!Loop)
      continue;
    if (Entry ? Scan.waitedInIteration(E, *Entry, InPlace, Loop)
              : Scan.joinedInIteration(E, C.Var, Loop))
      continue;
    WorkKind K = C.Block ? WorkKind::Block : Entry ? kindOf(Entry->Work) : Kind;
    std::string Name = C.Named->getNameAsString();
    Check.diag(E->getExprLoc(), "%0")
        << (Write ? changedMessage(Name, K, !C.Address)
                  : scopeMessage(Name, K, /*AtReturn=*/false))
        << E->getSourceRange();
    if (Write)
      Check.diag(Write->getBeginLoc(), "%0", DiagnosticIDs::Note)
          << ("'" + Name + "' is changed here while the " + wording(K).Noun +
              " may still use it");
    else if (const auto *B = dyn_cast_or_null<CompoundStmt>(loopBody(Loop)))
      Check.diag(B->getRBracLoc(), "%0", DiagnosticIDs::Note)
          << ("'" + Name + "' goes out of scope here");
  }
}

/// Calls and constructions inside loops of S that may start work: by name
/// first, the model decides later. Nested lambdas and blocks are bodies of
/// their own.
static void findCandidates(const Stmt *S, unsigned Depth, const CaptureTables &T,
                           llvm::SmallVectorImpl<std::pair<const Expr *, bool>> &Out) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (Depth > 0) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getIdentifier() &&
          llvm::is_contained({"emplace_back", "emplace", "emplace_front"},
                             M->getName()))
        Out.push_back({MC, true});
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->getIdentifier() && T.CalleeNames.count(FD->getName()))
        Out.push_back({CE, false});
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
      if (T.asyncClassOf(CC->getConstructor()->getParent()))
        Out.push_back({CC, false});
    }
  }
  unsigned Inner = Depth + (isLoop(S) ? 1 : 0);
  for (const Stmt *Child : S->children())
    findCandidates(Child, Inner, T, Out);
}

void LoopVarCaptureCheck::checkBody(const Decl *Fn, Stmt *Body,
                                    ASTContext &Ctx) {
  llvm::SmallVector<std::pair<const Expr *, bool>, 4> Candidates;
  findCandidates(Body, 0, *Tables, Candidates);
  if (Candidates.empty())
    return;
  ParentMap PM(Body);
  FunctionScan Scan(*Tables, PM, Ctx);
  for (auto [E, InPlace] : Candidates)
    checkSpawn(*this, *Tables, Scan, E, InPlace, Ctx);
}

} // namespace cvet::tidy

//===- AsyncScan.cpp - cvet.LoopVarCapture: lambdas and blocks in loops ---===//
//
// The AST part of cvet.LoopVarCapture (C++ and blocks, the model's Async
// entries), run once per function body:
//
//   Async call or constructor inside a loop, with a lambda capturing v by
//   reference (a block capturing a __block v, `&v` passed along)
//     --the loop writes v--------------------------> report "the loop changes"
//     --each iteration declares v (dies with it)----> report "goes out of scope"
//   ...unless the iteration waits for the work after the call: a wait member
//   on its handle (t.join(), f.get()), a handle that waits when it dies in
//   the iteration (std::jthread, std::async's future), a wait-all of the
//   model or a loop spinning on a flag; or the handle goes to other code,
//   which may wait.
//
// The calls, waits and uses are found with ASTMatchers over the body; which
// loops hold them, and who takes a call's result, come from the body's own
// parent map (blocks included), not the translation unit's.
//
//===----------------------------------------------------------------------===//

#include "LoopVarCapture/LoopVarCapture.h"
#include "support/CaptureScan.h"
#include "support/CaptureWording.h"
#include "support/LoopAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::ento;

namespace {

/// The nodes under Root (Root included) that M matches, each once, in the
/// order of a walk through the tree.
template <typename NodeT, typename MatcherT>
llvm::SmallVector<const NodeT *, 8> findAllIn(const Stmt *Root, MatcherT M,
                                              ASTContext &Ctx) {
  llvm::SmallVector<const NodeT *, 8> Out;
  if (!Root)
    return Out;
  llvm::SmallPtrSet<const NodeT *, 8> Seen;
  for (const BoundNodes &N : match(findAll(M.bind("n")), *Root, Ctx))
    if (const auto *S = N.getNodeAs<NodeT>("n"); S && Seen.insert(S).second)
      Out.push_back(S);
  return Out;
}

/// A loop of any kind (support/LoopAST.h says which).
AST_MATCHER(Stmt, isAnyLoop) { return cvet::isLoop(&Node); }

/// An lvalue of a volatile or atomic object.
AST_MATCHER(Expr, isVolatileOrAtomicObject) {
  QualType T = Node.getType();
  return Node.isGLValue() && (T.isVolatileQualified() || T->isAtomicType());
}

/// A reference to one of Vars.
AST_MATCHER_P(DeclRefExpr, namesOneOf,
              const llvm::SmallPtrSetImpl<const Decl *> *, Vars) {
  return Vars->count(Node.getDecl());
}

/// The nodes under Root that M matches and that run with Root's code: not in
/// the lambdas and blocks inside it, which run at some other time.
template <typename NodeT, typename MatcherT>
llvm::SmallVector<const NodeT *, 8> findRunIn(const Stmt *Root, MatcherT M,
                                              ASTContext &Ctx) {
  auto Found = findAllIn<NodeT>(Root, M, Ctx);
  if (Found.empty())
    return Found;
  // Root's own parents: a block's body is not among them, so a node in one
  // never reaches Root.
  ParentMap PM(const_cast<Stmt *>(Root));
  llvm::erase_if(Found, [&](const NodeT *N) {
    for (const Stmt *P = N; P != Root; P = PM.getParent(P))
      if (!P || isa<LambdaExpr, BlockExpr>(P))
        return true;
    return false;
  });
  return Found;
}

/// Whether D is Parts[0]::...::Parts[n-1] (inline namespaces and extern "C"
/// skipped; leading qualifiers may be left out, as with CallDescription).
bool hasQualifiedName(const NamedDecl *D, llvm::ArrayRef<std::string> Parts) {
  if (!D || Parts.empty() || !D->getIdentifier() ||
      D->getName() != Parts.back())
    return false;
  const DeclContext *Ctx = D->getDeclContext();
  for (auto It = std::next(Parts.rbegin()); It != Parts.rend(); ++It) {
    while (Ctx && (isa<LinkageSpecDecl>(Ctx) ||
                   (isa<NamespaceDecl>(Ctx) &&
                    cast<NamespaceDecl>(Ctx)->isInline())))
      Ctx = Ctx->getParent();
    const auto *ND = dyn_cast_or_null<NamedDecl>(Ctx);
    if (!ND || !ND->getIdentifier() || ND->getName() != *It)
      return false;
    Ctx = Ctx->getParent();
  }
  return true;
}

bool isMoveOf(const Expr *E, const VarDecl *V) {
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || !Call->isXValue() || Call->getNumArgs() != 1)
    return false;
  const auto *D = dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
  return D && D->getDecl() == V;
}

/// An Async call or constructor, with what it is handed.
struct AsyncStart {
  const Expr *E;
  const cvet::AsyncCall *Entry;
  llvm::ArrayRef<const Expr *> Args;
  bool InPlace; ///< the work is built inside a container (emplace_back)
};

} // namespace

namespace cvet::loopvar {

bool readsFlag(const Stmt *S, const llvm::SmallPtrSetImpl<const Decl *> &Vars,
               ASTContext &Ctx) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  return !findRunIn<Expr>(S,
                          expr(anyOf(atomicExpr(), isVolatileOrAtomicObject(),
                                     declRefExpr(namesOneOf(&Vars)))),
                          Ctx)
              .empty();
}

/// Whether S calls a join of the model; with AllWorkOnly, one that waits for
/// all work (pthread_cond_wait, sem_wait, ...).
bool LoopVarCaptureChecker::callsJoin(const Stmt *S, ASTContext &Ctx,
                                      bool AllWorkOnly) const {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  return llvm::any_of(findRunIn<CallExpr>(S, callExpr(), Ctx),
                      [&](const CallExpr *CE) {
                        const cvet::ThreadJoin *const *J =
                            Joins->lookupAsWritten(*CE);
                        return J && (!AllWorkOnly || (*J)->AllWork);
                      });
}

const cvet::AsyncCall *
LoopVarCaptureChecker::asyncClassOf(const CXXRecordDecl *RD) const {
  if (!RD)
    return nullptr;
  for (const AsyncClass &Class : AsyncClasses)
    if (hasQualifiedName(RD, Class.ClassName))
      return Class.Entry;
  return nullptr;
}

/// One function body: its Async calls inside loops, each checked against
/// the variables its callable captures.
class AsyncScan {
  const LoopVarCaptureChecker &Checker;
  BugReporter &BR;
  AnalysisDeclContext *ADC;
  ASTContext &Ctx;
  const SourceManager &SM;
  const Stmt *Body;
  /// The body's parents, with block bodies (which Stmt::children leaves
  /// out) under their blocks.
  std::unique_ptr<ParentMap> PM;

public:
  AsyncScan(const LoopVarCaptureChecker &Checker, BugReporter &BR,
            AnalysisDeclContext *ADC, const Stmt *Body)
      : Checker(Checker), BR(BR), ADC(ADC), Ctx(ADC->getASTContext()),
        SM(BR.getSourceManager()), Body(Body) {}

  void run() {
    llvm::SmallVector<AsyncStart, 4> Starts;
    for (const Expr *E :
         findAllIn<Expr>(Body, expr(anyOf(cxxConstructExpr(), callExpr())),
                         Ctx))
      if (!E->isTypeDependent() && !E->isValueDependent())
        if (std::optional<AsyncStart> S = asyncStart(E))
          Starts.push_back(*S);
    if (Starts.empty())
      return;
    PM = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
    for (const BlockExpr *BE : findAllIn<BlockExpr>(Body, blockExpr(), Ctx))
      if (const Stmt *BB = BE->getBody()) {
        PM->addStmt(const_cast<Stmt *>(BB));
        PM->setParent(BB, BE);
      }
    for (const AsyncStart &S : Starts)
      inspect(S);
  }

private:
  std::optional<AsyncStart> asyncStart(const Expr *E) const {
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (const cvet::AsyncCall *Entry =
              Checker.asyncClassOf(CE->getConstructor()->getParent()))
        return AsyncStart{E, Entry,
                          llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()),
                          false};
      return std::nullopt;
    }
    const auto *Call = cast<CallExpr>(E);
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    if (const cvet::AsyncCall *const *Found =
            Checker.AsyncFunctions->lookupAsWritten(*Call))
      return AsyncStart{E, *Found, Args, false};
    // threads.emplace_back([&] { ... }): a container of threads built from a
    // callable.
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
    if (!MC)
      return std::nullopt;
    const auto *Spec =
        dyn_cast_or_null<ClassTemplateSpecializationDecl>(MC->getRecordDecl());
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return std::nullopt;
    if (const cvet::AsyncCall *Entry = Checker.asyncClassOf(
            Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl()))
      return AsyncStart{E, Entry, Args, true};
    return std::nullopt;
  }

  void inspect(const AsyncStart &S) {
    if (S.Args.empty())
      return;
    llvm::SmallVector<const Stmt *, 4> Loops = loopsAround(*PM, S.E);
    if (Loops.empty())
      return;

    // In place, only a callable itself counts: a thread object built from
    // one is a spawn of its own.
    llvm::SmallVector<Capture, 4> Captures;
    for (unsigned I = 0; I < S.Args.size(); ++I)
      if (!S.Entry->CallableArg || *S.Entry->CallableArg == I)
        collectCaptures(S.Args[I], {/*ThroughWrappers=*/!S.InPlace}, Captures);
    if (S.InPlace)
      llvm::erase_if(Captures, [](const Capture &C) { return C.Address; });

    // One report per variable: `[&] { use(a + b); }` on `auto [a, b]`
    // captures one object twice.
    llvm::SmallPtrSet<const VarDecl *, 4> Seen;
    for (const Capture &Cap : Captures)
      if (Seen.insert(Cap.Var).second)
        check(S, Cap, Loops);
  }

  void check(const AsyncStart &S, const Capture &Cap,
             llvm::ArrayRef<const Stmt *> Loops) {
    // Writes are looked for as the path-sensitive part does, with the
    // analysis's parent map.
    auto [Loop, Write] = sharingLoop(Cap, Loops, ADC->getParentMap());
    if (!Loop || waitedInIteration(S, Loop) || handedOverInIteration(S.E, Loop))
      return;

    WorkKind K = Cap.Block ? WorkKind::Block : kindOf(S.Entry->Work);
    std::string Name = Cap.Named->getNameAsString();
    std::string Msg = Write ? changedMessage(Name, K, !Cap.Address)
                            : scopeMessage(Name, K, /*AtReturn=*/false);
    // At the spawn: the callee's name for calls, the object for constructors.
    auto R = std::make_unique<BasicBugReport>(
        Checker.BT, Msg, PathDiagnosticLocation(S.E->getExprLoc(), SM));
    R->addRange(S.E->getSourceRange());
    R->setDeclWithIssue(ADC->getDecl());
    if (Write) {
      R->addNote("'" + Name + "' is changed here while the " +
                     wording(K).Noun + " may still use it",
                 PathDiagnosticLocation::createBegin(Write, SM, ADC));
    } else if (const auto *LB = dyn_cast_or_null<CompoundStmt>(loopBody(Loop))) {
      R->addNote("'" + Name + "' goes out of scope here",
                 PathDiagnosticLocation(LB->getRBracLoc(), SM));
    }
    BR.emitReport(std::move(R));
  }

  /// The statements M matches in the body of Loop that run in the
  /// iteration itself (not in lambdas or blocks, not in default arguments)
  /// and begin after E ends.
  template <typename NodeT, typename MatcherT>
  llvm::SmallVector<const NodeT *, 8> after(const Expr *E, const Stmt *Loop,
                                            MatcherT M) const {
    const Stmt *LB = loopBody(Loop);
    auto Found = findAllIn<NodeT>(LB, M, Ctx);
    llvm::erase_if(Found, [&](const NodeT *S) {
      return !isWithin(*PM, S, LB) || inClosure(*PM, S, LB) ||
             !isBefore(SM, E->getEndLoc(), S->getBeginLoc());
    });
    return Found;
  }

  /// Whether, after E in the iteration, the program waits for a signal the
  /// work may send once it has its copy: a wait-all of the model
  /// (`copied.wait()` on a promise's future, `sem_wait`) or a loop spinning
  /// on an atomic or volatile flag.
  bool handedOverInIteration(const Expr *E, const Stmt *Loop) const {
    llvm::SmallPtrSet<const Decl *, 1> NoVars;
    for (const Stmt *S : after<Stmt>(E, Loop, stmt(anyOf(isAnyLoop(), callExpr())))) {
      if (isLoop(S)) {
        if (readsFlag(loopCond(S), NoVars, Ctx))
          return true;
        continue;
      }
      if (const cvet::ThreadJoin *const *J =
              Checker.Joins->lookupAsWritten(*cast<CallExpr>(S));
          J && (*J)->AllWork)
        return true;
    }
    return false;
  }

  /// Whether the work started by S.E is waited for before the iteration
  /// ends.
  bool waitedInIteration(const AsyncStart &S, const Stmt *Loop) const {
    const Expr *E = S.E;
    const cvet::AsyncCall &Entry = *S.Entry;
    if (S.InPlace) {
      const auto *MC = cast<CXXMemberCallExpr>(E);
      const VarDecl *Container = namedVar(MC->getImplicitObjectArgument());
      // A container that outlives the iteration keeps the work running.
      return !Container || declaredIn(Container, Loop);
    }
    auto [P, Child] = userOf(*PM, E);
    if (!P)
      return true;
    // std::thread t([&] { ... }); ... t.join();
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit() == Child)
            return handleWaited(V, E, Entry, Loop);
      return true;
    }
    // std::thread([&] { ... }).join();
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      if (ME->getBase() != Child)
        return true;
      return llvm::is_contained(Entry.Wait, ME->getMemberDecl()->getName());
    }
    // threads[i] = std::thread(...);  t = std::thread(...);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      if (OC->getOperator() != OO_Equal || OC->getNumArgs() != 2 ||
          OC->getArg(1) != Child)
        return true;
      const Expr *Target = OC->getArg(0)->IgnoreParenImpCasts();
      if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(Target))
        if (Sub->getOperator() == OO_Subscript && Sub->getNumArgs() > 0)
          Target = Sub->getArg(0);
      const VarDecl *V = namedVar(Target);
      if (!V)
        return true;
      if (isa<DeclRefExpr>(OC->getArg(0)->IgnoreParenImpCasts()))
        return handleWaited(V, E, Entry, Loop);
      return declaredIn(V, Loop);
    }
    // threads.push_back(std::thread(...)), futures.push_back(std::async(...))
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P)) {
      if (!llvm::is_contained(MC->arguments(), Child))
        return true;
      const VarDecl *Container = namedVar(MC->getImplicitObjectArgument());
      return !Container || declaredIn(Container, Loop);
    }
    if (isa<Expr>(P))
      return true; // Handed to other code: it may wait.
    // The result is dropped at the end of the statement. A dropped thread
    // object is destroyed at once (and joins, or terminates); dropped futures
    // of std::async wait.
    return isa<CXXConstructExpr>(E) || Entry.WaitsOnDestruction;
  }

  /// Whether the handle object V (declared or assigned in the loop) is
  /// waited for after E within the loop. Its uses after E: a wait
  /// (t.join()), a move (std::move(t): the work leaves with the other
  /// object) or a hand-over to other code, which may wait.
  bool handleWaited(const VarDecl *V, const Expr *E,
                    const cvet::AsyncCall &Entry, const Stmt *Loop) const {
    bool Moved = false;
    for (const CallExpr *Call : after<CallExpr>(E, Loop, callExpr())) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
        const Expr *Obj = MC->getImplicitObjectArgument();
        const CXXMethodDecl *MD = MC->getMethodDecl();
        if (Obj && isa<DeclRefExpr>(Obj->IgnoreParenImpCasts()) &&
            namedVar(Obj) == V && MD && MD->getIdentifier() &&
            llvm::is_contained(Entry.Wait, MD->getName()))
          return true;
      }
      bool PassesOn = !isa<CXXOperatorCallExpr>(Call) && !isMoveOf(Call, V);
      for (const Expr *Arg : Call->arguments()) {
        const Expr *A = Arg->IgnoreImplicit()->IgnoreParens();
        if (isMoveOf(A, V))
          Moved = true;
        else if (const auto *DRE = dyn_cast<DeclRefExpr>(A);
                 DRE && PassesOn && DRE->getDecl() == V)
          return true;
      }
    }
    return Entry.WaitsOnDestruction && !Moved && declaredIn(V, Loop);
  }
};

void LoopVarCaptureChecker::checkASTCodeBody(const Decl *D,
                                             AnalysisManager &Mgr,
                                             BugReporter &BR) const {
  if (Model->Async.empty() || !D->hasBody())
    return;
  if (const auto *DC = dyn_cast<DeclContext>(D); DC && DC->isDependentContext())
    return;
  AnalysisDeclContext *ADC = Mgr.getAnalysisDeclContext(D);
  if (!ADC)
    return;
  AsyncScan(*this, BR, ADC, D->getBody()).run();
}

} // namespace cvet::loopvar

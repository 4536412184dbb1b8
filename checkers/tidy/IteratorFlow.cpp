//===- IteratorFlow.cpp - handles over one function's CFG ------------------===//
//
// cvet-unclosed-iterator, the editor's twin of cvet.UnclosedIterator: a
// handle from a model Acquire function that some path of its function carries
// to the end of its variable's life (a return, a break out of its block, the
// closing brace, an overwrite) without a Release or an escape. Intraprocedural
// and path-insensitive: one forward dataflow over Clang's CFG per function
// that acquires something, with the branch conditions on the handle or on the
// call's status refining the state on each edge.
//
// Each acquisition site is tracked in its local variable (DIR *d = opendir(p),
// sqlite3_prepare_v2(..., &stmt, ...), glob(..., &g)); its value on a path is
// a set of
//
//   None --acquire--> Unconfirmed --NULL check / status check / use--> Open
//                         |                                            |
//                         '--NULL / failed status--> None <------------'
//   Open --release, return, store, pass to code that may keep it--> Done
//   Open --variable dies or is overwritten--> (leak: report, once per site)
//
// Unconfirmed is the deep rule's "status thrown away": losing such a handle
// is not reported, as the code may learn of a failure another way. Handles
// without a status (hash_seq_init) start Open.
//
// Precision first, where one function's CFG cannot decide: a handle that
// escapes through an alias, a lambda or a block is Done; a report is dropped
// when the release happens under a condition unrelated to the handle and
// either that condition reads a flag the function sets, or the acquisition
// itself sits under another unrelated condition (conditional acquisition).
//
//===----------------------------------------------------------------------===//

#include "IteratorFlow.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <deque>

using namespace clang;
using cvet::HandleLoc;

namespace cvet::tidy {

namespace {

//===----------------------------------------------------------------------===//
// The dataflow.
//===----------------------------------------------------------------------===//

enum Bits : uint8_t { None = 1, Unconfirmed = 2, Open = 4, Done = 8 };
constexpr uint8_t Live = Unconfirmed | Open;

/// What a branch on a variable or a call tells about a handle.
struct Link {
  /// NullFlag: the variable is true exactly when Scan is NULL (Success 1)
  /// or not NULL (Success 0): `int ok = d != NULL`.
  enum KindTy : uint8_t { Status, ReleaseIfNull, NullFlag } Kind;
  unsigned Site = 0;                ///< Status: the acquisition
  int64_t Success = 0;              ///< Status: the value that means success
  const VarDecl *Scan = nullptr;    ///< ReleaseIfNull: the scan it ends
  bool operator==(const Link &O) const {
    return Kind == O.Kind && Site == O.Site && Success == O.Success &&
           Scan == O.Scan;
  }
  bool operator!=(const Link &O) const { return !(*this == O); }
};

struct State {
  bool Reached = false;
  llvm::SmallVector<uint8_t, 4> Mask; ///< per site
  llvm::SmallDenseMap<const VarDecl *, Link, 2> Links;

  bool operator==(const State &O) const {
    return Reached == O.Reached && Mask == O.Mask && Links == O.Links;
  }
  void join(const State &O) {
    if (!O.Reached)
      return;
    if (!Reached) {
      *this = O;
      return;
    }
    for (unsigned I = 0; I < Mask.size(); ++I)
      Mask[I] |= O.Mask[I];
    llvm::SmallVector<const VarDecl *, 2> Drop;
    for (auto &[V, L] : Links) {
      auto It = O.Links.find(V);
      if (It == O.Links.end() || !(It->second == L))
        Drop.push_back(V);
    }
    for (const VarDecl *V : Drop)
      Links.erase(V);
  }
};

/// A condition that holds on an edge: Subject == Value, or Subject != Value.
struct Fact {
  const Expr *Subject;
  int64_t Value;
  bool Equal;
};

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenCasts() : nullptr;
}

const VarDecl *varOf(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// `&v` (possibly cast): v.
const VarDecl *addressedVar(const Expr *E) {
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(strip(E)))
    if (UO->getOpcode() == UO_AddrOf)
      return varOf(UO->getSubExpr());
  return nullptr;
}

bool trackable(const VarDecl *V) {
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      V->hasAttr<CleanupAttr>() || V->getType()->isReferenceType())
    return false;
  // RAII objects close themselves.
  if (const auto *RD = V->getType()->getAsCXXRecordDecl())
    return RD->hasDefinition() && RD->hasTrivialDestructor();
  return true;
}

/// Library functions that may keep a pointer argument: callbacks or untyped
/// pointers (as the analyzer's argumentsMayEscape()).
bool mayKeepArguments(const FunctionDecl *FD) {
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType T = P->getType();
    if (T->isFunctionPointerType() || T->isBlockPointerType())
      return true;
    if (T->isPointerType() && T->getPointeeType()->isVoidType() &&
        !T->getPointeeType().isConstQualified())
      return true;
  }
  return false;
}

bool references(const Stmt *S, llvm::function_ref<bool(const Stmt *)> Pred) {
  if (!S)
    return false;
  if (Pred(S))
    return true;
  for (const Stmt *C : S->children())
    if (references(C, Pred))
      return true;
  return false;
}

std::optional<Fact> factOf(const Expr *C, bool Truth, ASTContext &Ctx);

class FunctionAnalysis {
public:
  FunctionAnalysis(const IteratorTables &T, ASTContext &Ctx, const Decl *D,
                   Stmt *Body)
      : T(T), Ctx(Ctx), SM(Ctx.getSourceManager()), PM(Body) {
    CFG::BuildOptions Opts;
    Opts.setAllAlwaysAdd();
    Opts.AddLifetime = true;
    Cfg = CFG::buildCFG(D, Body, &Ctx, Opts);
  }

  /// Runs the analysis; calls Report(site, where) once per leaking site.
  void run(llvm::function_ref<void(const Site &, SourceLocation)> Report);

private:
  const IteratorTables &T;
  ASTContext &Ctx;
  const SourceManager &SM;
  ParentMap PM;
  std::unique_ptr<CFG> Cfg;

  std::vector<Site> Sites;
  llvm::DenseMap<const CallExpr *, unsigned> SiteOfCall;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<unsigned, 2>> SitesOfVar;
  /// Branches on a call's result: the status of an acquisition, the NULL of
  /// a hash_seq_search.
  llvm::DenseMap<const CallExpr *, Link> CallLinks;
  /// Variables that ever hold a status or a search result of a handle.
  llvm::DenseMap<const VarDecl *, llvm::SmallPtrSet<const VarDecl *, 2>>
      StatusVars;
  /// Where a variable's handles were released or escaped.
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Stmt *, 2>> Ends;
  llvm::SmallPtrSet<const VarDecl *, 8> Flags;

  bool Reporting = false;
  llvm::DenseMap<unsigned, SourceLocation> Leaks;

  void findSites();
  const Site *siteOf(const CallExpr *CE) const {
    auto It = SiteOfCall.find(CE);
    return It == SiteOfCall.end() ? nullptr : &Sites[It->second];
  }
  bool tracked(const VarDecl *V) const { return SitesOfVar.count(V); }

  // Transitions.
  void set(State &S, const VarDecl *V, uint8_t From, uint8_t To,
           const Family *F = nullptr);
  void end(State &S, const VarDecl *V, const Stmt *At,
           const Family *F = nullptr) {
    if (!tracked(V))
      return;
    set(S, V, Live, Done, F);
    Ends[V].push_back(At);
  }
  void confirm(State &S, const VarDecl *V) { set(S, V, Unconfirmed, Open); }
  void lose(State &S, const VarDecl *V, SourceLocation At);

  void transfer(const CFGElement &E, State &S);
  void write(State &S, const VarDecl *V, const Expr *Value, const Stmt *At);
  void call(State &S, const CallExpr *CE);
  void reference(State &S, const DeclRefExpr *DRE, const VarDecl *V);
  State refine(const CFGBlock &B, unsigned SuccIndex, const State &Out);
  void apply(State &S, const Fact &F);
  void applyLink(State &S, const Link &L, int64_t Value, bool Equal);
  void applyVar(State &S, const VarDecl *V, int64_t Value, bool Equal);

  // Precision.
  bool suppressed(const Site &S);
  llvm::SmallVector<const Expr *, 4> guards(const Stmt *From,
                                            const Stmt *Anchor);
  bool aboutHandle(const Expr *Cond, const VarDecl *V);
  const Stmt *userOf(const Expr *E, const Expr **Child = nullptr) const;
};

void FunctionAnalysis::findSites() {
  for (const CFGBlock *B : *Cfg)
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const auto *CE = dyn_cast<CallExpr>(CS->getStmt());
      if (!CE)
        continue;
      if (const auto *Rels = T.Release->lookupAsWritten(*CE))
        for (const ReleaseEntry &R : *Rels)
          if (R.IfNull && R.Arg < CE->getNumArgs())
            if (const VarDecl *Scan = addressedVar(CE->getArg(R.Arg)))
              CallLinks[CE] = Link{Link::ReleaseIfNull, 0, 0, Scan};
      const AcquireEntry *A = T.Acquire->lookupAsWritten(*CE);
      if (!A)
        continue;
      const VarDecl *V = nullptr;
      if (A->Shape == HandleLoc::Return) {
        const Stmt *U = userOf(CE);
        if (const auto *BO = dyn_cast_or_null<BinaryOperator>(U)) {
          if (BO->getOpcode() == BO_Assign && strip(BO->getRHS()) == CE)
            V = varOf(BO->getLHS());
        } else if (const auto *DS = dyn_cast_or_null<DeclStmt>(U)) {
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D))
              if (strip(VD->getInit()) == CE)
                V = VD;
        }
      } else if (A->Arg < CE->getNumArgs()) {
        V = addressedVar(CE->getArg(A->Arg));
      }
      if (!trackable(V))
        continue;
      unsigned Index = Sites.size();
      Sites.push_back({CE, V, A});
      SiteOfCall[CE] = Index;
      SitesOfVar[V].push_back(Index);
      if (A->Success)
        CallLinks[CE] = Link{Link::Status, Index, *A->Success, nullptr};
    }
}

/// The nearest enclosing node that is not a parenthesis or a cast; Child is
/// set to the expression directly below it.
const Stmt *FunctionAnalysis::userOf(const Expr *E, const Expr **Child) const {
  const Stmt *S = E;
  const Stmt *P = PM.getParent(S);
  while (P && isa<ParenExpr, CastExpr>(P)) {
    S = P;
    P = PM.getParent(P);
  }
  if (Child)
    *Child = dyn_cast<Expr>(S);
  return P;
}

void FunctionAnalysis::set(State &S, const VarDecl *V, uint8_t From,
                           uint8_t To, const Family *F) {
  auto It = SitesOfVar.find(V);
  if (It == SitesOfVar.end())
    return;
  for (unsigned I : It->second) {
    if (F && Sites[I].Entry->F != F)
      continue;
    if (S.Mask[I] & From)
      S.Mask[I] = (S.Mask[I] & ~From) | To;
  }
}

void FunctionAnalysis::lose(State &S, const VarDecl *V, SourceLocation At) {
  auto It = SitesOfVar.find(V);
  if (It == SitesOfVar.end())
    return;
  for (unsigned I : It->second) {
    if (Reporting && (S.Mask[I] & Open)) {
      SourceLocation &Where = Leaks[I];
      if (Where.isInvalid() || SM.isBeforeInTranslationUnit(At, Where))
        Where = At;
    }
    if (S.Mask[I] & Live)
      S.Mask[I] = (S.Mask[I] & ~Live) | None;
  }
}

void FunctionAnalysis::transfer(const CFGElement &E, State &S) {
  if (auto LE = E.getAs<CFGLifetimeEnds>()) {
    const Stmt *Trigger = LE->getTriggerStmt();
    SourceLocation At;
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Trigger))
      At = CS->getRBracLoc();
    else if (Trigger)
      At = Trigger->getBeginLoc();
    else
      At = LE->getVarDecl()->getLocation();
    lose(S, LE->getVarDecl(), At);
    return;
  }
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return;
  const Stmt *St = CS->getStmt();
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getInit())
          write(S, VD, VD->getInit(), DS);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
    if (BO->getOpcode() == BO_Assign)
      if (const VarDecl *V = varOf(BO->getLHS()))
        write(S, V, BO->getRHS(), BO);
  } else if (const auto *CE = dyn_cast<CallExpr>(St)) {
    call(S, CE);
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(St)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && tracked(V))
      reference(S, DRE, V);
  } else if (const auto *LE = dyn_cast<LambdaExpr>(St)) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
          end(S, V, LE);
  } else if (const auto *BE = dyn_cast<BlockExpr>(St)) {
    for (const BlockDecl::Capture &C : BE->getBlockDecl()->captures())
      end(S, C.getVariable(), BE);
  }
}

void FunctionAnalysis::write(State &S, const VarDecl *V, const Expr *Value,
                             const Stmt *At) {
  const Expr *RHS = strip(Value);
  if (V->getType()->isIntegralOrEnumerationType() && !isa<ParmVarDecl>(V) &&
      RHS && RHS->isIntegerConstantExpr(Ctx))
    Flags.insert(V);
  S.Links.erase(V);
  if (RHS && !isa<CallExpr>(RHS))
    if (std::optional<Fact> F = factOf(RHS, /*Truth=*/true, Ctx))
      if (const VarDecl *H = varOf(F->Subject);
          H && tracked(H) && F->Value == 0 && !isa<DeclRefExpr>(RHS)) {
        S.Links[V] = Link{Link::NullFlag, 0, F->Equal ? 1 : 0, H};
        StatusVars[H].insert(V);
      }
  const auto *CE = dyn_cast_or_null<CallExpr>(RHS);
  if (CE) {
    auto It = CallLinks.find(CE);
    if (It != CallLinks.end()) {
      S.Links[V] = It->second;
      const VarDecl *Of = It->second.Kind == Link::Status
                              ? Sites[It->second.Site].Var
                              : It->second.Scan;
      StatusVars[Of].insert(V);
    }
  }
  if (!tracked(V))
    return;
  lose(S, V, At->getBeginLoc());
  if (const Site *St = CE ? siteOf(CE) : nullptr; St && St->Var == V)
    S.Mask[SiteOfCall[CE]] = St->Entry->Success ? Unconfirmed
                             : St->Entry->Shape == HandleLoc::Return
                                 ? None | Open // NULL, or open
                                 : Open;
}

void FunctionAnalysis::call(State &S, const CallExpr *CE) {
  llvm::SmallVector<bool, 8> Done(CE->getNumArgs(), false);
  auto HandleArg = [&](unsigned I, const Family *F) -> const VarDecl * {
    if (I >= CE->getNumArgs())
      return nullptr;
    const VarDecl *V = F->InPlace ? addressedVar(CE->getArg(I))
                                  : varOf(CE->getArg(I));
    return V && tracked(V) ? V : nullptr;
  };

  // Acquire (out-parameter and in-place shapes: the call writes the handle).
  if (const Site *St = siteOf(CE); St && St->Entry->Shape != HandleLoc::Return) {
    unsigned I = SiteOfCall[CE];
    Done[St->Entry->Arg] = true;
    // glob(..., GLOB_APPEND, ..., &g) grows the scan already in g.
    bool Grows = St->Entry->Shape == HandleLoc::InPlace &&
                 llvm::any_of(SitesOfVar[St->Var],
                              [&](unsigned J) { return S.Mask[J] & Live; });
    if (!Grows) {
      lose(S, St->Var, CE->getBeginLoc());
      S.Mask[I] = St->Entry->Success ? Unconfirmed : Open;
    }
  }
  // Release.
  if (const auto *Rels = T.Release->lookupAsWritten(*CE))
    for (const ReleaseEntry &R : *Rels) {
      if (R.EndsAll) {
        for (auto &[V, Indices] : SitesOfVar)
          end(S, V, CE, R.F);
        continue;
      }
      if (const VarDecl *V = HandleArg(R.Arg, R.F)) {
        Done[R.Arg] = true;
        // hash_seq_search ends the scan only when it returns NULL: the
        // branch on its result says so (CallLinks).
        if (!R.IfNull)
          end(S, V, CE, R.F);
      }
    }
  // Use, and hand-overs.
  if (const auto *Uses = T.Use->lookupAsWritten(*CE))
    for (const ArgEntry &U : *Uses)
      if (const VarDecl *V = HandleArg(U.Arg, U.F)) {
        Done[U.Arg] = true;
        confirm(S, V);
      }
  if (const auto *Owns = T.Own->lookupAsWritten(*CE))
    for (const ArgEntry &O : *Owns)
      if (const VarDecl *V = HandleArg(O.Arg, O.F)) {
        Done[O.Arg] = true;
        end(S, V, CE);
      }

  // Anything else: library functions in system headers read the handle;
  // other code may keep it.
  const FunctionDecl *FD = CE->getDirectCallee();
  bool Library = FD && !isa<CXXMethodDecl>(FD) &&
                 SM.isInSystemHeader(FD->getLocation()) &&
                 !mayKeepArguments(FD);
  for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
    if (Done[I])
      continue;
    const VarDecl *V = varOf(CE->getArg(I));
    if (!V)
      V = addressedVar(CE->getArg(I));
    if (!V || !tracked(V))
      continue;
    bool Variadic = FD && FD->isVariadic() && I >= FD->getNumParams();
    if (Library && !Variadic)
      confirm(S, V);
    else
      end(S, V, CE);
  }
}

void FunctionAnalysis::reference(State &S, const DeclRefExpr *DRE,
                                 const VarDecl *V) {
  const Expr *Child = nullptr;
  const Stmt *U = userOf(DRE, &Child);
  if (!U)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(U))
    if (CE->getCallee() != Child)
      return; // the call decides
  if (const auto *UO = dyn_cast<UnaryOperator>(U)) {
    switch (UO->getOpcode()) {
    case UO_AddrOf: {
      const Expr *AddrChild = nullptr;
      const Stmt *AU = userOf(UO, &AddrChild);
      if (const auto *CE = dyn_cast_or_null<CallExpr>(AU);
          CE && CE->getCallee() != AddrChild)
        return;
      if (isa_and_nonnull<MemberExpr>(AU))
        return;
      end(S, V, UO);
      return;
    }
    case UO_Deref:
      confirm(S, V);
      return;
    case UO_LNot:
      return;
    default:
      end(S, V, UO);
      return;
    }
  }
  if (isa<MemberExpr, ArraySubscriptExpr>(U)) {
    confirm(S, V);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(U)) {
    if (BO->isComparisonOp() || BO->isLogicalOp())
      return;
    if (BO->isAssignmentOp() && strip(BO->getLHS()) == DRE)
      return;
    end(S, V, BO);
    return;
  }
  if (const auto *If = dyn_cast<IfStmt>(U); If && If->getCond() == Child)
    return;
  if (const auto *W = dyn_cast<WhileStmt>(U); W && W->getCond() == Child)
    return;
  if (const auto *F = dyn_cast<ForStmt>(U); F && F->getCond() == Child)
    return;
  if (const auto *D = dyn_cast<DoStmt>(U); D && D->getCond() == Child)
    return;
  if (const auto *C = dyn_cast<ConditionalOperator>(U); C && C->getCond() == Child)
    return;
  if (isa<UnaryExprOrTypeTraitExpr>(U))
    return;
  // Returned, stored in another variable or an initializer, or anything we
  // do not follow: someone else may close it.
  end(S, V, U);
}

/// The condition an edge of B decides, and whether it holds on that edge.
std::optional<Fact> factOf(const Expr *C, bool Truth, ASTContext &Ctx) {
  C = strip(C);
  if (!C)
    return std::nullopt;
  if (const auto *UO = dyn_cast<UnaryOperator>(C);
      UO && UO->getOpcode() == UO_LNot)
    return factOf(UO->getSubExpr(), !Truth, Ctx);
  auto ConstantOf = [&](const Expr *E) -> std::optional<int64_t> {
    E = E->IgnoreParenCasts();
    if (E->isValueDependent() || E->isTypeDependent())
      return std::nullopt;
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return 0;
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx))
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(C)) {
    if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
      bool Eq = (BO->getOpcode() == BO_EQ) == Truth;
      if (auto K = ConstantOf(BO->getRHS()))
        return Fact{strip(BO->getLHS()), *K, Eq};
      if (auto K = ConstantOf(BO->getLHS()))
        return Fact{strip(BO->getRHS()), *K, Eq};
      return std::nullopt;
    }
    if (BO->getOpcode() != BO_Assign)
      return std::nullopt;
  }
  return Fact{C, 0, !Truth};
}

State FunctionAnalysis::refine(const CFGBlock &B, unsigned SuccIndex,
                               const State &Out) {
  State S = Out;
  const Stmt *Term = B.getTerminatorStmt();
  if (!Term || B.succ_size() != 2 || isa<SwitchStmt>(Term))
    return S;
  const Expr *Cond =
      dyn_cast_or_null<Expr>(B.getTerminatorCondition(/*StripParens=*/true));
  if (!Cond)
    return S;
  // The last block of `if (a && b)` branches on b alone.
  const auto *TermBO = dyn_cast<BinaryOperator>(Term);
  if (!TermBO || !TermBO->isLogicalOp())
    while (const auto *BO = dyn_cast<BinaryOperator>(strip(Cond))) {
      if (!BO->isLogicalOp())
        break;
      Cond = BO->getRHS();
    }
  if (std::optional<Fact> F = factOf(Cond, SuccIndex == 0, Ctx))
    apply(S, *F);
  return S;
}

void FunctionAnalysis::apply(State &S, const Fact &F) {
  const Expr *Subject = F.Subject;
  if (const auto *BO = dyn_cast<BinaryOperator>(Subject);
      BO && BO->getOpcode() == BO_Assign)
    Subject = strip(BO->getLHS());
  if (const auto *CE = dyn_cast<CallExpr>(Subject)) {
    auto It = CallLinks.find(CE);
    if (It != CallLinks.end())
      applyLink(S, It->second, F.Value, F.Equal);
    return;
  }
  if (const VarDecl *V = varOf(Subject))
    applyVar(S, V, F.Value, F.Equal);
}

void FunctionAnalysis::applyVar(State &S, const VarDecl *V, int64_t Value,
                                bool Equal) {
  Fact F{nullptr, Value, Equal};
  if (auto It = S.Links.find(V); It != S.Links.end())
    applyLink(S, It->second, F.Value, F.Equal);
  if (auto It = SitesOfVar.find(V); It != SitesOfVar.end())
    for (unsigned I : It->second) {
      if (Sites[I].Entry->F->InPlace)
        continue;
      if (F.Value == 0 && F.Equal)
        S.Mask[I] = S.Mask[I] & Live ? (S.Mask[I] & ~Live) | None : S.Mask[I];
      else if (F.Value == 0 || F.Equal)
        S.Mask[I] = S.Mask[I] & Unconfirmed
                        ? (S.Mask[I] & ~Unconfirmed) | Open
                        : S.Mask[I];
    }
}

void FunctionAnalysis::applyLink(State &S, const Link &L, int64_t Value,
                                 bool Equal) {
  if (L.Kind == Link::NullFlag) {
    // Whether the flag is true on this edge.
    std::optional<bool> True;
    if (Value == 0)
      True = !Equal;
    else if (Equal)
      True = true;
    if (True)
      applyVar(S, L.Scan, 0, /*Equal=*/*True == (L.Success == 1));
    return;
  }
  if (L.Kind == Link::ReleaseIfNull) {
    if (Value == 0 && Equal)
      end(S, L.Scan, nullptr);
    return;
  }
  uint8_t &M = S.Mask[L.Site];
  bool Success = Equal && Value == L.Success;
  bool Failure = Equal ? Value != L.Success : Value == L.Success;
  if (Success && (M & Unconfirmed))
    M = (M & ~Unconfirmed) | Open;
  else if (Failure && (M & Live))
    M = (M & ~Live) | None;
}

//===----------------------------------------------------------------------===//
// Precision.
//===----------------------------------------------------------------------===//

/// Conditions of the branches and loops around From that do not also hold
/// Anchor.
llvm::SmallVector<const Expr *, 4>
FunctionAnalysis::guards(const Stmt *From, const Stmt *Anchor) {
  llvm::SmallPtrSet<const Stmt *, 16> AroundAnchor;
  for (const Stmt *S = Anchor; S; S = PM.getParent(S))
    AroundAnchor.insert(S);
  llvm::SmallVector<const Expr *, 4> Out;
  const Stmt *Child = From;
  for (const Stmt *P = PM.getParent(From); P && !AroundAnchor.count(P);
       Child = P, P = PM.getParent(P)) {
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Cond = If->getCond();
    else if (const auto *C = dyn_cast<AbstractConditionalOperator>(P))
      Cond = C->getCond();
    else if (const auto *W = dyn_cast<WhileStmt>(P))
      Cond = W->getCond();
    else if (const auto *F = dyn_cast<ForStmt>(P))
      Cond = F->getCond();
    else if (const auto *D = dyn_cast<DoStmt>(P))
      Cond = D->getCond();
    else if (const auto *Sw = dyn_cast<SwitchStmt>(P))
      Cond = Sw->getCond();
    else if (const auto *BO = dyn_cast<BinaryOperator>(P);
             BO && BO->isLogicalOp())
      Cond = BO->getLHS();
    if (Cond && Cond != Child)
      Out.push_back(Cond);
  }
  return Out;
}

bool FunctionAnalysis::aboutHandle(const Expr *Cond, const VarDecl *V) {
  if (const auto *BO = dyn_cast<BinaryOperator>(strip(Cond));
      BO && BO->isLogicalOp())
    return aboutHandle(BO->getLHS(), V) && aboutHandle(BO->getRHS(), V);
  const auto &Status = StatusVars[V];
  return references(Cond, [&](const Stmt *S) {
    if (const VarDecl *R = varOf(dyn_cast<Expr>(S)))
      return R == V || Status.count(R);
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (const Site *St = siteOf(CE))
        return St->Var == V;
      if (auto It = CallLinks.find(CE); It != CallLinks.end())
        return It->second.Scan == V;
    }
    return false;
  });
}

bool FunctionAnalysis::suppressed(const Site &St) {
  auto It = Ends.find(St.Var);
  if (It == Ends.end())
    return false;
  for (const Stmt *End : It->second) {
    if (!End)
      continue;
    for (const Expr *G : guards(End, St.Call)) {
      if (aboutHandle(G, St.Var))
        continue;
      bool ReadsFlag = references(G, [&](const Stmt *S) {
        const VarDecl *R = varOf(dyn_cast<Expr>(S));
        return R && Flags.count(R);
      });
      if (ReadsFlag)
        return true;
      for (const Expr *AcqGuard : guards(St.Call, End))
        if (!aboutHandle(AcqGuard, St.Var))
          return true;
    }
  }
  return false;
}

void FunctionAnalysis::run(
    llvm::function_ref<void(const Site &, SourceLocation)> Report) {
  if (!Cfg)
    return;
  findSites();
  if (Sites.empty())
    return;

  std::vector<State> In(Cfg->getNumBlockIDs());
  for (State &S : In)
    S.Mask.assign(Sites.size(), None);
  const CFGBlock &Entry = Cfg->getEntry();
  In[Entry.getBlockID()].Reached = true;

  std::deque<const CFGBlock *> Work{&Entry};
  llvm::BitVector Queued(Cfg->getNumBlockIDs());
  Queued.set(Entry.getBlockID());
  // The lattice is finite (masks only grow, links only shrink); the bound
  // guards against a mistake turning into a hang in the editor.
  unsigned Budget = 64 * Cfg->getNumBlockIDs() + 64;
  while (!Work.empty() && Budget--) {
    const CFGBlock *B = Work.front();
    Work.pop_front();
    Queued.reset(B->getBlockID());
    State S = In[B->getBlockID()];
    for (const CFGElement &E : *B)
      transfer(E, S);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned I = Index++;
      if (!Succ.getReachableBlock())
        continue;
      const CFGBlock *To = Succ.getReachableBlock();
      State Next = In[To->getBlockID()];
      Next.join(refine(*B, I, S));
      if (!(Next == In[To->getBlockID()])) {
        In[To->getBlockID()] = std::move(Next);
        if (!Queued.test(To->getBlockID())) {
          Queued.set(To->getBlockID());
          Work.push_back(To);
        }
      }
    }
  }
  if (!Work.empty())
    return; // did not settle: say nothing

  Reporting = true;
  for (const CFGBlock *B : *Cfg) {
    State S = In[B->getBlockID()];
    if (!S.Reached)
      continue;
    for (const CFGElement &E : *B)
      transfer(E, S);
  }
  for (auto &[I, Where] : Leaks)
    if (!suppressed(Sites[I]))
      Report(Sites[I], Where);
}


} // namespace

void findLeaks(const IteratorTables &T, ASTContext &Ctx, const Decl *D,
               Stmt *Body,
               llvm::function_ref<void(const Site &, SourceLocation)> Report) {
  FunctionAnalysis(T, Ctx, D, Body).run(Report);
}

} // namespace cvet::tidy

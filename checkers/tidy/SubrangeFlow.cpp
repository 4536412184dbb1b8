//===- SubrangeFlow.cpp - where one function's pointers point -------------===//
//
// Pointers are followed flow-insensitively through the function's locals:
// a local pointer points into a buffer when every assignment to it agrees on
// the buffer, on whether it is the start, and on the Borrow call that made
// it (p++ and strsep(&p, ...) move it inside its buffer and agree with
// anything). What happens after an insertion is found on the CFG, path by
// path, breadth first: the first free, reallocation or refill of the
// buffer, or the end of the function for a local array.
//
//===----------------------------------------------------------------------===//

#include "SubrangeFlow.h"
#include "SubrangeEscape/Wording.h"
#include "support/CallMatching.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/BitVector.h"
#include <deque>

using namespace clang;
using clang::ento::CallDescriptionMap;

namespace cvet::tidy {

SubrangeTables::SubrangeTables(ModelRef M) : Model(std::move(M)) {
  GroupedCallTableBuilder<const SubrangeCall *> Sub;
  for (const SubrangeCall &S : Model->Subranges)
    if (!S.Function.empty()) // not macros, not view types
      Sub[S.Function].push_back(&S);
  Subranges = std::make_unique<
      CallDescriptionMap<llvm::SmallVector<const SubrangeCall *, 1>>>(
      Sub.build());
  GroupedCallTableBuilder<MapCallEntry> Ops;
  for (const MapFamily &F : Model->Maps) {
    for (const MapOp &O : F.Ops)
      if (O.Macro.empty()) {
        Ops[O.Function].push_back({&F, &O});
        if (O.mayDo(MapOpKind::Insert) || O.mayDo(MapOpKind::Replace))
          InsertNames.insert(unqualifiedName(O.Function));
      }
    for (const MapLifetime &L : F.Destroy)
      if (L.Macro.empty())
        Ops[L.Function].push_back({&F, nullptr, &L});
  }
  Maps = std::make_unique<CallDescriptionMap<llvm::SmallVector<MapCallEntry, 1>>>(
      Ops.build());
}

llvm::ArrayRef<const SubrangeCall *>
SubrangeTables::subranges(const CallExpr &CE) const {
  if (const auto *Found = Subranges->lookupAsWritten(CE))
    return *Found;
  return {};
}

llvm::ArrayRef<MapCallEntry> SubrangeTables::maps(const CallExpr &CE) const {
  if (const auto *Found = Maps->lookupAsWritten(CE))
    return *Found;
  return {};
}

namespace {

/// Casts between pointers and parentheses looked through; null when a cast
/// makes a pointer of something else (GINT_TO_POINTER(eq - line)).
const Expr *pointerExpr(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    const auto *CE = dyn_cast<CastExpr>(E);
    if (!CE)
      return E;
    QualType From = CE->getSubExpr()->getType();
    if (!From->isPointerType() && !From->isArrayType() &&
        CE->getCastKind() != CK_NoOp && CE->getCastKind() != CK_LValueToRValue)
      return nullptr;
    E = CE->getSubExpr();
  }
  return E;
}

const VarDecl *localVar(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasLocalStorage() ? V : nullptr;
}

/// `&v`: v.
const VarDecl *addressedVar(const Expr *E) {
  const auto *UO = dyn_cast_or_null<UnaryOperator>(E ? E->IgnoreParenCasts() : nullptr);
  return UO && UO->getOpcode() == UO_AddrOf ? localVar(UO->getSubExpr()) : nullptr;
}

bool isZero(const Expr *E, ASTContext &Ctx) {
  if (E->isValueDependent())
    return false;
  Expr::EvalResult R;
  return E->EvaluateAsInt(R, Ctx) && R.Val.getInt() == 0;
}

/// The array or parameter whose name the analyzer prints for its region.
bool namedByVariable(const VarDecl *V) {
  return isa<ParmVarDecl>(V) || V->getType()->isArrayType();
}

} // namespace

PointerOrigins::PointerOrigins(const SubrangeTables &T, const Stmt *Body,
                               ASTContext &Ctx)
    : T(T), Ctx(Ctx) {
  collect(Body);
}

std::string PointerOrigins::text(const Expr *E) const {
  return subrange::exprText(E, Ctx);
}

void PointerOrigins::collect(const Stmt *S) {
  llvm::DenseSet<const Stmt *> Handled;
  auto Visit = [&](auto &Self, const Stmt *S) -> void {
    if (!S)
      return;
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      // What a lambda may change through a reference is not followed.
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
          if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
            Defs[V].push_back({Def::Unknown});
      return;
    }
    if (const auto *BE = dyn_cast<BlockExpr>(S)) {
      for (const BlockDecl::Capture &C : BE->getBlockDecl()->captures())
        if (C.isByRef())
          Defs[C.getVariable()].push_back({Def::Unknown});
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D);
            V && V->getInit() && V->getType()->isPointerType())
          Defs[V].push_back({Def::Value, V->getInit()});
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
      if (const VarDecl *V = localVar(L)) {
        if (BO->getOpcode() == BO_Assign)
          Defs[V].push_back({Def::Value, BO->getRHS()});
        else if (BO->isCompoundAssignmentOp())
          Defs[V].push_back({BO->getOpcode() == BO_AddAssign ||
                                     BO->getOpcode() == BO_SubAssign
                                 ? Def::Step
                                 : Def::Unknown});
      } else if (BO->isAssignmentOp()) {
        // e.key = tok: the struct's initialiser no longer tells.
        for (const Expr *B = L; const auto *ME = dyn_cast<MemberExpr>(B);
             B = ME->getBase()->IgnoreParenImpCasts())
          if (const VarDecl *V = localVar(ME->getBase()))
            Defs[V].push_back({Def::Unknown});
      }
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp()) {
        if (const VarDecl *V = localVar(UO->getSubExpr()))
          Defs[V].push_back({Def::Step});
      } else if (UO->getOpcode() == UO_AddrOf && !Handled.count(UO)) {
        if (const VarDecl *V = localVar(UO->getSubExpr()))
          Defs[V].push_back({Def::Unknown});
      }
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      // &p given to a model call: strsep(&p, ...) and strtok_r's &save move
      // p inside its buffer; getline(&line, ...) gives line new storage.
      for (const SubrangeCall *Sub : T.subranges(*CE)) {
        if (Sub->Effect == SubrangeEffect::Borrow)
          Borrows.push_back({CE, Sub});
        auto Mark = [&](unsigned I, Def D) {
          if (I >= CE->getNumArgs())
            return;
          const Expr *A = CE->getArg(I)->IgnoreParenCasts();
          if (const VarDecl *V = addressedVar(A)) {
            Handled.insert(A);
            Defs[V].push_back(D);
          }
        };
        if (Sub->Effect == SubrangeEffect::Borrow) {
          if (Sub->BufferByPointer)
            Mark(Sub->BufferArg, {Def::Step});
          if (Sub->ContinueArg)
            Mark(*Sub->ContinueArg, {Def::Step});
        } else if (Sub->BufferByPointer && (Sub->Effect == SubrangeEffect::Refill ||
                                            Sub->Effect == SubrangeEffect::Realloc)) {
          Mark(Sub->BufferArg, {Def::Value, CE});
        }
      }
    }
    for (const Stmt *Child : S->children())
      Self(Self, Child);
  };
  Visit(Visit, S);
}

bool PointerOrigins::isNewStorage(const Expr *E) {
  const auto *CE = dyn_cast_or_null<CallExpr>(pointerExpr(E));
  if (!CE)
    return false;
  for (const SubrangeCall *S : T.subranges(*CE))
    if (S->Effect == SubrangeEffect::New || S->Effect == SubrangeEffect::Realloc ||
        (S->BufferByPointer && S->Effect == SubrangeEffect::Refill))
      return true;
  return false;
}

Origin PointerOrigins::ofVar(const VarDecl *V) {
  if (auto It = Done.find(V); It != Done.end())
    return It->second;
  if (Busy.count(V))
    return {};
  Origin Out;
  auto DefsOf = Defs.find(V);
  if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
    if (P->getType()->isPointerType() && DefsOf == Defs.end())
      Out = Origin{V, false, nullptr, V->getNameAsString(), nullptr};
  } else if (!V->hasLocalStorage()) {
    // Globals and statics: storage of the whole program's.
  } else if (V->getType()->isArrayType()) {
    Out = Origin{V, false, nullptr, V->getNameAsString(), nullptr};
  } else if (V->getType()->isPointerType() && DefsOf != Defs.end()) {
    Busy.insert(V);
    bool Fresh = false, Derived = false, Failed = false, Stepped = false;
    std::optional<Origin> Common;
    for (const Def &D : DefsOf->second) {
      if (D.Kind == Def::Unknown) {
        Failed = true;
        break;
      }
      if (D.Kind == Def::Step) {
        Stepped = true;
        continue;
      }
      if (isNewStorage(D.E)) {
        Fresh = true;
        continue;
      }
      const Expr *P = pointerExpr(D.E);
      if (P && P->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      Origin O = P ? of(P) : Origin();
      if (!O || (Common && !Common->sameAs(O))) {
        Failed = true;
        break;
      }
      Derived = true;
      Common = Common ? *Common : O;
      if (Common->Made != O.Made)
        Common->Made = nullptr;
    }
    Busy.erase(V);
    if (!Failed && Fresh && !Derived && !Stepped) {
      Heap.insert(V);
      Out = Origin{V, false, nullptr, V->getNameAsString(), nullptr};
    } else if (!Failed && Derived && !Fresh) {
      Out = *Common;
      // After p++ the pointer was last made by the step: the analyzer names
      // heap storage by it.
      if (Stepped && !Out.Via) {
        Out.Made = nullptr;
        if (!namedByVariable(Out.Buffer))
          Out.Name = V->getNameAsString();
      }
    }
  }
  Done[V] = Out;
  return Out;
}

Origin PointerOrigins::of(const Expr *E) {
  E = pointerExpr(E);
  if (!E)
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    return V ? ofVar(V) : Origin();
  }
  auto Offset = [&](Origin O, bool Moves, const Expr *Made) {
    if (!O)
      return O;
    O.Interior |= Moves;
    if (!O.Via) {
      O.Made = Made;
      if (!namedByVariable(O.Buffer))
        O.Name = text(subrange::arithmeticBase(Made));
    }
    return O;
  };
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_AddrOf)
      return {};
    const Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Sub))
      return Offset(of(AS->getBase()), !isZero(AS->getIdx(), Ctx), E);
    if (isa<DeclRefExpr>(Sub) && Sub->getType()->isArrayType())
      return of(Sub);
    return {};
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (!BO->isAdditiveOp() || !BO->getType()->isPointerType())
      return {};
    bool LeftPtr = BO->getLHS()->getType()->isPointerType() ||
                   BO->getLHS()->getType()->isArrayType();
    const Expr *Ptr = LeftPtr ? BO->getLHS() : BO->getRHS();
    const Expr *Off = LeftPtr ? BO->getRHS() : BO->getLHS();
    return Offset(of(Ptr), !isZero(Off, Ctx), E);
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    for (const SubrangeCall *S : T.subranges(*CE))
      if (S->Effect == SubrangeEffect::Borrow && S->Handle == HandleLoc::Return)
        return borrow(CE, *S);
  }
  return {};
}

Origin PointerOrigins::borrow(const CallExpr *CE, const SubrangeCall &S) {
  if (S.BufferArg >= CE->getNumArgs())
    return {};
  const Expr *Arg = CE->getArg(S.BufferArg);
  Origin Base;
  std::string Name;
  if (!S.BufferByPointer &&
      Arg->IgnoreParenCasts()->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull)) {
    // strtok_r(NULL, d, &save) goes on in the buffer of the calls that
    // started on &save; strtok(NULL, d) in that of the function's strtok.
    const VarDecl *Save = nullptr;
    if (S.ContinueArg) {
      if (*S.ContinueArg >= CE->getNumArgs() ||
          !(Save = addressedVar(CE->getArg(*S.ContinueArg))))
        return {};
    } else if (!S.ContinuesLastBuffer) {
      return {};
    }
    std::optional<Origin> Common;
    for (auto [Other, OS] : Borrows) {
      if (OS != &S || Other == CE || S.BufferArg >= Other->getNumArgs() ||
          Other->getArg(S.BufferArg)->IgnoreParenCasts()->isNullPointerConstant(
              Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      if (Save && (*S.ContinueArg >= Other->getNumArgs() ||
                   addressedVar(Other->getArg(*S.ContinueArg)) != Save))
        continue;
      Origin O = borrow(Other, S);
      if (!O || (Common && !Common->sameAs(O)))
        return {};
      Common = O;
    }
    if (!Common)
      return {};
    Common->Made = CE;
    return *Common;
  }
  if (S.BufferByPointer) {
    const VarDecl *P = addressedVar(Arg);
    if (!P)
      return {};
    Base = ofVar(P);
    Name = Base.Via ? Base.Name : P->getNameAsString();
  } else if (S.BufferField.empty()) {
    Base = of(Arg);
    Name = Base.Via ? Base.Name : text(Arg);
  }
  if (!Base)
    return {};
  return Origin{Base.Buffer, true, &S,
                namedByVariable(Base.Buffer) ? Base.Buffer->getNameAsString()
                                             : Name,
                CE};
}

const VarDecl *PointerOrigins::bufferOf(const SubrangeCall &S,
                                        const CallExpr *CE) {
  if (S.BufferArg >= CE->getNumArgs() || !S.BufferField.empty())
    return nullptr;
  const Expr *Arg = CE->getArg(S.BufferArg);
  if (S.BufferByPointer) {
    const VarDecl *P = addressedVar(Arg);
    return P ? ofVar(P).Buffer : nullptr;
  }
  return of(Arg).Buffer;
}

bool PointerOrigins::assigns(const Stmt *S, const VarDecl *V) const {
  const auto *BO = dyn_cast<BinaryOperator>(S);
  return BO && BO->getOpcode() == BO_Assign && localVar(BO->getLHS()) == V;
}

std::optional<Ending> firstEnding(const CFG &G, const Stmt *Body,
                                  const CallExpr *Insert,
                                  std::optional<unsigned> SuccessEdge,
                                  const VarDecl *Buffer,
                                  PointerOrigins &Origins,
                                  const SubrangeTables &T) {
  const CFGBlock *From = nullptr;
  unsigned FromIndex = 0;
  for (const CFGBlock *B : G) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>(); CS && CS->getStmt() == Insert) {
        From = B;
        FromIndex = I + 1;
      }
      ++I;
    }
  }
  if (!From || (SuccessEdge && From->succ_size() != 2))
    return std::nullopt;
  bool LocalArray = !isa<ParmVarDecl>(Buffer) && Buffer->getType()->isArrayType();
  llvm::BitVector Seen(G.getNumBlockIDs());
  std::deque<std::pair<const CFGBlock *, unsigned>> Work{{From, FromIndex}};
  bool First = true;
  while (!Work.empty()) {
    auto [B, Start] = Work.front();
    Work.pop_front();
    bool Stop = false;
    for (unsigned I = Start; I < B->size() && !Stop; ++I) {
      auto CS = (*B)[I].getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      if (const auto *CE = dyn_cast<CallExpr>(S))
        for (const SubrangeCall *Sub : T.subranges(*CE)) {
          if (Sub->Effect != SubrangeEffect::Free &&
              Sub->Effect != SubrangeEffect::Realloc &&
              Sub->Effect != SubrangeEffect::Refill)
            continue;
          if (Origins.bufferOf(*Sub, CE) != Buffer)
            continue;
          Ending::KindTy K = Sub->Effect == SubrangeEffect::Free ? Ending::Freed
                             : Sub->Effect == SubrangeEffect::Realloc
                                 ? Ending::Reallocated
                                 : Ending::Refilled;
          return Ending{K, Sub, CE};
        }
      if (isa<ReturnStmt>(S)) {
        if (LocalArray)
          return Ending{Ending::OutOfScope, nullptr, S};
        Stop = true;
      }
      if (Origins.assigns(S, Buffer))
        Stop = true;
    }
    if (Stop || B->hasNoReturnElement())
      continue;
    unsigned Index = 0;
    for (const CFGBlock *Succ : B->succs()) {
      unsigned I = Index++;
      if (!Succ || (First && SuccessEdge && I != *SuccessEdge))
        continue;
      if (Succ == &G.getExit()) {
        if (LocalArray)
          return Ending{Ending::OutOfScope, nullptr, Body};
        continue;
      }
      if (!Seen.test(Succ->getBlockID())) {
        Seen.set(Succ->getBlockID());
        Work.push_back({Succ, 0});
      }
    }
    First = false;
  }
  return std::nullopt;
}

} // namespace cvet::tidy

//===- ConcurrencyModel.cpp - the model as UnsyncMapWrite asks it ---------===//

#include "ConcurrencyModel.h"
#include "support/CallMatching.h"
#include "clang/AST/Attr.h"

using namespace clang;
using namespace ento;
using namespace cvet;

namespace {

CallDescription describe(llvm::StringRef Name) { return callSpec(Name); }

template <typename T, typename Range, typename Fn>
CallDescriptionMap<T> table(const Range &Entries, Fn Value) {
  std::vector<std::pair<CallDescription, T>> Rows;
  for (const auto &E : Entries)
    if (!E.Function.empty())
      Rows.emplace_back(describe(E.Function), Value(E));
  return CallDescriptionMap<T>(Rows.begin(), Rows.end());
}

// "std::lock_guard::lock_guard" for a constructor of std::lock_guard<T>.
std::string constructorName(const CXXConstructorDecl *C) {
  const CXXRecordDecl *RD = C->getParent();
  return RD->getQualifiedNameAsString() + "::" + RD->getNameAsString();
}

} // namespace

ConcurrencyModel::ConcurrencyModel(const Model &M)
    : M(M), MapCalls([&] {
        std::vector<std::pair<CallDescription, const MapOp *>> Rows;
        for (const MapFamily &F : M.Maps)
          for (const MapOp &O : F.Ops)
            if (!O.Function.empty())
              Rows.emplace_back(describe(O.Function), &O);
        return CallDescriptionMap<const MapOp *>(Rows.begin(), Rows.end());
      }()),
      MapCreates([&] {
        std::vector<std::pair<CallDescription, bool>> Rows;
        for (const MapFamily &F : M.Maps)
          for (const MapLifetime &L : F.Create)
            if (!L.Function.empty())
              Rows.emplace_back(describe(L.Function), true);
        return CallDescriptionMap<bool>(Rows.begin(), Rows.end());
      }()),
      LockCalls(table<const LockOp *>(
          M.Locks, [](const LockOp &L) { return &L; })),
      Spawns(table<const ThreadSpawn *>(
          M.ThreadSpawns, [](const ThreadSpawn &S) { return &S; })),
      Joins(table<const ThreadJoin *>(
          M.ThreadJoins, [](const ThreadJoin &J) { return &J; })) {
  for (const MapFamily &F : M.Maps)
    for (const MapOp &O : F.Ops) {
      FamilyOf[&O] = &F;
      if (!O.Macro.empty())
        MapMacros.try_emplace(O.Macro, &O);
    }
  for (const LockOp &L : M.Locks) {
    if (!L.Macro.empty())
      LockMacros.try_emplace(L.Macro, &L);
    std::vector<llvm::StringRef> Parts = qualifiedNameParts(L.Function);
    if (Parts.size() >= 2 && Parts.back() == Parts[Parts.size() - 2])
      LockCtors.try_emplace(L.Function, &L);
  }
}

const MapOp *ConcurrencyModel::mapCall(const CallEvent &Call) const {
  const MapOp *const *O = MapCalls.lookup(Call);
  return O ? *O : nullptr;
}
const MapOp *ConcurrencyModel::mapCall(const CallExpr &CE) const {
  const MapOp *const *O = MapCalls.lookupAsWritten(CE);
  return O ? *O : nullptr;
}
const MapOp *ConcurrencyModel::mapMacro(llvm::StringRef Name) const {
  return MapMacros.lookup(Name);
}
bool ConcurrencyModel::createsMap(const CallExpr &CE) const {
  return MapCreates.lookupAsWritten(CE) != nullptr;
}

const LockOp *ConcurrencyModel::lockMacro(llvm::StringRef Name) const {
  return LockMacros.lookup(Name);
}

static LockCall fromEntry(const LockOp &L) {
  LockCall C;
  C.Op = L.Op;
  C.Mode = L.Mode;
  C.SuccessReturn = L.SuccessReturn;
  C.Scoped = L.Scoped;
  C.EntryArg = L.EntryArg;
  C.Name = L.name();
  if (L.LockArg)
    C.Args.push_back(*L.LockArg);
  else if (!L.AllArgs)
    C.OnObject = true;
  return C;
}

// Capability attributes: an argument that is one of FD's parameters is that
// call argument; anything else names a global or a field.
static void addCapabilities(LockCall &C, const FunctionDecl *FD,
                            llvm::ArrayRef<Expr *> Args) {
  if (Args.empty()) {
    C.OnObject = true;
    return;
  }
  for (const Expr *A : Args) {
    const Expr *S = A->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(S))
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
        S = U->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *DR = dyn_cast<DeclRefExpr>(S))
      if (const auto *P = dyn_cast<ParmVarDecl>(DR->getDecl())) {
        if (P->getFunctionScopeIndex() < FD->getNumParams())
          C.Args.push_back(P->getFunctionScopeIndex());
        continue;
      }
    C.Named.push_back(A);
  }
}

std::optional<LockCall>
ConcurrencyModel::fromDecl(const FunctionDecl *FD, const LockOp *Entry) const {
  if (Entry)
    return fromEntry(*Entry);
  if (!FD)
    return std::nullopt;
  LockCall C;
  C.Name = FD->getName().empty() ? "" : FD->getName();
  if (const auto *A = FD->getAttr<AcquireCapabilityAttr>()) {
    C.Mode = A->isShared() ? LockMode::Read : LockMode::Write;
    addCapabilities(C, FD, llvm::ArrayRef(A->args_begin(), A->args_size()));
    C.Scoped = isa<CXXConstructorDecl>(FD) &&
               cast<CXXConstructorDecl>(FD)->getParent()->hasAttr<ScopedLockableAttr>();
    return C;
  }
  if (const auto *A = FD->getAttr<TryAcquireCapabilityAttr>()) {
    C.Mode = A->isShared() ? LockMode::Read : LockMode::Write;
    addCapabilities(C, FD, llvm::ArrayRef(A->args_begin(), A->args_size()));
    Expr::EvalResult R;
    if (A->getSuccessValue() &&
        A->getSuccessValue()->EvaluateAsInt(R, FD->getASTContext()))
      C.SuccessReturn = R.Val.getInt().getExtValue();
    else
      C.SuccessReturn = 1;
    return C;
  }
  if (const auto *A = FD->getAttr<ReleaseCapabilityAttr>()) {
    C.Op = LockOpKind::Release;
    addCapabilities(C, FD, llvm::ArrayRef(A->args_begin(), A->args_size()));
    return C;
  }
  return std::nullopt;
}

std::optional<LockCall> ConcurrencyModel::lockCall(const CallEvent &Call) const {
  if (const auto *Ctor = dyn_cast<CXXConstructorCall>(&Call))
    return lockConstruct(Ctor->getDecl());
  const LockOp *const *E = LockCalls.lookup(Call);
  return fromDecl(dyn_cast_or_null<FunctionDecl>(Call.getDecl()),
                  E ? *E : nullptr);
}

std::optional<LockCall> ConcurrencyModel::lockCall(const CallExpr &CE) const {
  const LockOp *const *E = LockCalls.lookupAsWritten(CE);
  return fromDecl(CE.getDirectCallee(), E ? *E : nullptr);
}

std::optional<LockCall>
ConcurrencyModel::lockConstruct(const CXXConstructorDecl *C) const {
  if (!C)
    return std::nullopt;
  if (const LockOp *L = LockCtors.lookup(constructorName(C)))
    return fromEntry(*L);
  return fromDecl(C, nullptr);
}

const ThreadSpawn *ConcurrencyModel::spawnCall(const CallEvent &Call) const {
  const ThreadSpawn *const *S = Spawns.lookup(Call);
  return S ? *S : nullptr;
}
const ThreadSpawn *ConcurrencyModel::spawnCall(const CallExpr &CE) const {
  const ThreadSpawn *const *S = Spawns.lookupAsWritten(CE);
  return S ? *S : nullptr;
}
const ThreadJoin *ConcurrencyModel::joinCall(const CallEvent &Call) const {
  const ThreadJoin *const *J = Joins.lookup(Call);
  return J ? *J : nullptr;
}
const ThreadJoin *ConcurrencyModel::joinCall(const CallExpr &CE) const {
  const ThreadJoin *const *J = Joins.lookupAsWritten(CE);
  return J ? *J : nullptr;
}

bool ConcurrencyModel::isAnyThread(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return false;
  for (const AnyThreadFunction &A : M.AnyThread)
    if (FD->getQualifiedNameAsString() == A.Function ||
        (FD->getName() == A.Function))
      return true;
  return false;
}

const void *cvet::attributeLockKey(const Expr *E) {
  const Expr *S = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(S))
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
      S = U->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DR = dyn_cast<DeclRefExpr>(S))
    return DR->getDecl()->getCanonicalDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    return ME->getMemberDecl()->getCanonicalDecl();
  return nullptr;
}

const FunctionDecl *ConcurrencyModel::processTable(const MapOp &Op,
                                                  const ASTContext &Ctx) const {
  const MapFamily *F = FamilyOf.lookup(&Op);
  if (!F)
    return nullptr;
  auto &Idents = const_cast<ASTContext &>(Ctx).Idents;
  for (const MapOp &O : F->Ops) {
    if (O.Function.empty() || O.MapArg || O.Function.find(':') != std::string::npos)
      continue;
    for (const NamedDecl *D :
         Ctx.getTranslationUnitDecl()->lookup(&Idents.get(O.Function)))
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        return FD->getCanonicalDecl();
  }
  return nullptr;
}

llvm::StringRef ConcurrencyModel::familyName(const MapOp &Op) const {
  const MapFamily *F = FamilyOf.lookup(&Op);
  return F ? llvm::StringRef(F->Name) : Op.name();
}

//===- Storage.cpp - which variable or field an object lives in -----------===//

#include "Storage.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SymbolManager.h"

using namespace clang;
using namespace ento;
using cvet::Reach;
using cvet::Storage;

static Reach reachOfVar(const VarDecl *VD) {
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return Reach::ThreadLocal;
  if (VD->hasGlobalStorage())
    return Reach::Global;
  if (isa<ParmVarDecl>(VD))
    return Reach::Param;
  return Reach::Local;
}

static Storage ofVar(const VarDecl *VD) {
  Reach R = reachOfVar(VD);
  return Storage{cast<ValueDecl>(VD->getCanonicalDecl()), R,
                 R == Reach::Param ? cast<ParmVarDecl>(VD) : nullptr};
}

// A field is reached by whoever reaches the object it is part of; a
// thread-local object's fields stay with that thread.
static Storage ofField(const FieldDecl *FD, const Storage &Base) {
  return Storage{FD->getCanonicalDecl(), Base.Root, Base.Param};
}

static const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
        E = U->getSubExpr();
        continue;
      }
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      E = A->getBase();
      continue;
    }
    return E;
  }
  return E;
}

Storage cvet::storageOfExpr(const Expr *E) {
  E = strip(E);
  if (!E)
    return {};
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
      return ofVar(VD);
    return {};
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return {};
    const Expr *Base = strip(ME->getBase());
    if (Base && isa<CXXThisExpr>(Base))
      return ofField(FD, Storage{nullptr, Reach::Param, nullptr});
    Storage B = storageOfExpr(Base);
    // Through a local pointer the code alone cannot tell what is reached.
    if (ME->isArrow() && B.Root == Reach::Local)
      B.Root = Reach::Unknown;
    return ofField(FD, B);
  }
  return {};
}

Storage cvet::storageOfRegion(const MemRegion *R) {
  for (unsigned Depth = 0; R && Depth < 16; ++Depth) {
    R = R->StripCasts();
    if (const auto *ER = dyn_cast<ElementRegion>(R)) {
      R = ER->getSuperRegion();
      continue;
    }
    if (const auto *VR = dyn_cast<VarRegion>(R))
      return ofVar(VR->getDecl());
    if (const auto *FR = dyn_cast<FieldRegion>(R)) {
      const MemRegion *Super = FR->getSuperRegion()->StripCasts();
      Storage B;
      if (isa<CXXThisRegion>(Super))
        B = Storage{nullptr, Reach::Param, nullptr};
      else
        B = storageOfRegion(Super);
      return ofField(FR->getDecl(), B);
    }
    if (const auto *SR = dyn_cast<SymbolicRegion>(R)) {
      // The object a pointer points to, named by where the pointer was read.
      SymbolRef Sym = SR->getSymbol();
      if (const auto *RV = dyn_cast<SymbolRegionValue>(Sym)) {
        R = RV->getRegion();
        continue;
      }
      if (const auto *D = dyn_cast<SymbolDerived>(Sym)) {
        R = D->getRegion();
        continue;
      }
      return {};
    }
    return {};
  }
  return {};
}

std::string cvet::storageName(const Expr *E, const ASTContext &Ctx) {
  const Expr *S = E ? E->IgnoreParenCasts() : nullptr;
  while (const auto *U = dyn_cast_or_null<UnaryOperator>(S)) {
    if (U->getOpcode() != UO_AddrOf && U->getOpcode() != UO_Deref)
      break;
    S = U->getSubExpr()->IgnoreParenCasts();
  }
  if (!S)
    return "";
  const SourceManager &SM = Ctx.getSourceManager();
  SourceRange Range(SM.getSpellingLoc(S->getBeginLoc()),
                    SM.getSpellingLoc(S->getEndLoc()));
  StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Range), SM, Ctx.getLangOpts());
  if (!Text.empty() && Text.size() <= 48 && !Text.contains('\n'))
    return Text.str();
  if (const auto *DR = dyn_cast<DeclRefExpr>(S))
    return DR->getDecl()->getNameAsString();
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    return ME->getMemberDecl()->getNameAsString();
  return "";
}

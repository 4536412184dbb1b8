//===- CallMatching.cpp - model entries to call descriptions --------------===//

#include "support/CallMatching.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace clang::ento;

std::vector<llvm::StringRef> cvet::qualifiedNameParts(llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::", -1, /*KeepEmpty=*/false);
  return std::vector<llvm::StringRef>(Parts.begin(), Parts.end());
}

llvm::StringRef cvet::unqualifiedName(llvm::StringRef Name) {
  size_t Pos = Name.rfind("::");
  return Pos == llvm::StringRef::npos ? Name : Name.substr(Pos + 2);
}

bool cvet::isConstructorName(llvm::StringRef Name) {
  std::vector<llvm::StringRef> Parts = qualifiedNameParts(Name);
  return Parts.size() > 1 && Parts.back() == Parts[Parts.size() - 2];
}

CallDescription cvet::callSpec(llvm::StringRef Function) {
  std::vector<llvm::StringRef> Parts = qualifiedNameParts(Function);
  return CallDescription(Parts.size() > 1 ? CDM::Unspecified : CDM::CLibrary,
                         Parts);
}

std::optional<SVal> cvet::argSVal(const CallEvent &Call, unsigned I) {
  if (I >= Call.getNumArgs())
    return std::nullopt;
  return Call.getArgSVal(I);
}

const Expr *cvet::argExpr(const CallEvent &Call, unsigned I) {
  return I < Call.getNumArgs() ? Call.getArgExpr(I) : nullptr;
}

bool cvet::argConditionHolds(const CallEvent &Call, const ArgCondition &When) {
  std::optional<SVal> V = argSVal(Call, When.Arg);
  if (!V)
    return false;
  ProgramStateRef State = Call.getState();
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  const llvm::APSInt *K = SVB.getKnownValue(State, *V);
  if (!K || K->getBitWidth() > 64)
    return false;
  if (When.Equals)
    return K->getExtValue() == *When.Equals;
  uint64_t Bits = K->getZExtValue();
  return (Bits & *When.HasBits) == *When.HasBits;
}

llvm::SmallVector<std::string, 2> cvet::memberNames(const MemberExpr *ME) {
  llvm::SmallVector<std::string, 2> Names;
  const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!FD || !FD->getIdentifier())
    return Names;
  llvm::StringRef Field = FD->getName();
  QualType T = ME->getBase()->getType();
  if (ME->isArrow())
    T = T->getPointeeType();
  while (!T.isNull()) {
    if (const auto *TT = dyn_cast<TypedefType>(T.getTypePtr())) {
      Names.push_back((TT->getDecl()->getName() + "::" + Field).str());
      T = TT->desugar();
    } else if (const auto *ET = dyn_cast<ElaboratedType>(T.getTypePtr())) {
      T = ET->getNamedType();
    } else {
      break;
    }
  }
  if (const RecordDecl *RD = FD->getParent(); RD && RD->getIdentifier())
    Names.push_back((RD->getName() + "::" + Field).str());
  return Names;
}

llvm::SmallVector<std::string, 2> cvet::calledMemberNames(const CallEvent &Call) {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!CE || !CE->getCallee())
    return {};
  const Expr *Callee = CE->getCallee()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Callee);
      UO && UO->getOpcode() == UO_Deref)
    Callee = UO->getSubExpr()->IgnoreParenImpCasts();
  return memberNames(dyn_cast<MemberExpr>(Callee));
}

std::string cvet::memberDisplayName(llvm::StringRef Member) {
  auto [Record, Field] = Member.split("::");
  return (Record + "->" + Field).str();
}

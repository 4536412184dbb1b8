//===- CallMatching.cpp - model entries to call descriptions --------------===//

#include "support/CallMatching.h"
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

//===- Locks.cpp - reading the model sections Locks and AnyThread ---------===//

#include "cvet/Model.h"
#include "cvet/model/ModelNames.h"

using namespace cvet;

namespace llvm::yaml {

void ScalarEnumerationTraits<LockOpKind>::enumeration(IO &IO, LockOpKind &V) {
  IO.enumCase(V, "Acquire", LockOpKind::Acquire);
  IO.enumCase(V, "Release", LockOpKind::Release);
  IO.enumCase(V, "Once", LockOpKind::Once);
}

void ScalarEnumerationTraits<LockMode>::enumeration(IO &IO, LockMode &V) {
  IO.enumCase(V, "Write", LockMode::Write);
  IO.enumCase(V, "Read", LockMode::Read);
}

void MappingTraits<LockOp>::mapping(IO &IO, LockOp &L) {
  IO.mapOptional("Function", L.Function, std::string());
  IO.mapOptional("Macro", L.Macro, std::string());
  IO.mapRequired("Op", L.Op);
  IO.mapOptional("Mode", L.Mode, LockMode::Write);
  IO.mapOptional("LockArg", L.LockArg);
  IO.mapOptional("AllArgs", L.AllArgs, false);
  IO.mapOptional("SuccessReturn", L.SuccessReturn);
  IO.mapOptional("Scoped", L.Scoped, false);
  IO.mapOptional("EntryArg", L.EntryArg);
}

std::string MappingTraits<LockOp>::validate(IO &IO, LockOp &L) {
  std::string E = checkFunctionOrMacro(L.Function, L.Macro);
  if (!E.empty())
    return E;
  std::string Who = ("'" + L.name() + "': ").str();
  if (L.Op == LockOpKind::Once && !L.EntryArg)
    return Who + "a 'Once' entry needs 'EntryArg'";
  if (L.Op != LockOpKind::Once && L.EntryArg)
    return Who + "'EntryArg' is for 'Once' entries";
  if (L.Op != LockOpKind::Acquire && (L.SuccessReturn || L.Scoped))
    return Who + "'SuccessReturn' and 'Scoped' are for 'Acquire' entries";
  if (L.AllArgs && L.LockArg)
    return Who + "give either 'LockArg' or 'AllArgs', not both";
  if (L.Scoped && !L.Macro.empty())
    return Who + "a macro cannot be 'Scoped'";
  return "";
}

void MappingTraits<AnyThreadFunction>::mapping(IO &IO, AnyThreadFunction &F) {
  IO.mapRequired("Function", F.Function);
}

std::string MappingTraits<AnyThreadFunction>::validate(IO &IO,
                                                       AnyThreadFunction &F) {
  return checkFunctionName(F.Function);
}

} // namespace llvm::yaml

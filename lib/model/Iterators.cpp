//===- Iterators.cpp - reading the model section Iterators ----------------===//
//
// llvm::yaml reports unknown keys, missing keys and bad values with their
// line and column; validate() adds the checks that need a whole entry.
//
//===----------------------------------------------------------------------===//

#include "cvet/model/Iterators.h"
#include "llvm/ADT/STLExtras.h"

using namespace cvet;

namespace llvm::yaml {

void MappingTraits<IteratorAcquire>::mapping(IO &IO, IteratorAcquire &A) {
  IO.mapRequired("Function", A.Function);
  IO.mapOptional("Handle", A.Handle, HandleLoc::Return);
  mapArgWithAlias(IO, "HandleArg", "Arg", A.HandleArg);
  IO.mapOptional("SuccessReturn", A.SuccessReturn);
  IO.mapOptional("OwnerArg", A.OwnerArg);
}

std::string MappingTraits<IteratorAcquire>::validate(IO &IO,
                                                     IteratorAcquire &A) {
  std::string E = checkFunctionName(A.Function);
  if (!E.empty())
    return E;
  if (A.Handle == HandleLoc::Arg)
    return "'" + A.Function +
           "': 'Handle: Arg' does not name an iterator; use Return, "
           "OutParam, InPlace or None";
  if (A.Handle == HandleLoc::None && A.SuccessReturn)
    return "'" + A.Function +
           "': a scan without a handle ('Handle: None') has no "
           "'SuccessReturn'";
  if (A.OwnerArg && A.Handle != HandleLoc::Return &&
      A.Handle != HandleLoc::OutParam)
    return "'" + A.Function +
           "': 'OwnerArg' needs a handle that is a value (Return or OutParam)";
  if (A.OwnerArg && A.Handle == HandleLoc::OutParam &&
      *A.OwnerArg == A.HandleArg)
    return "'" + A.Function + "': 'OwnerArg' must differ from 'HandleArg'";
  return "";
}

void MappingTraits<IteratorOwner>::mapping(IO &IO, IteratorOwner &O) {
  IO.mapRequired("Function", O.Function);
  IO.mapOptional("Handle", O.Handle, HandleLoc::Return);
  IO.mapOptional("HandleArg", O.HandleArg, 0u);
  IO.mapOptional("When", O.When);
}

std::string MappingTraits<IteratorOwner>::validate(IO &IO, IteratorOwner &O) {
  std::string E = checkFunctionName(O.Function);
  if (E.empty() && O.Handle != HandleLoc::Return &&
      O.Handle != HandleLoc::OutParam)
    E = "'" + O.Function + "': an owner is a value; use 'Handle: Return' or "
                           "'Handle: OutParam'";
  return E;
}

void MappingTraits<IteratorRelease>::mapping(IO &IO, IteratorRelease &R) {
  IO.mapRequired("Function", R.Function);
  mapArgWithAlias(IO, "HandleArg", "Arg", R.HandleArg);
  IO.mapOptional("OnlyWhenReturnsNull", R.OnlyWhenReturnsNull, false);
  IO.mapOptional("Idempotent", R.Idempotent, false);
  IO.mapOptional("EndsAll", R.EndsAll, false);
}

std::string MappingTraits<IteratorRelease>::validate(IO &IO,
                                                     IteratorRelease &R) {
  return checkFunctionName(R.Function);
}

void MappingTraits<IteratorUse>::mapping(IO &IO, IteratorUse &U) {
  IO.mapRequired("Function", U.Function);
  mapArgWithAlias(IO, "HandleArg", "Arg", U.HandleArg);
}

std::string MappingTraits<IteratorUse>::validate(IO &IO, IteratorUse &U) {
  return checkFunctionName(U.Function);
}

void MappingTraits<IteratorFamily>::mapping(IO &IO, IteratorFamily &F) {
  IO.mapRequired("Family", F.Name);
  IO.mapRequired("Acquire", F.Acquire);
  IO.mapRequired("Release", F.Release);
  IO.mapOptional("Use", F.Use);
  IO.mapOptional("TakesOwnership", F.TakesOwnership);
  IO.mapOptional("KeepingOwners", F.KeepingOwners);
}

std::string MappingTraits<IteratorFamily>::validate(IO &IO,
                                                    IteratorFamily &F) {
  if (F.Name.empty())
    return "'Family' must not be empty";
  if (F.Acquire.empty())
    return "iterator family '" + F.Name + "' has no 'Acquire' function";
  if (F.Release.empty())
    return "iterator family '" + F.Name + "' has no 'Release' function";
  bool InPlace = F.Acquire.front().Handle == HandleLoc::InPlace;
  bool Global = F.Acquire.front().Handle == HandleLoc::None;
  for (const IteratorAcquire &A : F.Acquire) {
    if ((A.Handle == HandleLoc::None) != Global)
      return "iterator family '" + F.Name +
             "' mixes scans without a handle ('None') with handles";
    if ((A.Handle == HandleLoc::InPlace) != InPlace)
      return "iterator family '" + F.Name +
             "' mixes 'InPlace' handles with handles that are values";
  }
  if (Global && !F.TakesOwnership.empty())
    return "iterator family '" + F.Name +
           "' has no handle ('None') for 'TakesOwnership' to take";
  bool HasOwner = llvm::any_of(
      F.Acquire, [](const IteratorAcquire &A) { return A.OwnerArg; });
  bool EndsAll = llvm::any_of(
      F.Release, [](const IteratorRelease &R) { return R.EndsAll; });
  if (!F.KeepingOwners.empty() && (!HasOwner || !EndsAll))
    return "'KeepingOwners' of iterator family '" + F.Name +
           "' needs an 'Acquire' with 'OwnerArg' and a release with "
           "'EndsAll'";
  for (const IteratorRelease &R : F.Release)
    if (R.OnlyWhenReturnsNull && !InPlace)
      return "'OnlyWhenReturnsNull' needs an 'InPlace' family ('" +
             R.Function + "')";
  for (const IteratorRelease &R : F.Release)
    if (R.EndsAll && (InPlace || Global))
      return "'EndsAll' needs a family of values ('" + R.Function + "')";
  return "";
}

} // namespace llvm::yaml

//===- Iterators.cpp - reading the model section Iterators ----------------===//
//
// llvm::yaml reports unknown keys, missing keys and bad values with their
// line and column; validate() adds the checks that need a whole entry.
//
//===----------------------------------------------------------------------===//

#include "cvet/model/Iterators.h"

using namespace cvet;

namespace llvm::yaml {

void MappingTraits<IteratorAcquire>::mapping(IO &IO, IteratorAcquire &A) {
  IO.mapRequired("Function", A.Function);
  IO.mapOptional("Handle", A.Handle, HandleLoc::Return);
  mapArgWithAlias(IO, "HandleArg", "Arg", A.HandleArg);
  IO.mapOptional("SuccessReturn", A.SuccessReturn);
}

std::string MappingTraits<IteratorAcquire>::validate(IO &IO,
                                                     IteratorAcquire &A) {
  std::string E = checkFunctionName(A.Function);
  if (E.empty() && A.Handle != HandleLoc::Return &&
      A.Handle != HandleLoc::OutParam && A.Handle != HandleLoc::InPlace)
    E = "'" + A.Function + "': 'Handle: " + handleLocName(A.Handle).str() +
        "' does not name an iterator; use Return, OutParam or InPlace";
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
  for (const IteratorAcquire &A : F.Acquire)
    if ((A.Handle == HandleLoc::InPlace) != InPlace)
      return "iterator family '" + F.Name +
             "' mixes 'InPlace' handles with handles that are values";
  for (const IteratorRelease &R : F.Release)
    if (R.OnlyWhenReturnsNull && !InPlace)
      return "'OnlyWhenReturnsNull' needs an 'InPlace' family ('" +
             R.Function + "')";
  for (const IteratorRelease &R : F.Release)
    if (R.EndsAll && InPlace)
      return "'EndsAll' needs a family of values ('" + R.Function + "')";
  return "";
}

} // namespace llvm::yaml

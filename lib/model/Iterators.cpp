//===- Iterators.cpp - reading the model section Iterators ----------------===//
//
// llvm::yaml reports unknown keys, missing keys and bad values with their
// line and column; validate() adds the checks that need a whole entry.
//
//===----------------------------------------------------------------------===//

#include "cvet/model/Iterators.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace cvet;

/// `Function:`, or `Member:` for a function pointer field called through a
/// struct; one of the two is required.
static void mapFunctionOrMember(llvm::yaml::IO &IO, std::string &Function,
                                std::string &Member) {
  IO.mapOptional("Member", Member);
  if (Member.empty())
    IO.mapRequired("Function", Function);
  else
    IO.mapOptional("Function", Function);
}

/// "Record::field": the struct's tag (or typedef) name and the field.
static std::string checkFieldName(llvm::StringRef Name) {
  auto [Record, Field] = Name.split("::");
  auto IsIdent = [](llvm::StringRef P) {
    return !P.empty() && !llvm::isDigit(P.front()) &&
           llvm::all_of(P, [](char C) { return llvm::isAlnum(C) || C == '_'; });
  };
  if (!IsIdent(Record) || !IsIdent(Field))
    return ("'" + Name +
            "' is not a member name; write the struct and the field, "
            "'Record::field'")
        .str();
  return "";
}

static std::string checkEntryName(const std::string &Function,
                                  const std::string &Member) {
  if (!Function.empty() && !Member.empty())
    return "'" + Function + "': give either 'Function' or 'Member', not both";
  return Member.empty() ? checkFunctionName(Function) : checkFieldName(Member);
}

namespace llvm::yaml {

void MappingTraits<IteratorAcquire>::mapping(IO &IO, IteratorAcquire &A) {
  mapFunctionOrMember(IO, A.Function, A.Member);
  IO.mapOptional("Handle", A.Handle, HandleLoc::Return);
  mapArgWithAlias(IO, "HandleArg", "Arg", A.HandleArg);
  IO.mapOptional("SuccessReturn", A.SuccessReturn);
  IO.mapOptional("OwnerArg", A.OwnerArg);
}

std::string MappingTraits<IteratorAcquire>::validate(IO &IO,
                                                     IteratorAcquire &A) {
  std::string E = checkEntryName(A.Function, A.Member);
  if (!E.empty())
    return E;
  if (A.Handle == HandleLoc::Arg)
    return "'" + entryName(A) +
           "': 'Handle: Arg' does not name an iterator; use Return, "
           "OutParam, InPlace or None";
  if (A.Handle == HandleLoc::None && A.SuccessReturn)
    return "'" + entryName(A) +
           "': a scan without a handle ('Handle: None') has no "
           "'SuccessReturn'";
  if (A.OwnerArg && A.Handle != HandleLoc::Return &&
      A.Handle != HandleLoc::OutParam)
    return "'" + entryName(A) +
           "': 'OwnerArg' needs a handle that is a value (Return or OutParam)";
  if (A.OwnerArg && A.Handle == HandleLoc::OutParam &&
      *A.OwnerArg == A.HandleArg)
    return "'" + entryName(A) + "': 'OwnerArg' must differ from 'HandleArg'";
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
  mapFunctionOrMember(IO, R.Function, R.Member);
  mapArgWithAlias(IO, "HandleArg", "Arg", R.HandleArg);
  IO.mapOptional("OnlyWhenReturnsNull", R.OnlyWhenReturnsNull, false);
  IO.mapOptional("Idempotent", R.Idempotent, false);
  IO.mapOptional("EndsAll", R.EndsAll, false);
}

std::string MappingTraits<IteratorRelease>::validate(IO &IO,
                                                     IteratorRelease &R) {
  return checkEntryName(R.Function, R.Member);
}

void MappingTraits<IteratorUse>::mapping(IO &IO, IteratorUse &U) {
  mapFunctionOrMember(IO, U.Function, U.Member);
  mapArgWithAlias(IO, "HandleArg", "Arg", U.HandleArg);
}

std::string MappingTraits<IteratorUse>::validate(IO &IO, IteratorUse &U) {
  return checkEntryName(U.Function, U.Member);
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
             entryName(R) + "')";
  for (const IteratorRelease &R : F.Release)
    if (R.EndsAll && (InPlace || Global))
      return "'EndsAll' needs a family of values ('" + entryName(R) + "')";
  return "";
}

} // namespace llvm::yaml

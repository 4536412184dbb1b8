//===- Vocabulary.cpp - words every model section shares, name checks ----===//

#include "cvet/model/Vocabulary.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace cvet {

StringRef handleLocName(HandleLoc L) {
  switch (L) {
  case HandleLoc::None:
    return "None";
  case HandleLoc::Return:
    return "Return";
  case HandleLoc::OutParam:
    return "OutParam";
  case HandleLoc::InPlace:
    return "InPlace";
  case HandleLoc::Arg:
    return "Arg";
  }
  llvm_unreachable("unknown handle location");
}

std::string checkFunctionName(StringRef Name) {
  if (Name.empty())
    return "'Function' must not be empty";
  if (Name.find_first_of(" \t()*&;,") != StringRef::npos)
    return ("'" + Name + "' is not a function name").str();
  return "";
}

std::string checkQualifiedName(StringRef Name) {
  if (Name.empty())
    return "'Function' must not be empty";
  SmallVector<StringRef, 4> Parts;
  Name.split(Parts, "::");
  for (StringRef P : Parts)
    if (P.empty() || P.find_first_of(" \t()*&;,<>:") != StringRef::npos)
      return ("'" + Name + "' is not a qualified function name").str();
  return "";
}

std::string checkMemberName(StringRef Name) {
  return checkFunctionName(Name);
}

std::string checkMacroName(StringRef Name) {
  if (Name.empty() || isDigit(Name.front()) ||
      !all_of(Name, [](char C) { return isAlnum(C) || C == '_'; }))
    return ("'" + Name + "' is not a macro name").str();
  return "";
}

std::string checkFunctionOrMacro(StringRef Function, StringRef Macro) {
  if (Function.empty() == Macro.empty())
    return Function.empty() ? "an entry needs 'Function' or 'Macro'"
                            : ("'" + Function +
                               "': give either 'Function' or 'Macro', not both")
                                  .str();
  return Macro.empty() ? checkFunctionName(Function) : checkMacroName(Macro);
}

void mapArgWithAlias(yaml::IO &IO, const char *NewKey, const char *OldKey,
                     unsigned &Value) {
  if (IO.outputting()) {
    IO.mapOptional(NewKey, Value, 0u);
    return;
  }
  std::optional<unsigned> New, Old;
  IO.mapOptional(NewKey, New);
  IO.mapOptional(OldKey, Old);
  if (New && Old)
    IO.setError(Twine("'") + OldKey + "' is the old name of '" + NewKey +
                "'; give only '" + NewKey + "'");
  Value = New ? *New : Old.value_or(0);
}

} // namespace cvet

void llvm::yaml::ScalarEnumerationTraits<cvet::HandleLoc>::enumeration(
    IO &IO, cvet::HandleLoc &V) {
  for (cvet::HandleLoc L :
       {cvet::HandleLoc::None, cvet::HandleLoc::Return,
        cvet::HandleLoc::OutParam, cvet::HandleLoc::InPlace,
        cvet::HandleLoc::Arg})
    IO.enumCase(V, cvet::handleLocName(L).data(), L);
}

void llvm::yaml::MappingTraits<cvet::ArgCondition>::mapping(
    IO &IO, cvet::ArgCondition &W) {
  IO.mapRequired("Arg", W.Arg);
  IO.mapOptional("HasBits", W.HasBits);
  IO.mapOptional("Equals", W.Equals);
}

std::string llvm::yaml::MappingTraits<cvet::ArgCondition>::validate(
    IO &IO, cvet::ArgCondition &W) {
  if (W.HasBits.has_value() == W.Equals.has_value())
    return "'When' needs one of 'HasBits' or 'Equals'";
  if (W.HasBits && *W.HasBits == 0)
    return "'HasBits: 0' holds for every value; name the bits that matter";
  return "";
}

//===- Subranges.cpp - reading the model section Subranges ----------------===//

#include "cvet/Model.h"
#include "cvet/model/ModelNames.h"

using namespace cvet;


llvm::StringRef cvet::subrangeEffectName(SubrangeEffect E) {
  switch (E) {
  case SubrangeEffect::Borrow:
    return "Borrow";
  case SubrangeEffect::New:
    return "New";
  case SubrangeEffect::Intern:
    return "Intern";
  case SubrangeEffect::Refill:
    return "Refill";
  case SubrangeEffect::Free:
    return "Free";
  case SubrangeEffect::Realloc:
    return "Realloc";
  case SubrangeEffect::View:
    return "View";
  }
  llvm_unreachable("unknown subrange effect");
}

namespace llvm::yaml {

void ScalarEnumerationTraits<SubrangeEffect>::enumeration(IO &IO,
                                                          SubrangeEffect &V) {
  for (SubrangeEffect E :
       {SubrangeEffect::Borrow, SubrangeEffect::New, SubrangeEffect::Intern,
        SubrangeEffect::Refill, SubrangeEffect::Free, SubrangeEffect::Realloc,
        SubrangeEffect::View})
    IO.enumCase(V, subrangeEffectName(E).data(), E);
}

void MappingTraits<SubrangeCall>::mapping(IO &IO, SubrangeCall &S) {
  IO.mapOptional("Function", S.Function, std::string());
  IO.mapOptional("Macro", S.Macro, std::string());
  IO.mapOptional("Type", S.Type, std::string());
  IO.mapOptional("PointerField", S.PointerField, std::string());
  IO.mapRequired("Effect", S.Effect);
  IO.mapOptional("BufferArg", S.BufferArg, 0u);
  IO.mapOptional("BufferByPointer", S.BufferByPointer, false);
  IO.mapOptional("BufferField", S.BufferField, std::string());
  IO.mapOptional("Handle", S.Handle, HandleLoc::Return);
  IO.mapOptional("HandleArg", S.HandleArg, 0u);
  IO.mapOptional("SizeArg", S.SizeArg);
  IO.mapOptional("ContinueArg", S.ContinueArg);
  IO.mapOptional("ContinuesLastBuffer", S.ContinuesLastBuffer, false);
}

std::string MappingTraits<SubrangeCall>::validate(IO &IO, SubrangeCall &S) {
  if (!S.Type.empty() || S.Effect == SubrangeEffect::View) {
    if (S.Type.empty())
      return "'" + S.name().str() + "': 'Effect: View' is for a 'Type'";
    if (!S.Function.empty() || !S.Macro.empty())
      return "'" + S.Type + "': give 'Type' alone, without 'Function' or 'Macro'";
    if (S.Effect != SubrangeEffect::View)
      return "'" + S.Type + "': a 'Type' entry is 'Effect: View'";
    return "";
  }
  if (!S.PointerField.empty())
    return "'" + S.name().str() + "': 'PointerField' is for a 'Type'";
  std::string E = checkFunctionOrMacro(S.Function, S.Macro);
  if (!E.empty())
    return E;
  std::string Who = "'" + S.name().str() + "': ";
  bool MakesPointer = S.Effect == SubrangeEffect::Borrow ||
                      S.Effect == SubrangeEffect::New ||
                      S.Effect == SubrangeEffect::Intern;
  if (MakesPointer && S.Handle != HandleLoc::Return &&
      S.Handle != HandleLoc::OutParam)
    return Who + "a pointer is returned with 'Handle: Return' or written "
                 "with 'Handle: OutParam', not '" +
           handleLocName(S.Handle).str() + "'";
  if (!MakesPointer && S.Handle != HandleLoc::Return)
    return Who + "'Handle' says where a pointer lands; 'Effect: " +
           subrangeEffectName(S.Effect).str() + "' makes none";
  if (S.BufferByPointer && !S.BufferField.empty())
    return Who + "give 'BufferByPointer' or 'BufferField', not both";
  if ((S.ContinueArg || S.ContinuesLastBuffer) &&
      S.Effect != SubrangeEffect::Borrow)
    return Who + "only a 'Borrow' goes on in an earlier buffer";
  if (S.SizeArg && S.Effect != SubrangeEffect::New)
    return Who + "'SizeArg' is the size of what 'Effect: New' allocates";
  if (S.ContinueArg && S.ContinuesLastBuffer)
    return Who + "give 'ContinueArg' or 'ContinuesLastBuffer', not both";
  if (S.ContinueArg && *S.ContinueArg == S.BufferArg)
    return Who + "'ContinueArg' and 'BufferArg' are the same argument";
  if (S.Handle == HandleLoc::OutParam && S.HandleArg == S.BufferArg &&
      !S.BufferByPointer)
    return Who + "'HandleArg' and 'BufferArg' are the same argument";
  return "";
}

} // namespace llvm::yaml

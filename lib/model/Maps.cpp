//===- Maps.cpp - reading the model section Maps --------------------------===//

#include "cvet/Model.h"
#include "cvet/model/ModelNames.h"
#include "llvm/ADT/STLExtras.h"

using namespace cvet;

bool cvet::isMapWrite(MapOpKind K) { return K != MapOpKind::Read; }

llvm::StringRef cvet::mapOpName(MapOpKind K) {
  switch (K) {
  case MapOpKind::Read:
    return "read";
  case MapOpKind::Insert:
    return "insert";
  case MapOpKind::Replace:
    return "replace";
  case MapOpKind::Remove:
    return "remove";
  case MapOpKind::Steal:
    return "steal";
  case MapOpKind::Clear:
    return "clear";
  }
  llvm_unreachable("unknown map operation");
}

MapOpKind MapOp::opFor(std::optional<int64_t> OpArgValue) const {
  if (!OpArg)
    return Op;
  if (!OpArgValue || *OpArgValue < 0 ||
      static_cast<uint64_t>(*OpArgValue) >= OpByValue.size())
    return MapOpKind::Read;
  return OpByValue[*OpArgValue];
}

bool MapOp::mayDo(MapOpKind K) const {
  if (!OpArg)
    return Op == K;
  // A value outside OpByValue, or one not known, reads.
  return K == MapOpKind::Read || llvm::is_contained(OpByValue, K);
}

bool MapOp::mayWrite() const {
  if (!OpArg)
    return isMapWrite(Op);
  return llvm::any_of(OpByValue, isMapWrite);
}

llvm::StringRef cvet::mapStoresName(MapStores S) {
  return S == MapStores::Copies ? "Copies" : "Pointers";
}

namespace llvm::yaml {

void ScalarEnumerationTraits<MapStores>::enumeration(IO &IO, MapStores &V) {
  for (MapStores S : {MapStores::Pointers, MapStores::Copies})
    IO.enumCase(V, mapStoresName(S).data(), S);
}

void ScalarEnumerationTraits<MapSlot>::enumeration(IO &IO, MapSlot &V) {
  IO.enumCase(V, "Key", MapSlot::Key);
  IO.enumCase(V, "Value", MapSlot::Value);
}

void ScalarEnumerationTraits<MapOpKind>::enumeration(IO &IO, MapOpKind &V) {
  IO.enumCase(V, "Read", MapOpKind::Read);
  IO.enumCase(V, "Insert", MapOpKind::Insert);
  IO.enumCase(V, "Replace", MapOpKind::Replace);
  IO.enumCase(V, "Remove", MapOpKind::Remove);
  IO.enumCase(V, "Steal", MapOpKind::Steal);
  IO.enumCase(V, "Clear", MapOpKind::Clear);
}

void MappingTraits<MapOp>::mapping(IO &IO, MapOp &O) {
  IO.mapOptional("Function", O.Function, std::string());
  IO.mapOptional("Macro", O.Macro, std::string());
  IO.mapOptional("Op", O.Op, MapOpKind::Read);
  IO.mapOptional("MapArg", O.MapArg);
  IO.mapOptional("KeyArg", O.KeyArg);
  IO.mapOptional("ValueArg", O.ValueArg);
  IO.mapOptional("KeyField", O.KeyField, std::string());
  IO.mapOptional("ValueField", O.ValueField, std::string());
  IO.mapOptional("OpArg", O.OpArg);
  IO.mapOptional("OpByValue", O.OpByValue);
  IO.mapOptional("SuccessReturn", O.SuccessReturn);
  IO.mapOptional("StatusArg", O.StatusArg);
  IO.mapOptional("Assigns", O.Assigns);
}

std::string MappingTraits<MapOp>::validate(IO &IO, MapOp &O) {
  std::string E = checkFunctionOrMacro(O.Function, O.Macro);
  if (!E.empty())
    return E;
  std::string Who = ("'" + O.name() + "': ").str();
  if (O.OpArg.has_value() != !O.OpByValue.empty())
    return Who + "'OpArg' and 'OpByValue' go together";
  if (!O.KeyField.empty() && !O.KeyArg)
    return Who + "'KeyField' needs 'KeyArg'";
  if (!O.ValueField.empty() && !O.ValueArg)
    return Who + "'ValueField' needs 'ValueArg'";
  if (O.OpArg &&
      (O.OpArg == O.MapArg || O.OpArg == O.KeyArg || O.OpArg == O.ValueArg))
    return Who + "'OpArg' is also the map, the key or the value";
  if (O.StatusArg && !O.mayDo(MapOpKind::Insert) &&
      !O.mayDo(MapOpKind::Replace))
    return Who + "'StatusArg' needs an insertion";
  if (O.StatusArg &&
      (O.StatusArg == O.MapArg || O.StatusArg == O.KeyArg ||
       O.StatusArg == O.ValueArg))
    return Who + "'StatusArg' is also the map, the key or the value";
  if (O.Assigns && O.Macro.empty())
    return Who + "'Assigns' needs a 'Macro'";
  if (O.Assigns && !O.MapArg)
    return Who + "'Assigns' needs 'MapArg'";
  if (O.Assigns && (O.KeyArg || O.ValueArg))
    return Who + "'Assigns' stores what is assigned: no 'KeyArg' or 'ValueArg'";
  return "";
}

void MappingTraits<MapLifetime>::mapping(IO &IO, MapLifetime &L) {
  IO.mapOptional("Function", L.Function, std::string());
  IO.mapOptional("Macro", L.Macro, std::string());
  IO.mapOptional("Handle", L.Handle, HandleLoc::Return);
  IO.mapOptional("MapArg", L.MapArg, 0u);
  IO.mapOptional("Stores", L.Stores);
  IO.mapOptional("KeyDupArg", L.KeyDupArg);
  IO.mapOptional("KeyDupField", L.KeyDupField, std::string());
}

std::string MappingTraits<MapLifetime>::validate(IO &IO, MapLifetime &L) {
  std::string E = checkFunctionOrMacro(L.Function, L.Macro);
  if (E.empty() && L.Handle != HandleLoc::Return &&
      L.Handle != HandleLoc::OutParam && L.Handle != HandleLoc::InPlace)
    E = "'" + L.name().str() + "': 'Handle: " + handleLocName(L.Handle).str() +
        "' does not name a map; use Return, OutParam or InPlace";
  if (E.empty() && L.Stores && L.KeyDupArg)
    E = "'" + L.name().str() + "': give 'Stores' or 'KeyDupArg', not both";
  if (E.empty() && !L.KeyDupField.empty() && !L.KeyDupArg)
    E = "'" + L.name().str() + "': 'KeyDupField' needs 'KeyDupArg'";
  return E;
}

void MappingTraits<MapFamily>::mapping(IO &IO, MapFamily &F) {
  IO.mapRequired("Family", F.Name);
  IO.mapRequired("Ops", F.Ops);
  IO.mapOptional("Create", F.Create);
  IO.mapOptional("Destroy", F.Destroy);
  IO.mapOptional("Stores", F.Stores, MapStores::Pointers);
  IO.mapOptional("CopyFlag", F.CopyFlag, std::string());
}

std::string MappingTraits<MapFamily>::validate(IO &IO, MapFamily &F) {
  if (F.Name.empty())
    return "'Family' must not be empty";
  if (F.Ops.empty())
    return "map family '" + F.Name + "' has no 'Ops'";
  for (const MapLifetime &D : F.Destroy)
    if (D.Stores || D.KeyDupArg || !D.KeyDupField.empty())
      return "'" + D.name().str() +
             "': 'Stores' and 'KeyDupArg' describe a creation, not a 'Destroy'";
  return "";
}

} // namespace llvm::yaml

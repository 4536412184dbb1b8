//===- Maps.h - the model section Maps ------------------------*- C++ -*-===//
//
// Hash tables and trees (lib/models/maps.yaml): which calls and macros read
// or write a map, and which argument is the map, the key and the value.
// cvet.UnsyncMapWrite asks which calls write; cvet.SubrangeEscape asks what
// is stored as key and value. A family is one kind of map; later keys (how a
// family stores keys and values) belong on MapFamily or MapOp.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_MAPS_H
#define CVET_MODEL_MAPS_H

#include "cvet/model/Vocabulary.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/YAMLTraits.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// What a map operation does to the map.
enum class MapOpKind {
  Read,    ///< g_hash_table_lookup
  Insert,  ///< g_hash_table_insert, HASH_ADD, kh_put, dictAdd
  Replace, ///< g_hash_table_replace, dictReplace
  Remove,  ///< g_hash_table_remove, HASH_DEL, dictDelete
  Steal,   ///< g_hash_table_steal: removed without freeing key and value
  Clear,   ///< g_hash_table_remove_all, HASH_CLEAR, dictEmpty
};

/// The part of an entry a macro's expansion names (khash's kh_key, kh_value).
enum class MapSlot { Key, Value };

/// True for every kind but Read.
bool isMapWrite(MapOpKind K);
/// "insert", "remove"...
llvm::StringRef mapOpName(MapOpKind K);

/// A function (or macro, or C++ member function) that reads or writes a map.
struct MapOp {
  /// Exactly one of Function and Macro is set. A Macro entry matches code
  /// expanded from that macro (uthash's HASH_ADD_INT, khash's kh_put), and its
  /// argument indices count the macro's arguments.
  std::string Function;
  std::string Macro;
  MapOpKind Op = MapOpKind::Read;
  /// The argument that is the map or points to it (g_hash_table_insert's
  /// table, tsearch's &root). Unset: a member function's object, or for a
  /// free function the one process-wide table (hsearch).
  std::optional<unsigned> MapArg;
  std::optional<unsigned> KeyArg;
  std::optional<unsigned> ValueArg;
  /// The key and the value are these fields of the KeyArg / ValueArg struct
  /// (hsearch's ENTRY: key, data).
  std::string KeyField;
  std::string ValueField;
  /// When set, the value of this argument decides the operation: OpByValue
  /// lists the Op for the values 0, 1, 2... (PostgreSQL hash_search's
  /// HASH_FIND, HASH_ENTER, HASH_REMOVE, HASH_ENTER_NULL). Other values, or
  /// a value not known, count as Read.
  std::optional<unsigned> OpArg;
  std::vector<MapOpKind> OpByValue;
  /// An insertion stored its key and value only when it returned this
  /// (dictAdd's DICT_OK). Without it, one that returns a pointer stored
  /// nothing when it returned NULL (hsearch, tsearch).
  std::optional<int64_t> SuccessReturn;
  /// An insertion writes how it went to *StatusArg: positive when it stored
  /// the key, zero when the key was already there (the map kept its own),
  /// negative when it failed (khash's kh_put(name, h, key, &ret)).
  std::optional<unsigned> StatusArg;
  /// A macro whose expansion is the key or value of an entry: assigning to
  /// it stores into the map (khash's kh_key(h, k) = strdup(key),
  /// kh_value(h, k) = v).
  std::optional<MapSlot> Assigns;

  llvm::StringRef name() const { return Macro.empty() ? Function : Macro; }
  /// The operation when OpArg has the given value (Op without OpArg).
  MapOpKind opFor(std::optional<int64_t> OpArgValue) const;
  /// Whether some call of it may do K: Op, or with OpArg one of OpByValue.
  bool mayDo(MapOpKind K) const;
  /// Whether some call of it may write the map.
  bool mayWrite() const;
};

/// What a map does with the keys it is given.
enum class MapStores {
  Pointers, ///< keeps the pointer (GHashTable, tsearch, a "no-dup" list)
  Copies,   ///< keeps a copy (a key-dup function, dynahash, std::string keys)
};
llvm::StringRef mapStoresName(MapStores S);

/// A function that creates or destroys a map.
struct MapLifetime {
  std::string Function;
  std::string Macro;
  /// Create: where the new map lands: Return, or OutParam / InPlace at
  /// MapArg (hcreate_r(64, &htab)). Destroy: MapArg is the map.
  HandleLoc Handle = HandleLoc::Return;
  unsigned MapArg = 0;
  /// Create: what the map created stores (string_list_init_nodup: Pointers).
  std::optional<MapStores> Stores;
  /// Create: the map copies its keys when this argument (a key-dup function
  /// or flag) is not null, or, with KeyDupField, when that field of what the
  /// argument points to is not (dictCreate(&type): type.keyDup).
  std::optional<unsigned> KeyDupArg;
  std::string KeyDupField;

  llvm::StringRef name() const { return Macro.empty() ? Function : Macro; }
};

/// One kind of map: its operations and, when known, how it is made and
/// destroyed.
struct MapFamily {
  std::string Name; ///< "GHashTable", "uthash": used in messages and docs.
  std::vector<MapOp> Ops;
  std::vector<MapLifetime> Create;
  std::vector<MapLifetime> Destroy;
  /// What maps of the family do with their keys, unless their creation or
  /// CopyFlag says otherwise.
  MapStores Stores = MapStores::Pointers;
  /// A map copies its keys when this field of the map object ('->' and '.'
  /// separated) is non-zero: string_list's strdup_strings.
  std::string CopyFlag;
};

} // namespace cvet

namespace llvm::yaml {
template <> struct ScalarEnumerationTraits<cvet::MapOpKind> {
  static void enumeration(IO &IO, cvet::MapOpKind &V);
};
template <> struct ScalarEnumerationTraits<cvet::MapSlot> {
  static void enumeration(IO &IO, cvet::MapSlot &V);
};
template <> struct ScalarEnumerationTraits<cvet::MapStores> {
  static void enumeration(IO &IO, cvet::MapStores &V);
};
template <> struct MappingTraits<cvet::MapOp> {
  static void mapping(IO &IO, cvet::MapOp &O);
  static std::string validate(IO &IO, cvet::MapOp &O);
};
template <> struct MappingTraits<cvet::MapLifetime> {
  static void mapping(IO &IO, cvet::MapLifetime &L);
  static std::string validate(IO &IO, cvet::MapLifetime &L);
};
template <> struct MappingTraits<cvet::MapFamily> {
  static void mapping(IO &IO, cvet::MapFamily &F);
  static std::string validate(IO &IO, cvet::MapFamily &F);
};
} // namespace llvm::yaml

LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::MapOp)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::MapLifetime)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::MapFamily)
LLVM_YAML_IS_FLOW_SEQUENCE_VECTOR(cvet::MapOpKind)

#endif // CVET_MODEL_MAPS_H

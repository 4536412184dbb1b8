//===- State.h - what cvet.SubrangeEscape keeps on a path -----*- C++ -*-===//
//
// Borrowed pointers (symbols a Borrow call made), the map entries that hold
// them, and the facts about storage and maps the rule gathers on a path.
// SubrangeEscapeChecker.cpp describes the state machine; the traits here
// are the same for all of the rule's files.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUBRANGEESCAPE_STATE_H
#define CVET_CHECKERS_SUBRANGEESCAPE_STATE_H

#include "support/Lifetime.h"
#include "support/StateTrait.h"

#include "cvet/Model.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/ImmutableMap.h"
#include "llvm/ADT/ImmutableSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace cvet::subrange {

using namespace clang;
using namespace clang::ento;


/// A pointer made by a Borrow call: it points into Buffer.
class Borrow {
  const MemRegion *Buffer;
  const CallExpr *Origin;
  const cvet::SubrangeCall *Via;
  /// Names the buffer: the call's buffer argument, or for strtok_r(NULL,
  /// ...) the one of the call that started on the buffer.
  const Expr *Name;
  /// The variable or field the buffer pointer was read from (p->line), to
  /// know the buffer again after that pointer was invalidated by a call.
  const MemRegion *Holder;

public:
  Borrow(const MemRegion *Buffer, const CallExpr *Origin,
         const cvet::SubrangeCall *Via, const Expr *Name,
         const MemRegion *Holder)
      : Buffer(Buffer), Origin(Origin), Via(Via), Name(Name), Holder(Holder) {
    assert(Buffer && Buffer == Buffer->getBaseRegion() && Via);
  }
  const MemRegion *buffer() const { return Buffer; }
  const CallExpr *origin() const { return Origin; }
  const cvet::SubrangeCall &via() const { return *Via; }
  const Expr *name() const { return Name; }
  const MemRegion *holder() const { return Holder; }
  bool operator==(const Borrow &O) const {
    return Buffer == O.Buffer && Origin == O.Origin && Via == O.Via &&
           Name == O.Name && Holder == O.Holder;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Buffer);
    ID.AddPointer(Origin);
    ID.AddPointer(Via);
    ID.AddPointer(Name);
    ID.AddPointer(Holder);
  }
};

/// A map entry that holds a borrowed pointer.
class StoredEntry {
public:
  enum class Role : unsigned char { Key, Value };

private:
  const MemRegion *Buffer; ///< the object pointed into
  const MemRegion *BufHolder; ///< the variable or field that held it
  /// The map object (the pointee of a GHashTable *, the head variable of
  /// &root, a std::map object); null for the one hsearch table.
  const MemRegion *Map;
  /// The variable or field the map pointer was read from (the global
  /// 'cache'), to know the map again after the pointer was invalidated.
  const MemRegion *MapHolder;
  const Expr *Insert;
  const LocationContext *InsertCtx;
  const Expr *Made;     ///< the arithmetic or call that made the pointer
  const Expr *BufName;  ///< names the buffer in messages
  const Expr *MapName;  ///< names the map in messages (may be null)
  llvm::StringRef Via;  ///< the Borrow function that made it, if any
  Role R;
  bool GlobalMap;   ///< the map is named through a global variable
  bool ViewAtStart; ///< a std::string_view of the buffer from its start
  /// What the insertion returned: NULL (or a failure status) means nothing
  /// was stored (hsearch, tsearch, dictAdd).
  SymbolRef Result = nullptr;
  /// An insertion that keeps the key already there (Op: Insert): this key
  /// is stored only if it was absent.
  bool IfAbsent = false;
  /// The path branched on what the insertion returned: the code knows
  /// whether its key was stored (and frees it when it was not).
  bool Checked = false;
  /// Result is a status written through an argument: positive when the
  /// entry was stored (khash's kh_put).
  bool Status = false;

public:
  StoredEntry(const MemRegion *Buffer, const MemRegion *BufHolder,
              const MemRegion *Map, const MemRegion *MapHolder,
              const Expr *Insert, const LocationContext *InsertCtx,
              const Expr *Made, const Expr *BufName, const Expr *MapName,
              llvm::StringRef Via, Role R, bool GlobalMap, bool ViewAtStart)
      : Buffer(Buffer), BufHolder(BufHolder), Map(Map), MapHolder(MapHolder),
        Insert(Insert),
        InsertCtx(InsertCtx),
        Made(Made), BufName(BufName), MapName(MapName), Via(Via), R(R),
        GlobalMap(GlobalMap), ViewAtStart(ViewAtStart) {
    assert(Buffer && Insert && InsertCtx);
  }
  const MemRegion *buffer() const { return Buffer; }
  /// This entry points into the buffer B, read from Holder.
  bool inBuffer(const MemRegion *B, const MemRegion *Holder) const {
    return (B && B == Buffer) || (Holder && Holder == BufHolder);
  }
  StoredEntry withoutBufferHolder() const {
    StoredEntry E = *this;
    E.BufHolder = nullptr;
    return E;
  }
  const MemRegion *bufferHolder() const { return BufHolder; }
  const MemRegion *map() const { return Map; }
  /// This entry's map is the map M, read from Holder.
  bool inMap(const MemRegion *M, const MemRegion *Holder) const {
    return (M && M == Map) || (Holder && Holder == MapHolder);
  }
  const Expr *insert() const { return Insert; }
  const LocationContext *insertContext() const { return InsertCtx; }
  const Expr *made() const { return Made; }
  const Expr *bufName() const { return BufName; }
  const Expr *mapName() const { return MapName; }
  llvm::StringRef via() const { return Via; }
  Role role() const { return R; }
  bool viewAtStart() const { return ViewAtStart; }
  SymbolRef result() const { return Result; }
  bool ifAbsent() const { return IfAbsent; }
  bool checked() const { return Checked; }
  StoredEntry withIfAbsent() const {
    StoredEntry E = *this;
    E.IfAbsent = true;
    return E;
  }
  StoredEntry withChecked() const {
    StoredEntry E = *this;
    E.Checked = true;
    return E;
  }
  StoredEntry withResult(SymbolRef R) const {
    StoredEntry E = *this;
    E.Result = R;
    return E;
  }
  StoredEntry withStatus(SymbolRef R) const {
    StoredEntry E = withResult(R);
    E.Status = true;
    return E;
  }
  bool status() const { return Status; }

  /// The map certainly outlives Frame.
  bool mapOutlives(const StackFrameContext *Frame) const {
    return !Map || GlobalMap || cvet::outlivesFrame(Map, Frame);
  }

  bool operator==(const StoredEntry &O) const {
    return Buffer == O.Buffer && BufHolder == O.BufHolder && Map == O.Map &&
           MapHolder == O.MapHolder &&
           Insert == O.Insert &&
           InsertCtx == O.InsertCtx && Made == O.Made &&
           BufName == O.BufName && MapName == O.MapName &&
           Via.data() == O.Via.data() && R == O.R &&
           GlobalMap == O.GlobalMap && ViewAtStart == O.ViewAtStart &&
           Result == O.Result && IfAbsent == O.IfAbsent &&
           Checked == O.Checked && Status == O.Status;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Buffer);
    ID.AddPointer(BufHolder);
    ID.AddPointer(Map);
    ID.AddPointer(MapHolder);
    ID.AddPointer(Insert);
    ID.AddPointer(InsertCtx);
    ID.AddPointer(Made);
    ID.AddPointer(BufName);
    ID.AddPointer(MapName);
    ID.AddPointer(Via.data());
    ID.AddInteger(static_cast<unsigned>(R));
    ID.AddBoolean(GlobalMap);
    ID.AddBoolean(ViewAtStart);
    ID.AddPointer(Result);
    ID.AddBoolean(IfAbsent);
    ID.AddBoolean(Checked);
    ID.AddBoolean(Status);
  }
  void dump(llvm::raw_ostream &OS) const {
    OS << (R == Role::Key ? "key" : "value") << " into " << Buffer;
    if (!Via.empty())
      OS << " (from '" << Via << "')";
    OS << " stored in ";
    if (Map)
      OS << Map;
    else
      OS << "the process-wide table";
    if (GlobalMap)
      OS << " (global)";
  }
};


/// One map call of the model, with its family.
struct MapCall {
  const cvet::MapFamily *Fam;
  const cvet::MapOp *Op = nullptr;            ///< an operation, or
  const cvet::MapLifetime *Create = nullptr;  ///< a creation, or
  const cvet::MapLifetime *Destroy = nullptr; ///< a destruction
};

/// What ends the buffer an entry points into.
struct Ending {
  enum Kind { Freed, Reallocated, Refilled, OutOfScope, Pinned } How;
  llvm::StringRef By;           ///< the call that ends it
  const Stmt *At;               ///< where (null for a pin)
  std::string Name = {};        ///< the buffer as that call names it
};

/// A pointer and where it came from.
struct Borrowed {
  const MemRegion *Buffer = nullptr;
  const Expr *Made = nullptr;
  const cvet::SubrangeCall *Via = nullptr;
  const Expr *Name = nullptr;
  /// A view (std::string_view) of the buffer from its start.
  bool ViewAtStart = false;
  const MemRegion *Holder = nullptr;
  explicit operator bool() const { return Buffer; }
};

/// The object whose storage R lies in; a pointer into a borrowed pointer's
/// target lies in that target's buffer.
const MemRegion *storageOf(ProgramStateRef State, const MemRegion *R);

/// Walks back from N to the arithmetic or &buf[i] whose value is R.
const Expr *derivationOf(const ExplodedNode *N, const MemRegion *R);

/// The expression that names a borrowed pointer's buffer.
const Expr *bufferNameOf(const Borrowed &B);

/// Reports an entry whose buffer ends (or is pinned), at its insertion, once
/// per insertion (Reported).
void reportEntry(const BugType &BT, llvm::DenseSet<const Expr *> &Reported,
                 const StoredEntry &E, const Ending &End, ExplodedNode *Err,
                 CheckerContext &C);

/// The variable or field that holds the pointer to a Subranges call's
/// buffer (p->line of getline(&p->line, ...)), or null.
const MemRegion *bufferHolder(const cvet::SubrangeCall &S,
                              const CallEvent &Call, CheckerContext &C);

// The model calls as they happen on a path (MapCalls.cpp).
std::optional<cvet::MapOpKind> opOf(const cvet::MapOp &Op,
                                    const CallEvent &Call, CheckerContext &C);
const MemRegion *mapRegionOf(std::optional<unsigned> MapArg,
                             const CallEvent &Call, const Expr **Name);
const MemRegion *holderOf(const Expr *MapName, CheckerContext &C);
bool namesGlobalObject(const Expr *E);
/// The pointer field of a model View type (std::string_view, a C slice).
const FieldDecl *viewPointerField(QualType T,
                                  llvm::ArrayRef<const cvet::SubrangeCall *> Views);
/// What argument Arg stores, looked at through field Field (hsearch's
/// ENTRY) or a view object; ViewTarget gives the pointer a view object was
/// constructed from, when known.
std::optional<SVal>
storedValue(ProgramStateRef State, const CallEvent &Call, unsigned Arg,
            llvm::StringRef Field, bool &View, QualType &Type,
            llvm::ArrayRef<const cvet::SubrangeCall *> Views,
            llvm::function_ref<std::optional<SVal>(const MemRegion *)>
                ViewTarget);

//===----------------------------------------------------------------------===//
// The rule's program state.
//===----------------------------------------------------------------------===//

/// Symbols returned or written by Borrow calls.
class BorrowMap {};
using BorrowMapTy = llvm::ImmutableMap<SymbolRef, Borrow>;
/// Borrow calls under way: the buffer, found before the call changed it.
class PendingBorrows {};
using PendingBorrowsTy = llvm::ImmutableMap<const Expr *, Borrow>;
/// The buffer that strtok(NULL, ...) goes on in.
class TokenBuffer {};
/// Storage allocated on this path (New calls) that has not been handed to
/// anything but a map: a pin is reported when it dies unfreed.
class OwnedStorage {};
/// Owned storage whose last own pointer died unfreed while pointers into it
/// lived on: an entry that stores one of them pins it.
class LostStorage {};
using SymbolSetTy = llvm::ImmutableSet<SymbolRef>;
/// Regions that New calls returned, whatever their shape (an arena
/// allocator that was inlined returns an element of its arena).
class NotBorrowed {};
/// Regions that Intern calls returned: they and their parts live as long as
/// the program.
class Interned {};
/// Maps created to copy their keys, or to store them as given, when their
/// family decides per map.
class CopyingMaps {};
class PointerMaps {};
using RegionSetTy = llvm::ImmutableSet<const MemRegion *>;
/// The pointer a view object (std::string_view) was constructed from, when
/// the analyzer did not look into its constructor.
class ViewTargets {};
using ViewTargetsTy = llvm::ImmutableMap<const MemRegion *, SVal>;
/// Entries that hold borrowed pointers, by insertion.
class EntryMap {};
using EntryMapTy = llvm::ImmutableMap<const Expr *, StoredEntry>;

//===----------------------------------------------------------------------===//
// Shared by the rule's files.
//===----------------------------------------------------------------------===//

/// The pointer that designates the buffer of a Subranges entry, and the
/// object it points into (Borrows.cpp).
std::optional<SVal> bufferPointer(ProgramStateRef State,
                                  const cvet::SubrangeCall &S,
                                  const CallEvent &Call);
const MemRegion *bufferOf(ProgramStateRef State, const cvet::SubrangeCall &S,
                          const CallEvent &Call);

/// Forgets the entries of a map whose entries may be gone (Entries.cpp).
ProgramStateRef forgetMap(ProgramStateRef State, const MemRegion *Map,
                          const MemRegion *Holder);

} // namespace cvet::subrange

namespace clang::ento {
CVET_STATE_TRAIT(cvet::subrange::BorrowMap, cvet::subrange::BorrowMapTy)
CVET_STATE_TRAIT(cvet::subrange::PendingBorrows,
                 cvet::subrange::PendingBorrowsTy)
CVET_STATE_TRAIT(cvet::subrange::TokenBuffer, const clang::ento::MemRegion *)
CVET_STATE_TRAIT(cvet::subrange::OwnedStorage, cvet::subrange::SymbolSetTy)
CVET_STATE_TRAIT(cvet::subrange::LostStorage, cvet::subrange::SymbolSetTy)
CVET_STATE_TRAIT(cvet::subrange::NotBorrowed, cvet::subrange::RegionSetTy)
CVET_STATE_TRAIT(cvet::subrange::Interned, cvet::subrange::RegionSetTy)
CVET_STATE_TRAIT(cvet::subrange::CopyingMaps, cvet::subrange::RegionSetTy)
CVET_STATE_TRAIT(cvet::subrange::PointerMaps, cvet::subrange::RegionSetTy)
CVET_STATE_TRAIT(cvet::subrange::ViewTargets, cvet::subrange::ViewTargetsTy)
CVET_STATE_TRAIT(cvet::subrange::EntryMap, cvet::subrange::EntryMapTy)
} // namespace clang::ento

#endif // CVET_CHECKERS_SUBRANGEESCAPE_STATE_H

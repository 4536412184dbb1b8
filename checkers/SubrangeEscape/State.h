//===- State.h - what cvet.SubrangeEscape keeps on a path -----*- C++ -*-===//
//
// Borrowed pointers (symbols a Borrow call made), the map entries that hold
// them, and the facts about storage and maps the rule gathers on a path.
// SubrangeEscapeChecker.cpp describes the state machine.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUBRANGEESCAPE_STATE_H
#define CVET_CHECKERS_SUBRANGEESCAPE_STATE_H

#include "support/Lifetime.h"

#include "cvet/Model.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/DenseSet.h"
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
           Checked == O.Checked;
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

/// Source text of a short expression, for messages ("line", "req->buf").
std::string exprText(const Expr *E, CheckerContext &C);

/// Reports an entry whose buffer ends (or is pinned), at its insertion, once
/// per insertion (Reported).
void reportEntry(const BugType &BT, llvm::DenseSet<const Expr *> &Reported,
                 const StoredEntry &E, const Ending &End, ExplodedNode *Err,
                 CheckerContext &C);

/// How a freeing or refilling call names its buffer: 'opts', 'r->line'.
std::string bufferArgText(const cvet::SubrangeCall &S, const CallEvent &Call,
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
const FieldDecl *viewPointerField(QualType T);
/// What argument Arg stores, looked at through field Field (hsearch's
/// ENTRY) or a view object; ViewTarget gives the pointer a view object was
/// constructed from, when known.
std::optional<SVal>
storedValue(ProgramStateRef State, const CallEvent &Call, unsigned Arg,
            llvm::StringRef Field, bool &View, QualType &Type,
            llvm::function_ref<std::optional<SVal>(const MemRegion *)>
                ViewTarget);

} // namespace cvet::subrange

#endif // CVET_CHECKERS_SUBRANGEESCAPE_STATE_H

//===- SubrangeEscapeChecker.cpp - map entries that borrow a buffer -------===//
//
// cvet.SubrangeEscape: a pointer into another object's storage (buf + off,
// &buf[i], a strchr / strtok_r result) is stored as a key or value of a map
// that outlives that storage. The entry dangles once the buffer is freed,
// reallocated, refilled or goes out of scope, and until then it keeps the
// whole buffer alive. The Go original: m[k] = buf[100:101] pins the array.
//
// A borrowed pointer is an element region at a non-zero offset of its
// object, or a pointer whose base is a symbol made by a model Borrow call
// (BorrowMap); both follow the value through locals, fields and inlined
// calls. A map insert (the Maps model) of a borrowed pointer into a map that
// does not copy it records an entry (EntryMap):
//
//   borrowed --insert (buffer not static, not the entry's own)--> Stored
//   Stored --remove / steal / clear / destroy the map--> (forgotten)
//   Stored --free / realloc / refill the buffer--> (dangles: report)
//   Stored --the buffer's frame returns, the map outlives it--> (report)
//   Stored --the buffer, allocated on this path, loses its last other
//            pointer unfreed, the map outlives the function--> (pinned: report)
//   Stored --the map or the buffer dies otherwise--> (forgotten)
//
// Reports are shown at the insertion, where the fix goes, and uniqued there;
// path notes mark where the pointer was made and where it was stored.
//
//===----------------------------------------------------------------------===//

#include "State.h"
#include "Checkers.h"
#include "support/CallMatching.h"
#include "support/Compat.h"
#include "support/ModelOption.h"

#include "clang/AST/ExprCXX.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::subrange;
using cvet::MapOpKind;
using cvet::SubrangeEffect;

/// Symbols returned or written by Borrow calls.
REGISTER_MAP_WITH_PROGRAMSTATE(BorrowMap, SymbolRef, cvet::subrange::Borrow)
/// Borrow calls under way: the buffer, found before the call changed it.
REGISTER_MAP_WITH_PROGRAMSTATE(PendingBorrows, const Expr *, cvet::subrange::Borrow)
/// The buffer that strtok(NULL, ...) goes on in.
REGISTER_TRAIT_WITH_PROGRAMSTATE(TokenBuffer, const MemRegion *)
/// Storage allocated on this path (New calls) that has not been handed to
/// anything but a map: a pin is reported when it dies unfreed.
REGISTER_SET_WITH_PROGRAMSTATE(OwnedStorage, SymbolRef)
/// Owned storage whose last own pointer died unfreed while pointers into it
/// lived on: an entry that stores one of them pins it.
REGISTER_SET_WITH_PROGRAMSTATE(LostStorage, SymbolRef)
/// Regions that New calls returned, whatever their shape (an arena
/// allocator that was inlined returns an element of its arena).
REGISTER_SET_WITH_PROGRAMSTATE(NotBorrowed, const MemRegion *)
/// Regions that Intern calls returned: they and their parts live as long as
/// the program.
REGISTER_SET_WITH_PROGRAMSTATE(Interned, const MemRegion *)
/// Maps created to copy their keys, or to store them as given, when their
/// family decides per map.
REGISTER_SET_WITH_PROGRAMSTATE(CopyingMaps, const MemRegion *)
REGISTER_SET_WITH_PROGRAMSTATE(PointerMaps, const MemRegion *)
/// The pointer a view object (std::string_view) was constructed from, when
/// the analyzer did not look into its constructor.
REGISTER_MAP_WITH_PROGRAMSTATE(ViewTargets, const MemRegion *, SVal)
/// Entries that hold borrowed pointers, by insertion call.
REGISTER_MAP_WITH_PROGRAMSTATE(EntryMap, const Expr *, cvet::subrange::StoredEntry)

/// Forgets the entries of a map whose entries may be gone.
static ProgramStateRef forgetMap(ProgramStateRef State, const MemRegion *Map,
                                 const MemRegion *Holder) {
  for (const auto &[Insert, E] : State->get<EntryMap>())
    if (E.inMap(Map, Holder))
      State = State->remove<EntryMap>(Insert);
  return State;
}

namespace {

class SubrangeEscapeChecker
    : public Checker<check::PreCall, check::PostCall, check::DeadSymbols,
                     check::EndFunction, check::PointerEscape, check::Bind,
                     check::Location,
                     eval::Assume> {
public:
  void buildTables(cvet::ModelRef M);

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  ProgramStateRef evalAssume(ProgramStateRef State, SVal Cond,
                             bool Assumption) const;
  void checkBind(CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)) const;
  void checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                     CheckerContext &C) const;
  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const;
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

private:
  BugType DanglingBT{this, "Map entry outlives the buffer it points into",
                     "Memory lifetime"};
  BugType PinnedBT{this, "Map entry pins a whole buffer", "Memory lifetime"};

  cvet::ModelRef Model;
  /// Insertions already reported in this translation unit.
  mutable llvm::DenseSet<const Expr *> Reported;
  CallDescriptionMap<llvm::SmallVector<const cvet::SubrangeCall *, 1>>
      Subranges{};
  CallDescriptionMap<llvm::SmallVector<MapCall, 1>> MapCalls{};

  llvm::ArrayRef<const cvet::SubrangeCall *>
  subrangeCalls(const CallEvent &Call) const;
  llvm::ArrayRef<MapCall> mapCalls(const CallEvent &Call) const;

  Borrowed borrowed(ProgramStateRef State, SVal V, bool View) const;
  /// Before a Borrow call: which buffer it borrows from.
  ProgramStateRef startBorrow(ProgramStateRef State,
                              const cvet::SubrangeCall &S,
                              const CallEvent &Call, CheckerContext &C) const;
  /// After it: the pointers it made.
  ProgramStateRef finishBorrow(ProgramStateRef State,
                               const cvet::SubrangeCall &S,
                               const CallEvent &Call) const;
  /// Records the entries of an insertion; those that pin a lost buffer go
  /// to Pinned instead.
  ProgramStateRef insert(ProgramStateRef State, const MapCall &MC,
                         const CallEvent &Call, CheckerContext &C,
                         llvm::SmallVectorImpl<StoredEntry> &Pinned) const;
  bool mapCopiesKeys(ProgramStateRef State, const MapCall &MC,
                     const MemRegion *Map, const Expr *MapName,
                     CheckerContext &C) const;
  void report(const StoredEntry &E, const Ending &End, ExplodedNode *Err,
              CheckerContext &C) const;
};

} // namespace

//===----------------------------------------------------------------------===//
// Borrowed pointers and the objects they point into.
//===----------------------------------------------------------------------===//

/// The object whose storage R lies in; a pointer into a borrowed pointer's
/// target lies in that target's buffer.
const MemRegion *cvet::subrange::storageOf(ProgramStateRef State,
                                           const MemRegion *R) {
  const MemRegion *Base = R->StripCasts()->getBaseRegion();
  if (const auto *Sym = dyn_cast<SymbolicRegion>(Base))
    if (const Borrow *B = State->get<BorrowMap>(Sym->getSymbol()))
      return B->buffer();
  return Base;
}

/// Whether V is a borrowed pointer: its base symbol came from a Borrow call,
/// or it points into the middle of an object. A view (std::string_view)
/// borrows even at offset 0.
Borrowed SubrangeEscapeChecker::borrowed(ProgramStateRef State, SVal V,
                                         bool View) const {
  const MemRegion *R = V.getAsRegion();
  if (!R)
    return {};
  R = R->StripCasts();
  if (State->contains<NotBorrowed>(R))
    return {};
  // Anything inside an interned string lives as long as the program.
  for (const MemRegion *Cur = R; Cur;) {
    if (State->contains<Interned>(Cur))
      return {};
    const auto *Sub = dyn_cast<SubRegion>(Cur);
    Cur = Sub ? Sub->getSuperRegion() : nullptr;
  }
  const MemRegion *Base = R->getBaseRegion();
  if (const auto *Sym = dyn_cast<SymbolicRegion>(Base))
    if (const Borrow *B = State->get<BorrowMap>(Sym->getSymbol()))
      return {B->buffer(), B->origin(), &B->via(), B->name(), false,
              B->holder()};
  if (cvet::isInteriorRegion(R))
    return {Base};
  if (View)
    return {Base, nullptr, nullptr, nullptr, /*ViewAtStart=*/true};
  return {};
}

/// The pointer that designates the buffer of a Subranges entry.
static std::optional<SVal> bufferPointer(ProgramStateRef State,
                                         const cvet::SubrangeCall &S,
                                         const CallEvent &Call) {
  std::optional<SVal> Arg = cvet::argSVal(Call, S.BufferArg);
  const Expr *ArgE = cvet::argExpr(Call, S.BufferArg);
  if (!Arg || !ArgE)
    return std::nullopt;
  if (S.BufferByPointer) {
    const MemRegion *Slot = Arg->getAsRegion();
    QualType T = ArgE->getType();
    if (!Slot || !T->isPointerType())
      return std::nullopt;
    return State->getSVal(Slot, T->getPointeeType());
  }
  if (!S.BufferField.empty())
    return cvet::fieldOfPointee(State, *Arg, ArgE->getType(), S.BufferField);
  return Arg;
}

static const MemRegion *bufferOf(ProgramStateRef State,
                                 const cvet::SubrangeCall &S,
                                 const CallEvent &Call) {
  std::optional<SVal> P = bufferPointer(State, S, Call);
  const MemRegion *R = P ? P->getAsRegion() : nullptr;
  return R ? storageOf(State, R) : nullptr;
}

/// Walks back from N to the expression that made the pointer R: the
/// arithmetic or &buf[i] whose value it is.

void SubrangeEscapeChecker::report(const StoredEntry &E, const Ending &End,
                                   ExplodedNode *Err, CheckerContext &C) const {
  reportEntry(End.How == Ending::Pinned ? PinnedBT : DanglingBT, Reported, E,
              End, Err, C);
}

//===----------------------------------------------------------------------===//
// Model tables.
//===----------------------------------------------------------------------===//

void SubrangeEscapeChecker::buildTables(cvet::ModelRef M) {
  Model = std::move(M);
  cvet::GroupedCallTableBuilder<const cvet::SubrangeCall *> Sub;
  for (const cvet::SubrangeCall &S : Model->Subranges)
    if (S.Macro.empty())
      Sub[S.Function].push_back(&S);
  Subranges = Sub.build();

  cvet::GroupedCallTableBuilder<MapCall> Maps;
  for (const cvet::MapFamily &F : Model->Maps) {
    for (const cvet::MapOp &Op : F.Ops)
      if (Op.Macro.empty())
        Maps[Op.Function].push_back(MapCall{&F, &Op});
    for (const cvet::MapLifetime &L : F.Create)
      if (L.Macro.empty())
        Maps[L.Function].push_back(MapCall{&F, nullptr, &L});
    for (const cvet::MapLifetime &L : F.Destroy)
      if (L.Macro.empty())
        Maps[L.Function].push_back(MapCall{&F, nullptr, nullptr, &L});
  }
  MapCalls = Maps.build();
}

llvm::ArrayRef<const cvet::SubrangeCall *>
SubrangeEscapeChecker::subrangeCalls(const CallEvent &Call) const {
  if (const auto *Found = Subranges.lookup(Call))
    return *Found;
  return {};
}

llvm::ArrayRef<MapCall>
SubrangeEscapeChecker::mapCalls(const CallEvent &Call) const {
  if (const auto *Found = MapCalls.lookup(Call))
    return *Found;
  return {};
}

bool SubrangeEscapeChecker::mapCopiesKeys(ProgramStateRef State,
                                          const MapCall &MC,
                                          const MemRegion *Map,
                                          const Expr *MapName,
                                          CheckerContext &C) const {
  if (Map && State->contains<CopyingMaps>(Map))
    return true;
  if (Map && State->contains<PointerMaps>(Map))
    return false;
  bool Copies = MC.Fam->Stores == cvet::MapStores::Copies;
  if (MC.Fam->CopyFlag.empty() || !Map || !MapName)
    return Copies;
  QualType PtrT = MapName->getType();
  if (!PtrT->isPointerType())
    PtrT = C.getASTContext().getPointerType(PtrT);
  // A map that may copy, as far as the analysis knows, is taken to copy.
  std::optional<SVal> Flag = cvet::fieldOfPointee(
      State, loc::MemRegionVal(Map), PtrT, MC.Fam->CopyFlag);
  return !Flag || !State->isNull(*Flag).isConstrainedTrue();
}

ProgramStateRef
SubrangeEscapeChecker::insert(ProgramStateRef State, const MapCall &MC,
                              const CallEvent &Call, CheckerContext &C,
                              llvm::SmallVectorImpl<StoredEntry> &Pinned) const {
  const cvet::MapOp &Op = *MC.Op;
  const Expr *MapName = nullptr;
  const MemRegion *Map = mapRegionOf(Op.MapArg, Call, &MapName);
  bool CopiesKeys = mapCopiesKeys(State, MC, Map, MapName, C);

  struct Part {
    StoredEntry::Role Role;
    Borrowed B;
    const MemRegion *Start = nullptr; ///< the object it points at the start of
  };
  llvm::SmallVector<Part, 2> Parts;
  auto Collect = [&](std::optional<unsigned> Arg, llvm::StringRef Field,
                     StoredEntry::Role Role) {
    if (!Arg)
      return;
    bool View = false;
    QualType T;
    std::optional<SVal> V = storedValue(
        State, Call, *Arg, Field, View, T,
        [&](const MemRegion *Obj) -> std::optional<SVal> {
          if (const SVal *Target = State->get<ViewTargets>(Obj))
            return *Target;
          return std::nullopt;
        });
    if (!V)
      return;
    Part P{Role, {}};
    // The value is a whole object the entry takes: a record (the entry of
    // an intrusive map), or storage allocated on this path.
    if (const MemRegion *R = V->getAsRegion())
      if (!borrowed(State, *V, false) && !cvet::isInteriorRegion(R)) {
        const MemRegion *Obj = storageOf(State, R);
        const auto *Sym = dyn_cast<SymbolicRegion>(Obj);
        bool Record = T->isPointerType() && T->getPointeeType()->isRecordType();
        if (Record || (Sym && State->contains<OwnedStorage>(Sym->getSymbol())))
          P.Start = Obj;
      }
    if (Role != StoredEntry::Role::Key || !CopiesKeys)
      P.B = borrowed(State, *V, View);
    if (P.B && !P.B.Made)
      P.B.Made = derivationOf(C.getPredecessor(), V->getAsRegion()->StripCasts());
    if (P.B && !P.B.Made && !P.B.Name && Field.empty())
      P.B.Made = cvet::argExpr(Call, *Arg); // names the buffer at least
    Parts.push_back(P);
  };
  // One entry per insertion: the key's, when both borrow.
  Collect(Op.KeyArg, Op.KeyField, StoredEntry::Role::Key);
  Collect(Op.ValueArg, Op.ValueField, StoredEntry::Role::Value);

  for (const Part &P : Parts) {
    if (!P.B || cvet::storageKind(P.B.Buffer) == cvet::StorageKind::Static)
      continue;
    // The entry owns the storage: the other half is the start of that heap
    // object (key e->name, value e; key copy, value strchr(copy, '=') + 1).
    bool Owned = false;
    for (const Part &O : Parts)
      if (&O != &P && O.Start == P.B.Buffer &&
          cvet::storageKind(P.B.Buffer) == cvet::StorageKind::Dynamic)
        Owned = true;
    if (Owned)
      continue;
    StoredEntry E(P.B.Buffer, P.B.Holder, Map, holderOf(MapName, C),
                  Call.getOriginExpr(),
                  C.getLocationContext(), P.B.Made, bufferNameOf(P.B), MapName,
                  P.B.Via ? P.B.Via->name() : llvm::StringRef(), P.Role,
                  namesGlobalObject(MapName), P.B.ViewAtStart);
    const auto *Sym = dyn_cast<SymbolicRegion>(P.B.Buffer);
    if (Sym && State->contains<LostStorage>(Sym->getSymbol())) {
      if (E.mapOutlives(C.getStackFrame()))
        Pinned.push_back(E);
      break;
    }
    State = State->set<EntryMap>(Call.getOriginExpr(), E);
    break;
  }
  return State;
}

//===----------------------------------------------------------------------===//
// Checker callbacks.
//===----------------------------------------------------------------------===//


void SubrangeEscapeChecker::checkPreCall(const CallEvent &Call,
                                         CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  const Expr *Origin = Call.getOriginExpr();

  // Calls that free, reallocate or refill a buffer that entries point into.
  llvm::SmallVector<std::pair<StoredEntry, Ending>, 2> Ended;
  llvm::SmallVector<StoredEntry, 1> Pinned;
  for (const cvet::SubrangeCall *S : subrangeCalls(Call)) {
    if (S->Effect == SubrangeEffect::Borrow) {
      State = startBorrow(State, *S, Call, C);
      continue;
    }
    Ending::Kind How;
    if (S->Effect == SubrangeEffect::Free)
      How = Ending::Freed;
    else if (S->Effect == SubrangeEffect::Realloc)
      How = Ending::Reallocated;
    else if (S->Effect == SubrangeEffect::Refill)
      How = Ending::Refilled;
    else
      continue;
    const MemRegion *Buf = bufferOf(State, *S, Call);
    const MemRegion *Holder = bufferHolder(*S, Call, C);
    if ((!Buf && !Holder) || !Origin)
      continue;
    for (const auto &[Insert, E] : State->get<EntryMap>())
      if (E.inBuffer(Buf, Holder)) {
        // A key the map may already have had: freeing it is how such code
        // handles the duplicate it found.
        if (!(E.checked() && How != Ending::Refilled))
          Ended.push_back({E, Ending{How, S->name(), Origin,
                                     bufferArgText(*S, Call, C)}});
        State = State->remove<EntryMap>(Insert);
      }
    if (How != Ending::Refilled)
      if (const auto *SR = dyn_cast_or_null<SymbolicRegion>(Buf))
        State = State->remove<OwnedStorage>(SR->getSymbol());
  }

  for (const MapCall &MC : mapCalls(Call)) {
    if (MC.Destroy) {
      const Expr *Name;
      const MemRegion *Map = mapRegionOf(MC.Destroy->MapArg, Call, &Name);
      State = forgetMap(State, Map, holderOf(Name, C));
      continue;
    }
    if (!MC.Op)
      continue;
    std::optional<MapOpKind> Kind = opOf(*MC.Op, Call, C);
    if (!Kind)
      continue;
    switch (*Kind) {
    case MapOpKind::Insert:
    case MapOpKind::Replace:
      State = insert(State, MC, Call, C, Pinned);
      if (const StoredEntry *E = State->get<EntryMap>(Call.getOriginExpr()))
        if (*Kind == MapOpKind::Insert && E->role() == StoredEntry::Role::Key)
          State = State->set<EntryMap>(Call.getOriginExpr(), E->withIfAbsent());
      break;
    case MapOpKind::Remove:
    case MapOpKind::Steal:
    case MapOpKind::Clear: {
      const Expr *Name;
      const MemRegion *Map = mapRegionOf(MC.Op->MapArg, Call, &Name);
      State = forgetMap(State, Map, holderOf(Name, C));
      break;
    }
    case MapOpKind::Read:
      break;
    }
  }

  if (Ended.empty() && Pinned.empty()) {
    C.addTransition(State);
    return;
  }
  ExplodedNode *Err = C.generateNonFatalErrorNode(C.getState());
  if (!Err)
    return;
  for (const auto &[E, End] : Ended)
    report(E, End, Err, C);
  for (const StoredEntry &E : Pinned)
    report(E, Ending{Ending::Pinned, "", nullptr}, Err, C);
  C.addTransition(State, Err);
}

/// The pointee of argument I, read now.
static std::optional<SVal> pointeeOf(ProgramStateRef State,
                                     const CallEvent &Call, unsigned I) {
  std::optional<SVal> P = cvet::argSVal(Call, I);
  const Expr *E = cvet::argExpr(Call, I);
  const MemRegion *Slot = P ? P->getAsRegion() : nullptr;
  if (!Slot || !E->getType()->isPointerType())
    return std::nullopt;
  return State->getSVal(Slot, E->getType()->getPointeeType());
}

/// The borrow (if any) that a pointer value comes from.
static const Borrow *borrowOf(ProgramStateRef State, std::optional<SVal> V) {
  const MemRegion *R = V ? V->getAsRegion() : nullptr;
  const auto *Sym =
      R ? dyn_cast<SymbolicRegion>(R->StripCasts()->getBaseRegion()) : nullptr;
  return Sym ? State->get<BorrowMap>(Sym->getSymbol()) : nullptr;
}

ProgramStateRef
SubrangeEscapeChecker::startBorrow(ProgramStateRef State,
                                   const cvet::SubrangeCall &S,
                                   const CallEvent &Call,
                                   CheckerContext &C) const {
  std::optional<SVal> Arg = cvet::argSVal(Call, S.BufferArg);
  const Expr *ArgE = cvet::argExpr(Call, S.BufferArg);
  const auto *Origin = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!Arg || !ArgE || !Origin)
    return State;
  const MemRegion *Buffer = nullptr;
  const Expr *Name = nullptr;
  if (Arg->isZeroConstant() && !S.BufferByPointer) {
    // strtok_r(NULL, delim, &save), strtok(NULL, delim): go on where the
    // previous call stopped.
    if (S.ContinueArg) {
      std::optional<SVal> Save = pointeeOf(State, Call, *S.ContinueArg);
      if (const MemRegion *R = Save ? Save->getAsRegion() : nullptr)
        Buffer = storageOf(State, R);
      if (const Borrow *B = borrowOf(State, Save))
        Name = B->name();
    } else if (S.ContinuesLastBuffer) {
      Buffer = State->get<TokenBuffer>();
      for (const auto &[Sym, B] : State->get<BorrowMap>())
        if (B.buffer() == Buffer && &B.via() == &S)
          Name = B.name();
    }
  } else {
    Buffer = bufferOf(State, S, Call);
    if (const Borrow *B = borrowOf(State, bufferPointer(State, S, Call)))
      Name = B->name();
    else if (S.BufferByPointer) {
      const auto *UO = dyn_cast<UnaryOperator>(ArgE->IgnoreParenImpCasts());
      Name = UO && UO->getOpcode() == UO_AddrOf ? UO->getSubExpr() : nullptr;
    } else if (S.BufferField.empty()) {
      Name = ArgE;
    }
  }
  if (!Buffer || cvet::storageKind(Buffer) == cvet::StorageKind::Static)
    return State;
  if (S.ContinuesLastBuffer)
    State = State->set<TokenBuffer>(Buffer);
  const MemRegion *Holder = nullptr;
  for (const auto &[Sym, B] : State->get<BorrowMap>())
    if (B.buffer() == Buffer && B.holder())
      Holder = B.holder();
  if (!Holder)
    Holder = bufferHolder(S, Call, C);
  return State->set<PendingBorrows>(Origin,
                                    Borrow(Buffer, Origin, &S, Name, Holder));
}

ProgramStateRef
SubrangeEscapeChecker::finishBorrow(ProgramStateRef State,
                                    const cvet::SubrangeCall &S,
                                    const CallEvent &Call) const {
  const auto *Origin = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  const Borrow *Pending = Origin ? State->get<PendingBorrows>(Origin) : nullptr;
  if (!Pending || &Pending->via() != &S)
    return State;
  Borrow B = *Pending;
  State = State->remove<PendingBorrows>(Origin);
  auto Mark = [&](std::optional<SVal> V) {
    if (!V)
      return;
    if (SymbolRef Sym = V->getAsLocSymbol())
      if (!State->contains<OwnedStorage>(Sym))
        State = State->set<BorrowMap>(Sym, B);
  };
  if (S.Handle == cvet::HandleLoc::OutParam)
    Mark(pointeeOf(State, Call, S.HandleArg));
  else
    Mark(Call.getReturnValue());
  // What strtok_r leaves in *save and strsep in *stringp points into the
  // same buffer.
  if (S.ContinueArg)
    Mark(pointeeOf(State, Call, *S.ContinueArg));
  if (S.BufferByPointer)
    Mark(pointeeOf(State, Call, S.BufferArg));
  return State;
}

void SubrangeEscapeChecker::checkPostCall(const CallEvent &Call,
                                          CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  for (const cvet::SubrangeCall *S : subrangeCalls(Call)) {
    switch (S->Effect) {
    case SubrangeEffect::Borrow:
      State = finishBorrow(State, *S, Call);
      break;
    case SubrangeEffect::New:
    case SubrangeEffect::Intern:
    case SubrangeEffect::Realloc: {
      std::optional<SVal> V;
      if (S->Effect != SubrangeEffect::Realloc &&
          S->Handle == cvet::HandleLoc::OutParam) {
        std::optional<SVal> P = cvet::argSVal(Call, S->HandleArg);
        const Expr *E = cvet::argExpr(Call, S->HandleArg);
        if (P && P->getAsRegion() && E->getType()->isPointerType())
          V = State->getSVal(P->getAsRegion(), E->getType()->getPointeeType());
      } else {
        V = Call.getReturnValue();
      }
      const MemRegion *R = V ? V->getAsRegion() : nullptr;
      if (!R)
        break;
      State = S->Effect == SubrangeEffect::Intern
                  ? State->add<Interned>(R->StripCasts())
                  : State->add<NotBorrowed>(R->StripCasts());
      // Its size, for the message of a pin.
      if (S->SizeArg)
        if (std::optional<SVal> Size = cvet::argSVal(Call, *S->SizeArg))
          if (auto Known = Size->getAs<DefinedOrUnknownSVal>())
            State = cvet::compat::setDynamicExtent(
                State, R->StripCasts(), *Known, C.getSValBuilder());
      if (S->Effect != SubrangeEffect::Intern)
        if (SymbolRef Sym = V->getAsLocSymbol())
          State = State->add<OwnedStorage>(Sym);
      break;
    }
    case SubrangeEffect::Refill:
    case SubrangeEffect::Free:
      break;
    }
  }

  // What an insertion returned, to know later whether it stored anything.
  if (const Expr *Origin = Call.getOriginExpr())
    if (const StoredEntry *E = State->get<EntryMap>(Origin))
      if (!E->result())
        if (SymbolRef R = Call.getReturnValue().getAsSymbol())
          State = State->set<EntryMap>(Origin, E->withResult(R));

  // A view constructed from a pointer: remember which.
  if (const auto *Ctor = dyn_cast<CXXConstructorCall>(&Call))
    if (viewPointerField(Ctor->getDecl()->getThisType()->getPointeeType()) &&
        Ctor->getNumArgs() >= 1 && Ctor->getArgExpr(0)->getType()->isPointerType())
      if (const MemRegion *Obj = Ctor->getCXXThisVal().getAsRegion())
        State = State->set<ViewTargets>(Obj->StripCasts(), Ctor->getArgSVal(0));

  // Maps created to copy, or not to copy, what they are given.
  for (const MapCall &MC : mapCalls(Call)) {
    const cvet::MapLifetime *L = MC.Create;
    if (!L)
      continue;
    std::optional<bool> Copies;
    if (L->Stores)
      Copies = *L->Stores == cvet::MapStores::Copies;
    if (L->KeyDupArg) {
      // A key-dup function given (or maybe given) at creation: copies.
      std::optional<SVal> Dup = cvet::argSVal(Call, *L->KeyDupArg);
      if (Dup && !L->KeyDupField.empty())
        Dup = cvet::fieldOfPointee(State, *Dup,
                                   cvet::argExpr(Call, *L->KeyDupArg)->getType(),
                                   L->KeyDupField);
      Copies = !Dup || !State->isNull(*Dup).isConstrainedTrue();
    }
    if (!Copies)
      continue;
    const MemRegion *Map = nullptr;
    if (L->Handle == cvet::HandleLoc::Return) {
      Map = Call.getReturnValue().getAsRegion();
    } else if (std::optional<SVal> P = cvet::argSVal(Call, L->MapArg)) {
      Map = P->getAsRegion();
      if (Map && L->Handle == cvet::HandleLoc::OutParam) {
        const Expr *E = cvet::argExpr(Call, L->MapArg);
        Map = E->getType()->isPointerType()
                  ? State->getSVal(Map, E->getType()->getPointeeType())
                        .getAsRegion()
                  : nullptr;
      }
    }
    if (!Map)
      continue;
    Map = Map->StripCasts();
    State = *Copies ? State->add<CopyingMaps>(Map)->remove<PointerMaps>(Map)
                    : State->add<PointerMaps>(Map)->remove<CopyingMaps>(Map);
  }
  C.addTransition(State);
}

void SubrangeEscapeChecker::checkDeadSymbols(SymbolReaper &SR,
                                             CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  llvm::SmallVector<StoredEntry, 2> Pinned;
  for (const auto &[Insert, E] : State->get<EntryMap>()) {
    // Only storage allocated on this path is known to be unreachable when
    // its symbol dies (a buffer behind a field, r->line, is a derived symbol
    // that may die while the field still holds it).
    const auto *Buf = dyn_cast<SymbolicRegion>(E.buffer());
    bool BufferDead = Buf && State->contains<OwnedStorage>(Buf->getSymbol()) &&
                      SR.isDead(Buf->getSymbol());
    if (BufferDead && E.mapOutlives(C.getStackFrame()))
      Pinned.push_back(E);
    const auto *MapSym = dyn_cast_or_null<SymbolicRegion>(E.map());
    bool MapDead = MapSym && SR.isDead(MapSym->getSymbol()) &&
                   !E.mapOutlives(C.getStackFrame());
    if (BufferDead || MapDead)
      State = State->remove<EntryMap>(Insert);
  }
  for (const auto &[Sym, B] : State->get<BorrowMap>())
    if (SR.isDead(Sym))
      State = State->remove<BorrowMap>(Sym);
  for (SymbolRef Sym : State->get<OwnedStorage>()) {
    if (!SR.isDead(Sym))
      continue;
    State = State->remove<OwnedStorage>(Sym);
    // Pointers into it live on (strtok_r tokens): it is lost, not freed.
    for (const auto &[B, Info] : State->get<BorrowMap>())
      if (const auto *R = dyn_cast<SymbolicRegion>(Info.buffer()))
        if (R->getSymbol() == Sym) {
          State = State->add<LostStorage>(Sym);
          break;
        }
  }
  // Lost storage no borrow points into any more is of no interest.
  for (SymbolRef Sym : State->get<LostStorage>()) {
    bool Used = false;
    for (const auto &[B, Info] : State->get<BorrowMap>())
      if (const auto *R = dyn_cast<SymbolicRegion>(Info.buffer()))
        Used |= R->getSymbol() == Sym;
    if (!Used)
      State = State->remove<LostStorage>(Sym);
  }
  for (const auto &[R, Target] : State->get<ViewTargets>())
    if (!SR.isLiveRegion(R))
      State = State->remove<ViewTargets>(R);
  for (const MemRegion *R : State->get<NotBorrowed>())
    if (!SR.isLiveRegion(R))
      State = State->remove<NotBorrowed>(R);
  for (const MemRegion *R : State->get<Interned>())
    if (!SR.isLiveRegion(R))
      State = State->remove<Interned>(R);
  for (const MemRegion *R : State->get<CopyingMaps>())
    if (!SR.isLiveRegion(R))
      State = State->remove<CopyingMaps>(R);
  for (const MemRegion *R : State->get<PointerMaps>())
    if (!SR.isLiveRegion(R))
      State = State->remove<PointerMaps>(R);
  if (const MemRegion *T = State->get<TokenBuffer>())
    if (!SR.isLiveRegion(T))
      State = State->remove<TokenBuffer>();

  if (Pinned.empty()) {
    C.addTransition(State);
    return;
  }
  ExplodedNode *Err = C.generateNonFatalErrorNode(State);
  if (!Err)
    return;
  for (const StoredEntry &E : Pinned)
    report(E, Ending{Ending::Pinned, "", nullptr}, Err, C);
}

void SubrangeEscapeChecker::checkEndFunction(const ReturnStmt *RS,
                                             CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  const StackFrameContext *Frame = C.getStackFrame();
  // A map returned to the caller lives on.
  const MemRegion *Returned = nullptr;
  if (RS && RS->getRetValue())
    if (const MemRegion *R =
            C.getSVal(RS->getRetValue()).getAsRegion())
      Returned = R->StripCasts();

  llvm::SmallVector<StoredEntry, 2> OutOfScope;
  for (const auto &[Insert, E] : State->get<EntryMap>()) {
    bool MapDies = E.map() && cvet::owningFrame(E.map()) == Frame;
    if (cvet::owningFrame(E.buffer()) == Frame) {
      if (!MapDies && (E.map() == Returned || E.mapOutlives(Frame)))
        OutOfScope.push_back(E);
      State = State->remove<EntryMap>(Insert);
    } else if (MapDies) {
      State = State->remove<EntryMap>(Insert);
    }
  }
  if (OutOfScope.empty()) {
    C.addTransition(State);
    return;
  }
  ExplodedNode *Err = C.generateNonFatalErrorNode(C.getState());
  if (!Err)
    return;
  const Stmt *At = RS;
  if (!At)
    if (const auto *Body = Frame->getDecl()->getBody())
      At = Body;
  for (const StoredEntry &E : OutOfScope) {
    Ending End{Ending::OutOfScope, "", At};
    if (!At)
      End.At = E.insert();
    report(E, End, Err, C);
  }
  C.addTransition(State, Err);
}

void SubrangeEscapeChecker::checkLocation(SVal Loc, bool IsLoad, const Stmt *,
                                          CheckerContext &C) const {
  // Reading through what an insertion returned (item->util, *slot, ep->key)
  // is how code learns whether its key was already there.
  const MemRegion *R = IsLoad ? Loc.getAsRegion() : nullptr;
  const auto *Base = R ? dyn_cast<SymbolicRegion>(R->getBaseRegion()) : nullptr;
  if (!Base)
    return;
  ProgramStateRef State = C.getState();
  bool Changed = false;
  for (const auto &[Insert, E] : State->get<EntryMap>())
    if (E.ifAbsent() && !E.checked() && E.result() == Base->getSymbol()) {
      State = State->set<EntryMap>(Insert, E.withChecked());
      Changed = true;
    }
  if (Changed)
    C.addTransition(State);
}

void SubrangeEscapeChecker::checkBind(
    CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)) const {
  // A variable or field given another buffer no longer names the old one.
  const MemRegion *Slot = Loc.getAsRegion();
  if (!Slot)
    return;
  ProgramStateRef State = C.getState();
  bool Changed = false;
  for (const auto &[Insert, E] : State->get<EntryMap>())
    if (E.bufferHolder() == Slot) {
      State = State->set<EntryMap>(Insert, E.withoutBufferHolder());
      Changed = true;
    }
  if (Changed)
    C.addTransition(State);
}

/// Cond tells whether the insertion that returned R found the key already
/// there: it tests a status R (g_hash_table_insert's gboolean), or a value
/// read through R (item->util of string_list_insert's item, *(char **)
/// tsearch(...)). A NULL test of a pointer R only tells a failure.
static bool mentions(SVal Cond, SymbolRef R) {
  for (SymbolRef S : Cond.symbols()) {
    if (S == R && !Loc::isLocType(R->getType()))
      return true;
    const MemRegion *Origin = S->getOriginRegion();
    const auto *Base =
        Origin ? dyn_cast<SymbolicRegion>(Origin->getBaseRegion()) : nullptr;
    if (Base && Base->getSymbol() == R)
      return true;
  }
  return false;
}

ProgramStateRef SubrangeEscapeChecker::evalAssume(ProgramStateRef State,
                                                  SVal Cond, bool) const {
  // An insertion that returned NULL (hsearch, tsearch: out of memory) or a
  // failure status stored nothing.
  for (const auto &[Insert, E] : State->get<EntryMap>()) {
    SymbolRef R = E.result();
    if (!R)
      continue;
    const MapCall *MC = nullptr;
    if (const auto *CE = dyn_cast<CallExpr>(Insert))
      if (const auto *Found = MapCalls.lookupAsWritten(*CE))
        for (const MapCall &Candidate : *Found)
          if (Candidate.Op)
            MC = &Candidate;
    bool Failed = false;
    SValBuilder &SVB = State->getStateManager().getSValBuilder();
    if (MC && MC->Op->SuccessReturn) {
      SVal Ok = SVB.evalEQ(State, SVB.makeSymbolVal(R),
                           SVB.makeIntVal(*MC->Op->SuccessReturn,
                                          R->getType()));
      if (auto D = Ok.getAs<DefinedOrUnknownSVal>())
        Failed = !State->assume(*D, true);
    } else if (Loc::isLocType(R->getType())) {
      Failed = State->isNull(SVB.makeSymbolVal(R)).isConstrainedTrue();
    }
    if (Failed) {
      State = State->remove<EntryMap>(Insert);
      continue;
    }
    if (E.ifAbsent() && !E.checked() && mentions(Cond, R))
      State = State->set<EntryMap>(Insert, E.withChecked());
  }
  return State;
}

ProgramStateRef SubrangeEscapeChecker::checkPointerEscape(
    ProgramStateRef State, const InvalidatedSymbols &Escaped,
    const CallEvent *Call, PointerEscapeKind Kind) const {
  // A call the model knows keeps no copy the caller must account for.
  if (Call && (!subrangeCalls(*Call).empty() || !mapCalls(*Call).empty()))
    return State;
  // Storage handed to anything else may be kept (and freed) there: no pin.
  for (SymbolRef Sym : Escaped)
    State = State->remove<OwnedStorage>(Sym);
  // A map handed to project code we cannot see may lose its entries there.
  if (Call && !Call->isInSystemHeader())
    for (const auto &[Insert, E] : State->get<EntryMap>())
      if (const auto *M = dyn_cast_or_null<SymbolicRegion>(E.map()))
        if (Escaped.count(M->getSymbol()))
          State = State->remove<EntryMap>(Insert);
  return State;
}

void SubrangeEscapeChecker::printState(raw_ostream &Out,
                                       ProgramStateRef State, const char *NL,
                                       const char *Sep) const {
  auto Entries = State->get<EntryMap>();
  auto Borrows = State->get<BorrowMap>();
  if (Entries.isEmpty() && Borrows.isEmpty())
    return;
  Out << Sep << "SubrangeEscape:" << NL;
  for (const auto &[Sym, B] : Borrows)
    Out << "  " << Sym << " borrows " << B.buffer() << " ('"
        << B.via().name() << "')" << NL;
  for (const auto &[Insert, E] : Entries) {
    Out << "  ";
    E.dump(Out);
    Out << NL;
  }
}

void cvet::registerSubrangeEscapeChecker(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<SubrangeEscapeChecker>();
  cvet::ModelRef M = loadCheckerModel(Mgr, Checker);
  // Every report is about an entry that an insertion on the path recorded
  // (EntryMap, or a pin found at the insertion): a path that stores nothing
  // in a map reports nothing, whatever it borrows, frees or refills. Map
  // macros are not followed by this rule.
  cvet::ModelNames Triggers;
  for (const cvet::MapFamily &F : M->Maps)
    for (const cvet::MapOp &O : F.Ops)
      if (O.Macro.empty() &&
          (O.mayDo(MapOpKind::Insert) || O.mayDo(MapOpKind::Replace)))
        Triggers.Functions.insert(O.Function);
  cvet::declareTriggers(Mgr, Checker, std::move(Triggers));
  Checker->buildTables(std::move(M));
}

bool cvet::shouldRegisterSubrangeEscapeChecker(const CheckerManager &) {
  return true;
}

//===- Entries.cpp - what map calls store for cvet.SubrangeEscape --------===//
//
// An insertion records an entry for a borrowed key or value that the map
// does not copy; removals, clears and destructions forget entries; a
// creation says whether the map it makes copies its keys.
//
//===----------------------------------------------------------------------===//

#include "SubrangeEscapeChecker.h"
#include "support/CallMatching.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::subrange;

/// Forgets the entries of a map whose entries may be gone.
ProgramStateRef cvet::subrange::forgetMap(ProgramStateRef State,
                                         const MemRegion *Map,
                                         const MemRegion *Holder) {
  for (const auto &[Insert, E] : State->get<EntryMap>())
    if (E.inMap(Map, Holder))
      State = State->remove<EntryMap>(Insert);
  return State;
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
  MapTarget M;
  M.Map = mapRegionOf(Op.MapArg, Call, &M.Name);
  M.Holder = holderOf(M.Name, C);
  M.CopiesKeys = mapCopiesKeys(State, MC, M.Map, M.Name, C);

  llvm::SmallVector<StoredPart, 2> Parts;
  auto Collect = [&](std::optional<unsigned> Arg, llvm::StringRef Field,
                     StoredEntry::Role Role) {
    if (!Arg)
      return;
    StoredPart P{Role, UnknownVal(), QualType()};
    std::optional<SVal> V = storedValue(
        State, Call, *Arg, Field, P.View, P.T, Views,
        [&](const MemRegion *Obj) -> std::optional<SVal> {
          if (const SVal *Target = State->get<ViewTargets>(Obj))
            return *Target;
          return std::nullopt;
        });
    if (!V)
      return;
    P.V = *V;
    if (Field.empty())
      P.Arg = cvet::argExpr(Call, *Arg);
    Parts.push_back(P);
  };
  // One entry per insertion: the key's, when both borrow.
  Collect(Op.KeyArg, Op.KeyField, StoredEntry::Role::Key);
  Collect(Op.ValueArg, Op.ValueField, StoredEntry::Role::Value);
  return recordInsert(State, M, Parts, Call.getOriginExpr(), C, Pinned);
}

ProgramStateRef SubrangeEscapeChecker::recordInsert(
    ProgramStateRef State, const MapTarget &M, llvm::ArrayRef<StoredPart> Parts,
    const Expr *Insert, CheckerContext &C,
    llvm::SmallVectorImpl<StoredEntry> &Pinned) const {
  struct Half {
    StoredEntry::Role Role;
    Borrowed B;
    const MemRegion *Start = nullptr; ///< the object it points at the start of
  };
  llvm::SmallVector<Half, 2> Halves;
  for (const StoredPart &SP : Parts) {
    Half P{SP.Role, {}};
    // The value is a whole object the entry takes: a record (the entry of
    // an intrusive map), or storage allocated on this path.
    if (const MemRegion *R = SP.V.getAsRegion())
      if (!borrowed(State, SP.V, false) && !cvet::isInteriorRegion(R)) {
        const MemRegion *Obj = storageOf(State, R);
        const auto *Sym = dyn_cast<SymbolicRegion>(Obj);
        bool Record =
            SP.T->isPointerType() && SP.T->getPointeeType()->isRecordType();
        if (Record || (Sym && State->contains<OwnedStorage>(Sym->getSymbol())))
          P.Start = Obj;
      }
    if (SP.Role != StoredEntry::Role::Key || !M.CopiesKeys)
      P.B = borrowed(State, SP.V, SP.View);
    if (P.B && !P.B.Made)
      P.B.Made =
          derivationOf(C.getPredecessor(), SP.V.getAsRegion()->StripCasts());
    if (P.B && !P.B.Made && !P.B.Name)
      P.B.Made = SP.Arg; // names the buffer at least
    Halves.push_back(P);
  }

  for (const Half &P : Halves) {
    if (!P.B || cvet::storageKind(P.B.Buffer) == cvet::StorageKind::Static)
      continue;
    // The entry owns the storage: the other half is the start of that heap
    // object (key e->name, value e; key copy, value strchr(copy, '=') + 1).
    bool Owned = false;
    for (const Half &O : Halves)
      if (&O != &P && O.Start == P.B.Buffer &&
          cvet::storageKind(P.B.Buffer) == cvet::StorageKind::Dynamic)
        Owned = true;
    if (Owned)
      continue;
    StoredEntry E(P.B.Buffer, P.B.Holder, M.Map, M.Holder, Insert,
                  C.getLocationContext(), P.B.Made, bufferNameOf(P.B), M.Name,
                  P.B.Via ? P.B.Via->name() : llvm::StringRef(), P.Role,
                  namesGlobalObject(M.Name), P.B.ViewAtStart);
    const auto *Sym = dyn_cast<SymbolicRegion>(P.B.Buffer);
    if (Sym && State->contains<LostStorage>(Sym->getSymbol())) {
      if (E.mapOutlives(C.getStackFrame()))
        Pinned.push_back(E);
      break;
    }
    State = State->set<EntryMap>(Insert, E);
    break;
  }
  return State;
}

/// After a map's creation: whether it copies what it is given, when the
/// creation says.
ProgramStateRef
SubrangeEscapeChecker::noteMapCreation(ProgramStateRef State,
                                       const CallEvent &Call) const {
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
  return State;
}

ProgramStateRef SubrangeEscapeChecker::insertStatus(ProgramStateRef State,
                                                    const Expr *Insert,
                                                    const CallEvent &Call,
                                                    unsigned StatusArg,
                                                    CheckerContext &C) const {
  const StoredEntry *E = State->get<EntryMap>(Insert);
  std::optional<SVal> Ptr = cvet::argSVal(Call, StatusArg);
  const Expr *A = cvet::argExpr(Call, StatusArg);
  const MemRegion *Slot = Ptr ? Ptr->getAsRegion() : nullptr;
  if (!E || !Slot || !A->getType()->isPointerType())
    return State;
  SVal Status = State->getSVal(Slot, A->getType()->getPointeeType());
  // Positive: stored; zero: the key was already there; negative: failed.
  if (const llvm::APSInt *Known =
          C.getSValBuilder().getKnownValue(State, Status))
    return Known->isStrictlyPositive() ? State
                                       : State->remove<EntryMap>(Insert);
  if (SymbolRef Sym = Status.getAsSymbol())
    return State->set<EntryMap>(Insert, E->withStatus(Sym));
  return State;
}

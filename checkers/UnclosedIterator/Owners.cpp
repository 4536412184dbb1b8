//===- Owners.cpp - cvet.UnclosedIterator: who answers for a handle -------===//
//
// Two kinds of handle whose end is not a call on the handle itself:
//
// - Scans the C library keeps for the process (Handle: None: setpwent /
//   endpwent). One symbol stands for the open scan in IterSymMap; the frame
//   that answers for ending it is in GlobalScanMap (Leaks.cpp reports it at
//   that frame's exit). Code we cannot see may end it: it is forgotten.
// - Owners whose end leaves their handles open (KeepingOwners: a read-only
//   LMDB transaction). A handle opened from such an owner (OwnerArg) is
//   KeptByOwner, and EndsAll releases skip it.
//
//===----------------------------------------------------------------------===//

#include "UnclosedIterator/UnclosedIterator.h"
#include "support/CallMatching.h"

#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::unclosed;

SymbolRef cvet::unclosed::globalScanOf(ProgramStateRef State,
                                      const Family &F) {
  for (const auto &[Sym, Frame] : State->get<GlobalScanMap>())
    if (const IterState *S = State->get<IterSymMap>(Sym))
      if (&S->family() == &F)
        return Sym;
  return nullptr;
}

/// Code we cannot see may end a scan that has no handle (a project's
/// users_end() around endpwent()).
ProgramStateRef cvet::unclosed::forgetGlobalScans(ProgramStateRef State) {
  for (const auto &[Sym, Frame] : State->get<GlobalScanMap>())
    State = State->remove<GlobalScanMap>(Sym)->remove<IterSymMap>(Sym);
  return State;
}

/// Whether a call we did not follow may end such a scan: the program's own
/// code may (users_end()), a library function only through a callback.
bool cvet::unclosed::mayEndGlobalScans(const CallEvent &Call, const FunctionDecl &FD) {
  if (!Call.isInSystemHeader())
    return true;
  return llvm::any_of(FD.parameters(), [](const ParmVarDecl *P) {
    QualType T = P->getType();
    return T->isFunctionPointerType() || T->isBlockPointerType();
  });
}

ProgramStateRef UnclosedIteratorChecker::endGlobalScan(
    CheckerContext &C, ProgramStateRef State, const Family &F,
    llvm::StringRef Name, SmallVectorImpl<const NoteTag *> &Notes) const {
  // Ending a scan that is not open is harmless (endpwent twice).
  SymbolRef Sym = globalScanOf(State, F);
  if (!Sym)
    return State;
  Notes.push_back(
      openNote(C, Sym, nullptr, ("Scan ended by '" + Name + "'").str()));
  return State->remove<IterSymMap>(Sym)->remove<GlobalScanMap>(Sym);
}

/// Remembers the owner a KeepingOwners call made (MDB_txn of a read-only
/// mdb_txn_begin), so that handles opened from it are not ended with it.
ProgramStateRef UnclosedIteratorChecker::markKeepingOwner(
    const CallEvent &Call, CheckerContext &C, ProgramStateRef State,
    const OwnerEntry &O) const {
  if (O.When && !cvet::argConditionHolds(Call, *O.When))
    return State;
  if (O.Shape == HandleLoc::Return) {
    if (SymbolRef Sym = Call.getReturnValue().getAsSymbol())
      return State->add<KeepingOwnerSet>(Sym);
    return State;
  }
  auto Ptr = cvet::argSVal(Call, O.Arg);
  const MemRegion *R = Ptr ? Ptr->getAsRegion() : nullptr;
  const auto *TR = dyn_cast_or_null<TypedValueRegion>(R ? R->StripCasts() : R);
  const Expr *Origin = dyn_cast_or_null<Expr>(Call.getOriginExpr());
  if (!TR || !Origin || !TR->getValueType()->isPointerType())
    return State;
  SymbolRef Sym = State->getSVal(TR).getAsSymbol();
  if (!Sym) {
    // A body we followed wrote something else: keep what it wrote.
    if (C.wasInlined)
      return State;
    // A symbol of its own, so that every later read of the variable gives
    // the same owner.
    DefinedOrUnknownSVal V = cvet::compat::conjureSymbolVal(
        C, this, Origin, C.getLocationContext(), TR->getValueType());
    if (!(Sym = V.getAsSymbol()))
      return State;
    State = State->bindLoc(loc::MemRegionVal(TR), V, C.getLocationContext());
  }
  return State->add<KeepingOwnerSet>(Sym);
}

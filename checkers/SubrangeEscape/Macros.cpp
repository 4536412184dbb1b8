//===- Macros.cpp - map macros for cvet.SubrangeEscape (uthash, khash) ---===//
//
// Maps whose operations are macros: uthash's HASH_ADD_KEYPTR(hh, head, key,
// len, item) stores the key pointer in the item without copying it; khash's
// kh_put(str, h, key, &ret) stores a string key as given, and code then
// writes kh_key(h, k) and kh_value(h, k) itself. The macro a statement was
// expanded from comes from the shared support (support/MacroExpansion.h),
// as for cvet.UnsyncMapWrite.
//
// What a macro stores is seen where its expansion hands the user's argument
// on: as an argument of a call (kh_put's kh_put_str(h, key, &ret)) or as the
// value of an assignment (HASH_ADD_KEYPTR's (add)->hh.key = keyptr). The
// other arguments are read from the variables and fields they name. The map
// of a macro is the variable or field its MapArg names (the head pointer of
// uthash, the table pointer of khash): uthash moves the head as it inserts.
//
//   expansion delivers a borrowed key or value --> Stored (as for calls)
//   kh_put's *ret <= 0 (key already there, or failure) --> (nothing stored)
//   kh_key(h, k) = p --> the map's borrowed keys are forgotten; p is stored
//   HASH_DEL, HASH_CLEAR, kh_del, kh_clear, kh_destroy --> (forgotten)
//
//===----------------------------------------------------------------------===//

#include "SubrangeEscapeChecker.h"
#include "support/MacroExpansion.h"

#include "clang/AST/ASTContext.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::subrange;
using cvet::MapOpKind;

namespace {

/// The map a macro works on: the variable or field MapArg names.
std::optional<MapTarget> macroMap(const cvet::ModelMacroUse &Use,
                                  unsigned MapArg, const Stmt *Body,
                                  CheckerContext &C) {
  const Expr *E = cvet::macroArgExpr(Use, MapArg, Body, C.getASTContext());
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  std::optional<SVal> L =
      cvet::accessPathLValue(E, C.getState(), C.getLocationContext());
  const MemRegion *R = L ? L->getAsRegion() : nullptr;
  if (!R)
    return std::nullopt;
  MapTarget M;
  M.Map = M.Holder = R->StripCasts();
  M.Name = E;
  return M;
}

/// The current value of the variable or field a macro argument names.
std::optional<SVal> namedValue(const cvet::ModelMacroUse &Use, unsigned Arg,
                               const Stmt *Body, CheckerContext &C,
                               const Expr **Written) {
  const Expr *E = cvet::macroArgExpr(Use, Arg, Body, C.getASTContext());
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  *Written = E;
  if (!E->getType()->isPointerType())
    return std::nullopt;
  std::optional<SVal> L =
      cvet::accessPathLValue(E, C.getState(), C.getLocationContext());
  const MemRegion *R = L ? L->getAsRegion() : nullptr;
  if (!R)
    return std::nullopt;
  return C.getState()->getSVal(R, E->getType());
}

/// Forgets the entries of Map that hold a key (or a value): its slot was
/// given another one.
ProgramStateRef forgetSlot(ProgramStateRef State, const MapTarget &M,
                           StoredEntry::Role Role) {
  for (const auto &[Insert, E] : State->get<EntryMap>())
    if (E.role() == Role && E.inMap(M.Map, M.Holder))
      State = State->remove<EntryMap>(Insert);
  return State;
}

} // namespace

std::optional<cvet::ModelMacroUse>
SubrangeEscapeChecker::mapMacroUse(const Stmt *S, CheckerContext &C,
                                   const MapCall **MC) const {
  if (MapMacros.empty() || !S || !S->getBeginLoc().isMacroID())
    return std::nullopt;
  std::optional<cvet::ModelMacroUse> Use = cvet::findModelMacro(
      S->getBeginLoc(), C.getASTContext(),
      [&](llvm::StringRef N) { return MapMacros.count(N) != 0; });
  if (Use)
    *MC = &MapMacros.find(Use->Name)->second;
  return Use;
}

ProgramStateRef SubrangeEscapeChecker::handleMacro(
    ProgramStateRef State, const Stmt *S, const CallEvent *Call,
    std::optional<SVal> Assigned, CheckerContext &C,
    llvm::SmallVectorImpl<StoredEntry> &Pinned) const {
  const MapCall *MC = nullptr;
  std::optional<cvet::ModelMacroUse> Use = mapMacroUse(S, C, &MC);
  if (!Use)
    return State;
  const Stmt *Body = C.getLocationContext()->getDecl()->getBody();
  ASTContext &Ctx = C.getASTContext();

  // The map goes away, or loses entries.
  std::optional<unsigned> Forgets;
  if (MC->Destroy)
    Forgets = MC->Destroy->MapArg;
  else if (MC->Op && !MC->Op->Assigns &&
           (MC->Op->Op == MapOpKind::Remove || MC->Op->Op == MapOpKind::Steal ||
            MC->Op->Op == MapOpKind::Clear))
    Forgets = MC->Op->MapArg;
  if (Forgets) {
    if (State->get<EntryMap>().isEmpty())
      return State;
    if (std::optional<MapTarget> M = macroMap(*Use, *Forgets, Body, C))
      State = forgetMap(State, M->Map, M->Holder);
    return State;
  }
  const cvet::MapOp *Op = MC->Op;
  if (!Op || !Op->MapArg)
    return State;

  // kh_key(h, k) = p: the code puts its own key (or value) in the slot.
  if (Op->Assigns) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    if (!BO || !Assigned || BO->getOpcode() != BO_Assign ||
        !BO->getOperatorLoc().isFileID())
      return State;
    std::optional<MapTarget> M = macroMap(*Use, *Op->MapArg, Body, C);
    if (!M)
      return State;
    auto Role = *Op->Assigns == cvet::MapSlot::Key ? StoredEntry::Role::Key
                                                   : StoredEntry::Role::Value;
    M->CopiesKeys = mapCopiesKeys(State, *MC, M->Map, M->Name, C);
    State = forgetSlot(State, *M, Role);
    const Expr *RHS = BO->getRHS()->IgnoreParenImpCasts();
    StoredPart P{Role, *Assigned, RHS->getType()};
    P.Arg = RHS;
    return recordInsert(State, *M, P, BO, C, Pinned);
  }

  if (!Op->mayDo(MapOpKind::Insert) && !Op->mayDo(MapOpKind::Replace))
    return State;
  // What this point of the expansion hands on of the user's arguments.
  auto Delivered = [&](unsigned Arg) -> std::optional<StoredPart> {
    if (Call) {
      for (unsigned I = 0, N = Call->getNumArgs(); I < N; ++I) {
        const Expr *A = Call->getArgExpr(I)->IgnoreParenImpCasts();
        if (cvet::isMacroArg(*Use, Arg, A, Ctx))
          return StoredPart{StoredEntry::Role::Key, Call->getArgSVal(I),
                            A->getType(), false, A};
      }
      return std::nullopt;
    }
    const auto *BO = dyn_cast<BinaryOperator>(S);
    if (!Assigned || !BO || BO->getOpcode() != BO_Assign)
      return std::nullopt;
    const Expr *RHS = BO->getRHS()->IgnoreParenCasts();
    if (!cvet::isMacroArg(*Use, Arg, RHS, Ctx))
      return std::nullopt;
    return StoredPart{StoredEntry::Role::Key, *Assigned, RHS->getType(), false,
                      RHS};
  };
  std::optional<StoredPart> Key, Value;
  if (Op->KeyArg)
    Key = Delivered(*Op->KeyArg);
  if (Op->ValueArg)
    Value = Delivered(*Op->ValueArg);
  if (!Key && !Value)
    return State;
  // The other half, from the variable or field it names (uthash's item).
  auto Named = [&](unsigned Arg) -> std::optional<StoredPart> {
    const Expr *E = nullptr;
    std::optional<SVal> V = namedValue(*Use, Arg, Body, C, &E);
    if (!V)
      return std::nullopt;
    return StoredPart{StoredEntry::Role::Key, *V, E->getType(), false, E};
  };
  if (!Key && Op->KeyArg)
    Key = Named(*Op->KeyArg);
  if (!Value && Op->ValueArg)
    Value = Named(*Op->ValueArg);

  std::optional<MapTarget> M = macroMap(*Use, *Op->MapArg, Body, C);
  if (!M)
    return State;
  M->CopiesKeys = mapCopiesKeys(State, *MC, M->Map, M->Name, C);
  llvm::SmallVector<StoredPart, 2> Parts;
  if (Key)
    Parts.push_back(*Key);
  if (Value) {
    Value->Role = StoredEntry::Role::Value;
    Parts.push_back(*Value);
  }
  // One entry per expansion, wherever in it the parts were seen.
  const Expr *Insert = M->Name;
  State = recordInsert(State, *M, Parts, Insert, C, Pinned);
  if (const StoredEntry *E = State->get<EntryMap>(Insert))
    if (Op->Op == MapOpKind::Insert && E->role() == StoredEntry::Role::Key &&
        !E->ifAbsent())
      State = State->set<EntryMap>(Insert, E->withIfAbsent());
  return State;
}

ProgramStateRef SubrangeEscapeChecker::macroStatus(ProgramStateRef State,
                                                   const CallEvent &Call,
                                                   CheckerContext &C) const {
  const MapCall *MC = nullptr;
  std::optional<cvet::ModelMacroUse> Use =
      mapMacroUse(Call.getOriginExpr(), C, &MC);
  if (!Use || !MC->Op || !MC->Op->StatusArg || !MC->Op->MapArg)
    return State;
  const Expr *Insert = cvet::macroArgExpr(
      *Use, *MC->Op->MapArg, C.getLocationContext()->getDecl()->getBody(),
      C.getASTContext());
  if (!Insert)
    return State;
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I)
    if (cvet::isMacroArg(*Use, *MC->Op->StatusArg,
                         Call.getArgExpr(I)->IgnoreParenImpCasts(),
                         C.getASTContext()))
      return insertStatus(State, Insert->IgnoreParenImpCasts(), Call, I, C);
  return State;
}

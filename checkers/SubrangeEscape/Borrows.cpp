//===- Borrows.cpp - where cvet.SubrangeEscape's pointers come from -----===//
//
// Borrowed pointers: a Borrow call's result (and what it leaves in
// *save / *stringp), an interior pointer, a view; storage of the caller's own
// (New), storage that lives as long as the program (Intern); the buffer a
// Subranges call works on.
//
//===----------------------------------------------------------------------===//

#include "SubrangeEscapeChecker.h"
#include "support/CallMatching.h"

#include "clang/AST/ExprCXX.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::subrange;
using cvet::SubrangeEffect;

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
std::optional<SVal> cvet::subrange::bufferPointer(ProgramStateRef State,
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

const MemRegion *cvet::subrange::bufferOf(ProgramStateRef State,
                                         const cvet::SubrangeCall &S,
                                         const CallEvent &Call) {
  std::optional<SVal> P = bufferPointer(State, S, Call);
  const MemRegion *R = P ? P->getAsRegion() : nullptr;
  return R ? storageOf(State, R) : nullptr;
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

/// After a New, Intern or Realloc call: the storage it returned is not
/// borrowed (and is owned here), or lives as long as the program.
ProgramStateRef
SubrangeEscapeChecker::noteStorage(ProgramStateRef State,
                                   const cvet::SubrangeCall *S,
                                   const CallEvent &Call,
                                   CheckerContext &C) const {
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
    return State;
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
  return State;
}

/// After a constructor: a view constructed from a pointer remembers which.
ProgramStateRef SubrangeEscapeChecker::noteView(ProgramStateRef State,
                                                const CallEvent &Call) const {
  if (const auto *Ctor = dyn_cast<CXXConstructorCall>(&Call))
    if (viewPointerField(Ctor->getDecl()->getThisType()->getPointeeType(),
                         Views) &&
        Ctor->getNumArgs() >= 1 && Ctor->getArgExpr(0)->getType()->isPointerType())
      if (const MemRegion *Obj = Ctor->getCXXThisVal().getAsRegion())
        State = State->set<ViewTargets>(Obj->StripCasts(), Ctor->getArgSVal(0));

  // A view made from a view (substr) points into the same storage. The
  // analyzer does not look into a view's methods (it takes views for
  // containers), so say so here.
  const auto *IC = dyn_cast<CXXInstanceCall>(&Call);
  if (!IC || !viewPointerField(Call.getResultType(), Views))
    return State;
  const MemRegion *From = IC->getCXXThisVal().getAsRegion();
  SVal Result = Call.getReturnValue();
  const MemRegion *To = Result.getAsRegion();
  if (auto LCV = Result.getAs<nonloc::LazyCompoundVal>())
    To = LCV->getRegion();
  if (!From || !To)
    return State;
  From = From->StripCasts();
  std::optional<SVal> Target;
  if (const SVal *T = State->get<ViewTargets>(From))
    Target = *T;
  else if (const FieldDecl *Ptr = viewPointerField(
               IC->getCXXThisExpr() ? IC->getCXXThisExpr()->getType()
                                    : QualType(),
               Views))
    if (const auto *Sub = dyn_cast<SubRegion>(From))
      Target = State->getSVal(
          State->getStateManager().getRegionManager().getFieldRegion(Ptr, Sub),
          Ptr->getType());
  if (Target && Target->getAsRegion())
    State = State->set<ViewTargets>(To->StripCasts(), *Target);
  return State;
}

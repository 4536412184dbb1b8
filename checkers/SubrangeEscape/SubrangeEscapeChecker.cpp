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
// This file: the callbacks and the model tables. Borrows.cpp: where
// borrowed pointers and views come from. Entries.cpp: what map calls store
// and forget. Macros.cpp: map macros (uthash, khash). MapCalls.cpp: reading
// a map call's arguments. Report.cpp: messages and notes.
//
//===----------------------------------------------------------------------===//

#include "SubrangeEscapeChecker.h"
#include "Checkers.h"
#include "Wording.h"
#include "support/CallMatching.h"
#include "support/ModelOption.h"

#include "clang/StaticAnalyzer/Core/CheckerManager.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::subrange;
using cvet::MapOpKind;
using cvet::SubrangeEffect;

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
    if (S.Effect == SubrangeEffect::View)
      Views.push_back(&S);
    else if (S.Macro.empty())
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

  for (const cvet::MapFamily &F : Model->Maps) {
    for (const cvet::MapOp &Op : F.Ops)
      if (!Op.Macro.empty() && Op.mayWrite())
        MapMacros.try_emplace(Op.Macro, MapCall{&F, &Op});
      else if (!Op.Macro.empty() && Op.Assigns)
        MapMacros.try_emplace(Op.Macro, MapCall{&F, &Op});
    for (const cvet::MapLifetime &L : F.Destroy)
      if (!L.Macro.empty())
        MapMacros.try_emplace(L.Macro, MapCall{&F, nullptr, nullptr, &L});
  }
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
          Ended.push_back(
              {E, Ending{How, S->name(), Origin,
                         bufferArgText(*S, cvet::argExpr(Call, S->BufferArg),
                                       C.getASTContext())}});
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

  // A call made by a map macro's expansion (kh_put's kh_put_str).
  if (Origin)
    State = handleMacro(State, Origin, &Call, std::nullopt, C, Pinned);
  reportAll(State, Ended, Pinned, C);
}

void SubrangeEscapeChecker::reportAll(
    ProgramStateRef State, llvm::ArrayRef<std::pair<StoredEntry, Ending>> Ended,
    llvm::ArrayRef<StoredEntry> Pinned, CheckerContext &C) const {
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
    case SubrangeEffect::Realloc:
      State = noteStorage(State, S, Call, C);
      break;
    case SubrangeEffect::Refill:
    case SubrangeEffect::Free:
    case SubrangeEffect::View:
      break;
    }
  }
  // What an insertion wrote to its status argument (kh_put's *ret).
  if (const Expr *Origin = Call.getOriginExpr())
    for (const MapCall &MC : mapCalls(Call))
      if (MC.Op && MC.Op->StatusArg)
        State = insertStatus(State, Origin, Call, *MC.Op->StatusArg, C);
  State = macroStatus(State, Call, C);
  // What an insertion returned, to know later whether it stored anything.
  if (const Expr *Origin = Call.getOriginExpr())
    if (const StoredEntry *E = State->get<EntryMap>(Origin))
      if (!E->result())
        if (SymbolRef R = Call.getReturnValue().getAsSymbol())
          State = State->set<EntryMap>(Origin, E->withResult(R));

  State = noteView(State, Call);
  State = noteMapCreation(State, Call);
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

void SubrangeEscapeChecker::checkLiveSymbols(ProgramStateRef State,
                                             SymbolReaper &SR) const {
  // What a view was constructed from lives as long as the view: a strchr
  // result held only by a temporary std::string_view is still borrowed.
  for (const auto &[View, Target] : State->get<ViewTargets>())
    for (SymbolRef S : Target.symbols())
      SR.markLive(S);
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
  ProgramStateRef State = C.getState();
  // A variable or field given another buffer no longer names the old one.
  if (const MemRegion *Slot = Loc.getAsRegion())
    for (const auto &[Insert, E] : State->get<EntryMap>())
      if (E.bufferHolder() == Slot)
        State = State->set<EntryMap>(Insert, E.withoutBufferHolder());
  // An assignment in a map macro's expansion ((add)->hh.key = keyptr), or to
  // one (kh_key(h, k) = strdup(key)).
  llvm::SmallVector<StoredEntry, 1> Pinned;
  State = handleMacro(State, S, nullptr, Val, C, Pinned);
  if (State != C.getState() || !Pinned.empty())
    reportAll(State, {}, Pinned, C);
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
    if (E.status()) {
      // Positive: stored; zero: the key was already there; negative: failed.
      SVal Stored = SVB.evalBinOp(State, BO_GT, SVB.makeSymbolVal(R),
                                  SVB.makeIntVal(0, R->getType()),
                                  SVB.getConditionType());
      if (auto D = Stored.getAs<DefinedOrUnknownSVal>())
        Failed = !State->assume(*D, true);
    } else if (MC && MC->Op->SuccessReturn) {
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
    // A status says on this path whether the key was stored; a result that
    // only says whether the key was new tells the code what to free.
    if (E.ifAbsent() && !E.checked() && !E.status() && mentions(Cond, R))
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
  // in a map reports nothing, whatever it borrows, frees or refills.
  cvet::ModelNames Triggers;
  for (const cvet::MapFamily &F : M->Maps)
    for (const cvet::MapOp &O : F.Ops)
      if (O.mayDo(MapOpKind::Insert) || O.mayDo(MapOpKind::Replace) ||
          O.Assigns)
        (O.Macro.empty() ? Triggers.Functions : Triggers.Macros)
            .insert(O.name());
  cvet::declareTriggers(Mgr, Checker, std::move(Triggers));
  Checker->buildTables(std::move(M));
}

bool cvet::shouldRegisterSubrangeEscapeChecker(const CheckerManager &) {
  return true;
}

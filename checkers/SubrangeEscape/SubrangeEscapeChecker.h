//===- SubrangeEscapeChecker.h - the cvet.SubrangeEscape class -*- C++ -*-===//
//
// The checker, declared once for the rule's files: its callbacks and model
// tables in SubrangeEscapeChecker.cpp, where borrowed pointers come from in
// Borrows.cpp, what map calls store and forget in Entries.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUBRANGEESCAPE_SUBRANGEESCAPECHECKER_H
#define CVET_CHECKERS_SUBRANGEESCAPE_SUBRANGEESCAPECHECKER_H

#include "State.h"
#include "support/Compat.h"
#include "support/MacroExpansion.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

namespace cvet::subrange {

/// One half of an insertion: what it stores and how it was written.
struct StoredPart {
  StoredEntry::Role Role;
  SVal V;
  QualType T;        ///< the type it is stored as
  bool View = false; ///< read through a view object (std::string_view)
  /// The argument, to name the buffer when nothing else does.
  const Expr *Arg = nullptr;
};

/// The map an insertion stores into.
struct MapTarget {
  const MemRegion *Map = nullptr;
  const Expr *Name = nullptr;       ///< names it in messages
  const MemRegion *Holder = nullptr; ///< the variable or field it was read from
  bool CopiesKeys = false;
};

class SubrangeEscapeChecker
    : public Checker<check::PreCall, check::PostCall, check::DeadSymbols,
                     check::LiveSymbols,
                     check::EndFunction, check::PointerEscape, check::Bind,
                     check::Location,
                     eval::Assume> {
public:
  void buildTables(cvet::ModelRef M);

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
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
  /// Map macros (uthash, khash) that store, forget or destroy: the first
  /// family that names one keeps it.
  llvm::StringMap<MapCall> MapMacros;
  /// View types (std::string_view, C slices).
  llvm::SmallVector<const cvet::SubrangeCall *, 4> Views;

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
  /// After a New, Intern or Realloc call; after a constructor (views); after
  /// a map's creation.
  ProgramStateRef noteStorage(ProgramStateRef State,
                              const cvet::SubrangeCall *S,
                              const CallEvent &Call, CheckerContext &C) const;
  ProgramStateRef noteView(ProgramStateRef State, const CallEvent &Call) const;
  ProgramStateRef noteMapCreation(ProgramStateRef State,
                                  const CallEvent &Call) const;
  /// Records the entry of an insertion Insert into M of Parts; one that pins
  /// a lost buffer goes to Pinned instead.
  ProgramStateRef recordInsert(ProgramStateRef State, const MapTarget &M,
                               llvm::ArrayRef<StoredPart> Parts,
                               const Expr *Insert, CheckerContext &C,
                               llvm::SmallVectorImpl<StoredEntry> &Pinned) const;
  /// The map macro S was expanded from, if any (Macros.cpp).
  std::optional<cvet::ModelMacroUse> mapMacroUse(const Stmt *S,
                                                 CheckerContext &C,
                                                 const MapCall **MC) const;
  /// Code expanded from a map macro, at a call (Call) or an assignment of
  /// Assigned: what it stores or forgets there.
  ProgramStateRef handleMacro(ProgramStateRef State, const Stmt *S,
                              const CallEvent *Call,
                              std::optional<SVal> Assigned, CheckerContext &C,
                              llvm::SmallVectorImpl<StoredEntry> &Pinned) const;
  /// After a call expanded from a map macro with a StatusArg: whether it
  /// stored anything.
  ProgramStateRef macroStatus(ProgramStateRef State, const CallEvent &Call,
                              CheckerContext &C) const;
  /// After an insertion Insert that wrote its status to *argument
  /// StatusArg of Call: forgets its entry when it stored nothing.
  ProgramStateRef insertStatus(ProgramStateRef State, const Expr *Insert,
                               const CallEvent &Call, unsigned StatusArg,
                               CheckerContext &C) const;
  bool mapCopiesKeys(ProgramStateRef State, const MapCall &MC,
                     const MemRegion *Map, const Expr *MapName,
                     CheckerContext &C) const;
  /// Reports entries that ended (Ended) or pin a buffer (Pinned), and moves
  /// on with State.
  void reportAll(ProgramStateRef State,
                 llvm::ArrayRef<std::pair<StoredEntry, Ending>> Ended,
                 llvm::ArrayRef<StoredEntry> Pinned, CheckerContext &C) const;
  void report(const StoredEntry &E, const Ending &End, ExplodedNode *Err,
              CheckerContext &C) const;
};

} // namespace cvet::subrange

#endif // CVET_CHECKERS_SUBRANGEESCAPE_SUBRANGEESCAPECHECKER_H

//===- UnclosedIterator.h - cvet.UnclosedIterator's state and tables -*- C++ -*-===//
//
// The checker class, the state of one handle and the model tables, shared by
// the rule's files: Checker.cpp (the state machine: calls, escapes, double
// closes), Leaks.cpp (where a handle is lost, and the leak reports),
// Owners.cpp (scans without a handle, owners that keep handles open),
// Tables.cpp (the model and attribute tags as call tables) and
// HandleAttributes.cpp (Clang's handle attributes).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_UNCLOSEDITERATOR_H
#define CVET_CHECKERS_UNCLOSEDITERATOR_H

#include "cvet/Model.h"
#include "support/Compat.h"
#include "support/Escape.h"
#include "support/ScopeExit.h"
#include "support/StateTrait.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/ImmutableMap.h"
#include "llvm/ADT/ImmutableSet.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>
#include <memory>
#include <optional>

namespace cvet::unclosed {

using namespace clang;
using namespace clang::ento;
using cvet::Escape;
using cvet::HandleLoc;

/// One kind of handle: a model family, or the tag of a handle attribute.
/// Attribute tags that equal a family name join that family, so
/// release_handle("DIR") on a wrapper closes what opendir opened.
struct Family {
  std::string Name;
  bool InPlace = false;
  /// The release function suggested in messages (model families only).
  std::string Closer;
  /// Some call ends every open handle of the family (EndsAll): a handle that
  /// becomes unreachable may still be ended later on the path.
  bool EndedByOthers = false;
  /// State the library keeps for the process (Handle: None, setpwent): one
  /// scan at a time, held by no variable.
  bool Global = false;
  /// Global families: the names of the calls that end the scan.
  llvm::StringSet<> Releases;
};

/// What is known about one handle (a symbol) or in-place scan (a region).
class IterState {
public:
  /// Lost: open and unreachable, but a later call may still end it (EndsAll);
  /// reported if the analysis ends without one.
  enum class Kind : unsigned char { Open, Closed, Lost };

private:
  Kind K;
  /// Opened by a call whose status the code ignored, and not used since:
  /// the code may learn of a failure another way (sqlite3_errcode(db)).
  bool Unconfirmed = false;
  /// Opened from an owner whose end leaves it open (a cursor of a read-only
  /// LMDB transaction): no EndsAll call ends it.
  bool KeptByOwner = false;
  HandleLoc Shape;
  const Family *Fam;
  /// The function that opened it; the string lives in the checker's model or
  /// in the AST's identifier table.
  llvm::StringRef Opener;

  IterState(Kind K, HandleLoc Shape, const Family *Fam, llvm::StringRef Opener)
      : K(K), Shape(Shape), Fam(Fam), Opener(Opener) {
    assert(Fam && "every handle belongs to a family");
    assert((Shape == HandleLoc::InPlace) == Fam->InPlace);
    assert((Shape == HandleLoc::None) == Fam->Global);
  }

public:
  static IterState opened(HandleLoc Shape, const Family &F,
                          llvm::StringRef Opener) {
    return IterState(Kind::Open, Shape, &F, Opener);
  }
  IterState closed() const {
    assert(isOpen());
    return IterState(Kind::Closed, Shape, Fam, Opener);
  }
  IterState lost() const {
    assert(isOpen() && mayEndLater());
    IterState S(Kind::Lost, Shape, Fam, Opener);
    S.Unconfirmed = Unconfirmed;
    return S;
  }
  IterState keptByOwner() const {
    IterState S = *this;
    S.KeptByOwner = true;
    return S;
  }
  IterState unconfirmed() const {
    IterState S = *this;
    S.Unconfirmed = true;
    return S;
  }
  IterState confirmed() const {
    IterState S = *this;
    S.Unconfirmed = false;
    return S;
  }

  bool isOpen() const { return K == Kind::Open; }
  bool isClosed() const { return K == Kind::Closed; }
  bool isLost() const { return K == Kind::Lost; }
  bool isUnconfirmed() const { return Unconfirmed; }
  /// A call that ends every handle of the family may still end this one.
  bool mayEndLater() const { return Fam->EndedByOthers && !KeptByOwner; }
  HandleLoc shape() const { return Shape; }
  const Family &family() const { return *Fam; }
  llvm::StringRef opener() const { return Opener; }

  bool operator==(const IterState &O) const {
    return K == O.K && Unconfirmed == O.Unconfirmed &&
           KeptByOwner == O.KeptByOwner && Shape == O.Shape && Fam == O.Fam &&
           Opener.data() == O.Opener.data();
  }

  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(static_cast<unsigned>(K));
    ID.AddBoolean(Unconfirmed);
    ID.AddBoolean(KeptByOwner);
    ID.AddInteger(static_cast<unsigned>(Shape));
    ID.AddPointer(Fam);
    ID.AddPointer(Opener.data());
  }

  void dump(llvm::raw_ostream &OS) const {
    OS << (isOpen()   ? "Open"
           : isLost() ? "Lost"
                      : "Closed")
       << ' ' << Fam->Name << (Unconfirmed ? " (unconfirmed)" : "")
       << (KeptByOwner ? " (kept by its owner)" : "") << " from '"
       << Opener << '\'';
  }
};

/// How a model function opens a handle.
struct AcquireEntry {
  const Family *Fam;
  HandleLoc Shape;
  unsigned Arg;
  std::optional<int64_t> SuccessReturn;
  llvm::StringRef Name;
  std::optional<unsigned> OwnerArg;
};

/// A model function that makes an owner whose end leaves the family's
/// handles open (KeepingOwners).
struct OwnerEntry {
  const Family *Fam;
  HandleLoc Shape;
  unsigned Arg;
  std::optional<cvet::ArgCondition> When;
};

/// How a model function closes a handle.
struct ReleaseEntry {
  const Family *Fam;
  unsigned Arg;
  bool OnlyWhenReturnsNull;
  bool Idempotent;
  bool EndsAll;
  llvm::StringRef Name;
};

/// A model function that reads a handle (Use) or takes it over.
struct ArgEntry {
  const Family *Fam;
  unsigned Arg;
};

class UnclosedIteratorChecker
    : public Checker<check::PreCall, check::PostCall, check::DeadSymbols,
                     check::PointerEscape, check::ConstPointerEscape,
                     check::RegionChanges, check::Bind, check::LiveSymbols,
                     check::PreStmt<ReturnStmt>, check::EndFunction> {
public:
  BugType LeakBT{this, "Unclosed iterator", "Iterator lifetime",
                 /*SuppressOnSink=*/true};
  BugType DoubleCloseBT{this, "Iterator closed twice", "Iterator lifetime"};

  void buildTables(cvet::ModelRef M);

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const;
  ProgramStateRef checkConstPointerEscape(ProgramStateRef State,
                                          const InvalidatedSymbols &Escaped,
                                          const CallEvent *Call,
                                          PointerEscapeKind Kind) const;
  ProgramStateRef
  checkRegionChanges(ProgramStateRef State, const InvalidatedSymbols *Inval,
                     ArrayRef<const MemRegion *> ExplicitRegions,
                     ArrayRef<const MemRegion *> Regions,
                     const LocationContext *LCtx, const CallEvent *Call) const;
  void checkBind(CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)) const;
  void checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

private:
  cvet::ModelRef Model;
  std::deque<Family> Families; // stable addresses
  mutable llvm::StringMap<std::unique_ptr<Family>> TagFamilies;
  /// Whether a function (canonical declaration) has handle attributes.
  mutable llvm::DenseMap<const FunctionDecl *, bool> HandleAttrCache;
  mutable cvet::ScopeCache Scopes;

  // Acquire.
  CallDescriptionMap<AcquireEntry> Acquirers{};
  // Release.
  CallDescriptionMap<llvm::SmallVector<ReleaseEntry, 1>> Releasers{};
  // Use: reads the handle, neither closes nor keeps it.
  CallDescriptionMap<llvm::SmallVector<ArgEntry, 1>> Users{};
  // Take ownership: the caller no longer closes it.
  CallDescriptionMap<llvm::SmallVector<ArgEntry, 1>> Owners{};
  // Make an owner whose end leaves its handles open.
  CallDescriptionMap<llvm::SmallVector<OwnerEntry, 1>> KeepingOwners{};
  // The same, for calls through function pointer fields (Member: DB::cursor).
  llvm::StringMap<AcquireEntry> MemberAcquirers;
  llvm::StringMap<llvm::SmallVector<ReleaseEntry, 1>> MemberReleasers;
  llvm::StringMap<llvm::SmallVector<ArgEntry, 1>> MemberUsers, MemberOwners;
  /// "DB->cursor": how messages name a Member entry (stable storage).
  std::deque<std::string> MemberDisplayNames;
  /// Whether a function's body calls one of a global family's releases.
  mutable llvm::DenseMap<std::pair<const Decl *, const Family *>, bool>
      ReleasesInBody;
  /// Every model function name, to skip most calls with one lookup.
  llvm::StringSet<> ModelNames;

  bool mayBeModeled(const CallEvent &Call) const;
  // The model's entries for a call, by function name or by Member.
  const AcquireEntry *acquirerOf(const CallEvent &Call) const;
  const llvm::SmallVector<ReleaseEntry, 1> *
  releasersOf(const CallEvent &Call) const;
  const llvm::SmallVector<ArgEntry, 1> *usersOf(const CallEvent &Call) const;
  const llvm::SmallVector<ArgEntry, 1> *ownersOf(const CallEvent &Call) const;
  bool isModeled(const CallEvent &Call) const {
    return acquirerOf(Call) || releasersOf(Call) || usersOf(Call);
  }
  bool releasesIn(const Decl *D, const Family &F) const;
  ProgramStateRef markKeepingOwner(const CallEvent &Call, CheckerContext &C,
                                   ProgramStateRef State,
                                   const OwnerEntry &O) const;
  ProgramStateRef endGlobalScan(CheckerContext &C, ProgramStateRef State,
                                const Family &F, llvm::StringRef Name,
                                SmallVectorImpl<const NoteTag *> &Notes) const;
  bool hasHandleAttrs(const FunctionDecl *FD) const;
  Escape escapeOf(const CallEvent &Call) const;
  const Family &familyForTag(llvm::StringRef Tag, bool InPlace) const;

  void acquire(const CallEvent &Call, CheckerContext &C, ProgramStateRef State,
               const Family &F, HandleLoc Shape, unsigned Arg,
               std::optional<int64_t> SuccessReturn, bool StatusIsBool,
               llvm::StringRef Name,
               std::optional<unsigned> OwnerArg = std::nullopt) const;
  ProgramStateRef release(const CallEvent &Call, CheckerContext &C,
                          ProgramStateRef State, const ReleaseEntry &R,
                          SmallVectorImpl<const NoteTag *> &Notes,
                          bool &Sunk) const;
  void applyAcquireAttributes(const CallEvent &Call, const FunctionDecl *FD,
                              CheckerContext &C, ProgramStateRef State) const;

  /// One leak to report, with where it happened when that is known.
  struct Leak {
    SymbolRef Sym = nullptr;
    const MemRegion *Scan = nullptr;
    PathDiagnosticLocation At;
    /// The assignment that overwrote the last variable holding it.
    const Stmt *Overwrite = nullptr;
  };
  const SimpleProgramPointTag PurgeTag{"cvet.UnclosedIterator",
                                       "Held handles checked against scopes"};
  void reportLeaks(ArrayRef<Leak> Leaks, CheckerContext &C,
                   ProgramStateRef Cleaned, ExplodedNode *From = nullptr) const;
  bool heldInScope(ArrayRef<const MemRegion *> Holders, const Stmt *S,
                   const LocationContext *LC) const;
  ProgramStateRef loseHeldAtReturn(const ReturnStmt *RS, CheckerContext &C,
                                   ProgramStateRef State,
                                   SmallVectorImpl<Leak> &Leaks) const;
  void reportDoubleClose(SymbolRef Sym, const MemRegion *Scan,
                         const IterState &S, const CallEvent &Call,
                         CheckerContext &C) const;
  const NoteTag *openNote(CheckerContext &C, SymbolRef Sym,
                          const MemRegion *Scan, std::string Msg) const;
};

//===----------------------------------------------------------------------===//
// Program state, shared by the rule's files.
//===----------------------------------------------------------------------===//

/// Open (or Lost, or Closed) handles, by symbol.
struct IterSymMap {};
using IterSymMapTy = llvm::ImmutableMap<SymbolRef, IterState>;
/// In-place scans, by the region of the scan object.
struct ScanRegionMap {};
using ScanRegionMapTy = llvm::ImmutableMap<const MemRegion *, IterState>;
/// Open handles that no variable will read again but that a variable still
/// in scope holds (the analyzer calls them dead at their last use): they are
/// lost only where that variable goes out of scope or is overwritten. Kept
/// alive so that what is known about them (NULL or not) stays.
using HolderSet = llvm::ImmutableSet<const MemRegion *>;
struct HeldSymMap {};
using HeldSymMapTy = llvm::ImmutableMap<SymbolRef, HolderSet>;
/// In-place scans whose object no one reads again, while it is in scope.
struct HeldScanSet {};
using HeldScanSetTy = llvm::ImmutableSet<const MemRegion *>;
/// Scans without a handle (setpwent), by the symbol that stands for them in
/// IterSymMap: the frame that answers for ending them. A frame whose body
/// never ends such a scan hands it to its caller as it returns.
struct GlobalScanMap {};
using GlobalScanMapTy =
    llvm::ImmutableMap<SymbolRef, const StackFrameContext *>;
/// Owners (a read-only LMDB transaction) whose end leaves the handles opened
/// from them open.
struct KeepingOwnerSet {};
using KeepingOwnerSetTy = llvm::ImmutableSet<SymbolRef>;

//===----------------------------------------------------------------------===//
// Helpers both files use.
//===----------------------------------------------------------------------===//

std::string leakMessage(const IterState &S);
/// A variable declared with __attribute__((cleanup(fn))), g_autoptr(T) and
/// g_auto(T) included: its cleanup closes whatever it holds at scope exit.
bool hasCleanup(const MemRegion *R);
/// A handle whose value says nothing was opened: NULL, or a negative
/// integer handle.
bool isKnownInvalid(ProgramStateRef State, SymbolRef Sym);
/// A handle opened by a call whose status was ignored, and neither used nor
/// checked for NULL since: the code may have learned of a failure another
/// way, so losing it is not reported.
bool isUnconfirmed(ProgramStateRef State, SymbolRef Sym, const IterState &S);
/// The symbol that stands for the open scan of a global family, if any.
SymbolRef globalScanOf(ProgramStateRef State, const Family &F);
/// Code we cannot see may end a scan that has no handle (a project's
/// users_end() around endpwent()).
ProgramStateRef forgetGlobalScans(ProgramStateRef State);
/// Whether a call we did not follow may end such a scan: the program's own
/// code may, a library function only through a callback.
bool mayEndGlobalScans(const CallEvent &Call, const FunctionDecl &FD);
/// The scan object's value was just read (`*out = status`, `return status`)
/// and the statement that copies it has not run yet. The reaper calls the
/// region dead already; wait for the copy.
bool isCopyPending(ProgramStateRef State, const MemRegion *R);
/// A copy of a scan object (glob_t copy = g) may be the one that is ended.
ProgramStateRef escapeCopiedScans(ProgramStateRef State, SVal V);

} // namespace cvet::unclosed

// The rule's traits, the same for all of its files.
namespace clang::ento {
CVET_STATE_TRAIT(cvet::unclosed::IterSymMap, cvet::unclosed::IterSymMapTy)
CVET_STATE_TRAIT(cvet::unclosed::ScanRegionMap,
                 cvet::unclosed::ScanRegionMapTy)
CVET_STATE_TRAIT(cvet::unclosed::HolderSet, cvet::unclosed::HolderSet)
CVET_STATE_TRAIT(cvet::unclosed::HeldSymMap, cvet::unclosed::HeldSymMapTy)
CVET_STATE_TRAIT(cvet::unclosed::HeldScanSet, cvet::unclosed::HeldScanSetTy)
CVET_STATE_TRAIT(cvet::unclosed::GlobalScanMap,
                 cvet::unclosed::GlobalScanMapTy)
CVET_STATE_TRAIT(cvet::unclosed::KeepingOwnerSet,
                 cvet::unclosed::KeepingOwnerSetTy)
} // namespace clang::ento

#endif // CVET_CHECKERS_UNCLOSEDITERATOR_H

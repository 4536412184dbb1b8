//===- LoopVarCapture.h - cvet.LoopVarCapture's checker class --*- C++ -*-===//
//
// The checker class, shared by the rule's parts: Checker.cpp (the
// path-sensitive part: C spawns of the model's ThreadSpawn entries, writes,
// lifetimes; the program state in Sharing.h), Handles.cpp (joins, detaches,
// handles handed to other code) and AsyncScan.cpp (the AST part: lambdas and
// blocks handed to the model's Async calls).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_LOOPVARCAPTURE_LOOPVARCAPTURE_H
#define CVET_CHECKERS_LOOPVARCAPTURE_LOOPVARCAPTURE_H

#include "cvet/Model.h"
#include "support/CaptureWording.h"
#include "support/Compat.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace cvet::loopvar {

using namespace clang;
using namespace clang::ento;

class AsyncScan;
class Sharing;

/// A class whose constructor starts work (std::thread), as name parts.
struct AsyncClass {
  llvm::SmallVector<std::string, 3> ClassName; ///< {"std", "thread"}
  const cvet::AsyncCall *Entry;
};

class LoopVarCaptureChecker
    : public Checker<check::PreCall, check::PostCall, check::Bind,
                     check::BranchCondition, check::EndFunction,
                     check::LiveSymbols, check::RegionChanges,
                     check::PointerEscape, check::ASTCodeBody> {
public:
  ProgramStateRef
  checkRegionChanges(ProgramStateRef State, const InvalidatedSymbols *Inval,
                     ArrayRef<const MemRegion *> ExplicitRegions,
                     ArrayRef<const MemRegion *> Regions,
                     const LocationContext *LCtx, const CallEvent *Call) const;
  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkBind(CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)) const;
  void checkBranchCondition(const Stmt *Cond, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
  void checkASTCodeBody(const Decl *D, AnalysisManager &Mgr,
                        BugReporter &BR) const;
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

  void setModel(cvet::ModelRef NewModel);
  bool privateHeap(ProgramStateRef State, const MemRegion *Base) const;

private:
  const BugType BT{this, "Loop variable shared with later work",
                   "Concurrency"};

  cvet::ModelRef Model;
  // Built from Model, which must not change afterwards.
  std::optional<CallDescriptionMap<const cvet::ThreadSpawn *>> Spawns;
  std::optional<CallDescriptionMap<bool>> Allocators;
  std::optional<CallDescriptionMap<const cvet::ThreadJoin *>> Joins;
  std::optional<CallDescriptionMap<const cvet::ThreadDetach *>> Detaches;
  std::optional<CallDescriptionMap<const cvet::WriteCall *>> Writes;
  std::optional<CallDescriptionMap<const cvet::AsyncCall *>> AsyncFunctions;
  std::vector<AsyncClass> AsyncClasses;
  // The types of synchronisation objects, per translation unit.
  mutable const ASTContext *SyncTypesOf = nullptr;
  mutable llvm::SmallPtrSet<const Type *, 8> SyncTypes;

  // Path-sensitive part.
  void startSharing(const cvet::ThreadSpawn &S, const CallEvent &Call,
                    CheckerContext &C) const;
  const llvm::SmallPtrSetImpl<const Type *> &syncTypes(ASTContext &Ctx) const;
  bool checkWrite(const MemRegion *Written, bool PartsCount, const Stmt *S,
                  CheckerContext &C, const CallEvent *ByCall = nullptr) const;

  bool reportScopeEnd(const VarRegion *Var, bool AtReturn,
                      ProgramStateRef After, CheckerContext &C) const;
  const NoteTag *spawnNote(const MemRegion *Object, WorkKind K,
                           CheckerContext &C) const;
  bool callsJoin(const Stmt *S, ASTContext &Ctx, bool AllWorkOnly) const;
  ProgramStateRef waitLoop(const Stmt *Loop, ProgramStateRef State,
                           CheckerContext &C) const;

  // Handles, joins, detaches (Handles.cpp).
  void join(const cvet::ThreadJoin &J, const CallEvent &Call,
            CheckerContext &C) const;
  void detach(const cvet::ThreadDetach &D, const CallEvent &Call,
              CheckerContext &C) const;
  void afterUnknownCall(const CallEvent &Call, CheckerContext &C) const;

  // AST part (AsyncScan.cpp).
  friend class AsyncScan;
  const cvet::AsyncCall *asyncClassOf(const CXXRecordDecl *RD) const;
};

/// Whether S (outside the lambdas and blocks in it) reads one of Vars, or a
/// volatile or atomic object: the condition of a loop that waits for a flag
/// the work sets.
bool readsFlag(const Stmt *S, const llvm::SmallPtrSetImpl<const Decl *> &Vars,
               ASTContext &Ctx);

} // namespace cvet::loopvar

#endif // CVET_CHECKERS_LOOPVARCAPTURE_LOOPVARCAPTURE_H

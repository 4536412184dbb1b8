//===- Sharing.h - cvet.LoopVarCapture's program state ---------*- C++ -*-===//
//
// One stack object handed to one piece of pending work: the value the
// path-sensitive part keeps in the program state (SharedWithWork), from the
// spawn that shares the object until a join ends the sharing or a report
// does. The set is a trait of its own (not in an anonymous namespace) so that
// Checker.cpp and Handles.cpp read one set.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_LOOPVARCAPTURE_SHARING_H
#define CVET_CHECKERS_LOOPVARCAPTURE_SHARING_H

#include "cvet/Model.h"
#include "support/CaptureWording.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SymExpr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/ImmutableSet.h"
#include "llvm/Support/raw_ostream.h"
#include <tuple>

namespace cvet::loopvar {

using namespace clang;
using namespace clang::ento;

/// One stack object handed to one piece of pending work.
class Sharing {
  const MemRegion *Object;
  const Expr *Spawn;
  const LocationContext *SpawnLC;
  HandleLoc Handle;
  const MemRegion *HandleRegion; ///< OutParam: *HandleArg; Arg: the argument
  SymbolRef HandleSym;           ///< the handle's value
  SymbolRef StartedIf;           ///< the return value, with SuccessReturn
  int64_t Success;
  /// The handle was given up (pthread_detach): no join will come.
  bool Detached = false;
  /// The handle was stored into a container (g_ptr_array_add(threads, t)):
  /// a join of a handle loaded from it may be this work's.
  bool Stored = false;
  const MemRegion *Container = nullptr; ///< where it was stored, when known

  Sharing(const MemRegion *Object, const Expr *Spawn,
          const LocationContext *SpawnLC, HandleLoc Handle,
          const MemRegion *HandleRegion, SymbolRef HandleSym,
          SymbolRef StartedIf, int64_t Success)
      : Object(Object), Spawn(Spawn), SpawnLC(SpawnLC), Handle(Handle),
        HandleRegion(HandleRegion), HandleSym(HandleSym), StartedIf(StartedIf),
        Success(Success) {
    assert(Object && Spawn && SpawnLC);
    assert((Handle != HandleLoc::None || (!HandleRegion && !HandleSym)) &&
           "work without a handle cannot be named");
  }

  auto key() const {
    return std::make_tuple(Object, Spawn, SpawnLC, (int)Handle, HandleRegion,
                           HandleSym, StartedIf, Success, Detached, Stored,
                           Container);
  }

public:
  /// Work that nothing can join but a join-all (g_idle_add).
  static Sharing withCallback(const MemRegion *Object, const Expr *Spawn,
                              const LocationContext *LC) {
    return Sharing(Object, Spawn, LC, HandleLoc::None, nullptr, nullptr,
                   nullptr, 0);
  }
  /// Work joined through a handle: the value HandleSym, which the program
  /// keeps in HandleRegion (OutParam) or passes as the argument (Arg).
  static Sharing withHandle(const MemRegion *Object, const Expr *Spawn,
                            const LocationContext *LC, HandleLoc Handle,
                            const MemRegion *HandleRegion,
                            SymbolRef HandleSym) {
    assert(Handle != HandleLoc::None);
    return Sharing(Object, Spawn, LC, Handle, HandleRegion, HandleSym, nullptr,
                   0);
  }
  /// The same work, started only if the call returned Success.
  Sharing startedIf(SymbolRef Ret, int64_t Value) const {
    Sharing S = *this;
    S.StartedIf = Ret;
    S.Success = Value;
    return S;
  }
  /// The same work, given up: nothing joins it any more.
  Sharing detached() const {
    Sharing S = *this;
    S.Detached = true;
    return S;
  }
  /// The same work, its handle stored into Where (null: a container the
  /// call did not name).
  Sharing storedIn(const MemRegion *Where) const {
    Sharing S = *this;
    S.Stored = true;
    S.Container = Where;
    return S;
  }

  const MemRegion *object() const { return Object; }
  const Expr *spawn() const { return Spawn; }
  const LocationContext *spawnContext() const { return SpawnLC; }
  HandleLoc handle() const { return Handle; }
  const MemRegion *handleRegion() const { return HandleRegion; }
  SymbolRef handleSymbol() const { return HandleSym; }
  SymbolRef startedIfSymbol() const { return StartedIf; }
  int64_t successValue() const { return Success; }
  bool isDetached() const { return Detached; }
  bool isStored() const { return Stored; }
  const MemRegion *container() const { return Container; }
  WorkKind kind() const {
    return Handle == HandleLoc::None ? WorkKind::Callback : WorkKind::Thread;
  }

  /// The stack variable the object belongs to.
  const VarRegion *variable() const {
    return cast<VarRegion>(Object->getBaseRegion());
  }

  bool operator==(const Sharing &O) const { return key() == O.key(); }
  bool operator<(const Sharing &O) const { return key() < O.key(); }

  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Object);
    ID.AddPointer(Spawn);
    ID.AddPointer(SpawnLC);
    ID.AddInteger((int)Handle);
    ID.AddPointer(HandleRegion);
    ID.AddPointer(HandleSym);
    ID.AddPointer(StartedIf);
    ID.AddInteger(Success);
    ID.AddBoolean(Detached);
    ID.AddBoolean(Stored);
    ID.AddPointer(Container);
  }

  void dump(llvm::raw_ostream &OS) const {
    OS << Object << " shared with " << wording(kind()).Noun;
    if (HandleRegion)
      OS << " handle@" << HandleRegion;
    if (HandleSym)
      OS << " handle=" << HandleSym;
    if (StartedIf)
      OS << " if " << StartedIf << " == " << Success;
    if (Detached)
      OS << " detached";
    if (Stored)
      OS << " stored in " << Container;
  }
  LLVM_DUMP_METHOD void dump() const { dump(llvm::errs()); }
};

/// The program state's pending sharings.
struct SharedWithWork {};
using SharedWithWorkTy = llvm::ImmutableSet<Sharing>;

} // namespace cvet::loopvar

namespace clang::ento {
template <>
struct ProgramStateTrait<cvet::loopvar::SharedWithWork>
    : public ProgramStatePartialTrait<cvet::loopvar::SharedWithWorkTy> {
  static void *GDMIndex() {
    static int Index;
    return &Index;
  }
};
} // namespace clang::ento

#endif // CVET_CHECKERS_LOOPVARCAPTURE_SHARING_H

//===- Lifetime.cpp - how long the storage behind a region lives ----------===//

#include "Lifetime.h"
#include "Compat.h"
#include "Regions.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SymbolManager.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace clang::ento;

cvet::StorageKind cvet::storageKind(const MemRegion *R) {
  R = R->getBaseRegion();
  if (isa<StringRegion, ObjCStringRegion>(R))
    return StorageKind::Static;
  const MemSpaceRegion *Space = cvet::compat::rawMemorySpace(R);
  if (isa<GlobalsSpaceRegion>(Space))
    return StorageKind::Static;
  if (cvet::isOnStack(R))
    return StorageKind::Stack;
  return StorageKind::Dynamic;
}

const StackFrameContext *cvet::owningFrame(const MemRegion *R) {
  if (const auto *Space =
          dyn_cast<StackSpaceRegion>(cvet::compat::rawMemorySpace(R->getBaseRegion())))
    return Space->getStackFrame();
  return nullptr;
}

bool cvet::isInteriorRegion(const MemRegion *R) {
  R = R->StripCasts();
  if (R == R->getBaseRegion())
    return false;
  RegionOffset Off = R->getAsOffset();
  if (!Off.isValid())
    return false;
  return Off.hasSymbolicOffset() || Off.getOffset() != 0;
}

// Frame F, or a frame that F was called from.
static bool isFrameOrCaller(const StackFrameContext *Candidate,
                            const StackFrameContext *F) {
  for (const LocationContext *L = F; L; L = L->getParent())
    if (L == Candidate)
      return true;
  return false;
}

bool cvet::outlivesFrame(const MemRegion *R, const StackFrameContext *Frame) {
  // A symbol's chain of origins is short; the bound only guards odd graphs.
  for (unsigned Depth = 0; R && Depth < 16; ++Depth) {
    R = R->getBaseRegion();
    const MemSpaceRegion *Space = cvet::compat::rawMemorySpace(R);
    if (isa<GlobalsSpaceRegion>(Space))
      return true;
    if (const auto *Stack = dyn_cast<StackSpaceRegion>(Space)) {
      const StackFrameContext *Owner = Stack->getStackFrame();
      // A parameter's own slot dies with its frame; its pointee does not
      // (handled below, through the symbol of its initial value).
      return Owner != Frame && isFrameOrCaller(Owner, Frame);
    }
    const auto *Sym = dyn_cast<SymbolicRegion>(R);
    if (!Sym)
      return false;
    SymbolRef S = Sym->getSymbol();
    if (const auto *Initial = dyn_cast<SymbolRegionValue>(S)) {
      // The value a parameter or a global had when the analysis began: the
      // object was there before the outermost frame started.
      const MemRegion *Holder = Initial->getRegion()->getBaseRegion();
      if (isa<StackArgumentsSpaceRegion, GlobalsSpaceRegion>(
              cvet::compat::rawMemorySpace(Holder)))
        return true;
      R = Holder;
      continue;
    }
    if (const auto *Derived = dyn_cast<SymbolDerived>(S)) {
      R = Derived->getRegion();
      continue;
    }
    return false;
  }
  return false;
}

std::optional<SVal> cvet::fieldOfPointee(ProgramStateRef State, SVal Ptr,
                                         QualType PtrType,
                                         llvm::StringRef Field) {
  const MemRegion *Obj = Ptr.getAsRegion();
  QualType T = PtrType->getPointeeType();
  if (!Obj || T.isNull())
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Field.split(Parts, "->");
  MemRegionManager &MRMgr = State->getStateManager().getRegionManager();
  for (size_t I = 0; I < Parts.size(); ++I) {
    llvm::SmallVector<llvm::StringRef, 4> Members;
    Parts[I].split(Members, '.');
    const SubRegion *Cur = dyn_cast<SubRegion>(Obj->StripCasts());
    SVal V;
    for (llvm::StringRef Name : Members) {
      const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
      if (!Cur || !RD || !(RD = RD->getDefinition()))
        return std::nullopt;
      // The engine reads p->f through an element of the record's type at
      // offset 0 of a symbolic region; do the same to get the same value.
      if (isa<SymbolicRegion>(Cur))
        Cur = MRMgr.getElementRegion(
            T.getUnqualifiedType(),
            State->getStateManager().getSValBuilder().makeZeroArrayIndex(),
            Cur, State->getStateManager().getContext());
      const FieldDecl *FD = nullptr;
      for (const FieldDecl *F : RD->fields())
        if (F->getName() == Name.trim())
          FD = F;
      if (!FD)
        return std::nullopt;
      Cur = MRMgr.getFieldRegion(FD, Cur);
      T = FD->getType();
    }
    V = State->getSVal(Cur, T);
    if (I + 1 == Parts.size())
      return V;
    Obj = V.getAsRegion();
    T = T->getPointeeType();
    if (!Obj || T.isNull())
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<SVal> cvet::accessPathLValue(const Expr *E, ProgramStateRef State,
                                           const LocationContext *LCtx) {
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return std::nullopt;
    return State->getLValue(VD, LCtx);
  }
  const auto *ME = dyn_cast<MemberExpr>(E);
  const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!FD)
    return std::nullopt;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  std::optional<SVal> BaseLoc = accessPathLValue(Base, State, LCtx);
  if (!BaseLoc)
    return std::nullopt;
  if (ME->isArrow()) {
    const MemRegion *Slot = BaseLoc->getAsRegion();
    if (!Slot)
      return std::nullopt;
    BaseLoc = State->getSVal(Slot, Base->getType());
  }
  return State->getLValue(FD, *BaseLoc);
}

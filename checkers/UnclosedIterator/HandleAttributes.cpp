//===- HandleAttributes.cpp - Clang's handle attributes -------------------===//

#include "UnclosedIterator/HandleAttributes.h"
#include "clang/AST/TypeLoc.h"

using namespace clang;
using cvet::unclosed::paramAttr;

/// acquire_handle on a function: written before the declaration it is a
/// declaration attribute; written after the parameter list it lands on the
/// function type, kept in the type's source information.
const AcquireHandleAttr *cvet::unclosed::returnsHandle(const FunctionDecl *FD) {
  for (const FunctionDecl *D : FD->redecls()) {
    if (const auto *A = D->getAttr<AcquireHandleAttr>())
      return A;
    const TypeSourceInfo *TSI = D->getTypeSourceInfo();
    if (!TSI)
      continue;
    for (TypeLoc TL = TSI->getTypeLoc(); !TL.isNull();) {
      if (auto ATL = TL.getAs<AttributedTypeLoc>()) {
        if (const auto *A = ATL.getAttrAs<AcquireHandleAttr>())
          return A;
        TL = ATL.getModifiedLoc();
      } else if (auto MTL = TL.getAs<MacroQualifiedTypeLoc>()) {
        TL = MTL.getInnerLoc();
      } else if (auto PTL = TL.getAs<ParenTypeLoc>()) {
        TL = PTL.getInnerLoc();
      } else {
        break;
      }
    }
  }
  return nullptr;
}

bool cvet::unclosed::scanHandleAttrs(const FunctionDecl *FD) {
  bool Any = false;
  for (const FunctionDecl *D : FD->redecls()) {
    Any |= D->hasAttrs();
    for (const ParmVarDecl *P : D->parameters())
      Any |= P->hasAttrs();
  }
  if (!Any && !FD->getType()->getAs<AttributedType>())
    return false;
  if (returnsHandle(FD))
    return true;
  for (unsigned I = 0, E = FD->getNumParams(); I < E; ++I)
    if (paramAttr<AcquireHandleAttr>(FD, I) ||
        paramAttr<ReleaseHandleAttr>(FD, I) || paramAttr<UseHandleAttr>(FD, I))
      return true;
  return false;
}

//===- HandleAttributes.h - Clang's handle attributes ---------*- C++ -*-===//
//
// acquire_handle / use_handle / release_handle with any tag: a function so
// annotated opens, reads or closes a handle of the family named by the tag
// (a tag that equals a model family joins it).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_UNCLOSEDITERATOR_HANDLEATTRIBUTES_H
#define CVET_CHECKERS_UNCLOSEDITERATOR_HANDLEATTRIBUTES_H

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"

namespace cvet::unclosed {

/// acquire_handle on the function itself (its result is the handle).
const clang::AcquireHandleAttr *returnsHandle(const clang::FunctionDecl *FD);

/// A handle attribute on parameter I of any declaration of FD.
template <typename AttrT>
const AttrT *paramAttr(const clang::FunctionDecl *FD, unsigned I) {
  for (const clang::FunctionDecl *D : FD->redecls())
    if (I < D->getNumParams())
      if (const auto *A = D->getParamDecl(I)->getAttr<AttrT>())
        return A;
  return nullptr;
}

/// Whether any declaration of FD carries a handle attribute.
bool scanHandleAttrs(const clang::FunctionDecl *FD);

} // namespace cvet::unclosed

#endif // CVET_CHECKERS_UNCLOSEDITERATOR_HANDLEATTRIBUTES_H

//===- Escape.cpp - what a call may do with the pointers it sees ----------===//

#include "support/Escape.h"
#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include <algorithm>

using namespace clang;
using namespace clang::ento;

cvet::Escape cvet::libraryCallEscape(const CallEvent &Call) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return Escape::All;
  if (!isa<SimpleFunctionCall>(Call) || !Call.isInSystemHeader() ||
      Call.argumentsMayEscape())
    return Escape::All;
  // g_object_set(obj, "dir", d, NULL) keeps d; printf("%p", d) does not,
  // but the two cannot be told apart.
  if (FD->isVariadic() && Call.getNumArgs() > FD->getNumParams())
    return Escape::Variadic;
  return Escape::None;
}

std::pair<unsigned, unsigned> cvet::escapingArgs(const CallEvent &Call,
                                                 Escape E) {
  unsigned N = Call.getNumArgs();
  if (E == Escape::None)
    return {N, N};
  if (E == Escape::Variadic)
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl()))
      return {std::min<unsigned>(FD->getNumParams(), N), N};
  return {0, N};
}

//===- Escape.h - what a call may do with the pointers it sees -*- C++ -*-===//
//
// One policy for calls into code the analyzer does not see: a plain C
// function declared in a system header that takes no callback and no untyped
// pointer (readdir, strlen, fprintf) keeps nothing it is given; a variadic
// one may keep its variadic arguments (g_object_set(obj, "dir", d, NULL));
// anything else may keep anything. A rule that knows more (its model's
// functions, handle attributes) asks that first.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_ESCAPE_H
#define CVET_CHECKERS_SUPPORT_ESCAPE_H

#include <utility>

namespace clang::ento {
class CallEvent;
} // namespace clang::ento

namespace cvet {

/// Which arguments of a call may hand pointers to code that keeps them.
enum class Escape {
  None,     ///< known to leave them alone (or modeled)
  Variadic, ///< only the variadic arguments
  All,
};

/// The policy above for a call nothing else knows about.
Escape libraryCallEscape(const clang::ento::CallEvent &Call);

/// The arguments [first, second) of Call through which pointers may escape.
std::pair<unsigned, unsigned> escapingArgs(const clang::ento::CallEvent &Call,
                                           Escape E);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_ESCAPE_H

//===- Suppress.h - inline suppression comments ----------------*- C++ -*-===//
//
// A finding is suppressed by a comment on its line or on the line above:
//
//   // cvet-ignore[cvet.UnclosedIterator]: handed to the cache, closed there
//   // NOLINT(cvet-unclosed-iterator)      (clang-tidy's spelling; also
//   // NOLINTNEXTLINE(cvet-...)             on the line above only)
//
// The brackets / parentheses hold a comma-separated list of rule ids or
// clang-tidy names, '*' globs allowed. Text after the marker (an optional
// ':' first) is the justification that SARIF records.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_SUPPRESS_H
#define CVET_TOOLS_SUPPRESS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cvet {

struct Rule;

/// The justification if Line suppresses R. AboveFinding says whether Line is
/// the line above the finding rather than the finding's own line.
std::optional<std::string> suppressionIn(llvm::StringRef Line, const Rule &R,
                                         bool AboveFinding);

} // namespace cvet

#endif // CVET_TOOLS_SUPPRESS_H

//===- Glob.h - the one glob engine of the driver --------------*- C++ -*-===//
//
// llvm::GlobPattern for everything the driver matches by pattern: rule names
// in --checks, .cvet.yaml's Checks and suppression comments, and the paths
// of .cvet.yaml's Exclude. Syntax: '*' any run of characters ('/' included),
// '?' one character, '[abc]' / '[a-z]' / '[!a]' a set, '\' escapes. Brace
// expansion is off: ',' separates list items before any glob sees them.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_GLOB_H
#define CVET_TOOLS_GLOB_H

#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"
#include <memory>
#include <string>

namespace cvet {

class Glob {
public:
  /// An error names the pattern and what is wrong with it.
  static llvm::Expected<Glob> create(llvm::StringRef Pattern);

  bool match(llvm::StringRef Text) const { return Compiled->match(Text); }
  llvm::StringRef pattern() const { return *Text; }

private:
  // GlobPattern points into its pattern text: the text lives on the heap so
  // that moving a Glob leaves it where it was.
  std::shared_ptr<const std::string> Text;
  std::shared_ptr<const llvm::GlobPattern> Compiled;
};

/// Matches Pattern against Text; a malformed pattern matches nothing.
bool globMatch(llvm::StringRef Pattern, llvm::StringRef Text);

} // namespace cvet

#endif // CVET_TOOLS_GLOB_H

//===- Paths.h - absolute paths and paths relative to a root ---*- C++ -*-===//
//
// Every path the driver keeps is absolute and normalised; what it prints,
// matches against globs and hashes is relative to a root (the source root,
// the .cvet.yaml directory). Both conversions live here, once.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_PATHS_H
#define CVET_TOOLS_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cvet {

/// Path made absolute (against Base when relative, Base itself against the
/// working directory), without "." or ".." components.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base);

/// File relative to Dir when File is strictly below Dir ("/a/b/c.c" under
/// "/a" or "/a/" is "b/c.c"); std::nullopt otherwise, also for Dir itself.
std::optional<llvm::StringRef> relativeTo(llvm::StringRef File,
                                          llvm::StringRef Dir);

/// Whether File is Dir or lies below it.
bool isWithin(llvm::StringRef File, llvm::StringRef Dir);

/// File as it is printed: relative to Root when below it, else as it is.
std::string displayPath(llvm::StringRef File, llvm::StringRef Root);

/// The working directory, or "." when it cannot be determined.
std::string currentDir();

} // namespace cvet

#endif // CVET_TOOLS_PATHS_H

//===- Config.h - the .cvet.yaml project configuration ---------*- C++ -*-===//
//
//   # .cvet.yaml, found upward from the working directory
//   Checks: "-*,cvet.UnclosedIterator"   # clang-tidy style; --checks adds to it
//   Models: [ci/models/ourlib.yaml]      # relative to this file
//   Exclude: ["third_party/*", "*/generated/*"]  # relative to this file
//   AnalyzerConfig: ["max-loop=6"]       # clang's -analyzer-config settings
//
// Unknown keys are errors, so that a misspelt key does not silently do
// nothing.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_CONFIG_H
#define CVET_TOOLS_CONFIG_H

#include "Glob.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace cvet {

struct Config {
  std::string Path; ///< The file read; empty when there is none.
  std::string Dir;  ///< Its directory: the base of relative paths in it.
  std::optional<std::string> Checks;
  std::vector<std::string> Models; ///< Absolute.
  std::vector<Glob> Exclude;
  std::vector<std::string> AnalyzerConfig; ///< "key=value"

  /// Whether an absolute path falls under one of the Exclude patterns,
  /// matched against the path relative to Dir and against the whole path.
  bool excludes(llvm::StringRef File) const;
};

llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Path);
llvm::Expected<Config> loadConfig(llvm::StringRef Path);

/// The nearest .cvet.yaml in Dir or one of its parents.
std::optional<std::string> findConfig(llvm::StringRef Dir);

} // namespace cvet

#endif // CVET_TOOLS_CONFIG_H

//===- Configure.h - from the command line to a run's plan -----*- C++ -*-===//
//
// Everything that can be wrong before analysis is found here, so that a bad
// rule name, model, baseline or output path costs a second, not an hour:
// the .cvet.yaml, the root, the rule list, the model files, the SARIF
// destination, the baseline, the shard and the analyzer settings.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_CONFIGURE_H
#define CVET_TOOLS_CONFIGURE_H

#include "Analyze.h"
#include "Config.h"
#include "Options.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <set>
#include <string>

namespace cvet {

struct Plan {
  std::string Cwd;
  std::string Root; ///< Absolute; printed paths and URIs are relative to it.
  Config Conf;
  AnalysisSettings Settings;
  /// "ruleId|fingerprint" of the baseline's results, when one is given.
  std::optional<std::set<std::string>> Baseline;
  unsigned ShardIndex = 0; ///< 0-based
  unsigned ShardCount = 1;
  /// The paths named: arguments, then --files-from's lines.
  std::vector<std::string> Paths;
};

llvm::Expected<Plan> configure(const DriverOptions &Options);

/// The analyzer settings cvet runs with unless told otherwise ("key=value").
std::vector<std::string> defaultAnalyzerConfig();

/// "key=value" settings as (key, value), a later one for the same key
/// replacing the earlier; an unknown key or a malformed setting is an error.
llvm::Expected<std::vector<std::pair<std::string, std::string>>>
parseAnalyzerConfig(llvm::ArrayRef<std::string> Settings);

/// Whether Path ("-" is stdout) can be created: its directory must exist.
llvm::Error checkWritable(llvm::StringRef Path, llvm::StringRef Cwd);

} // namespace cvet

#endif // CVET_TOOLS_CONFIGURE_H

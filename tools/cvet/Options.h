//===- Options.h - the driver's command line --------------------*- C++ -*-===//
//
// llvm::cl options, read into a plain struct that the stages take. Every
// usage error comes back as one line (the caller prints "cvet: error: ..."):
// llvm::cl reports some errors to the stream it is given and others straight
// to stderr, so the latter are made impossible before it runs (a value
// missing at the end of the line, a value given to a flag), routed to the
// same stream (value parsers of our own), or checked after it (required
// options).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_OPTIONS_H
#define CVET_TOOLS_OPTIONS_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// --unit-timeout when not given: rarely reached, but no unit runs for hours.
inline constexpr double DefaultUnitTimeout = 300;
/// --cache-size when not given.
inline constexpr uint64_t DefaultCacheSize = 256ull << 20;

struct DriverOptions {
  // cvet [options] [paths...]
  std::string BuildPath;
  std::vector<std::string> Paths;
  unsigned Jobs = 0;
  std::optional<std::string> Checks;
  std::string SarifFile;
  std::vector<std::string> ModelFiles;
  std::string BaselineFile;
  std::string ConfigFile;
  std::string RootDir;
  bool Quiet = false;
  std::string Shard;
  std::string CrashOn;
  /// Paths are changed files: select the units they touch.
  bool ChangedFiles = false;
  /// More paths, one per line ("-": standard input).
  std::string FilesFrom;
  /// Start no unit after this many seconds.
  std::optional<unsigned> TimeBudget;
  /// Where to list the units the budget left out.
  std::string OverBudgetList;
  bool Notes = true;
  /// Explore only the functions that can reach a modelled API.
  bool Prune = true;
  /// CPU seconds one unit may take (0: no limit).
  double UnitTimeout = DefaultUnitTimeout;
  /// Keep results of unchanged units here (--cache); empty: no cache.
  std::string CacheDir;
  /// The cache's size limit in bytes.
  uint64_t CacheSize = DefaultCacheSize;
  /// -analyzer-config settings, "key=value", after the defaults and the
  /// config file's.
  std::vector<std::string> AnalyzerConfig;

  // cvet merge logs... -o out
  bool Merge = false;
  std::vector<std::string> MergeInputs;
  std::string MergeOutput;
};

/// Parses the command line (--help and --version print and exit here).
llvm::Expected<DriverOptions> parseCommandLine(int Argc,
                                               const char *const *Argv);

/// llvm::cl's complaints ("cvet: Unknown command line argument '-x'.  Try:
/// ...\ncvet: Did you mean '-j'?") as the one line every other error is.
std::string commandLineError(llvm::StringRef Text, llvm::StringRef Argv0);

/// "512M", "2G", "100000" (bytes), "64K"; nullopt if not a size.
std::optional<uint64_t> parseByteSize(llvm::StringRef Text);

} // namespace cvet

#endif // CVET_TOOLS_OPTIONS_H

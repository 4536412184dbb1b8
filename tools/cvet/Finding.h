//===- Finding.h - what one analysis run found ------------------*- C++ -*-===//
//
// Plain data, independent of any ASTContext: a translation unit's findings
// outlive its AST, and the outputs (text, SARIF, baseline filter) only read
// these structs.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_FINDING_H
#define CVET_TOOLS_FINDING_H

#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// A point in a source file. File is absolute and normalised.
struct SourcePos {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;     ///< 1-based byte column, as compilers print it.
  unsigned CharColumn = 0; ///< 1-based column in Unicode code points (SARIF).
  unsigned EndCharColumn = 0; ///< One past the range on the same line; 0 if unknown.
};

/// One note of a finding's path ("Directory opened here").
struct PathStep {
  SourcePos Pos;
  std::string Message;
  /// A note the report carries beside its path (another place that matters:
  /// the other thread's access), not a step of the path.
  bool Related = false;
};

struct Finding {
  std::string Rule; ///< "cvet.UnclosedIterator"
  std::string Message;
  SourcePos Pos;
  std::vector<PathStep> Path;
  /// What the fingerprint hashes besides the rule and the file: the function
  /// holding the finding and the reported line, whitespace collapsed.
  std::string Function;
  std::string NormalizedLine;
  /// Set when an inline comment suppresses the finding; holds its reason.
  std::optional<std::string> Suppression;
  /// Filled in once every translation unit is done ("<md5>:<n>").
  std::string Fingerprint;
};

/// The outcome of analysing one translation unit.
struct TUResult {
  std::string File; ///< The main file, absolute.
  std::vector<Finding> Findings;
  bool Failed = false;
  /// Not analysed: the time budget was spent before its turn came.
  bool OverBudget = false;
  /// Analysed in part: the time budget ran out during its analysis.
  bool CutByBudget = false;
  std::string Error; ///< Why it failed: first compiler error, or the crash.
  SourcePos ErrorPos; ///< Where the first compiler error was, when known.
  /// The unit used up its CPU time (--unit-timeout): how many top-level
  /// functions were not started and how many were stopped part way. Its
  /// findings are those found until then.
  bool CutShort = false;
  unsigned FunctionsNotStarted = 0;
  unsigned FunctionsStopped = 0;
  /// The result was read from the cache (--cache), not analysed.
  bool FromCache = false;
};

} // namespace cvet

#endif // CVET_TOOLS_FINDING_H

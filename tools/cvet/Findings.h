//===- Findings.h - the results of every unit made one run -----*- C++ -*-===//
//
//   per-unit results -> failures (with where the compiler stopped)
//                    -> findings: minus Exclude, deduplicated (a header is
//                       seen by many units), sorted by place, fingerprinted,
//                       minus those in the baseline
//
// The order does not depend on -j. Suppressed findings stay (SARIF records
// them); the outputs decide what to print.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_FINDINGS_H
#define CVET_TOOLS_FINDINGS_H

#include "Config.h"
#include "Finding.h"
#include "Sarif.h"
#include <optional>
#include <set>
#include <vector>

namespace cvet {

struct FindingsOptions {
  std::string Root;
  const Config *Conf = nullptr;
  /// "ruleId|fingerprint" of the baseline's results, when one is used.
  const std::optional<std::set<std::string>> *Baseline = nullptr;
  /// --unit-timeout, for the message of a unit cut short.
  double UnitTimeout = 0;
};

struct CollectedRun {
  RunInfo Run;
  size_t InBaseline = 0; ///< Findings dropped because the baseline has them.
  /// Main files of the units the time budget left out, in selection order.
  std::vector<std::string> OverBudget;
  /// Main files of the units whose analysis the time budget cut short.
  std::vector<std::string> CutByBudget;
  size_t FromCache = 0; ///< Units whose results came from --cache.
};

CollectedRun collectFindings(std::vector<TUResult> Results,
                             const FindingsOptions &Options);

/// Sorts findings by file, line, column, rule and message, keeping one of
/// each (rule, place, message).
void sortAndDeduplicate(std::vector<Finding> &Findings);

} // namespace cvet

#endif // CVET_TOOLS_FINDINGS_H

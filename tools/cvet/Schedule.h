//===- Schedule.h - the selected units through the analyzer ----*- C++ -*-===//
//
// Runs analyzeTranslationUnit over the selection on a thread pool, largest
// files first so that one big unit does not run alone at the end. Results
// land in selection order whatever the number of threads. With a deadline,
// the smallest units go first, a unit whose turn comes later is not
// started, and one being analysed then is cut short (BudgetStop.h).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_SCHEDULE_H
#define CVET_TOOLS_SCHEDULE_H

#include "Analyze.h"
#include "Selection.h"
#include <chrono>
#include <optional>
#include <vector>

namespace cvet {

struct ScheduleOptions {
  unsigned Jobs = 0; ///< 0: every core.
  /// Print "[37/412] src/foo.c" on stderr as units finish.
  bool Progress = false;
  std::string Root; ///< For the progress line's paths.
  /// No unit starts after this; the ones left come back OverBudget.
  std::optional<std::chrono::steady_clock::time_point> Deadline;
};

/// One result per unit, in the order of Units.
std::vector<TUResult> analyseUnits(llvm::ArrayRef<Unit> Units,
                                   const AnalysisSettings &Settings,
                                   const ScheduleOptions &Options);

} // namespace cvet

#endif // CVET_TOOLS_SCHEDULE_H

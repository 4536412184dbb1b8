//===- BudgetStop.h - the analysis stops at the time budget ----*- C++ -*-===//
//
// --time-budget: a unit already being analysed when the budget runs out is
// cut short rather than left to run for minutes. The analyzer has no
// cancellation, so a checker of the driver's own (not a rule) ends every
// path at its next branch or function entry once the deadline has passed;
// the analysis then drains in moments. The findings made before the cut
// stand; the unit is reported as cut, so that a caller can check it another
// way.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_BUDGETSTOP_H
#define CVET_TOOLS_BUDGETSTOP_H

#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <optional>

namespace clang::ento {
class CheckerRegistry;
}

namespace cvet {

/// The checker's name, to enable it in AnalyzerOptions.
inline constexpr llvm::StringLiteral BudgetStopChecker =
    "cvetdriver.BudgetStop";

/// Sets the deadline of the whole run (every thread); none: no cut.
void setAnalysisDeadline(
    std::optional<std::chrono::steady_clock::time_point> Deadline);

bool analysisDeadlineSet();

/// Registers the checker (hidden: it reports nothing).
void registerBudgetStop(clang::ento::CheckerRegistry &Registry);

/// Whether the checker cut an analysis on this thread since the last call;
/// resets the flag.
bool takeBudgetCut();

} // namespace cvet

#endif // CVET_TOOLS_BUDGETSTOP_H

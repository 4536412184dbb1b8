//===- TextOutput.h - findings as a compiler prints them -------*- C++ -*-===//
//
//   src/scan.c:14:5: warning: Iterator ... is not closed [cvet.UnclosedIterator]
//     src/scan.c:9:13: note: Directory opened here
//
// Paths are relative to the root when they are under it. Colours only when
// the stream is a terminal.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_TEXTOUTPUT_H
#define CVET_TOOLS_TEXTOUTPUT_H

#include "Finding.h"
#include "Sarif.h"
#include "llvm/Support/raw_ostream.h"

namespace cvet {

/// One finding; with Notes, followed by its path notes.
void printFinding(llvm::raw_ostream &OS, const Finding &F,
                  llvm::StringRef Root, bool Notes = true);

/// What the text output showed of a run.
struct TextCounts {
  size_t Reported = 0;
  size_t Suppressed = 0;
};

/// Every unsuppressed finding of the run; with Notes, each followed by its
/// path notes.
TextCounts printFindings(llvm::raw_ostream &OS, const RunInfo &Run,
                         bool Notes);

/// "cvet: error: could not analyse ..." for every failed unit, and a
/// warning for every unit cut short by --unit-timeout.
void printFailures(llvm::raw_ostream &OS, const RunInfo &Run);

/// What the closing summary counts beyond the findings.
struct SummaryCounts {
  size_t Units = 0; ///< Analysed.
  size_t InBaseline = 0;
  size_t OtherLanguage = 0;
  size_t OverBudget = 0;
  size_t CutByBudget = 0;
  size_t FromCache = 0;
};

/// "cvet: note: time budget of 30s spent: 2 translation units not analysed:
/// src/a.c, src/b.c", and "... cut short: ..." for the units it cut.
void printOverBudget(llvm::raw_ostream &OS,
                     llvm::ArrayRef<std::string> NotStarted,
                     llvm::ArrayRef<std::string> Cut, unsigned Budget,
                     llvm::StringRef Root);

/// "cvet: note: 2 findings in 5 translation units (1 suppressed, ...)".
void printSummary(llvm::raw_ostream &OS, const RunInfo &Run,
                  const TextCounts &Text, const SummaryCounts &Counts);

/// "cvet: error: message" (or warning / note), coloured on a terminal.
void printMessage(llvm::raw_ostream &OS, llvm::StringRef Kind,
                  llvm::StringRef Message);

} // namespace cvet

#endif // CVET_TOOLS_TEXTOUTPUT_H

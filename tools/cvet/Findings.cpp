//===- Findings.cpp - the results of every unit made one run --------------===//

#include "Findings.h"
#include "Fingerprint.h"
#include "Paths.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <set>
#include <tuple>

using namespace llvm;
using namespace cvet;

static auto placeKey(const Finding &F) {
  return std::tie(F.Pos.File, F.Pos.Line, F.Pos.Column, F.Rule, F.Message);
}

void cvet::sortAndDeduplicate(std::vector<Finding> &Findings) {
  // The first of equal findings (in unit order) is kept.
  std::set<std::tuple<std::string, unsigned, unsigned, std::string,
                      std::string>>
      Seen;
  llvm::erase_if(Findings, [&](const Finding &F) {
    return !Seen.emplace(placeKey(F)).second;
  });
  // The keys are unique now, so this order is total.
  llvm::sort(Findings, [](const Finding &A, const Finding &B) {
    return placeKey(A) < placeKey(B);
  });
}

static Failure failure(const TUResult &R, StringRef Root) {
  Failure F{R.File, "", R.ErrorPos};
  F.Message = "could not analyse '" + displayPath(R.File, Root) + "': ";
  if (!R.ErrorPos.File.empty())
    F.Message += displayPath(R.ErrorPos.File, Root) + ":" +
                 std::to_string(R.ErrorPos.Line) + ":" +
                 std::to_string(R.ErrorPos.Column) + ": ";
  F.Message += R.Error;
  return F;
}

static Failure cutShort(const TUResult &R, const FindingsOptions &Options) {
  Failure F{R.File, "", SourcePos()};
  F.Message = "the analysis of '" + displayPath(R.File, Options.Root) +
              "' stopped at --unit-timeout (" +
              formatv("{0}", format("%g", Options.UnitTimeout)).str() + " CPU seconds): " +
              std::to_string(R.FunctionsNotStarted) +
              (R.FunctionsNotStarted == 1 ? " function" : " functions") +
              " not analysed, " + std::to_string(R.FunctionsStopped) +
              " stopped part way; findings in it may be missing";
  return F;
}

CollectedRun cvet::collectFindings(std::vector<TUResult> Results,
                                   const FindingsOptions &Options) {
  CollectedRun Out;
  RunInfo &Run = Out.Run;
  Run.Root = Options.Root;
  Run.BaselineUsed = Options.Baseline && Options.Baseline->has_value();
  for (TUResult &R : Results) {
    if (R.OverBudget) {
      Out.OverBudget.push_back(R.File);
      continue;
    }
    Run.AnalyzedFiles.push_back(R.File);
    if (R.CutByBudget)
      Out.CutByBudget.push_back(R.File);
    if (R.Failed)
      Run.Failures.push_back(failure(R, Options.Root));
    if (R.CutShort)
      Run.CutShort.push_back(cutShort(R, Options));
    Out.FromCache += R.FromCache;
    for (Finding &F : R.Findings)
      if (!Options.Conf || !Options.Conf->excludes(F.Pos.File))
        Run.Findings.push_back(std::move(F));
  }
  sortAndDeduplicate(Run.Findings);
  assignFingerprints(Run.Findings, Options.Root);

  if (Run.BaselineUsed) {
    const std::set<std::string> &Known = **Options.Baseline;
    size_t Before = Run.Findings.size();
    llvm::erase_if(Run.Findings, [&](const Finding &F) {
      return Known.count(F.Rule + "|" + F.Fingerprint);
    });
    Out.InBaseline = Before - Run.Findings.size();
  }
  return Out;
}

//===- Driver.cpp - cvet: the cvet checkers over a compilation database ---===//
//
//   cvet -p build/ [--sarif cvet.sarif] [files or directories...]
//   cvet merge shard1.sarif shard2.sarif -o all.sarif
//
// One run is a pipeline of stages, each in its own file:
//
//   configure (Configure.cpp)  .cvet.yaml, rules, models, baseline, shard
//   select    (Selection.cpp)  the database's units that the run names (or,
//                              for changed files, touches: IncludeScan.cpp)
//   analyse   (Schedule.cpp)   each unit through the analyzer, on a pool,
//             (Cache.cpp)      unless --cache has its result
//   findings  (Findings.cpp)   dedup, exclude, order, fingerprint, baseline
//   outputs   (TextOutput.cpp, Sarif.cpp)  text, SARIF, summary
//
// Exit status: 0 no findings, 1 findings, 2 usage or configuration error,
// 3 some translation unit could not be analysed.
//
//===----------------------------------------------------------------------===//

#include "Cache.h"
#include "Configure.h"
#include "Database.h"
#include "Findings.h"
#include "Options.h"
#include "Paths.h"
#include "Sarif.h"
#include "Schedule.h"
#include "Selection.h"
#include "TextOutput.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/TargetSelect.h"

#include <chrono>

using namespace llvm;
using namespace cvet;

namespace {

enum ExitCode {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitTUFailed = 3
};

int fail(const Twine &Message) {
  printMessage(errs(), "error", Message.str());
  return ExitUsage;
}

int fail(Error E) { return fail(toString(std::move(E))); }

int runMerge(const DriverOptions &O) {
  if (Error E = checkWritable(O.MergeOutput, currentDir()))
    return fail(std::move(E));
  Expected<json::Value> Merged = mergeSarif(O.MergeInputs);
  if (!Merged)
    return fail(Merged.takeError());
  if (Error E = writeJsonFile(O.MergeOutput, *Merged))
    return fail(std::move(E));
  return ExitClean;
}

/// The units the budget left out, one main file per line.
Error writeFileList(StringRef Path, ArrayRef<std::string> Files) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write '%s': %s", Path.str().c_str(),
                             EC.message().c_str());
  for (const std::string &F : Files)
    OS << F << '\n';
  return Error::success();
}

int runAnalysis(const DriverOptions &O,
                std::chrono::steady_clock::time_point Start) {
  Expected<Plan> P = configure(O);
  if (!P)
    return fail(P.takeError());

  std::optional<ResultCache> Cache;
  if (!O.CacheDir.empty()) {
    Expected<ResultCache> C = ResultCache::open(
        absolutePath(O.CacheDir, P->Cwd), O.CacheSize, P->Settings);
    if (!C)
      return fail(C.takeError());
    Cache.emplace(std::move(*C));
  }

  auto DB = loadDatabase(O.BuildPath, P->Cwd);
  if (!DB)
    return fail(DB.takeError());
  SelectionRequest Request;
  Request.Cwd = P->Cwd;
  Request.Root = P->Root;
  Request.Paths = P->Paths;
  Request.ChangedFiles = O.ChangedFiles;
  Request.Jobs = O.Jobs;
  Request.Conf = &P->Conf;
  Request.ShardIndex = P->ShardIndex;
  Request.ShardCount = P->ShardCount;
  Expected<Selection> Selected = selectUnits(**DB, Request);
  if (!Selected)
    return fail(Selected.takeError());

  ScheduleOptions Schedule;
  Schedule.Jobs = O.Jobs;
  Schedule.Progress = !O.Quiet && sys::Process::StandardErrIsDisplayed();
  Schedule.Root = P->Root;
  if (O.TimeBudget)
    Schedule.Deadline = Start + std::chrono::seconds(*O.TimeBudget);
  std::vector<TUResult> Results;
  if (!Cache) {
    Results = analyseUnits(Selected->Units, P->Settings, Schedule);
  } else {
    // Units found in the cache are not analysed; the others are, and kept.
    const std::vector<Unit> &Units = Selected->Units;
    std::vector<std::string> Keys = Cache->keys(Units, O.Jobs);
    Results.resize(Units.size());
    std::vector<Unit> Missing;
    std::vector<size_t> Slots;
    for (size_t I = 0; I < Units.size(); ++I) {
      if (std::optional<TUResult> Hit = Cache->lookup(Keys[I], Units[I].File)) {
        Results[I] = std::move(*Hit);
        continue;
      }
      Missing.push_back(Units[I]);
      Slots.push_back(I);
    }
    std::vector<TUResult> Analysed =
        analyseUnits(Missing, P->Settings, Schedule);
    for (size_t J = 0; J < Slots.size(); ++J) {
      Cache->store(Keys[Slots[J]], Analysed[J]);
      Results[Slots[J]] = std::move(Analysed[J]);
    }
    Cache->trim();
  }

  FindingsOptions Collect;
  Collect.Root = P->Root;
  Collect.Conf = &P->Conf;
  Collect.Baseline = &P->Baseline;
  Collect.UnitTimeout = O.UnitTimeout;
  CollectedRun Collected = collectFindings(std::move(Results), Collect);
  const RunInfo &Run = Collected.Run;

  printFailures(errs(), Run);
  if (O.TimeBudget)
    printOverBudget(errs(), Collected.OverBudget, Collected.CutByBudget,
                    *O.TimeBudget, P->Root);
  if (!O.OverBudgetList.empty()) {
    std::vector<std::string> Unchecked = Collected.CutByBudget;
    Unchecked.insert(Unchecked.end(), Collected.OverBudget.begin(),
                     Collected.OverBudget.end());
    llvm::sort(Unchecked);
    if (Error E = writeFileList(O.OverBudgetList, Unchecked))
      return fail(std::move(E));
  }
  // With the SARIF log on stdout, the text goes to stderr so that stdout
  // stays one JSON document.
  TextCounts Text =
      printFindings(O.SarifFile == "-" ? errs() : outs(), Run, O.Notes);
  if (!O.SarifFile.empty())
    if (Error E = writeJsonFile(O.SarifFile, makeSarif(Run)))
      return fail(std::move(E));
  if (!O.Quiet)
    printSummary(errs(), Run, Text,
                 {Run.AnalyzedFiles.size(), Collected.InBaseline,
                  Selected->OtherLanguage, Collected.OverBudget.size(),
                  Collected.CutByBudget.size(), Collected.FromCache});

  if (!Run.Failures.empty())
    return ExitTUFailed;
  return Text.Reported ? ExitFindings : ExitClean;
}

} // namespace

int main(int argc, char **argv) {
  auto Start = std::chrono::steady_clock::now();
  InitLLVM X(argc, argv);
  CrashRecoveryContext::Enable();
  // Cross compilers' names (arm-linux-gnueabihf-gcc) are looked up as
  // targets; only the target's description is needed, not its backend.
  InitializeAllTargetInfos();
  outs().enable_colors(outs().has_colors());
  errs().enable_colors(errs().has_colors());

  Expected<DriverOptions> Options = parseCommandLine(argc, argv);
  if (!Options)
    return fail(Options.takeError());
  if (Options->Merge)
    return runMerge(*Options);
  return runAnalysis(*Options, Start);
}

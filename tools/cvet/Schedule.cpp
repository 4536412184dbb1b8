//===- Schedule.cpp - the selected units through the analyzer -------------===//

#include "Schedule.h"
#include "BudgetStop.h"
#include "Paths.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

using namespace llvm;
using namespace cvet;

namespace {

/// The "[37/412] src/foo.c" line on a terminal.
class Progress {
public:
  Progress(size_t Total, bool Enabled) : Total(Total), Enabled(Enabled) {}
  void done(StringRef File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    errs() << "\r\x1b[K[" << Done << '/' << Total << "] " << File;
    errs().flush();
  }
  void finish() {
    if (Enabled && Done) {
      errs() << "\r\x1b[K";
      errs().flush();
    }
  }

private:
  std::mutex Mutex;
  size_t Total;
  size_t Done = 0;
  bool Enabled;
};

/// Unit indices by main file size, largest first (ties in selection
/// order), or smallest first.
std::vector<size_t> bySize(ArrayRef<Unit> Units, bool LargestFirst) {
  std::vector<std::pair<uint64_t, size_t>> BySize;
  for (size_t I = 0; I < Units.size(); ++I) {
    uint64_t Size = 0;
    sys::fs::file_size(Units[I].File, Size);
    BySize.emplace_back(Size, I);
  }
  llvm::sort(BySize, [&](const auto &A, const auto &B) {
    if (A.first != B.first)
      return LargestFirst ? A.first > B.first : A.first < B.first;
    return A.second < B.second;
  });
  std::vector<size_t> Order;
  for (const auto &[Size, I] : BySize)
    Order.push_back(I);
  return Order;
}

} // namespace

std::vector<TUResult> cvet::analyseUnits(ArrayRef<Unit> Units,
                                         const AnalysisSettings &Settings,
                                         const ScheduleOptions &Options) {
  std::vector<TUResult> Results(Units.size());
  Progress Bar(Units.size(), Options.Progress);
  auto AnalyseOne = [&](size_t I) {
    if (Options.Deadline &&
        std::chrono::steady_clock::now() >= *Options.Deadline) {
      Results[I].File = Units[I].File;
      Results[I].OverBudget = true;
      return;
    }
    Results[I] = analyzeTranslationUnit(Units[I].Command, Settings);
    Bar.done(displayPath(Units[I].File, Options.Root));
  };
  setAnalysisDeadline(Options.Deadline);
  unsigned Threads = Options.Jobs
                         ? Options.Jobs
                         : hardware_concurrency().compute_thread_count();
  if (Threads <= 1 || Units.size() <= 1) {
    for (size_t I : bySize(Units, /*LargestFirst=*/!Options.Deadline))
      AnalyseOne(I);
  } else {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    // Under a budget, as many whole units as fit; else the biggest first,
    // so that one big unit does not run alone at the end.
    for (size_t I : bySize(Units, /*LargestFirst=*/!Options.Deadline))
      Pool.async([&AnalyseOne, I] { AnalyseOne(I); });
    Pool.wait();
  }
  Bar.finish();
  setAnalysisDeadline(std::nullopt);
  return Results;
}

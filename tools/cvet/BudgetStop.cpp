//===- BudgetStop.cpp - the analysis stops at the time budget -------------===//

#include "BudgetStop.h"

#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

#include <atomic>

using namespace clang;
using namespace clang::ento;
using namespace cvet;
using Clock = std::chrono::steady_clock;

namespace {

// Clock ticks since its epoch; 0: no deadline. Written before the pool
// starts, read by every analysis thread.
std::atomic<Clock::rep> DeadlineTicks{0};

// Each unit is analysed on one thread from start to end.
thread_local bool CutOnThisThread = false;

bool pastDeadline() {
  Clock::rep Ticks = DeadlineTicks.load(std::memory_order_relaxed);
  return Ticks && Clock::now().time_since_epoch().count() >= Ticks;
}

class BudgetStop
    : public Checker<check::BeginFunction, check::BranchCondition> {
public:
  void checkBeginFunction(CheckerContext &C) const { stopIfLate(C); }
  void checkBranchCondition(const Stmt *, CheckerContext &C) const {
    stopIfLate(C);
  }

private:
  void stopIfLate(CheckerContext &C) const {
    if (!pastDeadline())
      return;
    CutOnThisThread = true;
    C.generateSink(C.getState(), C.getPredecessor());
  }
};

} // namespace

void cvet::setAnalysisDeadline(std::optional<Clock::time_point> Deadline) {
  DeadlineTicks.store(Deadline ? Deadline->time_since_epoch().count() : 0);
}

bool cvet::analysisDeadlineSet() { return DeadlineTicks.load() != 0; }

static void registerBudgetStopChecker(CheckerManager &Manager) {
  Manager.registerChecker<BudgetStop>();
}

static bool shouldRegisterBudgetStopChecker(const CheckerManager &) {
  return true;
}

void cvet::registerBudgetStop(CheckerRegistry &Registry) {
  Registry.addChecker(registerBudgetStopChecker,
                      shouldRegisterBudgetStopChecker, BudgetStopChecker,
                      "Ends the analysis at the time budget", "",
                      /*IsHidden=*/true);
}

bool cvet::takeBudgetCut() {
  bool Cut = CutOnThisThread;
  CutOnThisThread = false;
  return Cut;
}

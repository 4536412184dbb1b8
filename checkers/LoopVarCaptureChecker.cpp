// LOCAL FAKE for driver testing; never commit.
#include "Checkers.h"
#include "ModelOption.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
using namespace clang::ento;
namespace {
class LoopVarCaptureChecker : public Checker<check::PreCall> {
public:
  cvet::Model M;
  BugType BT{this, "Loop variable captured", "cvet"};
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {
    const auto *FD = llvm::dyn_cast_or_null<clang::FunctionDecl>(Call.getDecl());
    if (!FD || FD->getName() != "pthread_create") return;
    ExplodedNode *N = C.generateNonFatalErrorNode();
    if (!N) return;
    C.emitReport(std::make_unique<PathSensitiveBugReport>(BT, "Address of loop variable 'i' is passed to 'pthread_create'; the thread may see a later value", N));
  }
};
}
void cvet::registerLoopVarCaptureChecker(CheckerManager &Mgr) {
  auto *C = Mgr.registerChecker<LoopVarCaptureChecker>();
  C->M = loadCheckerModel(Mgr, C);
}
bool cvet::shouldRegisterLoopVarCaptureChecker(const CheckerManager &) { return true; }

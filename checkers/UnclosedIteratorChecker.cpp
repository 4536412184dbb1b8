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
class UnclosedIteratorChecker : public Checker<check::PostCall> {
public:
  cvet::Model M;
  BugType BT{this, "Unclosed iterator", "cvet"};
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const {
    const auto *FD = llvm::dyn_cast_or_null<clang::FunctionDecl>(Call.getDecl());
    if (!FD || FD->getName() != "opendir") return;
    const NoteTag *T = C.getNoteTag([](PathSensitiveBugReport &) { return std::string("Directory opened by 'opendir'"); });
    ExplodedNode *N = C.generateNonFatalErrorNode(C.getState(), T);
    if (!N) return;
    auto R = std::make_unique<PathSensitiveBugReport>(BT, "Iterator returned by 'opendir' is not closed on this path; call 'closedir'", N);
    C.emitReport(std::move(R));
  }
};
}
void cvet::registerUnclosedIteratorChecker(CheckerManager &Mgr) {
  auto *C = Mgr.registerChecker<UnclosedIteratorChecker>();
  C->M = loadCheckerModel(Mgr, C);
}
bool cvet::shouldRegisterUnclosedIteratorChecker(const CheckerManager &) { return true; }

// Placeholder; replaced by the real checker.
#include "Checkers.h"
#include "ModelOption.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
using namespace clang::ento;
namespace {
class LoopVarCaptureChecker : public Checker<check::EndOfTranslationUnit> {
public:
  cvet::Model M;
  void checkEndOfTranslationUnit(const clang::TranslationUnitDecl *, AnalysisManager &, BugReporter &) const {}
};
}
void cvet::registerLoopVarCaptureChecker(CheckerManager &Mgr) {
  auto *C = Mgr.registerChecker<LoopVarCaptureChecker>();
  C->M = loadCheckerModel(Mgr, C);
}
bool cvet::shouldRegisterLoopVarCaptureChecker(const CheckerManager &) { return true; }

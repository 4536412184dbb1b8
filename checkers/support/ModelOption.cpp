//===- ModelOption.cpp - the model a checker runs with --------------------===//

#include "support/ModelOption.h"
#include "Checkers.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"

using namespace clang::ento;

cvet::ModelRef cvet::loadCheckerModel(CheckerManager &Mgr,
                                      const CheckerBase *Checker) {
  const clang::AnalyzerOptions &Opts = Mgr.getAnalyzerOptions();
  std::vector<std::string> Files =
      splitList(Opts.getCheckerStringOption(PackageName, "ModelFiles"));
  for (std::string &F :
       splitList(Opts.getCheckerStringOption(Checker, "ModelFiles")))
    Files.push_back(std::move(F));
  return loadModels(Files, [&](llvm::StringRef, llvm::Error Problem) {
    Mgr.reportInvalidCheckerOptionValue(
        Checker, "ModelFiles",
        "a readable, valid cvet model file (" +
            llvm::toString(std::move(Problem)) + ")");
  });
}

//===- ModelOption.cpp - the model a checker runs with --------------------===//

#include "ModelOption.h"
#include "Checkers.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"

using namespace clang::ento;

cvet::Model cvet::loadCheckerModel(CheckerManager &Mgr,
                                   const CheckerBase *Checker) {
  const clang::AnalyzerOptions &Opts = Mgr.getAnalyzerOptions();
  Model M = defaultModel();
  auto LoadFrom = [&](llvm::StringRef Files) {
    for (const std::string &File : splitList(Files))
      if (llvm::Error Err = loadModelFile(File, M))
        Mgr.reportInvalidCheckerOptionValue(
            Checker, "ModelFiles",
            "a readable, valid cvet model file (" +
                llvm::toString(std::move(Err)) + ")");
  };
  LoadFrom(Opts.getCheckerStringOption(PackageName, "ModelFiles"));
  LoadFrom(Opts.getCheckerStringOption(Checker, "ModelFiles"));
  return M;
}

std::vector<llvm::StringRef> cvet::qualifiedNameParts(llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::", -1, /*KeepEmpty=*/false);
  return std::vector<llvm::StringRef>(Parts.begin(), Parts.end());
}

CallDescription cvet::describeModelFunction(llvm::StringRef Name,
                                            CallDescription::Mode PlainMode) {
  std::vector<llvm::StringRef> Parts = qualifiedNameParts(Name);
  return CallDescription(
      Parts.size() > 1 ? CallDescription::Mode::Unspecified : PlainMode, Parts);
}

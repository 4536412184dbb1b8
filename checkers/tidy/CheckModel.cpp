//===- CheckModel.cpp - the model a cvet check runs with -----------------===//

#include "CheckModel.h"

using namespace clang::tidy;

cvet::tidy::CheckModel::CheckModel(ClangTidyCheck::OptionsView &Options)
    : Files(Options.getLocalOrGlobal("ModelFiles", "").str()) {}

cvet::ModelRef cvet::tidy::CheckModel::get(ClangTidyCheck &Check) {
  if (!Loaded)
    Loaded = loadModels(splitList(Files), [&](llvm::StringRef File,
                                              llvm::Error Problem) {
      Check.configurationDiag("Cannot use model file '%0': %1; "
                              "fix it or remove it from ModelFiles",
                              clang::DiagnosticIDs::Error)
          << File << llvm::toString(std::move(Problem));
    });
  return Loaded;
}

void cvet::tidy::CheckModel::store(ClangTidyCheck::OptionsView &Options,
                                    ClangTidyOptions::OptionMap &Map) const {
  Options.store(Map, "ModelFiles", Files);
}

//===- CheckModel.h - the model a cvet check runs with -------*- C++ -*-===//
//
// A check's model is the built-in one plus the files named by its ModelFiles
// option (`cvet-unclosed-iterator.ModelFiles` in .clang-tidy CheckOptions, or
// a global `ModelFiles` for every cvet check), read by the same loader as the
// analyzer's checkers. A file that cannot be read or parsed becomes one
// configuration error naming the file, line and problem; the check goes on
// with the rest.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_CHECKMODEL_H
#define CVET_CHECKERS_TIDY_CHECKMODEL_H

#include "cvet/Model.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <string>

namespace cvet::tidy {

/// Reads the option's value once, at construction.
class CheckModel {
public:
  CheckModel(clang::tidy::ClangTidyCheck::OptionsView &Options);

  /// The model, loaded on first use through the process-wide cache;
  /// errors go to Check's configuration diagnostics.
  ModelRef get(clang::tidy::ClangTidyCheck &Check);

  void store(clang::tidy::ClangTidyCheck::OptionsView &Options,
             clang::tidy::ClangTidyOptions::OptionMap &Map) const;

private:
  std::string Files;
  ModelRef Loaded;
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_CHECKMODEL_H

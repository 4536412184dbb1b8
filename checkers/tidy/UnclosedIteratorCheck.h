//===- UnclosedIteratorCheck.h - cvet-unclosed-iterator -------*- C++ -*-===//
//
// The editor's version of cvet.UnclosedIterator: an iterator, cursor or scan
// handle from a model Acquire function that some path of its function reaches
// the end of its variable's life on without a Release or an escape. One
// function at a time, over Clang's CFG; see UnclosedIteratorCheck.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_UNCLOSEDITERATORCHECK_H
#define CVET_CHECKERS_TIDY_UNCLOSEDITERATORCHECK_H

#include "CheckModel.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>

namespace cvet::tidy {

struct IteratorTables;

class UnclosedIteratorCheck : public clang::tidy::ClangTidyCheck {
public:
  UnclosedIteratorCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context);
  ~UnclosedIteratorCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  CheckModel Models;
  std::unique_ptr<IteratorTables> Tables;
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_UNCLOSEDITERATORCHECK_H

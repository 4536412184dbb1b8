//===- LoopVarCaptureCheck.h - cvet-loop-var-capture ----------*- C++ -*-===//
//
// The editor's version of cvet.LoopVarCapture, from the AST alone: inside a
// loop, the address of a variable the loop changes (or declares anew each
// iteration), or a by-reference capture of one, is handed to a thread spawn
// or an async call that the iteration does not wait for. See
// LoopVarCaptureCheck.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_LOOPVARCAPTURECHECK_H
#define CVET_CHECKERS_TIDY_LOOPVARCAPTURECHECK_H

#include "CheckModel.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>

namespace cvet::tidy {

struct CaptureTables;

class LoopVarCaptureCheck : public clang::tidy::ClangTidyCheck {
public:
  LoopVarCaptureCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
  ~LoopVarCaptureCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  CheckModel Models;
  std::unique_ptr<CaptureTables> Tables;
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_LOOPVARCAPTURECHECK_H

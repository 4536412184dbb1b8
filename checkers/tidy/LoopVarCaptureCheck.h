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

#include "BodyCheck.h"
#include <memory>

namespace cvet::tidy {

struct CaptureTables;

class LoopVarCaptureCheck : public BodyCheck {
public:
  LoopVarCaptureCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~LoopVarCaptureCheck() override;

private:
  void prepare(ModelRef M) override;
  void checkBody(const clang::Decl *Fn, clang::Stmt *Body,
                 clang::ASTContext &Ctx) override;

  std::unique_ptr<CaptureTables> Tables;
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_LOOPVARCAPTURECHECK_H

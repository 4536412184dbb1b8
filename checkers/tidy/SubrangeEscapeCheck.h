//===- SubrangeEscapeCheck.h - cvet-subrange-escape -----------*- C++ -*-===//
//
// The editor's version of cvet.SubrangeEscape, from one function's AST and
// CFG: a pointer into the middle of a buffer the function can see the life
// of, stored as a key or value of a global, static or parameter's map, on a
// path that then frees, reallocates or refills the buffer, or leaves the
// function while the buffer is a local array. See SubrangeEscapeCheck.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_SUBRANGEESCAPECHECK_H
#define CVET_CHECKERS_TIDY_SUBRANGEESCAPECHECK_H

#include "BodyCheck.h"
#include <memory>

namespace cvet::tidy {

struct SubrangeTables;

class SubrangeEscapeCheck : public BodyCheck {
public:
  SubrangeEscapeCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~SubrangeEscapeCheck() override;

private:
  void prepare(ModelRef M) override;
  void checkBody(const clang::Decl *Fn, clang::Stmt *Body,
                 clang::ASTContext &Ctx) override;

  std::unique_ptr<SubrangeTables> Tables;
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_SUBRANGEESCAPECHECK_H

//===- UnclosedIteratorCheck.h - cvet-unclosed-iterator -------*- C++ -*-===//
//
// The editor's version of cvet.UnclosedIterator: an iterator, cursor or scan
// handle from a model Acquire function that some path of its function reaches
// the end of its variable's life on without a Release or an escape. One
// function at a time, over Clang's CFG; see IteratorFlow.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_UNCLOSEDITERATORCHECK_H
#define CVET_CHECKERS_TIDY_UNCLOSEDITERATORCHECK_H

#include "BodyCheck.h"
#include <memory>

namespace cvet::tidy {

struct IteratorTables;

class UnclosedIteratorCheck : public BodyCheck {
public:
  UnclosedIteratorCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~UnclosedIteratorCheck() override;

private:
  void prepare(ModelRef M) override;
  void checkBody(const clang::Decl *Fn, clang::Stmt *Body,
                 clang::ASTContext &Ctx) override;

  std::unique_ptr<IteratorTables> Tables;
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_UNCLOSEDITERATORCHECK_H

//===- BodyCheck.h - what the cvet checks share ---------------*- C++ -*-===//
//
// Every cvet check reads the model (its ModelFiles option, CheckModel.h) and
// builds its call tables once, on first use. Most look at one body at a time
// (a function, a lambda's call operator, a block): BodyCheck matches each
// such body on its own, because matching the interesting calls and asking
// for their function (forCallable, hasAncestor) would build the parent map
// of the whole translation unit on every keystroke.
//
//   ModelCheck   the model option, stored and loaded once
//   BodyCheck    ModelCheck + one call of checkBody per definition, lambda
//                and block, templates left out
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_BODYCHECK_H
#define CVET_CHECKERS_TIDY_BODYCHECK_H

#include "CheckModel.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"

namespace cvet::tidy {

class ModelCheck : public clang::tidy::ClangTidyCheck {
public:
  ModelCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Models(Options) {}
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override {
    Models.store(Options, Opts);
  }

protected:
  /// The model; a file that cannot be used is reported once.
  ModelRef model() { return Models.get(*this); }

private:
  CheckModel Models;
};

class BodyCheck : public ModelCheck {
public:
  using ModelCheck::ModelCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;

protected:
  /// Builds the check's tables from the model, before the first body.
  virtual void prepare(ModelRef Model) = 0;
  /// One body of Fn (a FunctionDecl, a lambda's call operator or a
  /// BlockDecl); nested lambdas and blocks come on their own.
  virtual void checkBody(const clang::Decl *Fn, clang::Stmt *Body,
                         clang::ASTContext &Ctx) = 0;

private:
  bool Prepared = false;
};

/// Whether S calls, outside nested lambdas and blocks, a function whose
/// unqualified name is in Names, or has a statement Also accepts (code
/// expanded from a model macro): the quick look before any CFG is built.
bool callsAnyOf(const clang::Stmt *S, const llvm::StringSet<> &Names,
                llvm::function_ref<bool(const clang::Stmt *)> Also = nullptr);

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_BODYCHECK_H

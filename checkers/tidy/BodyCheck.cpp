//===- BodyCheck.cpp - what the cvet checks share -------------------------===//

#include "BodyCheck.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprObjC.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cvet::tidy {

void BodyCheck::registerMatchers(MatchFinder *Finder) {
  if (!Prepared) {
    prepare(model());
    Prepared = true;
  }
  Finder->addMatcher(functionDecl(isDefinition()).bind("fn"), this);
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
  Finder->addMatcher(blockExpr().bind("block"), this);
}

void BodyCheck::check(const MatchFinder::MatchResult &Result) {
  const Decl *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (const auto *LE = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Fn = LE->getCallOperator();
  if (const auto *BE = Result.Nodes.getNodeAs<BlockExpr>("block"))
    Fn = BE->getBlockDecl();
  Stmt *Body = Fn ? Fn->getBody() : nullptr;
  if (!Body || Fn->isTemplated())
    return;
  checkBody(Fn, Body, *Result.Context);
}

bool callsAnyOf(const Stmt *S, const llvm::StringSet<> &Names,
                llvm::function_ref<bool(const Stmt *)> Also) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = CE->getDirectCallee())
      if (const IdentifierInfo *II = FD->getIdentifier();
          II && Names.count(II->getName()))
        return true;
  if (Also && Also(S))
    return true;
  for (const Stmt *Child : S->children())
    if (callsAnyOf(Child, Names, Also))
      return true;
  return false;
}

} // namespace cvet::tidy

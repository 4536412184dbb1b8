//===- UnclosedIteratorCheck.cpp - iterators that are never closed --------===//
//
// cvet-unclosed-iterator, the editor's twin of cvet.UnclosedIterator: a
// handle from a model Acquire function that some path of its function carries
// to the end of its variable's life (a return, a break out of its block, the
// closing brace, an overwrite) without a Release or an escape.
//
//   IteratorTables   the model's Iterators section as call tables
//   IteratorFlow     the dataflow over the function's CFG, and its states
//   this file        the check: which bodies to look at, and the messages
//
//===----------------------------------------------------------------------===//

#include "UnclosedIteratorCheck.h"
#include "IteratorFlow.h"

namespace cvet::tidy {

namespace {

//===----------------------------------------------------------------------===//
// Messages (the same text as the analyzer's checker).
//===----------------------------------------------------------------------===//

std::string subject(const AcquireEntry &A) {
  switch (A.Shape) {
  case HandleLoc::OutParam:
    return "Iterator opened by '" + A.Name + "'";
  case HandleLoc::InPlace:
    return "Scan started by '" + A.Name + "'";
  case HandleLoc::Return:
  case HandleLoc::None: // not an Iterators shape; the reader refuses it
  case HandleLoc::Arg:
    break;
  }
  return "Iterator returned by '" + A.Name + "'";
}

std::string leakMessage(const AcquireEntry &A) {
  return subject(A) +
         (A.Shape == HandleLoc::InPlace ? " is not ended" : " is not closed") +
         " on this path; call '" + A.F->Closer + "'";
}

std::string openNote(const AcquireEntry &A) {
  return (A.Shape == HandleLoc::InPlace ? "Scan started by '"
                                        : "Iterator opened by '") +
         A.Name + "'";
}

} // namespace

UnclosedIteratorCheck::UnclosedIteratorCheck(llvm::StringRef Name,
                                              clang::tidy::ClangTidyContext *Context)
    : BodyCheck(Name, Context) {}

UnclosedIteratorCheck::~UnclosedIteratorCheck() = default;

void UnclosedIteratorCheck::prepare(ModelRef M) {
  Tables = std::make_unique<IteratorTables>(std::move(M));
}

void UnclosedIteratorCheck::checkBody(const clang::Decl *Fn, clang::Stmt *Body,
                                      clang::ASTContext &Ctx) {
  if (!callsAnyOf(Body, Tables->AcquireNames))
    return;
  findLeaks(*Tables, Ctx, Fn, Body, [&](const Site &S, clang::SourceLocation Where) {
    diag(Where, "%0") << leakMessage(*S.Entry);
    diag(S.Call->getBeginLoc(), "%0", clang::DiagnosticIDs::Note)
        << openNote(*S.Entry);
  });
}

} // namespace cvet::tidy

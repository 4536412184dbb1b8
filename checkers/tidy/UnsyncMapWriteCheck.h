//===- UnsyncMapWriteCheck.h - cvet-unsync-map-write ----------*- C++ -*-===//
//
// The editor's version of cvet.UnsyncMapWrite: a shared map written without
// a lock by a thread's entry function, by the code that started the thread
// while it may run, by an AnyThread function, against the map's guarded_by,
// or without the lock its other writes hold. The facts of the translation
// unit (which function runs on which thread, the locks each map access
// holds) are the analyzer checker's own; see UnsyncMapWriteCheck.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_UNSYNCMAPWRITECHECK_H
#define CVET_CHECKERS_TIDY_UNSYNCMAPWRITECHECK_H

#include "BodyCheck.h"
#include <memory>

namespace cvet {
class ConcurrencyModel;
class ConcurrencyFacts;
} // namespace cvet

namespace cvet::tidy {

class UnsyncMapWriteCheck : public BodyCheck {
public:
  UnsyncMapWriteCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~UnsyncMapWriteCheck() override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  void prepare(ModelRef M) override;
  void checkBody(const clang::Decl *Fn, clang::Stmt *Body,
                 clang::ASTContext &Ctx) override;

  struct UnitFacts;
  ModelRef Model;
  std::unique_ptr<ConcurrencyModel> Tables;
  llvm::StringSet<> WriteNames; ///< map operations that may write
  /// Computed for the translation unit at its first body with a map write.
  std::unique_ptr<UnitFacts> Unit;
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_UNSYNCMAPWRITECHECK_H

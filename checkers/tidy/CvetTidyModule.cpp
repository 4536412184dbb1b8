//===- CvetTidyModule.cpp - the cvet clang-tidy module --------------------===//
//
// Registers the fast, editor-time versions of the cvet rules as clang-tidy
// checks named as in Checkers.def (cvet-<rule>). Adding a check is its
// XxxCheck.{h,cpp} (on BodyCheck.h) and one line below.
//
// The module is linked into cvet-clangd and built as a clang-tidy plugin
// (cvet-tidy.so, see PluginVersion.cpp).
//
//===----------------------------------------------------------------------===//

#include "LoopVarCaptureCheck.h"
#include "SubrangeEscapeCheck.h"
#include "UnclosedIteratorCheck.h"
#include "UnsyncMapWriteCheck.h"

#include "support/Compat.h"

#include "clang-tidy/ClangTidyModule.h"
#include CVET_TIDY_MODULE_HEADER

namespace cvet::tidy {
namespace {

/// The clang-tidy name of each rule ("cvet-unclosed-iterator").
namespace names {
#define CVET_CHECKER(Class, DocSlug, TidyName, Description)                    \
  constexpr llvm::StringLiteral Class = TidyName;
#include "Checkers.def"
} // namespace names

class CvetModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<UnclosedIteratorCheck>(names::UnclosedIterator);
    F.registerCheck<LoopVarCaptureCheck>(names::LoopVarCapture);
    F.registerCheck<SubrangeEscapeCheck>(names::SubrangeEscape);
    F.registerCheck<UnsyncMapWriteCheck>(names::UnsyncMapWrite);
  }
};

} // namespace

static clang::tidy::ClangTidyModuleRegistry::Add<CvetModule>
    X("cvet-module", "Adds the cvet checks (cvet-*).");

// Referenced by cvet-clangd so that the linker keeps this module.
volatile int CvetTidyModuleAnchorSource = 0;

} // namespace cvet::tidy

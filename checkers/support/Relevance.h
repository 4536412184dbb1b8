//===- Relevance.h - the functions a rule can act on -----------*- C++ -*-===//
//
// A top-level function gives a rule something to act on only if some path
// through it reaches a modelled API: a call to a function the model names
// (`Function:` in any section), a function carrying handle, ownership or
// lock attributes, or code expanded from a model `Macro:`. The analyzer can
// only reach code the function refers to: its direct callees, constructors
// and destructors it runs, its lambdas and blocks, functions whose address it
// takes or that sit in the initializers of variables it reads (callbacks,
// function tables), and the overriders of methods it calls. So the relevant
// functions are those from which a chain of such references leads to a
// modelled API; everything else can be left unexplored without changing a
// finding.
//
// RelevantFunctions builds that reference graph once per translation unit
// from the AST and walks it backwards from the modelled APIs. It errs on the
// side of relevance: a reference the analyzer could not follow still counts.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_RELEVANCE_H
#define CVET_CHECKERS_SUPPORT_RELEVANCE_H

#include "cvet/ModelNames.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

namespace clang {
class ASTContext;
class Decl;
} // namespace clang

namespace cvet {

class RelevantFunctions {
public:
  RelevantFunctions(clang::ASTContext &Ctx, const ModelNames &Names);

  /// Whether exploring D as a top-level function may lead to a modelled
  /// API. True for anything that is not a plain function or method (blocks,
  /// Objective-C methods): those are always analysed.
  bool mayMatter(const clang::Decl *D) const;

  /// Whether D's own body (or a lambda or block written in it) calls a
  /// modelled API, rather than reaching one only through the functions it
  /// calls. True for anything that is not a plain function or method.
  bool usesDirectly(const clang::Decl *D) const;

  /// How many functions and variables can lead to a modelled API.
  size_t size() const { return Relevant.size(); }

private:
  llvm::DenseSet<const clang::Decl *> Relevant;
  llvm::DenseSet<const clang::Decl *> Direct;
};

/// Whether a C translation unit may use one of these APIs: its code names a
/// function of Called.Functions (matched as loosely as RelevantFunctions
/// matches, attributes included) or expands a macro of Called.Macros (one it
/// defines); it defines a function named in Defined; or, with ThreadSafety,
/// a declaration carries a thread-safety attribute (guarded_by,
/// pt_guarded_by, requires_capability, acquire_capability...). A rule that needs
/// one of these to report anything can stay idle in a unit without them.
/// Always true outside C (C++ and Objective-C also reach an API through
/// constructors, operators and messages) and when Called names function
/// pointer fields (Members), which it does not look for.
bool mayUseApis(clang::ASTContext &Ctx, const ModelNames &Called,
                const llvm::StringSet<> &Defined, bool ThreadSafety);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_RELEVANCE_H

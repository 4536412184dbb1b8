//===- Checkers.h - registering the cvet checkers -------------*- C++ -*-===//
//
// registerCheckers() adds every cvet rule and its options to a registry. The
// plugin's clang_registerCheckers() calls it, and so can an in-process driver
// through AnalysisASTConsumer::AddCheckerRegistrationFn, without a plugin.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_H
#define CVET_CHECKERS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::ento {
class CheckerManager;
class CheckerRegistry;
} // namespace clang::ento

namespace cvet {

/// The package every cvet checker lives in ("cvet").
inline constexpr llvm::StringLiteral PackageName = "cvet";

/// The project's home, the base of every rule's help URI.
extern const char *const HomepageURL;

void registerCheckers(clang::ento::CheckerRegistry &Registry);

/// Documentation page of a rule, from its doc slug ("unclosed-iterator").
std::string ruleHelpURI(llvm::StringRef DocSlug);

/// The warning a translation unit gets when it ran out of its time budget
/// (cvet:UnitTimeout), as a custom diagnostic format: %0 the budget in
/// seconds, %1 top-level functions not analysed, %2 functions cut short.
/// The driver recognises the diagnostic by it.
extern const char UnitBudgetWarning[];

/// cvet.Prune: hidden, a dependency of every rule. It leaves out the
/// functions that cannot reach a modelled API and enforces the time budget.
void registerPruneChecker(clang::ento::CheckerManager &Mgr);
bool shouldRegisterPruneChecker(const clang::ento::CheckerManager &Mgr);

#define CVET_CHECKER(Class, DocSlug, TidyName, Description)                    \
  void register##Class##Checker(clang::ento::CheckerManager &Mgr);             \
  bool shouldRegister##Class##Checker(const clang::ento::CheckerManager &Mgr);
#include "Checkers.def"

} // namespace cvet

#endif // CVET_CHECKERS_H

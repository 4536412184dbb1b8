//===- Checkers.h - registering the cvet checkers -------------*- C++ -*-===//
//
// registerCheckers() adds every cvet rule and its options to a registry. The
// plugin's clang_registerCheckers() calls it, and so can an in-process driver
// through AnalysisASTConsumer::AddCheckerRegistrationFn, without a plugin.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_H
#define CVET_CHECKERS_H

#include "cvet/ModelNames.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <string>

namespace clang {
class ASTContext;
} // namespace clang

namespace clang::ento {
class CheckerBase;
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

/// Called by a rule as it registers: the model names whose calls can start
/// something the rule reports (UnclosedIterator: the acquiring functions,
/// not the ones that close or use a handle). cvet.Prune explores a function
/// only if it can reach one of them, or a function with handle, ownership or
/// lock attributes. A rule that declares nothing is taken to care about
/// every `Function:` and `Macro:` of every model section.
///
/// ReportsIn, when given, says whether the rule can report anything at all in
/// a translation unit; where it cannot, its triggers are left out there.
void declareTriggers(
    clang::ento::CheckerManager &Mgr, const clang::ento::CheckerBase *Rule,
    ModelNames Names,
    std::function<bool(clang::ASTContext &)> ReportsIn = nullptr);

#define CVET_CHECKER(Class, DocSlug, TidyName, Description)                    \
  void register##Class##Checker(clang::ento::CheckerManager &Mgr);             \
  bool shouldRegister##Class##Checker(const clang::ento::CheckerManager &Mgr);
#include "Checkers.def"

} // namespace cvet

#endif // CVET_CHECKERS_H

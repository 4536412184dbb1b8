//===- Checkers.cpp - registering the cvet checkers -----------------------===//

#include "Checkers.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/Twine.h"

using namespace clang::ento;

const char *const cvet::HomepageURL = CVET_HOMEPAGE;

std::string cvet::ruleHelpURI(llvm::StringRef DocSlug) {
  return (llvm::Twine(HomepageURL) + "/blob/main/docs/rules/" + DocSlug + ".md")
      .str();
}

void cvet::registerCheckers(CheckerRegistry &Registry) {
  Registry.addPackage(PackageName);
  Registry.addPackageOption(
      "string", PackageName, "ModelFiles", "",
      "Extra API model files (YAML) for every cvet checker, separated by ';'",
      "released");
  Registry.addPackageOption(
      "bool", PackageName, "Prune", "true",
      "Explore only the functions that can reach a modelled API (false: "
      "every function; the findings are the same)",
      "released");
  Registry.addPackageOption(
      "string", PackageName, "UnitTimeout", "0",
      "CPU seconds a translation unit may take, parse included; then no "
      "function is started and paths end at their next branch (0: no limit)",
      "released");
  Registry.addPackageOption(
      "bool", PackageName, "AnalyseNotInlined", "true",
      "Also analyse as a top-level function a function that some call "
      "evaluated without inlining it (Clang stops inlining a function once a "
      "loop in it runs out of max-loop)",
      "released");
  Registry.addPackageOption(
      "int", PackageName, "IndirectMaxNodes", "0",
      "Nodes of the exploded graph for a top-level function that reaches a "
      "modelled API only through the functions it calls (0: max-nodes alone)",
      "released");
  Registry.addChecker(registerPruneChecker, shouldRegisterPruneChecker,
                      "cvet.Prune",
                      "Leaves out functions that cannot reach a modelled API; "
                      "enforces cvet:UnitTimeout",
                      "", /*IsHidden=*/true);
  // The registry keeps StringRefs: the URIs must outlive it.
#define CVET_CHECKER(Class, DocSlug, TidyName, Description)                    \
  static const std::string Class##Doc = ruleHelpURI(DocSlug);                  \
  Registry.addChecker(register##Class##Checker,                               \
                      shouldRegister##Class##Checker, "cvet." #Class,          \
                      Description, Class##Doc, /*IsHidden=*/false);            \
  Registry.addCheckerOption("string", "cvet." #Class, "ModelFiles", "",        \
                            "Extra API model files (YAML) for this checker, "  \
                            "separated by ';'",                                \
                            "released");                                     \
  Registry.addDependency("cvet." #Class, "cvet.Prune");
#include "Checkers.def"
}

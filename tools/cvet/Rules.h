//===- Rules.h - the rule table the driver reports against -----*- C++ -*-===//
//
// Built from checkers/Checkers.def and the rule pages in docs/rules/ that were
// embedded at build time. Also evaluates --checks lists (clang-tidy syntax:
// comma-separated globs, '-' disables, later entries win; the globs are
// Glob.h's).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_RULES_H
#define CVET_TOOLS_RULES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace cvet {

struct Rule {
  std::string Id;       ///< "cvet.UnclosedIterator", the SARIF ruleId
  std::string Name;     ///< "UnclosedIterator"
  std::string DocSlug;  ///< "unclosed-iterator"
  std::string TidyName; ///< "cvet-unclosed-iterator"
  std::string Description;
  std::string FullDescription;
  std::string Level; ///< SARIF default level
  std::vector<std::string> Tags;
  std::string Doc; ///< docs/rules/<slug>.md; empty if the page did not exist
  std::string HelpUri;
  /// The notes beside a report's path describe another thread (SARIF: a
  /// second threadFlow).
  bool NotesShowOtherThread = false;
};

/// Every rule, in Checkers.def order.
const std::vector<Rule> &allRules();

/// The rule with this SARIF id, or nullptr.
const Rule *findRule(llvm::StringRef Id);

/// Applies check lists in order to "every rule enabled" and returns the ids
/// left enabled, in table order. A name that matches no rule is an error.
llvm::Expected<std::vector<std::string>>
selectRules(llvm::ArrayRef<std::string> CheckLists);

/// Whether a comment's rule list ("cvet.UnclosedIterator", "cvet-*") names
/// this rule by its id or its clang-tidy name.
bool ruleListNames(llvm::StringRef List, const Rule &R);

} // namespace cvet

#endif // CVET_TOOLS_RULES_H

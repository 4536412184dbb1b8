//===- Rules.cpp - the rule table the driver reports against --------------===//

#include "Rules.h"
#include "Checkers.h"
#include "Glob.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace cvet;

namespace {
struct EmbeddedDoc {
  const char *Name;
  const char *Text;
};
// {"unclosed-iterator.md", "..."} for each page of docs/rules/.
const EmbeddedDoc RuleDocs[] = {
#include "RuleDocs.inc"
    {nullptr, nullptr}};
} // namespace

static std::vector<Rule> buildRules() {
  std::vector<Rule> Rules;
#define CVET_CHECKER(Class, Slug, Tidy, Desc)                                  \
  {                                                                            \
    Rule R;                                                                    \
    R.Id = "cvet." #Class;                                                     \
    R.Name = #Class;                                                           \
    R.DocSlug = Slug;                                                          \
    R.TidyName = Tidy;                                                         \
    R.Description = Desc;                                                      \
    R.FullDescription = Desc;                                                  \
    R.Level = "warning";                                                       \
    Rules.push_back(std::move(R));                                             \
  }
#include "Checkers.def"

#define CVET_RULE_INFO(Class, HumanName, DefaultLevel, TagList, Full)          \
  for (Rule & R : Rules)                                                       \
    if (R.Id == "cvet." #Class) {                                              \
      R.Name = HumanName;                                                      \
      R.Level = DefaultLevel;                                                  \
      R.FullDescription = Full;                                                \
      SmallVector<StringRef, 8> Parts;                                         \
      StringRef(TagList).split(Parts, ';', -1, /*KeepEmpty=*/false);           \
      for (StringRef P : Parts)                                                \
        R.Tags.push_back(P.trim().str());                                      \
    }
#include "Checkers.def"

#define CVET_RULE_OTHER_THREAD_NOTES(Class)                                    \
  for (Rule & R : Rules)                                                       \
    if (R.Id == "cvet." #Class)                                                \
      R.NotesShowOtherThread = true;
#include "Checkers.def"

  for (Rule &R : Rules) {
    R.HelpUri = ruleHelpURI(R.DocSlug);
    for (const EmbeddedDoc &D : RuleDocs)
      if (D.Name && StringRef(D.Name) == R.DocSlug + ".md")
        R.Doc = StringRef(D.Text).trim().str();
  }
  return Rules;
}

const std::vector<Rule> &cvet::allRules() {
  static const std::vector<Rule> Rules = buildRules();
  return Rules;
}

const Rule *cvet::findRule(StringRef Id) {
  for (const Rule &R : allRules())
    if (R.Id == Id)
      return &R;
  return nullptr;
}

static bool matchesRule(StringRef Glob, const Rule &R) {
  return globMatch(Glob, R.Id) || globMatch(Glob, R.TidyName);
}

bool cvet::ruleListNames(StringRef List, const Rule &R) {
  SmallVector<StringRef, 4> Items;
  List.split(Items, ',', -1, /*KeepEmpty=*/false);
  return any_of(Items, [&](StringRef I) { return matchesRule(I.trim(), R); });
}

Expected<std::vector<std::string>>
cvet::selectRules(ArrayRef<std::string> CheckLists) {
  const std::vector<Rule> &Rules = allRules();
  std::vector<bool> Enabled(Rules.size(), true);
  for (const std::string &List : CheckLists) {
    SmallVector<StringRef, 8> Items;
    StringRef(List).split(Items, ',', -1, /*KeepEmpty=*/false);
    for (StringRef Item : Items) {
      Item = Item.trim();
      if (Item.empty())
        continue;
      bool Enable = !Item.consume_front("-");
      Item = Item.trim();
      bool Matched = false;
      for (size_t I = 0; I < Rules.size(); ++I)
        if (matchesRule(Item, Rules[I])) {
          Enabled[I] = Enable;
          Matched = true;
        }
      if (!Matched && (Enable || !Item.contains('*'))) {
        std::string Known;
        for (const Rule &R : Rules)
          Known += (Known.empty() ? "" : ", ") + R.Id;
        return createStringError(inconvertibleErrorCode(),
                                 "unknown rule '%s' in the check list "
                                 "(known rules: %s)",
                                 Item.str().c_str(), Known.c_str());
      }
    }
  }
  std::vector<std::string> Ids;
  for (size_t I = 0; I < Rules.size(); ++I)
    if (Enabled[I])
      Ids.push_back(Rules[I].Id);
  return Ids;
}

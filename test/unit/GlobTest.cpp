//===- GlobTest.cpp - the driver's one glob engine ------------------------===//

#include "Config.h"
#include "Glob.h"
#include "Rules.h"
#include "Suppress.h"
#include "gtest/gtest.h"

using namespace cvet;

namespace {

bool matches(llvm::StringRef Pattern, llvm::StringRef Text) {
  llvm::Expected<Glob> G = Glob::create(Pattern);
  if (!G) {
    llvm::consumeError(G.takeError());
    return false;
  }
  return G->match(Text);
}

TEST(Glob, StarMatchesAnyRunIncludingSlash) {
  EXPECT_TRUE(matches("cvet-*", "cvet-unclosed-iterator"));
  EXPECT_TRUE(matches("*", ""));
  EXPECT_TRUE(matches("third_party/*", "third_party/zlib/inflate.c"));
  EXPECT_TRUE(matches("*/generated/*", "src/generated/parser.c"));
  EXPECT_FALSE(matches("cvet-*", "cvet.UnclosedIterator"));
}

TEST(Glob, LiteralNamesMatchThemselvesOnly) {
  EXPECT_TRUE(matches("cvet.LoopVarCapture", "cvet.LoopVarCapture"));
  EXPECT_FALSE(matches("cvet.LoopVarCapture", "cvet.LoopVarCaptureX"));
  // '.' is not a wildcard.
  EXPECT_FALSE(matches("cvet.LoopVarCapture", "cvetXLoopVarCapture"));
}

TEST(Glob, QuestionMarkAndSets) {
  EXPECT_TRUE(matches("src/?.c", "src/a.c"));
  EXPECT_FALSE(matches("src/?.c", "src/ab.c"));
  EXPECT_TRUE(matches("src/[ab].c", "src/b.c"));
  EXPECT_FALSE(matches("src/[!ab].c", "src/b.c"));
}

TEST(Glob, BracesAreLiteral) {
  // ',' separates list items before a glob sees them: no brace expansion.
  EXPECT_TRUE(matches("{a}", "{a}"));
  EXPECT_FALSE(matches("{a,b}", "a"));
}

TEST(Glob, MalformedPatternIsAnError) {
  llvm::Expected<Glob> G = Glob::create("src/[z-a].c");
  ASSERT_FALSE(bool(G));
  EXPECT_NE(llvm::toString(G.takeError()).find("src/[z-a].c"),
            std::string::npos);
  EXPECT_FALSE(globMatch("[", "["));
}

TEST(Glob, GlobSurvivesMoves) {
  std::vector<Glob> Globs;
  for (const char *P : {"a*", "b*", "c*", "d*", "e*", "f*", "g*", "h*"})
    Globs.push_back(std::move(*Glob::create(std::string(P))));
  EXPECT_TRUE(Globs[0].match("abc"));
  EXPECT_TRUE(Globs[7].match("hello"));
  EXPECT_FALSE(Globs[7].match("abc"));
}

TEST(Checks, ClangTidySyntax) {
  auto Rules = selectRules({"-*,cvet-loop-*"});
  ASSERT_TRUE(bool(Rules));
  EXPECT_EQ(*Rules, std::vector<std::string>{"cvet.LoopVarCapture"});

  Rules = selectRules({"-*,cvet.UnclosedIterator", "-cvet.*,cvet.Loop*"});
  ASSERT_TRUE(bool(Rules));
  EXPECT_EQ(*Rules, std::vector<std::string>{"cvet.LoopVarCapture"});
}

TEST(Checks, UnknownNameIsAnError) {
  auto Rules = selectRules({"cvet.NoSuchRule"});
  ASSERT_FALSE(bool(Rules));
  EXPECT_NE(llvm::toString(Rules.takeError()).find("cvet.NoSuchRule"),
            std::string::npos);
  // Disabling a glob that matches nothing is fine (as in clang-tidy).
  EXPECT_TRUE(bool(selectRules({"-clang-analyzer-*"})));
}

TEST(Suppressions, RuleListsUseTheSameGlobs) {
  const Rule *R = findRule("cvet.UnclosedIterator");
  ASSERT_NE(R, nullptr);
  EXPECT_TRUE(suppressionIn("f(); // NOLINT(cvet-*)", *R, false));
  EXPECT_TRUE(suppressionIn("// cvet-ignore[cvet.Unclosed*]: why", *R, false));
  EXPECT_EQ(*suppressionIn("// cvet-ignore[cvet.UnclosedIterator]: why", *R,
                           true),
            "why");
  EXPECT_FALSE(suppressionIn("// NOLINT(cvet-loop-*)", *R, false));
  EXPECT_FALSE(suppressionIn("// NOLINTNEXTLINE(cvet-*)", *R, false));
}

TEST(ConfigExclude, RelativeToTheConfigFile) {
  auto C = parseConfig("Exclude: [\"third_party/*\", \"*.pb.c\"]\n",
                       "/proj/.cvet.yaml");
  ASSERT_TRUE(bool(C));
  EXPECT_TRUE(C->excludes("/proj/third_party/z/a.c"));
  EXPECT_TRUE(C->excludes("/proj/src/msg.pb.c"));
  EXPECT_FALSE(C->excludes("/proj/src/third_party.c"));
  EXPECT_FALSE(C->excludes("/other/third_party/a.c"));
}

TEST(ConfigExclude, BadPatternIsAnError) {
  auto C = parseConfig("Exclude: [\"src/[z-a]\"]\n", "/proj/.cvet.yaml");
  ASSERT_FALSE(bool(C));
  std::string E = llvm::toString(C.takeError());
  EXPECT_NE(E.find("/proj/.cvet.yaml"), std::string::npos) << E;
  EXPECT_NE(E.find("src/[z-a]"), std::string::npos) << E;
}

} // namespace

//===- ModelReaderTest.cpp - the YAML model reader ------------------------===//

#include "cvet/Model.h"
#include "gtest/gtest.h"

using namespace cvet;

namespace {

std::string errorOf(llvm::StringRef Text) {
  Model M;
  llvm::Error E = parseModel(Text, "m.yaml", M);
  return E ? llvm::toString(std::move(E)) : std::string();
}

TEST(ModelReader, ReadsIteratorFamily) {
  Model M;
  ASSERT_FALSE(llvm::errorToBool(parseModel(R"(
Iterators:
  # stmt_t *s; if (stmt_open(db, &s) == 0) { ...; stmt_close(s); }
  - Family: stmt
    Acquire:
      - { Function: stmt_open, Handle: OutParam, Arg: 1, SuccessReturn: 0 }
    Release:
      - { Function: stmt_close, Idempotent: true }
    Use:
      - { Function: stmt_step }
)",
                                                 "m.yaml", M)));
  ASSERT_EQ(M.Iterators.size(), 1u);
  const IteratorFamily &F = M.Iterators[0];
  EXPECT_EQ(F.Name, "stmt");
  ASSERT_EQ(F.Acquire.size(), 1u);
  EXPECT_EQ(F.Acquire[0].Function, "stmt_open");
  EXPECT_EQ(F.Acquire[0].Handle, HandleLoc::OutParam);
  EXPECT_EQ(F.Acquire[0].Arg, 1u);
  EXPECT_EQ(F.Acquire[0].SuccessReturn, 0);
  ASSERT_EQ(F.Release.size(), 1u);
  EXPECT_TRUE(F.Release[0].Idempotent);
  ASSERT_EQ(F.Use.size(), 1u);
  EXPECT_EQ(F.Use[0].Function, "stmt_step");
}

TEST(ModelReader, ReadsThreadSections) {
  Model M;
  ASSERT_FALSE(llvm::errorToBool(parseModel(R"(
ThreadSpawn:
  # pool_submit(pool, run, &arg);
  - { Function: pool_submit, DataArg: 2, Handle: Arg, HandleArg: 0 }
ThreadJoin:
  # pool_wait(pool);
  - { Function: pool_wait, HandleArg: 0 }
)",
                                                 "m.yaml", M)));
  ASSERT_EQ(M.ThreadSpawns.size(), 1u);
  EXPECT_EQ(M.ThreadSpawns[0].DataArg, 2u);
  ASSERT_EQ(M.ThreadJoins.size(), 1u);
  EXPECT_EQ(M.ThreadJoins[0].Function, "pool_wait");
}

TEST(ModelReader, EmptyDocumentIsAnEmptyModel) {
  Model M;
  EXPECT_FALSE(llvm::errorToBool(parseModel("", "m.yaml", M)));
  EXPECT_FALSE(
      llvm::errorToBool(parseModel("# only a comment\n", "m.yaml", M)));
  EXPECT_TRUE(M.Iterators.empty());
}

TEST(ModelReader, SyntaxErrorIsLocated) {
  std::string E = errorOf("Iterators:\n  - Family: [unclosed\n");
  EXPECT_EQ(E.rfind("m.yaml:", 0), 0u) << E;
  EXPECT_NE(E.find("m.yaml:2:"), std::string::npos) << E;
}

TEST(ModelReader, UnknownEnumValueIsLocated) {
  std::string E = errorOf("Iterators:\n"
                          "  - Family: w\n"
                          "    Acquire:\n"
                          "      - { Function: w_open, Handle: Sideways }\n");
  EXPECT_NE(E.find("m.yaml:4:"), std::string::npos) << E;
  EXPECT_NE(E.find("unknown enumerated scalar"), std::string::npos) << E;
}

TEST(ModelReader, UnknownKeyIsAnError) {
  std::string E = errorOf("Iterators:\n"
                          "  - Family: w\n"
                          "    Acquire: [{ Function: w_open }]\n"
                          "    Release: [{ Function: w_close }]\n"
                          "    Uses: [{ Function: w_next }]\n");
  EXPECT_NE(E.find("m.yaml:5:"), std::string::npos) << E;
  EXPECT_NE(E.find("unknown key 'Uses'"), std::string::npos) << E;
}

TEST(ModelReader, MissingRequiredKeyIsLocated) {
  std::string E = errorOf("Iterators:\n"
                          "  - Family: w\n"
                          "    Release: [{ Function: w_close }]\n");
  EXPECT_NE(E.find("m.yaml:2:"), std::string::npos) << E;
  EXPECT_NE(E.find("'Acquire'"), std::string::npos) << E;
}

TEST(ModelReader, WrongTypeIsAnError) {
  std::string E = errorOf("ThreadSpawn:\n"
                          "  - { Function: spawn, DataArg: first }\n");
  EXPECT_NE(E.find("m.yaml:2:"), std::string::npos) << E;
}

TEST(ModelReader, MissingFileNamesThePath) {
  Model M;
  llvm::Error E = loadModelFile("/nonexistent/cvet-model.yaml", M);
  ASSERT_TRUE(bool(E));
  std::string Text = llvm::toString(std::move(E));
  EXPECT_NE(Text.find("cannot read model file '/nonexistent/cvet-model.yaml'"),
            std::string::npos)
      << Text;
}

TEST(ModelReader, DefaultModelKnowsOpendir) {
  const Model &M = defaultModel();
  bool Found = false;
  for (const IteratorFamily &F : M.Iterators)
    for (const IteratorAcquire &A : F.Acquire)
      Found |= A.Function == "opendir";
  EXPECT_TRUE(Found);
}

} // namespace

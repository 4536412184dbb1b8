//===- ModelReaderTest.cpp - the YAML model reader ------------------------===//

#include "cvet/Model.h"
#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>

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
  EXPECT_EQ(F.Acquire[0].HandleArg, 1u); // read from the old key 'Arg'
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

TEST(ModelReader, OldAndNewKeysReadTheSame) {
  Model M;
  ASSERT_FALSE(llvm::errorToBool(parseModel(R"(
ThreadSpawns:
  # run_later(&t, fn, &arg);
  - { Function: run_later, DataArg: 2, Handle: OutParam, HandleArg: 0 }
ThreadSpawn:
  # old_spawn(fn, &arg);
  - { Function: old_spawn, DataArg: 1 }
)",
                                                 "m.yaml", M)));
  ASSERT_EQ(M.ThreadSpawns.size(), 2u);
  EXPECT_EQ(M.ThreadSpawns[0].Function, "run_later");
  EXPECT_EQ(M.ThreadSpawns[1].Function, "old_spawn");
}

TEST(ModelReader, BothSpellingsOfOneKeyIsAnError) {
  std::string E = errorOf(
      "Iterators:\n"
      "  - Family: w\n"
      "    Acquire: [{ Function: w_open, Handle: OutParam, Arg: 1, "
      "HandleArg: 1 }]\n"
      "    Release: [{ Function: w_close }]\n");
  EXPECT_NE(E.find("'Arg' is the old name of 'HandleArg'"), std::string::npos)
      << E;
}

TEST(ModelReader, HandleWordsEachSectionRejects) {
  std::string E = errorOf("Iterators:\n"
                          "  - Family: w\n"
                          "    Acquire: [{ Function: w_open, Handle: Arg }]\n"
                          "    Release: [{ Function: w_close }]\n");
  EXPECT_NE(E.find("'Handle: Arg' does not name an iterator"),
            std::string::npos)
      << E;
  E = errorOf("ThreadSpawns:\n"
              "  - { Function: s, DataArg: 1, Handle: InPlace }\n");
  EXPECT_NE(E.find("'Handle: InPlace' does not name spawned work"),
            std::string::npos)
      << E;
}

TEST(ModelReader, ReadsScansWithoutHandleAndKeepingOwners) {
  Model M;
  ASSERT_FALSE(llvm::errorToBool(parseModel(R"(
Iterators:
  # setpwent(); while (getpwent()) ...; endpwent();
  - Family: pw
    Acquire: [{ Function: setpwent, Handle: None }]
    Release: [{ Function: endpwent }]
  # cur_open(txn, &c); ...; txn_end(txn);
  - Family: cur
    Acquire: [{ Function: cur_open, Handle: OutParam, HandleArg: 1, OwnerArg: 0 }]
    Release: [{ Function: txn_end, EndsAll: true }]
    KeepingOwners:
      - { Function: txn_begin, Handle: OutParam, HandleArg: 2, When: { Arg: 1, HasBits: 0x20000 } }
)",
                                                 "m.yaml", M)));
  ASSERT_EQ(M.Iterators.size(), 2u);
  EXPECT_EQ(M.Iterators[0].Acquire[0].Handle, HandleLoc::None);
  EXPECT_EQ(M.Iterators[1].Acquire[0].OwnerArg, 0u);
  ASSERT_EQ(M.Iterators[1].KeepingOwners.size(), 1u);
  const IteratorOwner &O = M.Iterators[1].KeepingOwners[0];
  EXPECT_EQ(O.HandleArg, 2u);
  ASSERT_TRUE(O.When.has_value());
  EXPECT_EQ(O.When->Arg, 1u);
  EXPECT_EQ(O.When->HasBits, 0x20000u);
  EXPECT_FALSE(O.When->Equals.has_value());
}

TEST(ModelReader, ScansWithoutHandleAndOwnersContradictions) {
  std::string E = errorOf("Iterators:\n"
                          "  - Family: w\n"
                          "    Acquire: [{ Function: a, Handle: None },\n"
                          "              { Function: b }]\n"
                          "    Release: [{ Function: c }]\n");
  EXPECT_NE(E.find("mixes scans without a handle ('None') with handles"),
            std::string::npos)
      << E;
  E = errorOf("Iterators:\n"
              "  - Family: w\n"
              "    Acquire: [{ Function: a, Handle: None, SuccessReturn: 0 }]\n"
              "    Release: [{ Function: c }]\n");
  EXPECT_NE(E.find("has no 'SuccessReturn'"), std::string::npos) << E;
  E = errorOf("Iterators:\n"
              "  - Family: w\n"
              "    Acquire: [{ Function: a, Handle: OutParam, OwnerArg: 0 }]\n"
              "    Release: [{ Function: c }]\n");
  EXPECT_NE(E.find("'OwnerArg' must differ from 'HandleArg'"),
            std::string::npos)
      << E;
  E = errorOf("Iterators:\n"
              "  - Family: w\n"
              "    Acquire: [{ Function: a, OwnerArg: 0 }]\n"
              "    Release: [{ Function: c }]\n"
              "    KeepingOwners: [{ Function: k }]\n");
  EXPECT_NE(E.find("needs an 'Acquire' with 'OwnerArg' and a release with "
                   "'EndsAll'"),
            std::string::npos)
      << E;
  E = errorOf("Iterators:\n"
              "  - Family: w\n"
              "    Acquire: [{ Function: a, OwnerArg: 0 }]\n"
              "    Release: [{ Function: c, EndsAll: true }]\n"
              "    KeepingOwners: [{ Function: k, When: { Arg: 1 } }]\n");
  EXPECT_NE(E.find("'When' needs one of 'HasBits' or 'Equals'"),
            std::string::npos)
      << E;
}

TEST(ModelReader, MembersNameFunctionPointerFields) {
  Model M;
  ASSERT_FALSE(llvm::errorToBool(parseModel(R"(
Iterators:
  # DBC *c; db->cursor(db, txn, &c, 0); ...; c->close(c);
  - Family: DBC
    Acquire: [{ Member: "DB::cursor", Handle: OutParam, HandleArg: 2, SuccessReturn: 0 }]
    Release: [{ Member: "DBC::close" }]
    Use: [{ Member: "DBC::get" }]
)",
                                                 "m.yaml", M)));
  ASSERT_EQ(M.Iterators.size(), 1u);
  EXPECT_EQ(M.Iterators[0].Acquire[0].Member, "DB::cursor");
  EXPECT_TRUE(M.Iterators[0].Acquire[0].Function.empty());
  EXPECT_EQ(entryName(M.Iterators[0].Release[0]), "DBC::close");

  std::string E = errorOf("Iterators:\n"
                          "  - Family: w\n"
                          "    Acquire: [{ Function: a, Member: \"W::open\" }]\n"
                          "    Release: [{ Function: c }]\n");
  EXPECT_NE(E.find("give either 'Function' or 'Member', not both"),
            std::string::npos)
      << E;
  E = errorOf("Iterators:\n"
              "  - Family: w\n"
              "    Acquire: [{ Member: \"open\" }]\n"
              "    Release: [{ Function: c }]\n");
  EXPECT_NE(E.find("is not a member name"), std::string::npos) << E;
  E = errorOf("Iterators:\n"
              "  - Family: w\n"
              "    Acquire: [{ Handle: Return }]\n"
              "    Release: [{ Function: c }]\n");
  EXPECT_NE(E.find("missing required key 'Function'"), std::string::npos) << E;
}

TEST(ModelReader, SectionKeysComeFromTheList) {
  std::vector<llvm::StringRef> Keys = modelSectionKeys();
  EXPECT_NE(llvm::find(Keys, "Iterators"), Keys.end());
  EXPECT_NE(llvm::find(Keys, "ThreadSpawns"), Keys.end());
  EXPECT_EQ(llvm::find(Keys, "ThreadSpawn"), Keys.end()); // deprecated
}

/// A model file in a fresh temporary directory, removed afterwards.
class ModelFile {
public:
  ModelFile() {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("cvet-model", Dir));
    Path = (Dir + "/m.yaml").str();
  }
  ~ModelFile() {
    llvm::sys::fs::remove(Path);
    llvm::sys::fs::remove(Dir);
  }
  void write(llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  std::string Path;

private:
  llvm::SmallString<128> Dir;
};

const char *const WalkModel = "Iterators:\n"
                              "  - Family: walk\n"
                              "    Acquire: [{ Function: walk_open }]\n"
                              "    Release: [{ Function: walk_close }]\n";

TEST(ModelLoader, SameFilesShareOneModel) {
  ModelFile F;
  F.write(WalkModel);
  llvm::Expected<ModelRef> A = loadModels({F.Path});
  llvm::Expected<ModelRef> B = loadModels({F.Path});
  ASSERT_TRUE(bool(A));
  ASSERT_TRUE(bool(B));
  EXPECT_EQ(A->get(), B->get());
  EXPECT_EQ((*A)->Iterators.size(), defaultModel().Iterators.size() + 1);
  EXPECT_EQ((*A)->Iterators.back().Name, "walk");
}

TEST(ModelLoader, NoFilesIsTheDefaultModel) {
  llvm::Expected<ModelRef> M = loadModels({});
  ASSERT_TRUE(bool(M));
  EXPECT_EQ(M->get(), &defaultModel());
}

TEST(ModelLoader, AnEditedFileIsReadAgain) {
  ModelFile F;
  F.write(WalkModel);
  llvm::Expected<ModelRef> Before = loadModels({F.Path});
  ASSERT_TRUE(bool(Before));
  F.write(std::string(WalkModel) + "    Use: [{ Function: walk_next }]\n");
  // Some file systems keep whole seconds; the size differs anyway.
  llvm::Expected<ModelRef> After = loadModels({F.Path});
  ASSERT_TRUE(bool(After));
  EXPECT_NE(Before->get(), After->get());
  EXPECT_TRUE((*Before)->Iterators.back().Use.empty());
  EXPECT_EQ((*After)->Iterators.back().Use.size(), 1u);
}

TEST(ModelLoader, ABrokenFileIsReportedAndLeftOut) {
  ModelFile Good, Bad;
  Good.write(WalkModel);
  Bad.write("Iterators: [ {\n");
  std::vector<std::string> Reported;
  ModelRef M = loadModels({Bad.Path, Good.Path},
                          [&](llvm::StringRef File, llvm::Error E) {
                            Reported.push_back(File.str());
                            llvm::consumeError(std::move(E));
                          });
  ASSERT_EQ(Reported.size(), 1u);
  EXPECT_EQ(Reported[0], Bad.Path);
  EXPECT_EQ(M->Iterators.back().Name, "walk");
  llvm::Expected<ModelRef> Strict = loadModels({Good.Path, Bad.Path});
  ASSERT_FALSE(bool(Strict));
  std::string Text = llvm::toString(Strict.takeError());
  EXPECT_NE(Text.find(Bad.Path + ":1:"), std::string::npos) << Text;
}

} // namespace

//===- CompileFlagsTest.cpp - commands made acceptable to Clang -----------===//

#include "CompileFlags.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "gtest/gtest.h"

using namespace cvet;
using Args = std::vector<std::string>;

namespace {

class ClangCompatible : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    // Cross compilers' names are looked up as targets.
    llvm::InitializeAllTargetInfos();
  }

  Args fix(const Args &In, llvm::StringRef File = "/src/a.c") {
    return clangCompatible(In, File, "/src");
  }

  static std::string joined(const Args &A) { return llvm::join(A, " "); }
};

TEST_F(ClangCompatible, LeavesClangCommandsAlone) {
  Args In = {"clang", "-c", "-O2", "-DX=1", "-Iinclude", "a.c", "-o", "a.o"};
  EXPECT_EQ(fix(In), In);
}

TEST_F(ClangCompatible, DropsLaunchers) {
  EXPECT_EQ(fix({"ccache", "gcc", "-c", "a.c"}), Args({"gcc", "-c", "a.c"}));
  EXPECT_EQ(fix({"/usr/bin/sccache", "distcc", "cc", "-c", "a.c"}),
            Args({"cc", "-c", "a.c"}));
  // A launcher's own options stop the search: this is not a launcher call.
  EXPECT_EQ(fix({"ccache", "-s"}).front(), "ccache");
}

TEST_F(ClangCompatible, DropsFlagsClangDoesNotKnow) {
  Args Out = fix({"gcc", "-c", "-fconserve-stack", "-O2",
                  "-mindirect-branch=thunk-extern",
                  "-fno-allow-store-data-races", "a.c"});
  EXPECT_EQ(Out, Args({"gcc", "-c", "-O2", "a.c"}));
}

TEST_F(ClangCompatible, DropsPluginsProfilesAndReports) {
  Args Out = fix({"gcc", "-c", "-fplugin=./randomize.so",
                  "-fplugin-arg-randomize-seed=1", "-fprofile-use=prof",
                  "-fsanitize-ignorelist=ignore.txt", "-v", "-H",
                  "-ftime-report", "-fdiagnostics-format=json", "-Wall",
                  "a.c"});
  EXPECT_EQ(Out, Args({"gcc", "-c", "-Wall", "a.c"}));
}

TEST_F(ClangCompatible, DropsDependencyFilesThroughWp) {
  // The Linux kernel's -Wp,-MMD,file would write over the build's own.
  Args Out = fix({"gcc", "-Wp,-MMD,dir/.a.o.d", "-Wp,-DKEEP", "-c", "a.c"});
  EXPECT_EQ(Out, Args({"gcc", "-Wp,-DKEEP", "-c", "a.c"}));
}

TEST_F(ClangCompatible, NarrowsMultiSourceCommandsToTheEntry) {
  Args Out = fix({"cc", "a.c", "b.c", "-o", "prog"}, "/src/b.c");
  EXPECT_EQ(Out, Args({"cc", "b.c", "-o", "prog"}));
  // An entry whose file is not among the inputs keeps them all.
  Out = fix({"cc", "a.c", "b.c"}, "/src/c.c");
  EXPECT_EQ(Out, Args({"cc", "a.c", "b.c"}));
}

TEST_F(ClangCompatible, IncludesGoStraightToTheFrontend) {
  Args Out = fix({"cc", "-include", "config.h", "-c", "a.c"});
  EXPECT_EQ(joined(Out), "cc -Xclang -include -Xclang config.h -c a.c");
}

TEST_F(ClangCompatible, PrecompiledHeaderBecomesItsHeader) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cvet-pch", Dir));
  llvm::SmallString<128> Header(Dir);
  llvm::sys::path::append(Header, "pre.h");
  ASSERT_FALSE(llvm::sys::fs::createUniqueFile(Header, Header));
  std::string Pch = std::string(Header) + ".gch";
  Args Out = clangCompatible({"gcc", "-include-pch", Pch, "-c", "a.c"},
                             "/src/a.c", "/src");
  EXPECT_EQ(joined(Out), "gcc -Xclang -include -Xclang " +
                             std::string(Header) + " -c a.c");
  // Without the header, the PCH just goes.
  Out = fix({"gcc", "-include-pch", "/nowhere/x.h.pch", "-c", "a.c"});
  EXPECT_EQ(Out, Args({"gcc", "-c", "a.c"}));
  llvm::sys::fs::remove(Header);
  llvm::sys::fs::remove(Dir);
}

TEST_F(ClangCompatible, CMakePrecompiledHeaderPairIsDropped) {
  Args Out = fix({"clang", "-Xclang", "-include-pch", "-Xclang",
                  "cmake_pch.h.pch", "-Xclang", "-include", "-Xclang",
                  "cmake_pch.h", "-c", "a.c"});
  EXPECT_EQ(joined(Out),
            "clang -Xclang -include -Xclang cmake_pch.h -c a.c");
}

TEST_F(ClangCompatible, CrossCompilerNameGivesTheTarget) {
  Args Out = fix({"arm-linux-gnueabihf-gcc", "-mcpu=cortex-a7", "-c", "a.c"});
  EXPECT_TRUE(llvm::is_contained(Out, "--target=arm-linux-gnueabihf"))
      << joined(Out);
  EXPECT_TRUE(llvm::is_contained(Out, "-mcpu=cortex-a7")) << joined(Out);
  // g++ selects the C++ driver mode.
  Out = fix({"g++", "-c", "a.cc"}, "/src/a.cc");
  EXPECT_TRUE(llvm::is_contained(Out, "--driver-mode=g++")) << joined(Out);
}

TEST_F(ClangCompatible, EmptyCommandStaysEmpty) {
  EXPECT_TRUE(fix({}).empty());
  EXPECT_EQ(fix({"ccache"}), Args({"ccache"}));
}

} // namespace

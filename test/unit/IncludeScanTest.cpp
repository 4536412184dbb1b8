//===- IncludeScanTest.cpp - which files a translation unit reads ---------===//

#include "IncludeScan.h"
#include "gtest/gtest.h"

using namespace cvet;
using Files = std::vector<std::string>;

namespace {

TEST(MakeDependencies, TargetThenPrerequisites) {
  EXPECT_EQ(parseMakeDependencies("a.o: a.c include/x.h\n"),
            Files({"a.c", "include/x.h"}));
}

TEST(MakeDependencies, ContinuationLines) {
  EXPECT_EQ(parseMakeDependencies("clang-scan-deps dependency: src/a.c \\\n"
                                  "  /usr/include/stdio.h \\\r\n"
                                  "  include/x.h\n"),
            Files({"src/a.c", "/usr/include/stdio.h", "include/x.h"}));
}

TEST(MakeDependencies, EscapedSpacesAndDollars) {
  EXPECT_EQ(parseMakeDependencies("a.o: my\\ dir/a.c cost$$.h\n"),
            Files({"my dir/a.c", "cost$.h"}));
}

TEST(MakeDependencies, EmptyRule) {
  EXPECT_TRUE(parseMakeDependencies("").empty());
  EXPECT_TRUE(parseMakeDependencies("a.o:\n").empty());
}

TEST(ChangedFiles, WhichMayBeIncluded) {
  for (const char *F : {"include/x.h", "src/a.c", "gen/opcodes.inc",
                        "tables.def", "include/vector", "src/k.hpp"})
    EXPECT_TRUE(mayBeIncluded(F)) << F;
  for (const char *F : {"README.md", "build.sh", "CMakeLists.txt", "x.py"})
    EXPECT_FALSE(mayBeIncluded(F)) << F;
}

} // namespace

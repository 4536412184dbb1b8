//===- OptionsTest.cpp - usage errors as one line -------------------------===//

#include "Options.h"
#include "gtest/gtest.h"

using namespace cvet;

namespace {

TEST(CommandLineError, UnknownArgumentWithSuggestion) {
  EXPECT_EQ(commandLineError("cvet: Unknown command line argument '-x'.  Try: "
                             "'cvet --help'\ncvet: Did you mean '-j'?\n",
                             "cvet"),
            "unknown command line argument '-x'; did you mean '-j'? (see "
            "'cvet --help')");
}

TEST(CommandLineError, ProgramNameFromArgv0) {
  EXPECT_EQ(commandLineError("cvet-19: for the -j option: 'x' value invalid "
                             "for uint argument!\n",
                             "/opt/bin/cvet-19"),
            "for the -j option: 'x' value invalid for uint argument (see "
            "'cvet --help')");
}

TEST(CommandLineError, PositionalCountOnTwoLines) {
  EXPECT_EQ(commandLineError("cvet: Not enough positional command line "
                             "arguments specified!\nMust specify at least 1 "
                             "positional argument: See: cvet --help\n",
                             "cvet"),
            "not enough positional command line arguments specified; must "
            "specify at least 1 positional argument (see 'cvet --help')");
}

TEST(CommandLineError, NothingSaid) {
  EXPECT_EQ(commandLineError("", "cvet"),
            "invalid command line (see 'cvet --help')");
  EXPECT_EQ(commandLineError("\n  \n", "cvet"),
            "invalid command line (see 'cvet --help')");
}

} // namespace

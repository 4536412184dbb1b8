//===- FingerprintTest.cpp - stable identities of findings ----------------===//

#include "Fingerprint.h"
#include "gtest/gtest.h"

using namespace cvet;

namespace {

Finding finding(unsigned Line, std::string Text,
                std::string Function = "scan_dir") {
  Finding F;
  F.Rule = "cvet.UnclosedIterator";
  F.Message = "Iterator returned by 'opendir' is not closed";
  F.Pos.File = "/proj/src/scan.c";
  F.Pos.Line = Line;
  F.Pos.Column = 5;
  F.Function = std::move(Function);
  F.NormalizedLine = normalizeLine(Text);
  return F;
}

TEST(Fingerprint, NormalizedLineCollapsesWhitespace) {
  EXPECT_EQ(normalizeLine("  \treturn  -1;\r"), "return -1;");
  EXPECT_EQ(normalizeLine("if (x)\t{  f( a,  b ); }"), "if (x) { f( a, b ); }");
  EXPECT_EQ(normalizeLine("   "), "");
}

TEST(Fingerprint, StableWhenUnrelatedLinesMove) {
  std::vector<Finding> Before = {finding(18, "    return -1;")};
  std::vector<Finding> After = {finding(42, "return  -1;")};
  After[0].Pos.Column = 9;
  assignFingerprints(Before, "/proj");
  assignFingerprints(After, "/proj");
  EXPECT_EQ(Before[0].Fingerprint, After[0].Fingerprint);
  EXPECT_EQ(Before[0].Fingerprint.substr(Before[0].Fingerprint.size() - 2),
            ":0");
}

TEST(Fingerprint, ChangesWithTheLineFunctionRuleOrFile) {
  Finding Base = finding(18, "return -1;");
  std::string H = fingerprintHash(Base, "/proj");
  EXPECT_EQ(H.size(), 32u);

  Finding Other = Base;
  Other.NormalizedLine = "return -2;";
  EXPECT_NE(fingerprintHash(Other, "/proj"), H);
  Other = Base;
  Other.Function = "scan_tree";
  EXPECT_NE(fingerprintHash(Other, "/proj"), H);
  Other = Base;
  Other.Rule = "cvet.LoopVarCapture";
  EXPECT_NE(fingerprintHash(Other, "/proj"), H);
  Other = Base;
  Other.Pos.File = "/proj/src/walk.c";
  EXPECT_NE(fingerprintHash(Other, "/proj"), H);
  // The message is not part of it: rewording a rule keeps its alerts.
  Other = Base;
  Other.Message = "Reworded";
  EXPECT_EQ(fingerprintHash(Other, "/proj"), H);
}

TEST(Fingerprint, RelativeToTheRoot) {
  // The same tree checked out elsewhere gives the same fingerprints.
  Finding A = finding(18, "return -1;");
  Finding B = A;
  B.Pos.File = "/ci/work/src/scan.c";
  EXPECT_EQ(fingerprintHash(A, "/proj"), fingerprintHash(B, "/ci/work/"));
  // Outside the root, the absolute path counts.
  EXPECT_NE(fingerprintHash(A, "/elsewhere"), fingerprintHash(B, "/other"));
}

TEST(Fingerprint, OccurrenceCounterSeparatesIdenticalFindings) {
  // Two leaks on two identical lines of one function.
  std::vector<Finding> Findings = {finding(10, "return -1;"),
                                   finding(14, "return -1;"),
                                   finding(20, "return 0;")};
  assignFingerprints(Findings, "/proj");
  std::string Hash = fingerprintHash(Findings[0], "/proj");
  EXPECT_EQ(Findings[0].Fingerprint, Hash + ":0");
  EXPECT_EQ(Findings[1].Fingerprint, Hash + ":1");
  EXPECT_EQ(Findings[2].Fingerprint.substr(33), "0");
  EXPECT_NE(Findings[0].Fingerprint, Findings[1].Fingerprint);
}

} // namespace

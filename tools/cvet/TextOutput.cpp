//===- TextOutput.cpp - findings as a compiler prints them ----------------===//

#include "TextOutput.h"
#include "Paths.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"


using namespace llvm;
using namespace cvet;

static void location(raw_ostream &OS, const SourcePos &P, StringRef Root) {
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << displayPath(P.File, Root) << ':' << P.Line << ':' << P.Column << ':';
  OS.resetColor();
}

static void kind(raw_ostream &OS, StringRef Kind) {
  raw_ostream::Colors C = Kind == "error"     ? raw_ostream::RED
                          : Kind == "warning" ? raw_ostream::MAGENTA
                                              : raw_ostream::BLACK;
  OS << ' ';
  OS.changeColor(C, /*Bold=*/true);
  OS << Kind << ':';
  OS.resetColor();
  OS << ' ';
}

void cvet::printFinding(raw_ostream &OS, const Finding &F, StringRef Root,
                        bool Notes) {
  location(OS, F.Pos, Root);
  kind(OS, "warning");
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << F.Message << " [" << F.Rule << ']';
  OS.resetColor();
  OS << '\n';
  for (size_t I = 0; Notes && I < F.Path.size(); ++I) {
    const PathStep &S = F.Path[I];
    // The last event repeats the warning itself.
    if (I + 1 == F.Path.size() && S.Message == F.Message &&
        S.Pos.File == F.Pos.File && S.Pos.Line == F.Pos.Line)
      continue;
    OS << "  ";
    location(OS, S.Pos, Root);
    kind(OS, "note");
    OS << S.Message << '\n';
  }
}

void cvet::printMessage(raw_ostream &OS, StringRef Kind, StringRef Message) {
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << "cvet:";
  OS.resetColor();
  kind(OS, Kind);
  OS << Message << '\n';
}

TextCounts cvet::printFindings(raw_ostream &OS, const RunInfo &Run,
                               bool Notes) {
  TextCounts Counts;
  for (const Finding &F : Run.Findings) {
    if (F.Suppression) {
      ++Counts.Suppressed;
      continue;
    }
    ++Counts.Reported;
    printFinding(OS, F, Run.Root, Notes);
  }
  OS.flush();
  return Counts;
}

void cvet::printFailures(raw_ostream &OS, const RunInfo &Run) {
  for (const Failure &F : Run.Failures)
    printMessage(OS, "error", F.Message);
  for (const Failure &F : Run.CutShort)
    printMessage(OS, "warning", F.Message);
}

static std::string counted(size_t N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

void cvet::printSummary(raw_ostream &OS, const RunInfo &Run,
                        const TextCounts &Text, const SummaryCounts &Counts) {
  std::string Summary =
      counted(Text.Reported, "finding", "findings") + " in " +
      counted(Counts.Units, "translation unit", "translation units");
  SmallVector<std::string, 4> Extra;
  if (Text.Suppressed)
    Extra.push_back(std::to_string(Text.Suppressed) + " suppressed");
  if (Counts.InBaseline)
    Extra.push_back(std::to_string(Counts.InBaseline) + " in the baseline");
  if (!Run.Failures.empty())
    Extra.push_back(std::to_string(Run.Failures.size()) + " not analysed");
  if (!Run.CutShort.empty())
    Extra.push_back(std::to_string(Run.CutShort.size()) +
                    " cut short by --unit-timeout");
  if (Counts.FromCache)
    Extra.push_back(std::to_string(Counts.FromCache) + " from the cache");
  if (Counts.OverBudget)
    Extra.push_back(std::to_string(Counts.OverBudget) +
                    " over the time budget");
  if (Counts.CutByBudget)
    Extra.push_back(std::to_string(Counts.CutByBudget) +
                    " cut short by the time budget");
  if (Counts.OtherLanguage)
    Extra.push_back(counted(Counts.OtherLanguage, "file", "files") +
                    " in assembly or another language skipped");
  if (!Extra.empty())
    Summary += " (" + join(Extra, ", ") + ")";
  printMessage(OS, "note", Summary);
}

static std::string someFiles(ArrayRef<std::string> Files, StringRef Root) {
  constexpr size_t Named = 10;
  std::string Out;
  for (size_t I = 0; I < Files.size() && I < Named; ++I)
    Out += (I ? ", " : "") + displayPath(Files[I], Root);
  if (Files.size() > Named)
    Out += " and " + std::to_string(Files.size() - Named) + " more";
  return Out;
}

void cvet::printOverBudget(raw_ostream &OS, ArrayRef<std::string> NotStarted,
                           ArrayRef<std::string> Cut, unsigned Budget,
                           StringRef Root) {
  std::string Spent = "time budget of " + std::to_string(Budget) + "s spent: ";
  if (!NotStarted.empty())
    printMessage(OS, "note",
                 Spent +
                     counted(NotStarted.size(), "translation unit",
                             "translation units") +
                     " not analysed: " + someFiles(NotStarted, Root));
  if (!Cut.empty())
    printMessage(OS, "note",
                 Spent + "the analysis of " +
                     counted(Cut.size(), "translation unit",
                             "translation units") +
                     " cut short: " + someFiles(Cut, Root));
}

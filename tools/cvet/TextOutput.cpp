//===- TextOutput.cpp - findings as a compiler prints them ----------------===//

#include "TextOutput.h"

#include "llvm/Support/Path.h"

using namespace llvm;
using namespace cvet;

std::string cvet::displayPath(StringRef File, StringRef Root) {
  std::string R = Root.str();
  if (!R.empty() && R.back() != '/')
    R += '/';
  StringRef Rel = File;
  if (Rel.consume_front(R) && !Rel.empty())
    return Rel.str();
  return File.str();
}

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

void cvet::printFinding(raw_ostream &OS, const Finding &F, StringRef Root) {
  location(OS, F.Pos, Root);
  kind(OS, "warning");
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << F.Message << " [" << F.Rule << ']';
  OS.resetColor();
  OS << '\n';
  for (size_t I = 0; I < F.Path.size(); ++I) {
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

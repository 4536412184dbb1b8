//===- Suppress.cpp - inline suppression comments -------------------------===//

#include "Suppress.h"
#include "Rules.h"

using namespace llvm;
using namespace cvet;

/// Finds Marker followed by Open ... Close inside a comment on Line; returns
/// the list between the delimiters and the rest of the line after Close.
static bool findMarker(StringRef Line, StringRef Marker, char Open, char Close,
                       StringRef &List, StringRef &Rest) {
  size_t From = 0;
  while (true) {
    size_t Pos = Line.find(Marker, From);
    if (Pos == StringRef::npos)
      return false;
    From = Pos + 1;
    StringRef Before = Line.take_front(Pos);
    if (!Before.contains("//") && !Before.contains("/*"))
      continue;
    StringRef After = Line.drop_front(Pos + Marker.size());
    if (!After.consume_front(StringRef(&Open, 1)))
      continue;
    size_t End = After.find(Close);
    if (End == StringRef::npos)
      continue;
    List = After.take_front(End);
    Rest = After.drop_front(End + 1);
    return true;
  }
}

static std::string justification(StringRef Rest) {
  Rest = Rest.trim();
  Rest.consume_back("*/");
  Rest = Rest.trim();
  Rest.consume_front(":");
  return Rest.trim().str();
}

std::optional<std::string> cvet::suppressionIn(StringRef Line, const Rule &R,
                                               bool AboveFinding) {
  StringRef List, Rest;
  if (findMarker(Line, "cvet-ignore", '[', ']', List, Rest) &&
      ruleListNames(List, R))
    return justification(Rest);
  if (AboveFinding && findMarker(Line, "NOLINTNEXTLINE", '(', ')', List, Rest) &&
      ruleListNames(List, R))
    return justification(Rest);
  // "NOLINTNEXTLINE(" also contains no "NOLINT(", so this is the plain form.
  if (findMarker(Line, "NOLINT", '(', ')', List, Rest) && ruleListNames(List, R))
    return justification(Rest);
  return std::nullopt;
}

//===- Glob.cpp - the one glob engine of the driver -----------------------===//

#include "Glob.h"

using namespace llvm;
using namespace cvet;

Expected<Glob> Glob::create(StringRef Pattern) {
  Glob G;
  G.Text = std::make_shared<const std::string>(Pattern.str());
  Expected<GlobPattern> P = GlobPattern::create(*G.Text);
  if (!P)
    return createStringError(inconvertibleErrorCode(), "bad pattern '%s': %s",
                             G.Text->c_str(),
                             toString(P.takeError()).c_str());
  G.Compiled = std::make_shared<const GlobPattern>(std::move(*P));
  return G;
}

bool cvet::globMatch(StringRef Pattern, StringRef Text) {
  Expected<Glob> G = Glob::create(Pattern);
  if (!G) {
    consumeError(G.takeError());
    return false;
  }
  return G->match(Text);
}

//===- Config.cpp - the .cvet.yaml project configuration ------------------===//

#include "Config.h"
#include "Analyze.h"
#include "cvet/YamlReader.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using namespace llvm;
using namespace cvet;

namespace {
struct RawConfig {
  std::optional<std::string> Checks;
  std::vector<std::string> Models;
  std::vector<std::string> Exclude;
};
} // namespace

namespace llvm::yaml {
template <> struct MappingTraits<RawConfig> {
  static void mapping(IO &IO, RawConfig &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("Models", C.Models);
    IO.mapOptional("Exclude", C.Exclude);
  }
};
} // namespace llvm::yaml

Expected<Config> cvet::parseConfig(StringRef Text, StringRef Path) {
  Config C;
  C.Path = absolutePath(Path, ".");
  C.Dir = sys::path::parent_path(C.Path).str();
  RawConfig Raw;
  if (!Text.trim().empty())
    if (Error Err = readYaml(Text, Path, Raw))
      return std::move(Err);
  C.Checks = Raw.Checks;
  for (const std::string &M : Raw.Models)
    C.Models.push_back(absolutePath(M, C.Dir));
  for (const std::string &E : Raw.Exclude) {
    Expected<GlobPattern> G = GlobPattern::create(E);
    if (!G)
      return createStringError(inconvertibleErrorCode(),
                               "%s: bad Exclude pattern '%s': %s",
                               Path.str().c_str(), E.c_str(),
                               toString(G.takeError()).c_str());
    C.Exclude.push_back(E);
  }
  return C;
}

Expected<Config> cvet::loadConfig(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read config file '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return parseConfig((*Buffer)->getBuffer(), Path);
}

std::optional<std::string> cvet::findConfig(StringRef Dir) {
  SmallString<256> D(absolutePath(Dir, "."));
  while (true) {
    SmallString<256> Candidate(D);
    sys::path::append(Candidate, ".cvet.yaml");
    if (sys::fs::is_regular_file(Candidate))
      return std::string(Candidate);
    StringRef Parent = sys::path::parent_path(D);
    if (Parent.empty() || Parent == D)
      return std::nullopt;
    D = Parent;
  }
}

bool Config::excludes(StringRef File) const {
  if (Exclude.empty())
    return false;
  StringRef Rel = File;
  if (!Dir.empty() && Rel.consume_front(Dir) &&
      (Rel.consume_front("/") || Dir.back() == '/'))
    ;
  else
    Rel = File;
  // GlobPattern may keep pointers into its pattern text, so it is built
  // from the strings this object owns rather than stored.
  for (const std::string &E : Exclude) {
    Expected<GlobPattern> G = GlobPattern::create(E);
    if (!G) {
      consumeError(G.takeError());
      continue;
    }
    if (G->match(Rel) || G->match(File))
      return true;
  }
  return false;
}

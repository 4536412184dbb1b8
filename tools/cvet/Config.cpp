//===- Config.cpp - the .cvet.yaml project configuration ------------------===//

#include "Config.h"
#include "Paths.h"
#include "cvet/YamlReader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
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
  std::vector<std::string> AnalyzerConfig;
};
} // namespace

namespace llvm::yaml {
template <> struct MappingTraits<RawConfig> {
  static void mapping(IO &IO, RawConfig &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("Models", C.Models);
    IO.mapOptional("Exclude", C.Exclude);
    IO.mapOptional("AnalyzerConfig", C.AnalyzerConfig);
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
  C.AnalyzerConfig = Raw.AnalyzerConfig;
  for (const std::string &M : Raw.Models)
    C.Models.push_back(absolutePath(M, C.Dir));
  for (const std::string &E : Raw.Exclude) {
    Expected<Glob> G = Glob::create(E);
    if (!G)
      return createStringError(inconvertibleErrorCode(), "%s: Exclude: %s",
                               Path.str().c_str(),
                               toString(G.takeError()).c_str());
    C.Exclude.push_back(std::move(*G));
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
  StringRef Rel = relativeTo(File, Dir).value_or(File);
  return any_of(Exclude, [&](const Glob &G) {
    return G.match(Rel) || G.match(File);
  });
}

//===- Paths.cpp - absolute paths and paths relative to a root ------------===//

#include "Paths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

std::string cvet::absolutePath(StringRef Path, StringRef Base) {
  SmallString<256> P(Path);
  if (!sys::path::is_absolute(P)) {
    SmallString<256> B(Base);
    if (!sys::path::is_absolute(B))
      sys::fs::make_absolute(B);
    sys::path::append(B, P);
    P = B;
  }
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::optional<StringRef> cvet::relativeTo(StringRef File, StringRef Dir) {
  if (Dir.empty())
    return std::nullopt;
  StringRef Rel = File;
  if (!Rel.consume_front(Dir))
    return std::nullopt;
  // "/a/bc" is not below "/a/b"; a Dir ending in '/' already ate it.
  if (!Dir.ends_with("/") && !Rel.consume_front("/"))
    return std::nullopt;
  if (Rel.empty())
    return std::nullopt;
  return Rel;
}

bool cvet::isWithin(StringRef File, StringRef Dir) {
  return File == Dir || File == Dir.rtrim('/') || relativeTo(File, Dir);
}

std::string cvet::displayPath(StringRef File, StringRef Root) {
  return relativeTo(File, Root).value_or(File).str();
}

std::string cvet::currentDir() {
  SmallString<256> Dir;
  if (sys::fs::current_path(Dir))
    return ".";
  return std::string(Dir);
}

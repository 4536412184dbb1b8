//===- Selection.cpp - which translation units one run analyses -----------===//

#include "Selection.h"
#include "IncludeScan.h"
#include "Paths.h"
#include "TextOutput.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>

using namespace llvm;
using namespace cvet;
namespace tooling = clang::tooling;

bool cvet::isCFamilySource(StringRef File) {
  static const StringSet<> Other = {".s",   ".S",   ".sx",  ".asm",
                                    ".f",   ".F",   ".for", ".f77",
                                    ".f90", ".F90", ".f95", ".f03",
                                    ".f08", ".cu",  ".cuf", ".ll",
                                    ".bc",  ".o",   ".rs",  ".go"};
  return !Other.contains(sys::path::extension(File));
}

bool cvet::isHeader(StringRef File) {
  return is_contained({".h", ".hh", ".hpp", ".hxx", ".H", ".inc", ".def"},
                      sys::path::extension(File));
}

bool cvet::mayBeIncluded(StringRef File) {
  static const StringSet<> Included = {
      ".h",  ".hh", ".hpp", ".hxx", ".h++", ".H",   ".inc", ".def", ".ipp",
      ".tcc", ".inl", ".c",  ".cc",  ".cpp", ".cxx", ".c++", ".C",   ".m",
      ".mm", ".x",  ".tbl", ".gen", ""};
  return Included.contains(sys::path::extension(File));
}

namespace {

Error error(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

/// The command-line arguments, and which of them selected something.
class NamedPaths {
public:
  NamedPaths(ArrayRef<std::string> Typed, StringRef Cwd) : Typed(Typed) {
    for (const std::string &P : Typed)
      Absolute.push_back(absolutePath(P, Cwd));
    Used.assign(Typed.size(), false);
  }

  /// Whether File is named (or nothing is); marks the arguments naming it.
  bool wants(StringRef File) {
    bool Wanted = Absolute.empty();
    for (size_t I = 0; I < Absolute.size(); ++I)
      if (isWithin(File, Absolute[I])) {
        Wanted = true;
        Used[I] = true;
      }
    return Wanted;
  }

  bool namesExactly(StringRef File) const {
    return is_contained(Absolute, File);
  }

  /// Why an argument that selected nothing is wrong, if one did.
  Error unused() const {
    for (size_t I = 0; I < Typed.size(); ++I) {
      if (Used[I])
        continue;
      if (!sys::fs::exists(Absolute[I]))
        return error("'" + Typed[I] + "' does not exist");
      if (isHeader(Absolute[I]))
        return error("'" + Typed[I] +
                     "' is a header, not a translation unit: name the "
                     "source files that include it (its findings are "
                     "reported with theirs)");
      return error("'" + Typed[I] +
                   "' matches no translation unit in the compilation "
                   "database");
    }
    return Error::success();
  }

private:
  ArrayRef<std::string> Typed;
  std::vector<std::string> Absolute;
  std::vector<bool> Used;
};

/// The K-th of N slices of the selection.
Selection shard(Selection S, const SelectionRequest &Request) {
  if (Request.ShardCount <= 1)
    return S;
  std::vector<Unit> Mine;
  for (size_t I = 0; I < S.Units.size(); ++I)
    if (I % Request.ShardCount == Request.ShardIndex)
      Mine.push_back(std::move(S.Units[I]));
  S.Units = std::move(Mine);
  return S;
}

/// The units that the changed files touch: their own, and, when a changed
/// file may be included by others, every unit whose include scan reads it.
std::vector<Unit> touchedUnits(std::vector<Unit> Candidates,
                               const SelectionRequest &Request) {
  std::set<std::string> Changed;
  for (const std::string &P : Request.Paths)
    Changed.insert(absolutePath(P, Request.Cwd));
  std::vector<bool> Take(Candidates.size(), false);
  std::set<std::string> MainFiles;
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (Changed.count(Candidates[I].File)) {
      Take[I] = true;
      MainFiles.insert(Candidates[I].File);
    }
  bool NeedScan = any_of(Changed, [&](const std::string &F) {
    return !MainFiles.count(F) && mayBeIncluded(F);
  });
  if (NeedScan) {
    std::vector<size_t> Rest;
    std::vector<Unit> ToScan;
    for (size_t I = 0; I < Candidates.size(); ++I)
      if (!Take[I]) {
        Rest.push_back(I);
        ToScan.push_back(Candidates[I]);
      }
    std::vector<std::vector<std::string>> Reads =
        scanIncludes(ToScan, Request.Jobs);
    for (size_t K = 0; K < Rest.size(); ++K)
      Take[Rest[K]] = any_of(Reads[K], [&](const std::string &F) {
        return Changed.count(F) != 0;
      });
  }
  std::vector<Unit> Out;
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (Take[I])
      Out.push_back(std::move(Candidates[I]));
  return Out;
}

} // namespace

Expected<Selection> cvet::selectUnits(const tooling::CompilationDatabase &DB,
                                      const SelectionRequest &Request) {
  const Config &Conf = *Request.Conf;
  // One command per file (the first), in path order: the order of the
  // output and of the shards.
  std::map<std::string, tooling::CompileCommand> ByFile;
  std::set<std::string> OtherFiles;
  std::vector<tooling::CompileCommand> All = DB.getAllCompileCommands();
  for (tooling::CompileCommand &C : All) {
    std::string File = absolutePath(C.Filename, C.Directory);
    // Assembly and other languages share databases with C; they are not
    // analysed, and are not errors.
    if (!isCFamilySource(File)) {
      OtherFiles.insert(std::move(File));
      continue;
    }
    ByFile.emplace(std::move(File), std::move(C));
  }
  if (All.empty())
    printMessage(errs(), "note",
                 "the compilation database lists no translation unit");

  Selection Result;
  if (Request.ChangedFiles) {
    std::vector<Unit> Candidates;
    for (auto &[File, Command] : ByFile)
      if (!Conf.excludes(File))
        Candidates.push_back({File, Command});
    Result.Units = touchedUnits(std::move(Candidates), Request);
    for (const std::string &P : Request.Paths)
      if (OtherFiles.count(absolutePath(P, Request.Cwd)))
        ++Result.OtherLanguage;
    return shard(std::move(Result), Request);
  }

  NamedPaths Named(Request.Paths, Request.Cwd);
  for (auto &[File, Command] : ByFile) {
    bool Wanted = Named.wants(File);
    if (Wanted && !Conf.excludes(File))
      Result.Units.push_back({File, Command});
    else if (Wanted && Named.namesExactly(File))
      printMessage(errs(), "note",
                   "'" + displayPath(File, Request.Root) +
                       "' is left out by the configuration's Exclude "
                       "patterns");
  }
  for (const std::string &File : OtherFiles)
    if (Named.wants(File) && !Conf.excludes(File))
      ++Result.OtherLanguage;
  if (Error E = Named.unused())
    return std::move(E);
  return shard(std::move(Result), Request);
}

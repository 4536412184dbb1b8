//===- IncludeScan.cpp - the files each translation unit reads ------------===//

#include "IncludeScan.h"
#include "CompileFlags.h"
#include "Paths.h"

#include "support/Compat.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

using namespace llvm;
using namespace cvet;
namespace deps = cvet::compat::deps;

std::vector<std::string> cvet::parseMakeDependencies(StringRef Text) {
  std::vector<std::string> Out;
  std::string Word;
  bool SeenTarget = false;
  auto Flush = [&] {
    if (Word.empty())
      return;
    if (!SeenTarget && StringRef(Word).ends_with(":")) {
      SeenTarget = true;
    } else if (SeenTarget) {
      Out.push_back(Word);
    }
    Word.clear();
  };
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\\' && I + 1 < Text.size()) {
      char Next = Text[I + 1];
      if (Next == '\n' || (Next == '\r' && I + 2 < Text.size() &&
                           Text[I + 2] == '\n')) {
        Flush();
        I += Next == '\r' ? 2 : 1;
        continue;
      }
      if (Next == ' ' || Next == '#') {
        Word += Next;
        ++I;
        continue;
      }
    }
    if (C == '$' && I + 1 < Text.size() && Text[I + 1] == '$') {
      Word += '$';
      ++I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Flush();
      continue;
    }
    Word += C;
  }
  Flush();
  return Out;
}

std::vector<std::vector<std::string>> cvet::scanIncludes(ArrayRef<Unit> Units,
                                                         unsigned Jobs) {
  std::vector<std::vector<std::string>> Files(Units.size());
  deps::DependencyScanningService Service(
      deps::ScanningMode::DependencyDirectivesScan,
      deps::ScanningOutputFormat::Make);
  auto ScanOne = [&](size_t I) {
    const Unit &U = Units[I];
    Files[I].push_back(U.File);
    compat::DependencyScanningTool Tool(Service);
    std::optional<std::string> Make = compat::dependencyFile(
        Tool,
        scanCommandLine(U.Command.CommandLine, U.File, U.Command.Directory),
        U.Command.Directory);
    if (!Make)
      return;
    for (const std::string &Dep : parseMakeDependencies(*Make))
      Files[I].push_back(absolutePath(Dep, U.Command.Directory));
  };
  unsigned Threads =
      Jobs ? Jobs : hardware_concurrency().compute_thread_count();
  if (Threads <= 1 || Units.size() <= 1) {
    for (size_t I = 0; I < Units.size(); ++I)
      ScanOne(I);
    return Files;
  }
  DefaultThreadPool Pool(hardware_concurrency(Threads));
  for (size_t I = 0; I < Units.size(); ++I)
    Pool.async([&ScanOne, I] { ScanOne(I); });
  Pool.wait();
  return Files;
}

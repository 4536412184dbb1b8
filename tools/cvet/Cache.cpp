//===- Cache.cpp - results of unchanged units, kept between runs ----------===//

#include "Cache.h"
#include "CompileFlags.h"
#include "IncludeScan.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <mutex>

using namespace llvm;
using namespace cvet;

#ifndef CVET_VERSION
#define CVET_VERSION "0.0.0"
#endif

namespace {

/// Bumped whenever the entry format or the key changes meaning.
constexpr int FormatVersion = 2;
constexpr StringLiteral EntrySuffix = ".json";
constexpr StringLiteral PartSuffix = ".part";

/// Feeds strings to a hash with separators, so that ("ab","c") != ("a","bc").
class KeyHasher {
public:
  KeyHasher &add(StringRef S) {
    uint64_t Size = S.size();
    Hash.update(ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(&Size),
                                  sizeof Size));
    Hash.update(S);
    return *this;
  }
  std::string hex() { return toHex(Hash.final(), /*LowerCase=*/true); }

private:
  BLAKE3 Hash;
};

/// The content hash of a file, or a marker when it cannot be read (the key
/// then changes when it can be again).
std::string contentHash(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return "unreadable";
  return KeyHasher().add((*Buffer)->getBuffer()).hex();
}

json::Value toJson(const SourcePos &P) {
  return json::Array{P.File, P.Line, P.Column, P.CharColumn, P.EndCharColumn};
}

bool fromJson(const json::Value *V, SourcePos &P) {
  const json::Array *A = V ? V->getAsArray() : nullptr;
  if (!A || A->size() != 5)
    return false;
  std::optional<StringRef> File = (*A)[0].getAsString();
  if (!File)
    return false;
  P.File = File->str();
  unsigned *Fields[] = {&P.Line, &P.Column, &P.CharColumn, &P.EndCharColumn};
  for (size_t I = 0; I < 4; ++I) {
    std::optional<int64_t> N = (*A)[I + 1].getAsInteger();
    if (!N || *N < 0)
      return false;
    *Fields[I] = unsigned(*N);
  }
  return true;
}

json::Value toJson(const Finding &F) {
  json::Array Path;
  for (const PathStep &S : F.Path)
    Path.push_back(json::Object{
        {"pos", toJson(S.Pos)}, {"msg", S.Message}, {"related", S.Related}});
  json::Object O{{"rule", F.Rule},
                 {"msg", F.Message},
                 {"pos", toJson(F.Pos)},
                 {"path", std::move(Path)},
                 {"function", F.Function},
                 {"line", F.NormalizedLine}};
  if (F.Suppression)
    O["suppression"] = *F.Suppression;
  return O;
}

bool fromJson(const json::Value &V, Finding &F) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return false;
  auto Str = [&](StringRef Key, std::string &Out) {
    std::optional<StringRef> S = O->getString(Key);
    if (S)
      Out = S->str();
    return S.has_value();
  };
  if (!Str("rule", F.Rule) || !Str("msg", F.Message) ||
      !Str("function", F.Function) || !Str("line", F.NormalizedLine) ||
      !fromJson(O->get("pos"), F.Pos))
    return false;
  if (std::optional<StringRef> S = O->getString("suppression"))
    F.Suppression = S->str();
  const json::Array *Path = O->getArray("path");
  if (!Path)
    return false;
  for (const json::Value &Step : *Path) {
    const json::Object *SO = Step.getAsObject();
    PathStep S;
    std::optional<StringRef> Msg = SO ? SO->getString("msg") : std::nullopt;
    if (!Msg || !fromJson(SO->get("pos"), S.Pos))
      return false;
    S.Message = Msg->str();
    S.Related = SO->getBoolean("related").value_or(false);
    F.Path.push_back(std::move(S));
  }
  return true;
}

} // namespace

Expected<ResultCache> ResultCache::open(StringRef Dir, uint64_t MaxBytes,
                                        const AnalysisSettings &Settings) {
  if (sys::fs::exists(Dir) && !sys::fs::is_directory(Dir))
    return createStringError(inconvertibleErrorCode(),
                             "the cache directory '%s' is not a directory",
                             Dir.str().c_str());
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return createStringError(EC, "cannot create the cache directory '%s': %s",
                             Dir.str().c_str(), EC.message().c_str());
  if (sys::fs::access(Dir, sys::fs::AccessMode::Write))
    return createStringError(inconvertibleErrorCode(),
                             "the cache directory '%s' is not writable",
                             Dir.str().c_str());

  KeyHasher Run;
  Run.add("cvet-cache").add(std::to_string(FormatVersion));
  Run.add(CVET_VERSION).add(LLVM_VERSION_STRING);
  std::string Exe = sys::fs::getMainExecutable(nullptr, nullptr);
  sys::fs::file_status Status;
  if (!Exe.empty() && !sys::fs::status(Exe, Status))
    Run.add(std::to_string(Status.getSize()))
        .add(std::to_string(
            Status.getLastModificationTime().time_since_epoch().count()));
  std::vector<std::string> Rules = Settings.Rules;
  llvm::sort(Rules);
  for (const std::string &R : Rules)
    Run.add(R);
  Run.add(Settings.Prune ? "prune" : "no-prune");
  for (const auto &[Key, Value] : Settings.AnalyzerConfig)
    Run.add(Key).add(Value);
  for (const std::string &M : Settings.ModelFiles)
    Run.add(M).add(contentHash(M));
  return ResultCache(Dir.str(), MaxBytes, Run.hex());
}

std::vector<std::string> ResultCache::keys(ArrayRef<Unit> Units,
                                           unsigned Jobs) const {
  std::vector<std::vector<std::string>> Reads = scanIncludes(Units, Jobs);
  // Headers are shared by many units: hash each file once.
  StringMap<std::string> Hashes;
  std::vector<std::string> Keys;
  for (size_t I = 0; I < Units.size(); ++I) {
    const Unit &U = Units[I];
    // The scan failed (or found no header at all, rare): what the unit reads
    // is unknown, so it is not cached.
    if (Reads[I].size() < 2) {
      Keys.emplace_back();
      continue;
    }
    KeyHasher Key;
    Key.add(RunKey).add(U.File).add(U.Command.Directory);
    for (const std::string &Arg : analysisCommandLine(
             U.Command.CommandLine, U.File, U.Command.Directory))
      Key.add(Arg);
    for (const std::string &File : Reads[I]) {
      auto [It, New] = Hashes.try_emplace(File);
      if (New)
        It->second = contentHash(File);
      Key.add(File).add(It->second);
    }
    Keys.push_back(Key.hex());
  }
  return Keys;
}

std::string ResultCache::entryPath(StringRef Key) const {
  SmallString<256> P(Dir);
  sys::path::append(P, Key + EntrySuffix);
  return std::string(P);
}

std::optional<TUResult> ResultCache::lookup(StringRef Key,
                                            StringRef File) const {
  if (Key.empty())
    return std::nullopt;
  std::string Path = entryPath(Key);
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return std::nullopt;
  Expected<json::Value> V = json::parse((*Buffer)->getBuffer());
  if (!V) {
    consumeError(V.takeError());
    return std::nullopt;
  }
  const json::Object *O = V->getAsObject();
  const json::Array *Findings = O ? O->getArray("findings") : nullptr;
  if (!Findings || O->getInteger("version") != FormatVersion ||
      O->getString("file") != File)
    return std::nullopt;
  TUResult R;
  R.File = File.str();
  R.FromCache = true;
  for (const json::Value &FV : *Findings) {
    Finding F;
    if (!fromJson(FV, F))
      return std::nullopt;
    R.Findings.push_back(std::move(F));
  }
  // Recently used entries are the last to go.
  int FD;
  if (!sys::fs::openFileForWrite(Path, FD, sys::fs::CD_OpenExisting,
                                 sys::fs::OF_Append)) {
    sys::fs::setLastAccessAndModificationTime(
        FD, std::chrono::system_clock::now());
    sys::fs::closeFile(FD);
  }
  return R;
}

void ResultCache::store(StringRef Key, const TUResult &R) const {
  if (Key.empty() || R.Failed || R.CutShort || R.CutByBudget ||
      R.OverBudget || R.FromCache)
    return;
  json::Array Findings;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJson(F));
  json::Value Entry = json::Object{{"version", FormatVersion},
                                   {"file", R.File},
                                   {"findings", std::move(Findings)}};
  SmallString<256> Model(Dir);
  sys::path::append(Model, "entry-%%%%%%%%%%%%" + PartSuffix);
  int FD;
  SmallString<256> Temp;
  if (sys::fs::createUniqueFile(Model, FD, Temp))
    return;
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Entry;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      sys::fs::remove(Temp);
      return;
    }
  }
  // rename() replaces atomically: readers see the old entry or the new one.
  if (sys::fs::rename(Temp, entryPath(Key)))
    sys::fs::remove(Temp);
}

void ResultCache::trim() const {
  struct Entry {
    std::string Path;
    uint64_t Size;
    sys::TimePoint<> Used;
  };
  std::vector<Entry> Entries;
  uint64_t Total = 0;
  auto Now = std::chrono::system_clock::now();
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    sys::fs::file_status S;
    if (sys::fs::status(It->path(), S) || !sys::fs::is_regular_file(S))
      continue;
    StringRef Name = sys::path::filename(It->path());
    // A temporary file an interrupted run left behind.
    if (Name.ends_with(PartSuffix)) {
      if (Now - S.getLastModificationTime() > std::chrono::hours(1))
        sys::fs::remove(It->path());
      continue;
    }
    if (!Name.ends_with(EntrySuffix))
      continue;
    Entries.push_back({It->path(), S.getSize(), S.getLastModificationTime()});
    Total += S.getSize();
  }
  if (Total <= MaxBytes)
    return;
  llvm::sort(Entries,
             [](const Entry &A, const Entry &B) { return A.Used < B.Used; });
  for (const Entry &E : Entries) {
    if (Total <= MaxBytes)
      break;
    // Another run may have removed it already; either way it is gone.
    sys::fs::remove(E.Path);
    Total -= E.Size;
  }
}

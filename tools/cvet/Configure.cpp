//===- Configure.cpp - from the command line to a run's plan --------------===//

#include "Configure.h"
#include "Paths.h"
#include "Rules.h"
#include "Sarif.h"

#include "cvet/Model.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace cvet;

static Error error(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

std::vector<std::string> cvet::defaultAnalyzerConfig() {
  // A loop that runs more than max-loop (4) times with a known trip count
  // ends the path without widening, and all code after it goes unanalysed
  // (a fill loop over a 5-element array hides the spawn loop and the leaking
  // return after it). The rules forget what widening makes unknown, so
  // widening adds coverage, never reports.
  //
  // A top-level function explores at most 25000 nodes of the exploded graph
  // (Clang's default, 225000, is for nightly runs), 5000 if it reaches the
  // modelled APIs only through its callees, taking the blocks not yet
  // reached first; the functions such an exploration had inlined are then
  // analysed on their own (cvet:AnalyseNotInlined, the checkers' default).
  // The functions that hit the budget are the few that inline generic
  // algorithms several levels deep; these settings make a redis run about
  // six times cheaper (docs/performance.md). Every test of the suite passes
  // at 5000 nodes.
  return {"widen-loops=true", "max-nodes=25000",
          (IndirectMaxNodesSetting + "=5000").str(),
          "exploration_strategy=unexplored_first_location_queue"};
}

Expected<std::vector<std::pair<std::string, std::string>>>
cvet::parseAnalyzerConfig(ArrayRef<std::string> Settings) {
  std::vector<std::pair<std::string, std::string>> Out;
  clang::AnalyzerOptions Known;
  for (const std::string &S : Settings) {
    // (Not a structured binding: the lambda below captures Key.)
    StringRef Key, Value;
    std::tie(Key, Value) = StringRef(S).split('=');
    Key = Key.trim();
    Value = Value.trim();
    if (Key.empty() || Value.empty() || !StringRef(S).contains('='))
      return error("analyzer-config: '" + S +
                   "' is not of the form key=value (for example "
                   "widen-loops=false)");
    // max-loop is clang's -analyzer-max-loop, the one loop setting that is
    // not an -analyzer-config key; it is accepted here under its own name.
    unsigned Rounds;
    if (Key == MaxLoopSetting && Value.getAsInteger(10, Rounds))
      return error("analyzer-config: max-loop takes a number of rounds, not '" +
                   Value + "'");
    if (Key == AnalyseNotInlinedSetting && Value != "true" && Value != "false")
      return error("analyzer-config: " + Key + " is true or false, not '" +
                   Value + "'");
    unsigned Nodes;
    if (Key == IndirectMaxNodesSetting && Value.getAsInteger(10, Nodes))
      return error("analyzer-config: " + Key +
                   " takes a number of nodes, not '" + Value + "'");
    if (Key != MaxLoopSetting && Key != IndirectMaxNodesSetting &&
        Key != AnalyseNotInlinedSetting &&
        Known.isUnknownAnalyzerConfig(Key))
      return error("analyzer-config: unknown setting '" + Key +
                   "' (clang -cc1 -analyzer-config-help lists them)");
    auto Same = llvm::find_if(Out, [&](const auto &KV) { return KV.first == Key; });
    if (Same != Out.end())
      Same->second = Value.str(); // the later one wins, in place
    else
      Out.emplace_back(Key.str(), Value.str());
  }
  return Out;
}

Error cvet::checkWritable(StringRef Path, StringRef Cwd) {
  if (Path.empty() || Path == "-")
    return Error::success();
  std::string Abs = absolutePath(Path, Cwd);
  if (sys::fs::is_directory(Abs))
    return error("cannot write '" + Path + "': it is a directory");
  StringRef Dir = sys::path::parent_path(Abs);
  if (!sys::fs::is_directory(Dir))
    return error("cannot write '" + Path + "': directory '" + Dir +
                 "' does not exist");
  if (sys::fs::access(Dir, sys::fs::AccessMode::Write))
    return error("cannot write '" + Path + "': directory '" + Dir +
                 "' is not writable");
  return Error::success();
}

static Expected<Config> projectConfig(const DriverOptions &O, StringRef Cwd) {
  std::optional<std::string> Path;
  if (!O.ConfigFile.empty())
    Path = O.ConfigFile;
  else
    Path = findConfig(Cwd);
  if (!Path)
    return Config();
  return loadConfig(*Path);
}

/// One path per line; blank lines are skipped. "-" is standard input.
static Expected<std::vector<std::string>> readPathList(StringRef File) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      File == "-" ? MemoryBuffer::getSTDIN()
                  : MemoryBuffer::getFile(File, /*IsText=*/true);
  if (!Buffer)
    return error("cannot read '" + File + "': " + Buffer.getError().message());
  std::vector<std::string> Paths;
  SmallVector<StringRef, 16> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (StringRef Line : Lines)
    if (!Line.trim().empty())
      Paths.push_back(Line.rtrim("\r").str());
  return Paths;
}

static Error parseShard(StringRef Shard, unsigned &Index, unsigned &Count) {
  if (Shard.empty())
    return Error::success();
  auto [K, N] = Shard.split('/');
  if (K.trim().getAsInteger(10, Index) || N.trim().getAsInteger(10, Count) ||
      Count == 0 || Index == 0 || Index > Count)
    return error("--shard expects K/N with 1 <= K <= N, not '" + Shard + "'");
  --Index;
  return Error::success();
}

Expected<Plan> cvet::configure(const DriverOptions &O) {
  Plan P;
  P.Cwd = currentDir();

  // Configuration first: everything below may depend on it.
  Expected<Config> Conf = projectConfig(O, P.Cwd);
  if (!Conf)
    return Conf.takeError();
  P.Conf = std::move(*Conf);
  P.Root = absolutePath(O.RootDir.empty() ? P.Cwd : O.RootDir, P.Cwd);
  if (!sys::fs::is_directory(P.Root))
    return error("root '" + P.Root + "' is not a directory");

  std::vector<std::string> CheckLists;
  if (P.Conf.Checks)
    CheckLists.push_back(*P.Conf.Checks);
  if (O.Checks)
    CheckLists.push_back(*O.Checks);
  Expected<std::vector<std::string>> Rules = selectRules(CheckLists);
  if (!Rules)
    return Rules.takeError();
  if (Rules->empty())
    return error("no rule is enabled by the check list");
  P.Settings.Rules = std::move(*Rules);
  P.Settings.CrashOn = O.CrashOn;
  P.Settings.Prune = O.Prune;
  P.Settings.UnitTimeout = O.UnitTimeout;

  std::vector<std::string> Settings = defaultAnalyzerConfig();
  llvm::append_range(Settings, P.Conf.AnalyzerConfig);
  llvm::append_range(Settings, O.AnalyzerConfig);
  Expected<std::vector<std::pair<std::string, std::string>>> Analyzer =
      parseAnalyzerConfig(Settings);
  if (!Analyzer)
    return Analyzer.takeError();
  P.Settings.AnalyzerConfig = std::move(*Analyzer);

  P.Settings.ModelFiles = P.Conf.Models;
  for (const std::string &M : O.ModelFiles)
    P.Settings.ModelFiles.push_back(absolutePath(M, P.Cwd));
  // The checkers get the same parsed models from the process-wide cache.
  if (Expected<ModelRef> M = loadModels(P.Settings.ModelFiles); !M)
    return M.takeError();

  // An unwritable log is found out now, not after an hour of analysis.
  for (const std::string &Out : {O.SarifFile, O.OverBudgetList})
    if (Error E = checkWritable(Out, P.Cwd))
      return std::move(E);

  P.Paths = O.Paths;
  if (!O.FilesFrom.empty()) {
    Expected<std::vector<std::string>> More = readPathList(O.FilesFrom);
    if (!More)
      return More.takeError();
    P.Paths.insert(P.Paths.end(), More->begin(), More->end());
  }

  if (!O.BaselineFile.empty()) {
    Expected<std::set<std::string>> B =
        readBaselineFingerprints(O.BaselineFile);
    if (!B)
      return error("baseline: " + toString(B.takeError()));
    P.Baseline = std::move(*B);
  }

  if (Error E = parseShard(O.Shard, P.ShardIndex, P.ShardCount))
    return std::move(E);
  return P;
}

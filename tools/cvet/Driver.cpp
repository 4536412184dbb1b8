//===- Driver.cpp - cvet: the cvet checkers over a compilation database ---===//
//
//   cvet -p build/ [--sarif cvet.sarif] [files or directories...]
//   cvet merge shard1.sarif shard2.sarif -o all.sarif
//
// Selects translation units (arguments, .cvet.yaml excludes, --shard), runs
// the analyzer on each in a thread pool, then puts the findings in one order
// that does not depend on -j: deduplicated (a header is seen by many TUs),
// sorted by place, fingerprinted, filtered by the baseline and inline
// suppressions, printed and written as one SARIF run.
//
// Exit status: 0 no findings, 1 findings, 2 usage or configuration error,
// 3 some translation unit could not be analysed.
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "Config.h"
#include "Rules.h"
#include "Sarif.h"
#include "TextOutput.h"

#include "cvet/Model.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <map>
#include <mutex>
#include <set>
#include <unistd.h>

using namespace llvm;
using namespace cvet;
namespace tooling = clang::tooling;

#ifndef CVET_VERSION
#define CVET_VERSION "0.0.0"
#endif

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2, ExitTUFailed = 3 };

cl::OptionCategory Category("cvet options");
cl::SubCommand MergeCommand("merge",
                            "Combine SARIF logs (for example of shards) into "
                            "one log with one run");

cl::opt<std::string> BuildPath(
    "p", cl::value_desc("build-path"), cl::Prefix, cl::cat(Category),
    cl::desc("Directory holding compile_commands.json, or the file itself "
             "(default: searched upward from the working directory)"));
cl::list<std::string>
    Paths(cl::Positional, cl::value_desc("file or directory"),
          cl::cat(Category),
          cl::desc("<files or directories...> (default: every translation "
                   "unit in the compilation database)"));
cl::opt<unsigned>
    Jobs("j", cl::value_desc("N"), cl::init(0), cl::Prefix, cl::cat(Category),
         cl::desc("Translation units analysed in parallel (default: all "
                  "cores)"));
cl::opt<std::string>
    Checks("checks", cl::value_desc("globs"), cl::cat(Category),
           cl::desc("Rules to run, clang-tidy style: '-*,cvet.UnclosedIterator'"
                    " (rule ids or clang-tidy names; '-' disables; added after "
                    "the config file's Checks)"));
cl::opt<std::string> SarifFile("sarif", cl::value_desc("file"),
                               cl::cat(Category),
                               cl::desc("Write the findings as one SARIF log"));
cl::list<std::string>
    ModelFiles("model", cl::value_desc("file"), cl::cat(Category),
               cl::desc("Extra API model (YAML); may be repeated"));
cl::opt<std::string>
    BaselineFile("baseline", cl::value_desc("file.sarif"), cl::cat(Category),
                 cl::desc("Report only findings whose fingerprint is not in "
                          "this earlier SARIF log"));
cl::opt<std::string>
    ConfigFile("config", cl::value_desc("file"), cl::cat(Category),
               cl::desc("Configuration file (default: the nearest .cvet.yaml "
                        "upward from the working directory)"));
cl::opt<std::string>
    RootDir("root", cl::value_desc("dir"), cl::cat(Category),
            cl::desc("Source root: SARIF URIs and printed paths are relative "
                     "to it (default: the working directory)"));
cl::opt<bool> Quiet("quiet", cl::cat(Category),
                    cl::desc("No progress line and no summary"));
cl::alias QuietShort("q", cl::aliasopt(Quiet), cl::desc("Alias for --quiet"),
                     cl::NotHidden);
cl::opt<std::string>
    Shard("shard", cl::value_desc("K/N"), cl::cat(Category),
          cl::desc("Analyse only the K-th of N equal slices of the "
                   "translation units (1 <= K <= N)"));
cl::opt<std::string> CrashOn("test-crash-on", cl::Hidden, cl::cat(Category),
                             cl::desc("Testing: crash inside the analysis of "
                                      "files whose path contains this"));

cl::list<std::string> MergeInputs(cl::Positional, cl::OneOrMore,
                                  cl::sub(MergeCommand), cl::cat(Category),
                                  cl::value_desc("log.sarif"),
                                  cl::desc("<SARIF logs to combine>"));
cl::opt<std::string> MergeOutput("o", cl::Required, cl::sub(MergeCommand),
                                 cl::cat(Category), cl::value_desc("file"),
                                 cl::desc("Where to write the combined log"));

/// llvm::cl's complaints ("cvet: Unknown command line argument '-x'.  Try:
/// ...\ncvet: Did you mean '-j'?") as the one line every other error is.
std::string commandLineError(StringRef Text, StringRef Argv0) {
  std::string Prefix = sys::path::filename(Argv0).str();
  SmallVector<StringRef, 4> Lines;
  Text.split(Lines, '\n', -1, false);
  std::string Out;
  for (StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.consume_front(Prefix + ":") || Line.consume_front("cvet:"))
      Line = Line.trim();
    Line = Line.split("  Try: ").first.split("See: ").first.trim();
    Line = Line.rtrim(":.!").trim();
    if (Line.empty())
      continue;
    std::string Part = Line.str();
    if (Part.size() > 1 && isUpper(Part[0]) && !isUpper(Part[1]))
      Part[0] = toLower(Part[0]);
    if (!Out.empty())
      Out += "; ";
    Out += Part;
  }
  if (Out.empty())
    Out = "invalid command line";
  return Out + " (see 'cvet --help')";
}

int fail(const Twine &Message) {
  printMessage(errs(), "error", Message.str());
  return ExitUsage;
}

std::string currentDir() {
  SmallString<256> Dir;
  if (sys::fs::current_path(Dir))
    return ".";
  return std::string(Dir);
}

/// Real databases are not always written by CMake: a "directory" may be
/// relative, which (as in Bear's and hand-written databases) means relative
/// to the database file, not to wherever cvet happens to be started.
class AbsoluteDirectoryDatabase : public tooling::CompilationDatabase {
public:
  AbsoluteDirectoryDatabase(std::unique_ptr<tooling::CompilationDatabase> Base,
                            std::string DBDir)
      : Base(std::move(Base)), DBDir(std::move(DBDir)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    return fix(Base->getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Base->getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return fix(Base->getAllCompileCommands());
  }

private:
  std::vector<tooling::CompileCommand>
  fix(std::vector<tooling::CompileCommand> Commands) const {
    for (tooling::CompileCommand &C : Commands)
      C.Directory = absolutePath(C.Directory, DBDir);
    return Commands;
  }
  std::unique_ptr<tooling::CompilationDatabase> Base;
  std::string DBDir;
};

std::unique_ptr<tooling::CompilationDatabase>
loadDatabase(StringRef Cwd, std::string &Error) {
  using tooling::JSONCompilationDatabase;
  using tooling::JSONCommandLineSyntax;
  std::string Path;
  if (BuildPath.empty()) {
    for (StringRef Dir = Cwd; !Dir.empty(); Dir = sys::path::parent_path(Dir)) {
      SmallString<256> File(Dir);
      sys::path::append(File, "compile_commands.json");
      if (sys::fs::exists(File)) {
        Path = std::string(File);
        break;
      }
    }
    if (Path.empty()) {
      Error = "no compile_commands.json in '" + Cwd.str() +
              "' or its parents; pass -p <build-path>";
      return nullptr;
    }
  } else {
    Path = absolutePath(BuildPath, Cwd);
    if (sys::fs::is_directory(Path)) {
      SmallString<256> File(Path);
      sys::path::append(File, "compile_commands.json");
      Path = std::string(File);
    }
  }
  if (!sys::fs::exists(Path)) {
    Error = "no compilation database at '" + Path + "'";
    return nullptr;
  }
  // The database's own YAML reader prints syntax errors to stderr itself;
  // check the JSON first so that a broken file gets one line from us.
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "cannot read compilation database '" + Path +
            "': " + Buffer.getError().message();
    return nullptr;
  }
  // A byte-order mark (Windows editors, PowerShell) is not JSON.
  StringRef Text = (*Buffer)->getBuffer();
  Text.consume_front("\xEF\xBB\xBF");
  if (Expected<json::Value> V = json::parse(Text); !V) {
    Error = "malformed compilation database '" + Path +
            "': " + toString(V.takeError());
    return nullptr;
  }
  std::unique_ptr<tooling::CompilationDatabase> DB =
      JSONCompilationDatabase::loadFromBuffer(
          Text, Error, JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    Error = "malformed compilation database '" + Path + "': " + Error;
    return nullptr;
  }
  // Response files (@flags.rsp, relative to the command's directory) are
  // expanded once the directories are absolute.
  return tooling::expandResponseFiles(
      std::make_unique<AbsoluteDirectoryDatabase>(
          std::move(DB), sys::path::parent_path(Path).str()),
      vfs::getRealFileSystem());
}

bool isCFamilySource(StringRef File) {
  static const StringSet<> Other = {".s",   ".S",   ".sx",  ".asm",
                                    ".f",   ".F",   ".for", ".f77",
                                    ".f90", ".F90", ".f95", ".f03",
                                    ".f08", ".cu",  ".cuf", ".ll",
                                    ".bc",  ".o",   ".rs",  ".go"};
  return !Other.contains(sys::path::extension(File));
}

bool underDir(StringRef File, StringRef Dir) {
  std::string D = Dir.str();
  if (!D.empty() && D.back() != '/')
    D += '/';
  return File.starts_with(D);
}

/// "<md5 of rule, file, function, normalised line>:<occurrence>".
void assignFingerprints(std::vector<Finding> &Findings, StringRef Root) {
  std::map<std::string, unsigned> Seen;
  for (Finding &F : Findings) {
    bool UnderRoot = false;
    std::string Key = F.Rule + '\0' + fileUri(F.Pos.File, Root, UnderRoot) +
                      '\0' + F.Function + '\0' + F.NormalizedLine;
    MD5 Hash;
    Hash.update(Key);
    MD5::MD5Result Digest = Hash.final();
    unsigned Occurrence = Seen[Key]++;
    F.Fingerprint = (Digest.digest() + ":" + Twine(Occurrence)).str();
  }
}

/// Whether Path ("-" is stdout) can be created: its directory must exist.
Error checkWritable(StringRef Path, StringRef Cwd) {
  if (Path.empty() || Path == "-")
    return Error::success();
  std::string Abs = absolutePath(Path, Cwd);
  if (sys::fs::is_directory(Abs))
    return createStringError(inconvertibleErrorCode(),
                             "cannot write '%s': it is a directory",
                             Path.str().c_str());
  StringRef Dir = sys::path::parent_path(Abs);
  if (!sys::fs::is_directory(Dir))
    return createStringError(inconvertibleErrorCode(),
                             "cannot write '%s': directory '%s' does not exist",
                             Path.str().c_str(), Dir.str().c_str());
  if (sys::fs::access(Dir, sys::fs::AccessMode::Write))
    return createStringError(
        inconvertibleErrorCode(),
        "cannot write '%s': directory '%s' is not writable",
        Path.str().c_str(), Dir.str().c_str());
  return Error::success();
}

int runMerge() {
  if (Error E = checkWritable(MergeOutput, currentDir()))
    return fail(toString(std::move(E)));
  Expected<json::Value> Merged = mergeSarif(MergeInputs);
  if (!Merged)
    return fail(toString(Merged.takeError()));
  if (Error E = writeJsonFile(MergeOutput, *Merged))
    return fail(toString(std::move(E)));
  return ExitClean;
}

/// The "[37/412] src/foo.c" line on a terminal.
class Progress {
public:
  Progress(size_t Total, bool Enabled) : Total(Total), Enabled(Enabled) {}
  void done(StringRef File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    errs() << "\r\x1b[K[" << Done << '/' << Total << "] " << File;
    errs().flush();
  }
  void finish() {
    if (Enabled && Done) {
      errs() << "\r\x1b[K";
      errs().flush();
    }
  }

private:
  std::mutex Mutex;
  size_t Total;
  size_t Done = 0;
  bool Enabled;
};

int runAnalysis() {
  std::string Cwd = currentDir();

  // Configuration first: everything below may depend on it.
  Config Conf;
  std::optional<std::string> ConfPath;
  if (!ConfigFile.empty())
    ConfPath = ConfigFile.getValue();
  else
    ConfPath = findConfig(Cwd);
  if (ConfPath) {
    Expected<Config> C = loadConfig(*ConfPath);
    if (!C)
      return fail(toString(C.takeError()));
    Conf = std::move(*C);
  }
  std::string Root = absolutePath(RootDir.empty() ? Cwd : RootDir, Cwd);
  if (!sys::fs::is_directory(Root))
    return fail("root '" + Root + "' is not a directory");

  std::vector<std::string> CheckLists;
  if (Conf.Checks)
    CheckLists.push_back(*Conf.Checks);
  if (Checks.getNumOccurrences())
    CheckLists.push_back(Checks);
  Expected<std::vector<std::string>> Rules = selectRules(CheckLists);
  if (!Rules)
    return fail(toString(Rules.takeError()));
  if (Rules->empty())
    return fail("no rule is enabled by the check list");

  AnalysisSettings Settings;
  Settings.Rules = *Rules;
  Settings.CrashOn = CrashOn;
  Settings.ModelFiles = Conf.Models;
  for (const std::string &M : ModelFiles)
    Settings.ModelFiles.push_back(absolutePath(M, Cwd));
  for (const std::string &M : Settings.ModelFiles) {
    Model Scratch;
    if (Error E = loadModelFile(M, Scratch))
      return fail(toString(std::move(E)));
  }

  // An unwritable log is found out now, not after an hour of analysis.
  if (Error E = checkWritable(SarifFile, Cwd))
    return fail(toString(std::move(E)));

  std::set<std::string> Baseline;
  if (!BaselineFile.empty()) {
    Expected<std::set<std::string>> B = readBaselineFingerprints(BaselineFile);
    if (!B)
      return fail("baseline: " + toString(B.takeError()));
    Baseline = std::move(*B);
  }

  unsigned ShardIndex = 0, ShardCount = 1;
  if (!Shard.empty()) {
    auto [K, N] = StringRef(Shard).split('/');
    if (K.trim().getAsInteger(10, ShardIndex) ||
        N.trim().getAsInteger(10, ShardCount) || ShardCount == 0 ||
        ShardIndex == 0 || ShardIndex > ShardCount)
      return fail("--shard expects K/N with 1 <= K <= N, not '" + Shard + "'");
    --ShardIndex;
  }

  std::string DBError;
  std::unique_ptr<tooling::CompilationDatabase> DB = loadDatabase(Cwd, DBError);
  if (!DB)
    return fail(DBError);

  // One command per file (the first), in path order: the order of the
  // output and of the shards.
  std::map<std::string, tooling::CompileCommand> ByFile;
  std::set<std::string> OtherFiles;
  std::vector<tooling::CompileCommand> All = DB->getAllCompileCommands();
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

  std::vector<std::pair<std::string, tooling::CompileCommand>> Selected;
  std::vector<bool> ArgUsed(Paths.size(), false);
  std::vector<std::string> ArgPaths;
  for (const std::string &P : Paths)
    ArgPaths.push_back(absolutePath(P, Cwd));
  // Whether File is named on the command line (or nothing is); marks the
  // arguments that name it.
  auto IsWanted = [&](const std::string &File) {
    bool Wanted = ArgPaths.empty();
    for (size_t I = 0; I < ArgPaths.size(); ++I)
      if (File == ArgPaths[I] || underDir(File, ArgPaths[I])) {
        Wanted = true;
        ArgUsed[I] = true;
      }
    return Wanted;
  };
  for (auto &[File, Command] : ByFile) {
    bool Wanted = IsWanted(File);
    if (Wanted && !Conf.excludes(File))
      Selected.emplace_back(File, Command);
    else if (Wanted && is_contained(ArgPaths, File))
      printMessage(errs(), "note",
                   "'" + displayPath(File, Root) +
                       "' is left out by the configuration's Exclude "
                       "patterns");
  }
  size_t NotC = 0;
  for (const std::string &File : OtherFiles)
    if (IsWanted(File) && !Conf.excludes(File))
      ++NotC;
  for (size_t I = 0; I < Paths.size(); ++I) {
    if (ArgUsed[I])
      continue;
    if (!sys::fs::exists(ArgPaths[I]))
      return fail("'" + Paths[I] + "' does not exist");
    StringRef Ext = sys::path::extension(ArgPaths[I]);
    if (is_contained({".h", ".hh", ".hpp", ".hxx", ".H", ".inc", ".def"}, Ext))
      return fail("'" + Paths[I] +
                  "' is a header, not a translation unit: name the source "
                  "files that include it (its findings are reported with "
                  "theirs)");
    return fail("'" + Paths[I] +
                "' matches no translation unit in the compilation database");
  }
  if (ShardCount > 1) {
    std::vector<std::pair<std::string, tooling::CompileCommand>> Mine;
    for (size_t I = 0; I < Selected.size(); ++I)
      if (I % ShardCount == ShardIndex)
        Mine.push_back(std::move(Selected[I]));
    Selected = std::move(Mine);
  }

  // Analyse.
  std::vector<TUResult> Results(Selected.size());
  bool Terminal = sys::Process::StandardErrIsDisplayed();
  Progress Bar(Selected.size(), Terminal && !Quiet);
  auto AnalyzeOne = [&](size_t I) {
    Results[I] = analyzeTranslationUnit(Selected[I].second, Settings);
    Bar.done(displayPath(Selected[I].first, Root));
  };
  unsigned Threads =
      Jobs ? Jobs.getValue()
           : hardware_concurrency().compute_thread_count();
  if (Threads <= 1 || Selected.size() <= 1) {
    for (size_t I = 0; I < Selected.size(); ++I)
      AnalyzeOne(I);
  } else {
    // Largest files first, so that one big unit does not run alone at the
    // end; results still land in their slots in path order.
    std::vector<std::pair<uint64_t, size_t>> Order;
    for (size_t I = 0; I < Selected.size(); ++I) {
      uint64_t Size = 0;
      sys::fs::file_size(Selected[I].first, Size);
      Order.emplace_back(Size, I);
    }
    llvm::sort(Order, [](const auto &A, const auto &B) {
      return A.first != B.first ? A.first > B.first : A.second < B.second;
    });
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (const auto &[Size, I] : Order)
      Pool.async([&AnalyzeOne, I = I] { AnalyzeOne(I); });
    Pool.wait();
  }
  Bar.finish();

  // Put the results in an order that does not depend on -j.
  RunInfo Run;
  Run.Root = Root;
  Run.BaselineUsed = !BaselineFile.empty();
  std::set<std::tuple<std::string, std::string, unsigned, unsigned, std::string>>
      Unique;
  for (TUResult &R : Results) {
    Run.AnalyzedFiles.push_back(R.File);
    if (R.Failed) {
      Failure F{R.File, "", R.ErrorPos};
      F.Message = "could not analyse '" + displayPath(R.File, Root) + "': ";
      if (!R.ErrorPos.File.empty())
        F.Message += displayPath(R.ErrorPos.File, Root) + ":" +
                     std::to_string(R.ErrorPos.Line) + ":" +
                     std::to_string(R.ErrorPos.Column) + ": ";
      F.Message += R.Error;
      Run.Failures.push_back(std::move(F));
    }
    for (Finding &F : R.Findings) {
      if (Conf.excludes(F.Pos.File))
        continue;
      if (Unique.emplace(F.Rule, F.Pos.File, F.Pos.Line, F.Pos.Column, F.Message)
              .second)
        Run.Findings.push_back(std::move(F));
    }
  }
  // The keys are unique after deduplication, so this order is total.
  std::sort(Run.Findings.begin(), Run.Findings.end(),
            [](const Finding &A, const Finding &B) {
              return std::tie(A.Pos.File, A.Pos.Line, A.Pos.Column, A.Rule,
                              A.Message) < std::tie(B.Pos.File, B.Pos.Line,
                                                    B.Pos.Column, B.Rule,
                                                    B.Message);
            });
  assignFingerprints(Run.Findings, Root);

  size_t InBaseline = 0;
  if (Run.BaselineUsed) {
    std::vector<Finding> New;
    for (Finding &F : Run.Findings) {
      if (Baseline.count(F.Rule + "|" + F.Fingerprint))
        ++InBaseline;
      else
        New.push_back(std::move(F));
    }
    Run.Findings = std::move(New);
  }

  for (const Failure &F : Run.Failures)
    printMessage(errs(), "error", F.Message);
  // With the SARIF log on stdout, the text goes to stderr so that stdout
  // stays one JSON document.
  raw_ostream &Text = SarifFile == "-" ? errs() : outs();
  size_t Reported = 0, Suppressed = 0;
  for (const Finding &F : Run.Findings) {
    if (F.Suppression) {
      ++Suppressed;
      continue;
    }
    ++Reported;
    printFinding(Text, F, Root);
  }
  Text.flush();

  if (!SarifFile.empty())
    if (Error E = writeJsonFile(SarifFile, makeSarif(Run)))
      return fail(toString(std::move(E)));

  if (!Quiet) {
    std::string Summary = std::to_string(Reported) +
                          (Reported == 1 ? " finding" : " findings") + " in " +
                          std::to_string(Selected.size()) +
                          (Selected.size() == 1 ? " translation unit"
                                                : " translation units");
    SmallVector<std::string, 3> Extra;
    if (Suppressed)
      Extra.push_back(std::to_string(Suppressed) + " suppressed");
    if (InBaseline)
      Extra.push_back(std::to_string(InBaseline) + " in the baseline");
    if (!Run.Failures.empty())
      Extra.push_back(std::to_string(Run.Failures.size()) + " not analysed");
    if (NotC)
      Extra.push_back(std::to_string(NotC) +
                      (NotC == 1 ? " file" : " files") +
                      " in assembly or another language skipped");
    if (!Extra.empty())
      Summary += " (" + join(Extra, ", ") + ")";
    printMessage(errs(), "note", Summary);
  }

  if (!Run.Failures.empty())
    return ExitTUFailed;
  return Reported ? ExitFindings : ExitClean;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  CrashRecoveryContext::Enable();
  // Cross compilers' names (arm-linux-gnueabihf-gcc) are looked up as
  // targets; only the target's description is needed, not its backend.
  InitializeAllTargetInfos();
  outs().enable_colors(outs().has_colors());
  errs().enable_colors(errs().has_colors());

  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "cvet " CVET_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
  });
  cl::HideUnrelatedOptions(Category);
  // Some of llvm::cl's errors go to its stream, others straight to stderr:
  // catch both through a pipe so that they come out as one line.
  std::string Errors;
  raw_string_ostream ErrorStream(Errors);
  int Pipe[2] = {-1, -1};
  int SavedStderr = -1;
  errs().flush();
  if (::pipe(Pipe) == 0) {
    SavedStderr = ::dup(2);
    ::dup2(Pipe[1], 2);
  }
  bool Parsed = cl::ParseCommandLineOptions(
          argc, argv,
          "cvet: Go vet's memory-safety and concurrency rules for C and C++, "
          "run over a compilation database\n\n"
          "  cvet -p build/ [--sarif cvet.sarif] [files or directories...]\n"
          "  cvet merge a.sarif b.sarif -o all.sarif\n\n"
          "Exit status: 0 no findings, 1 findings, 2 usage or configuration "
          "error, 3 some translation unit could not be analysed\n",
          &ErrorStream);
  if (SavedStderr >= 0) {
    errs().flush();
    ::dup2(SavedStderr, 2);
    ::close(SavedStderr);
    ::close(Pipe[1]);
    char Buffer[4096];
    for (ssize_t N; (N = ::read(Pipe[0], Buffer, sizeof Buffer)) > 0;)
      Errors.append(Buffer, N);
    ::close(Pipe[0]);
  }
  if (!Parsed)
    return fail(commandLineError(Errors, argv[0]));
  if (!Errors.empty())
    errs() << Errors;
  if (MergeCommand)
    return runMerge();
  return runAnalysis();
}

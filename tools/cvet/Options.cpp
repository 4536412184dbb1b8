//===- Options.cpp - the driver's command line ----------------------------===//

#include "Options.h"
#include "Configure.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cvet;

#ifndef CVET_VERSION
#define CVET_VERSION "0.0.0"
#endif

namespace {

/// Where the value parsers below report, while the command line is parsed.
raw_ostream *ParseErrors = nullptr;

raw_ostream &parseErrors() { return ParseErrors ? *ParseErrors : errs(); }

/// cl::parser<unsigned>, reporting to ParseErrors instead of stderr.
class UnsignedParser : public cl::parser<unsigned> {
public:
  using cl::parser<unsigned>::parser;
  bool parse(cl::Option &O, StringRef ArgName, StringRef Arg,
             unsigned &Value) {
    if (Arg.getAsInteger(0, Value))
      return O.error("'" + Arg + "' value invalid for uint argument!", ArgName,
                     parseErrors());
    return false;
  }
};

/// cl::parser<double> for seconds, reporting to ParseErrors.
class SecondsParser : public cl::parser<double> {
public:
  using cl::parser<double>::parser;
  bool parse(cl::Option &O, StringRef ArgName, StringRef Arg, double &Value) {
    if (Arg.getAsDouble(Value) || Value < 0)
      return O.error("'" + Arg + "' is not a number of seconds", ArgName,
                     parseErrors());
    return false;
  }
};

/// cl::parser<bool>, reporting to ParseErrors instead of stderr.
class BoolParser : public cl::parser<bool> {
public:
  using cl::parser<bool>::parser;
  bool parse(cl::Option &O, StringRef ArgName, StringRef Arg, bool &Value) {
    if (Arg.empty() || Arg == "true" || Arg == "TRUE" || Arg == "True" ||
        Arg == "1") {
      Value = true;
      return false;
    }
    if (Arg == "false" || Arg == "FALSE" || Arg == "False" || Arg == "0") {
      Value = false;
      return false;
    }
    return O.error("'" + Arg +
                       "' is invalid value for boolean argument! Try 0 or 1",
                   ArgName, parseErrors());
  }
};

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
cl::opt<unsigned, false, UnsignedParser>
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
cl::opt<bool, false, BoolParser>
    Quiet("quiet", cl::cat(Category),
          cl::desc("No progress line and no summary"));
cl::alias QuietShort("q", cl::aliasopt(Quiet), cl::desc("Alias for --quiet"),
                     cl::NotHidden);
cl::opt<std::string>
    Shard("shard", cl::value_desc("K/N"), cl::cat(Category),
          cl::desc("Analyse only the K-th of N equal slices of the "
                   "translation units (1 <= K <= N)"));
cl::opt<bool, false, BoolParser> ChangedFiles(
    "changed-files", cl::cat(Category),
    cl::desc("The files named are changed files, not translation units: "
             "analyse the units whose main file is one of them or that "
             "include one of them (for pre-commit hooks)"));
cl::opt<std::string>
    FilesFrom("files-from", cl::value_desc("file"), cl::cat(Category),
              cl::desc("Read more files or directories from this file, one "
                       "per line ('-': standard input)"));
cl::opt<unsigned, false, UnsignedParser> TimeBudget(
    "time-budget", cl::value_desc("seconds"), cl::cat(Category),
    cl::desc("Start no translation unit after this many seconds; the units "
             "left over are named and not analysed"));
cl::opt<std::string> OverBudgetList(
    "over-budget-list", cl::value_desc("file"), cl::cat(Category),
    cl::desc("Write the main files of the units that --time-budget left "
             "out, one per line"));
cl::opt<bool, false, BoolParser>
    NoNotes("no-notes", cl::cat(Category),
            cl::desc("One line per finding, without its path notes"));
cl::opt<bool, false, BoolParser> Prune(
    "prune", cl::init(true), cl::cat(Category),
    cl::desc("Explore only the functions that can reach an API of the "
             "models (--prune=false: every function; the findings are the "
             "same)"));
cl::opt<double, false, SecondsParser> UnitTimeout(
    "unit-timeout", cl::value_desc("seconds"), cl::init(DefaultUnitTimeout),
    cl::cat(Category),
    cl::desc("CPU seconds one translation unit may take; then its analysis "
             "stops, with a warning (default: 300; 0: no limit)"));
cl::opt<std::string>
    CacheDir("cache", cl::value_desc("dir"), cl::cat(Category),
             cl::desc("Keep the results of translation units here and reuse "
                      "them while the unit, its headers, the flags, the "
                      "rules and the models stay the same"));
// Parsed after llvm::cl (parseByteSize): its integer parsers are final.
cl::opt<std::string>
    CacheSize("cache-size", cl::value_desc("size"), cl::cat(Category),
              cl::desc("Size limit of --cache, in bytes or with K, M or G; "
                       "the least recently used results go first (default: "
                       "256M)"));
// The defaults as Configure.cpp spells them (cl::desc keeps a reference).
const std::string AnalyzerConfigHelp =
    "Clang Static Analyzer settings, as clang's -analyzer-config takes them, "
    "plus max-loop=N, cvet:IndirectMaxNodes=N and cvet:AnalyseNotInlined=BOOL "
    "(default: " +
    join(defaultAnalyzerConfig(), ",") + "); may be repeated";
cl::list<std::string> AnalyzerConfig("analyzer-config",
                                     cl::value_desc("key=value,..."),
                                     cl::CommaSeparated, cl::cat(Category),
                                     cl::desc(AnalyzerConfigHelp));
cl::opt<std::string> CrashOn("test-crash-on", cl::Hidden, cl::cat(Category),
                             cl::desc("Testing: crash inside the analysis of "
                                      "files whose path contains this"));

cl::list<std::string> MergeInputs(cl::Positional, cl::OneOrMore,
                                  cl::sub(MergeCommand), cl::cat(Category),
                                  cl::value_desc("log.sarif"),
                                  cl::desc("<SARIF logs to combine>"));
// Required, but checked after parsing: llvm::cl reports a missing required
// option on stderr rather than on the stream it is given.
cl::opt<std::string> MergeOutput("o", cl::sub(MergeCommand), cl::cat(Category),
                                 cl::value_desc("file"),
                                 cl::desc("Where to write the combined log "
                                          "(required)"));

constexpr StringLiteral Overview =
    "cvet: Go vet's memory-safety and concurrency rules for C and C++, "
    "run over a compilation database\n\n"
    "  cvet -p build/ [--sarif cvet.sarif] [files or directories...]\n"
    "  cvet merge a.sarif b.sarif -o all.sarif\n\n"
    "Exit status: 0 no findings, 1 findings, 2 usage or configuration "
    "error, 3 some translation unit could not be analysed\n";

/// How llvm::cl names an option in its messages.
std::string spelled(StringRef Name) {
  return (Name.size() == 1 ? "-" : "--") + Name.str();
}

/// The errors llvm::cl would print straight to stderr while it reads the
/// arguments: a value-taking option last on the line without its value,
/// and "--flag=value" for an option that takes none.
std::optional<std::string> valueError(int Argc, const char *const *Argv) {
  bool InMerge = Argc > 1 && StringRef(Argv[1]) == MergeCommand.getName();
  auto &Registered = cl::getRegisteredOptions(
      InMerge ? MergeCommand : cl::SubCommand::getTopLevel());
  auto &Global = cl::getRegisteredOptions(cl::SubCommand::getAll());
  auto Find = [&](StringRef Name) -> cl::Option * {
    if (cl::Option *O = Registered.lookup(Name))
      return O;
    return Global.lookup(Name);
  };
  for (int I = InMerge ? 2 : 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg == "--")
      break;
    if (!Arg.consume_front("-") || Arg.empty())
      continue;
    Arg.consume_front("-");
    auto [Name, Value] = Arg.split('=');
    bool HasValue = Arg.contains('=');
    cl::Option *O = Find(Name);
    if (!O || O->getFormattingFlag() == cl::Positional)
      continue;
    if (HasValue && O->getValueExpectedFlag() == cl::ValueDisallowed)
      return "for the " + spelled(Name) + " option: does not allow a value; '" +
             Value.str() + "' specified";
    if (!HasValue && I + 1 == Argc &&
        O->getValueExpectedFlag() == cl::ValueRequired)
      return "for the " + spelled(Name) + " option: requires a value";
    if (!HasValue && O->getValueExpectedFlag() == cl::ValueRequired)
      ++I; // its value, whatever it looks like
  }
  return std::nullopt;
}

Error usageError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(),
                           Message + " (see 'cvet --help')");
}

} // namespace

std::string cvet::commandLineError(StringRef Text, StringRef Argv0) {
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

Expected<DriverOptions> cvet::parseCommandLine(int Argc,
                                               const char *const *Argv) {
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "cvet " CVET_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
  });
  cl::HideUnrelatedOptions(Category);
  if (std::optional<std::string> E = valueError(Argc, Argv))
    return usageError(*E);

  std::string Errors;
  raw_string_ostream ErrorStream(Errors);
  ParseErrors = &ErrorStream;
  bool Parsed =
      cl::ParseCommandLineOptions(Argc, Argv, Overview, &ErrorStream);
  ParseErrors = nullptr;
  if (!Parsed)
    return createStringError(inconvertibleErrorCode(),
                             commandLineError(Errors, Argv[0]));
  if (!Errors.empty())
    errs() << Errors;

  DriverOptions O;
  O.Merge = bool(MergeCommand);
  if (O.Merge) {
    if (MergeOutput.getNumOccurrences() == 0)
      return usageError("for the -o option: must be specified at least once");
    O.MergeInputs = MergeInputs;
    O.MergeOutput = MergeOutput;
    return O;
  }
  O.BuildPath = BuildPath;
  O.Paths = Paths;
  O.Jobs = Jobs;
  if (Checks.getNumOccurrences())
    O.Checks = Checks.getValue();
  O.SarifFile = SarifFile;
  O.ModelFiles = ModelFiles;
  O.BaselineFile = BaselineFile;
  O.ConfigFile = ConfigFile;
  O.RootDir = RootDir;
  O.Quiet = Quiet;
  O.Shard = Shard;
  O.CrashOn = CrashOn;
  O.ChangedFiles = ChangedFiles;
  O.FilesFrom = FilesFrom;
  if (TimeBudget.getNumOccurrences())
    O.TimeBudget = TimeBudget.getValue();
  O.OverBudgetList = OverBudgetList;
  O.Notes = !NoNotes;
  O.Prune = Prune;
  O.UnitTimeout = UnitTimeout;
  O.CacheDir = CacheDir;
  if (CacheSize.getNumOccurrences()) {
    std::optional<uint64_t> Size = parseByteSize(CacheSize);
    if (!Size)
      return usageError("for the --cache-size option: '" + CacheSize +
                        "' is not a size (bytes, or with K, M, G)");
    O.CacheSize = *Size;
  }
  O.AnalyzerConfig = AnalyzerConfig;
  return O;
}

std::optional<uint64_t> cvet::parseByteSize(StringRef Text) {
  Text = Text.trim();
  uint64_t Scale = 1;
  if (!Text.empty()) {
    switch (toUpper(Text.back())) {
    case 'K':
      Scale = 1ull << 10;
      break;
    case 'M':
      Scale = 1ull << 20;
      break;
    case 'G':
      Scale = 1ull << 30;
      break;
    }
    if (Scale != 1)
      Text = Text.drop_back();
  }
  uint64_t N = 0;
  if (Text.empty() || Text.getAsInteger(10, N) || N > UINT64_MAX / Scale)
    return std::nullopt;
  return N * Scale;
}

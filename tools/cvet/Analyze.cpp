//===- Analyze.cpp - one translation unit through the analyzer ------------===//
//
// ClangTool parses the compile command (with its own physical file system, so
// that threads do not share a working directory); our frontend action sets
// the analyzer options (only the selected cvet checkers plus core modelling,
// no output files) and adds FindingCollector to the AnalysisConsumer. The
// AnalysisManager owns the collector and flushes it once the TU is done.
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "BudgetStop.h"
#include "CompileFlags.h"
#include "Fingerprint.h"
#include "Paths.h"
#include "Rules.h"
#include "Suppress.h"

#include "Checkers.h"
#include "support/Compat.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Frontend/AnalysisConsumer.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <set>

using namespace clang;
using namespace clang::ento;
using namespace llvm;
using namespace cvet;


namespace {

/// Counts code points in UTF-8 text (continuation bytes do not start one).
unsigned codePoints(StringRef Text) {
  return count_if(Text, [](char C) { return (C & 0xC0) != 0x80; });
}

StringRef lineOf(const SourceManager &SM, FileID FID, unsigned Line) {
  if (Line == 0)
    return {};
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return {};
  SourceLocation Start = SM.translateLineCol(FID, Line, 1);
  unsigned Offset = SM.getFileOffset(Start);
  if (Offset >= Buffer.size())
    return {};
  StringRef Rest = Buffer.drop_front(Offset);
  return Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
}

/// Turns report locations into plain positions while the AST is alive.
class FindingCollector : public PathDiagnosticConsumer {
public:
  FindingCollector(TUResult &Out, const std::set<std::string> &Enabled,
                   const LangOptions &LangOpts, std::string CompileDir)
      : Out(Out), Enabled(Enabled), LangOpts(LangOpts),
        CompileDir(std::move(CompileDir)) {}

  StringRef getName() const override { return "cvet"; }
  PathGenerationScheme getGenerationScheme() const override { return Minimal; }
  bool supportsLogicalOpControlFlow() const override { return true; }
  bool supportsCrossFileDiagnostics() const override { return true; }

  void FlushDiagnosticsImpl(std::vector<const PathDiagnostic *> &Diags,
                            FilesMade *) override {
    for (const PathDiagnostic *PD : Diags)
      if (std::optional<Finding> F = toFinding(*PD))
        Out.Findings.push_back(std::move(*F));
  }

private:
  TUResult &Out;
  const std::set<std::string> &Enabled;
  const LangOptions &LangOpts;
  std::string CompileDir;

  SourcePos position(const SourceManager &SM, SourceLocation Loc,
                     SourceRange Range) const {
    SourcePos P;
    if (Loc.isInvalid())
      return P;
    SourceLocation L = SM.getExpansionLoc(Loc);
    FileID FID = SM.getFileID(L);
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
      P.File = absolutePath(FE->getName(), CompileDir);
    P.Line = SM.getExpansionLineNumber(L);
    P.Column = SM.getExpansionColumnNumber(L);
    StringRef Text = lineOf(SM, FID, P.Line);
    P.CharColumn = codePoints(Text.take_front(P.Column - 1)) + 1;
    if (Range.isValid()) {
      SourceLocation E = SM.getExpansionLoc(Range.getEnd());
      if (SM.getFileID(E) == FID && SM.getExpansionLineNumber(E) == P.Line) {
        unsigned EndCol = SM.getExpansionColumnNumber(E) +
                          Lexer::MeasureTokenLength(E, SM, LangOpts);
        unsigned EndChar = codePoints(Text.take_front(EndCol - 1)) + 1;
        if (EndChar > P.CharColumn)
          P.EndCharColumn = EndChar;
      }
    }
    return P;
  }

  std::optional<std::string> suppressedAt(const SourceManager &SM,
                                          SourceLocation Loc,
                                          const Rule &R) const {
    if (Loc.isInvalid())
      return std::nullopt;
    SourceLocation L = SM.getExpansionLoc(Loc);
    FileID FID = SM.getFileID(L);
    unsigned Line = SM.getExpansionLineNumber(L);
    if (auto J = suppressionIn(lineOf(SM, FID, Line), R, false))
      return J;
    return suppressionIn(lineOf(SM, FID, Line - 1), R, true);
  }

  std::optional<Finding> toFinding(const PathDiagnostic &PD) const {
    const Rule *R = findRule(PD.getCheckerName());
    if (!R || !Enabled.count(R->Id))
      return std::nullopt;
    const SourceManager &SM = PD.getLocation().getManager();
    Finding F;
    F.Rule = R->Id;
    F.Message = PD.getShortDescription().str();
    SourceRange Range;
    if (!PD.path.empty() && !PD.path.back()->getRanges().empty())
      Range = PD.path.back()->getRanges().front();
    SourceLocation Loc = PD.getLocation().asLocation();
    // A library's inline code is the library's business, as in a compiler
    // warning: nothing is reported in a system header.
    if (Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      return std::nullopt;
    F.Pos = position(SM, Loc, Range);
    if (F.Pos.File.empty())
      return std::nullopt;

    PathPieces Flat = PD.path.flatten(/*ShouldFlattenMacros=*/true);
    for (const auto &Piece : Flat) {
      if (Piece->getString().empty())
        continue;
      ArrayRef<SourceRange> Ranges = Piece->getRanges();
      SourcePos P = position(SM, Piece->getLocation().asLocation(),
                             Ranges.empty() ? SourceRange() : Ranges.front());
      if (P.File.empty())
        continue;
      F.Path.push_back({std::move(P), Piece->getString().str(),
                        Piece->getKind() == PathDiagnosticPiece::Note});
    }

    if (const auto *ND = dyn_cast_or_null<NamedDecl>(PD.getDeclWithIssue()))
      F.Function = ND->getQualifiedNameAsString();
    SourceLocation Exp = SM.getExpansionLoc(Loc);
    F.NormalizedLine = normalizeLine(
        lineOf(SM, SM.getFileID(Exp), SM.getExpansionLineNumber(Exp)));

    // Leaks are reported where the handle dies; a comment at the acquisition
    // (the uniqueing location) suppresses them as well.
    F.Suppression = suppressedAt(SM, Loc, *R);
    if (!F.Suppression && PD.getUniqueingLoc().isValid())
      F.Suppression = suppressedAt(SM, PD.getUniqueingLoc().asLocation(), *R);
    return F;
  }
};

/// Keeps the first compiler error; the rest are usually its consequences.
class ErrorCollector : public DiagnosticConsumer {
public:
  explicit ErrorCollector(TUResult &Out) : Out(Out) {}

  // Deliberately not calling the base class: its counters would make the
  // CompilerInstance print "N warnings generated." on stderr.
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    if (Level == DiagnosticsEngine::Warning && isBudgetWarning(Info)) {
      Out.CutShort = true;
      Out.FunctionsNotStarted = Info.getArgUInt(1);
      Out.FunctionsStopped = Info.getArgUInt(2);
      return;
    }
    if (Level < DiagnosticsEngine::Error || !Out.Error.empty())
      return;
    SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    Out.Error = std::string(Message);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      SourceLocation L = SM.getExpansionLoc(Info.getLocation());
      if (OptionalFileEntryRef FE =
              SM.getFileEntryRefForID(SM.getFileID(L))) {
        Out.ErrorPos.File = absolutePath(FE->getName(), CompileDir);
        Out.ErrorPos.Line = SM.getExpansionLineNumber(L);
        Out.ErrorPos.Column = SM.getExpansionColumnNumber(L);
        Out.ErrorPos.CharColumn = Out.ErrorPos.Column;
      }
    }
  }

  std::string CompileDir;

private:
  TUResult &Out;

  /// cvet.Prune's warning that the unit ran out of its time budget.
  static bool isBudgetWarning(const Diagnostic &Info) {
    return Info.getDiags()->getDiagnosticIDs()->getDescription(Info.getID()) ==
           StringRef(UnitBudgetWarning);
  }
};

/// Stands in for an analyzer bug in the crash-recovery tests.
class CrashingConsumer : public ASTConsumer {
  void HandleTranslationUnit(ASTContext &) override { LLVM_BUILTIN_TRAP; }
};

class AnalyzeAction : public ASTFrontendAction {
public:
  AnalyzeAction(TUResult &Out, const AnalysisSettings &Settings,
                const std::set<std::string> &Enabled, std::string CompileDir)
      : Out(Out), Settings(Settings), Enabled(Enabled),
        CompileDir(std::move(CompileDir)) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    AnalyzerOptions &Opts = CI.getAnalyzerOpts();
    Opts.AnalysisDiagOpt = PD_NONE;
    Opts.CheckersAndPackages.clear();
    // Core modelling keeps paths honest (a null dereference ends a path);
    // its own reports are silenced before any path is built for them.
    for (const char *Modelling : {"core", "apiModeling"}) {
      Opts.CheckersAndPackages.emplace_back(Modelling, true);
      Opts.SilencedCheckersAndPackages.push_back(Modelling);
    }
    for (const std::string &Id : Settings.Rules)
      Opts.CheckersAndPackages.emplace_back(Id, true);
    bool Budget = analysisDeadlineSet();
    if (Budget)
      Opts.CheckersAndPackages.emplace_back(BudgetStopChecker.str(), true);
    if (!Settings.ModelFiles.empty())
      Opts.Config["cvet:ModelFiles"] = join(Settings.ModelFiles, ";");
    Opts.Config["cvet:Prune"] = Settings.Prune ? "true" : "false";
    Opts.Config["cvet:UnitTimeout"] =
        formatv("{0}", format("%.9g", Settings.UnitTimeout)).str();

    std::unique_ptr<AnalysisASTConsumer> Analysis = CreateAnalysisConsumer(CI);
    Analysis->AddCheckerRegistrationFn(
        [Budget](CheckerRegistry &Registry) {
          cvet::registerCheckers(Registry);
          if (Budget)
            registerBudgetStop(Registry);
        });
    cvet::compat::addDiagnosticConsumer(
        *Analysis, std::make_unique<FindingCollector>(
                       Out, Enabled, CI.getLangOpts(), CompileDir));
    if (Settings.CrashOn.empty() || !InFile.contains(Settings.CrashOn))
      return Analysis;
    std::vector<std::unique_ptr<ASTConsumer>> Both;
    Both.push_back(std::move(Analysis));
    Both.push_back(std::make_unique<CrashingConsumer>());
    return std::make_unique<MultiplexConsumer>(std::move(Both));
  }

private:
  TUResult &Out;
  const AnalysisSettings &Settings;
  const std::set<std::string> &Enabled;
  std::string CompileDir;
};

class ActionFactory : public tooling::FrontendActionFactory {
public:
  ActionFactory(TUResult &Out, const AnalysisSettings &Settings,
                const std::set<std::string> &Enabled, std::string CompileDir)
      : Out(Out), Settings(Settings), Enabled(Enabled),
        CompileDir(std::move(CompileDir)) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalyzeAction>(Out, Settings, Enabled, CompileDir);
  }

private:
  TUResult &Out;
  const AnalysisSettings &Settings;
  const std::set<std::string> &Enabled;
  std::string CompileDir;
};

/// Hands ClangTool exactly one command, so no database is shared by threads.
class OneCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit OneCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef) const override {
    return {Command};
  }

private:
  tooling::CompileCommand Command;
};

} // namespace

TUResult cvet::analyzeTranslationUnit(const tooling::CompileCommand &Command,
                                      const AnalysisSettings &Settings) {
  TUResult Result;
  Result.File = absolutePath(Command.Filename, Command.Directory);
  if (!sys::fs::is_directory(Command.Directory)) {
    Result.Failed = true;
    Result.Error = "the compile command's directory '" + Command.Directory +
                   "' does not exist";
    return Result;
  }
  if (!sys::fs::exists(Result.File)) {
    Result.Failed = true;
    Result.Error = "the file does not exist (is the compilation database out "
                   "of date?)";
    return Result;
  }

  std::set<std::string> Enabled(Settings.Rules.begin(), Settings.Rules.end());
  OneCommandDatabase Database(Command);
  tooling::ClangTool Tool(Database, {Result.File},
                          std::make_shared<PCHContainerOperations>(),
                          vfs::createPhysicalFileSystem());
  Tool.setPrintErrorMessage(false);
  ErrorCollector Errors(Result);
  Errors.CompileDir = Command.Directory;
  Tool.setDiagnosticConsumer(&Errors);
  Tool.appendArgumentsAdjuster(
      [&Command, &Result, &Settings](const tooling::CommandLineArguments &Args,
                                     StringRef) {
        tooling::CommandLineArguments Out =
            analysisCommandLine(Args, Result.File, Command.Directory);
        // Through the command line, so that clang parses them into the
        // analyzer's typed options as for `clang --analyze`.
        for (const auto &[Key, Value] : Settings.AnalyzerConfig)
          if (Key == MaxLoopSetting)
            Out.insert(Out.end(),
                       {"-Xclang", "-analyzer-max-loop", "-Xclang", Value});
          else
            Out.insert(Out.end(), {"-Xclang", "-analyzer-config", "-Xclang",
                                   Key + "=" + Value});
        return Out;
      });
  ActionFactory Factory(Result, Settings, Enabled, Command.Directory);

  int Status = 0;
  CrashRecoveryContext CRC;
  takeBudgetCut();
  bool Survived = CRC.RunSafely([&] { Status = Tool.run(&Factory); });
  Result.CutByBudget = takeBudgetCut();
  if (!Survived) {
    Result.Findings.clear();
    Result.Failed = true;
    Result.Error = "the analyzer crashed on this translation unit";
    Result.ErrorPos = SourcePos();
    return Result;
  }
  if (Status != 0 || !Result.Error.empty()) {
    Result.Failed = true;
    if (Result.Error.empty())
      Result.Error = "the compiler could not process this translation unit";
  }
  return Result;
}

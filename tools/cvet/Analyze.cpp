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
#include "Rules.h"
#include "Suppress.h"

#include "Checkers.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Driver/Options.h"
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
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <map>
#include <set>

using namespace clang;
using namespace clang::ento;
using namespace llvm;
using namespace cvet;

#ifndef CVET_CLANG_RESOURCE_DIR
#define CVET_CLANG_RESOURCE_DIR ""
#endif

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

std::string collapseWhitespace(StringRef Text) {
  std::string Out;
  bool Space = false;
  for (char C : Text.trim()) {
    if (isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
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
      F.Path.push_back({std::move(P), Piece->getString().str()});
    }

    if (const auto *ND = dyn_cast_or_null<NamedDecl>(PD.getDeclWithIssue()))
      F.Function = ND->getQualifiedNameAsString();
    SourceLocation Exp = SM.getExpansionLoc(Loc);
    F.NormalizedLine = collapseWhitespace(
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
    if (!Settings.ModelFiles.empty())
      Opts.Config["cvet:ModelFiles"] = join(Settings.ModelFiles, ";");

    std::unique_ptr<AnalysisASTConsumer> Analysis = CreateAnalysisConsumer(CI);
    Analysis->AddCheckerRegistrationFn(
        [](CheckerRegistry &Registry) { cvet::registerCheckers(Registry); });
    Analysis->AddDiagnosticConsumer(
        new FindingCollector(Out, Enabled, CI.getLangOpts(), CompileDir));
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

/// Makes a command written for another compiler acceptable to Clang, much
/// as clangd does. Dropped: a launcher in front of the compiler (ccache gcc
/// ...); every argument Clang's driver does not know (GCC-only flags such as
/// -fconserve-stack would fail the whole unit); GCC plugins, which Clang
/// would try to load; flags that hand code generation a file (profiles,
/// sanitizer lists) or that write reports and dependency files;
/// precompiled headers (their headers are read instead); and, in a command
/// compiling several sources at once (cc a.c b.c -o prog), the sources other
/// than this entry's.
tooling::CommandLineArguments
clangCompatible(const tooling::CommandLineArguments &Args, StringRef File,
                StringRef Directory) {
  static const StringSet<> Launchers = {"ccache", "sccache", "distcc",
                                        "icecc", "buildcache"};
  // Flags that make Clang read a file that matters only for code
  // generation: profiles (GCC's -fprofile-use means .gcda files, which
  // Clang would look for as default.profdata) and sanitizer lists. Then
  // flags that write reports to stderr or files (the analysis must leave
  // the build tree alone and its output clean), and diagnostic formats
  // that are GCC's (-fdiagnostics-format=json).
  static const StringRef DroppedPrefixes[] = {
      "-fprofile-use",         "-fprofile-instr-use",
      "-fprofile-sample-use",  "-fauto-profile",
      "-fprofile-list=",       "-fsanitize-ignorelist=",
      "-fsanitize-blacklist=", "-fsanitize-system-ignorelist=",
      "-ftime-report",         "-ftime-trace",
      "-fproc-stat-report",    "-fdiagnostics-format"};
  static const StringSet<> DroppedFlags = {"-v", "-H", "-###"};
  size_t Start = 0;
  while (Start + 1 < Args.size() &&
         Launchers.contains(sys::path::stem(Args[Start])) &&
         !StringRef(Args[Start + 1]).starts_with("-"))
    ++Start;
  if (Args.size() <= Start)
    return Args;

  std::vector<const char *> Argv;
  for (size_t I = Start + 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  opt::InputArgList Parsed = clang::driver::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      opt::Visibility(clang::driver::options::ClangOption));
  std::vector<bool> Drop(Argv.size(), false);
  std::vector<unsigned> OtherInputs;
  bool HasFile = false;
  for (const opt::Arg *A : Parsed.filtered(clang::driver::options::OPT_INPUT)) {
    if (absolutePath(A->getValue(), Directory) == File)
      HasFile = true;
    else
      OtherInputs.push_back(A->getIndex());
  }
  if (HasFile)
    for (unsigned I : OtherInputs)
      if (I < Drop.size())
        Drop[I] = true;
  for (const opt::Arg *A : Parsed) {
    StringRef Spelling = Argv[A->getIndex()];
    bool Unwanted =
        A->getOption().getID() == clang::driver::options::OPT_UNKNOWN ||
        A->getOption().matches(clang::driver::options::OPT_fplugin_EQ) ||
        A->getOption().matches(clang::driver::options::OPT_fplugin_arg) ||
        DroppedFlags.contains(Spelling) ||
        any_of(DroppedPrefixes,
               [&](StringRef P) { return Spelling.starts_with(P); }) ||
        // -Wp,-MD,file (Linux kernel): the preprocessor would write
        // dependency files over the build's own.
        (A->getOption().matches(clang::driver::options::OPT_Wp_COMMA) &&
         any_of(A->getValues(),
                [](const char *V) { return StringRef(V).starts_with("-M"); }));
    if (!Unwanted)
      continue;
    // The Arg's index is its first token; a separate value follows it.
    for (unsigned I = A->getIndex(),
                  E = I + (A->getNumValues() &&
                                   A->getOption().getKind() ==
                                       opt::Option::SeparateClass
                               ? 2
                               : 1);
         I < E && I < Drop.size(); ++I)
      Drop[I] = true;
  }
  // A precompiled header is only readable by the Clang that wrote it (not
  // GCC, not an older Clang): read its header as text instead. CMake's
  // -Xclang -include-pch -Xclang x.pch comes with -Xclang -include of the
  // header, so that pair just goes; a bare -include-pch x.h.pch becomes an
  // include of x.h when the header is there. Clang's driver turns
  // -include x.h into x.h.pch by itself when that file exists, so every
  // -include goes straight to the frontend (-Xclang -include -Xclang x.h).
  std::map<unsigned, std::string> IncludeInstead;
  std::vector<const opt::Arg *> All(Parsed.begin(), Parsed.end());
  for (size_t K = 0; K < All.size(); ++K) {
    const opt::Arg *A = All[K];
    if (A->getOption().matches(clang::driver::options::OPT_include)) {
      unsigned Width = StringRef(Argv[A->getIndex()]) == "-include" ? 2 : 1;
      for (unsigned I = A->getIndex(); I < A->getIndex() + Width; ++I)
        if (I < Drop.size())
          Drop[I] = true;
      IncludeInstead[A->getIndex()] = A->getValue();
    } else if (A->getOption().matches(
                   clang::driver::options::OPT_include_pch)) {
      for (unsigned I = A->getIndex(); I < A->getIndex() + 2; ++I)
        if (I < Drop.size())
          Drop[I] = true;
      StringRef Pch = A->getValue();
      StringRef Header = Pch;
      if ((Header.consume_back(".pch") || Header.consume_back(".gch")) &&
          sys::fs::exists(absolutePath(Header, Directory)))
        IncludeInstead[A->getIndex()] = Header.str();
    } else if (A->getOption().matches(clang::driver::options::OPT_Xclang) &&
               StringRef(A->getValue()) == "-include-pch" &&
               K + 1 < All.size() &&
               All[K + 1]->getOption().matches(
                   clang::driver::options::OPT_Xclang)) {
      for (const opt::Arg *Part : {A, All[K + 1]})
        for (unsigned I = Part->getIndex(); I < Part->getIndex() + 2; ++I)
          if (I < Drop.size())
            Drop[I] = true;
      ++K;
    }
  }

  tooling::CommandLineArguments Out = {Args[Start]};
  for (size_t I = 0; I < Argv.size(); ++I) {
    if (auto It = IncludeInstead.find(I); It != IncludeInstead.end())
      Out.insert(Out.end(), {"-Xclang", "-include", "-Xclang", It->second});
    if (!Drop[I])
      Out.push_back(Argv[I]);
  }
  // A cross compiler's name gives the target (arm-linux-gnueabihf-gcc:
  // --target=arm-linux-gnueabihf), or its -mcpu/-mfpu flags are refused
  // for the host's; g++ gives the C++ driver mode.
  tooling::addTargetAndModeForProgramName(Out, Out.front());
  return Out;
}

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
      [&Command, &Result](const tooling::CommandLineArguments &Args,
                          StringRef) {
        return clangCompatible(Args, Result.File, Command.Directory);
      });
  std::vector<std::string> Extra = {"-w", "-D__clang_analyzer__"};
  if (StringRef(CVET_CLANG_RESOURCE_DIR) != "")
    Extra.push_back("-resource-dir=" CVET_CLANG_RESOURCE_DIR);
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      Extra, tooling::ArgumentInsertPosition::BEGIN));
  // What GCC (before 14) only warns about, Clang refuses by default; the
  // code compiles with the project's compiler, so it must parse here. Last,
  // so that the project's own -Werror=... does not turn them back.
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
       "-Wno-error=int-conversion",
       "-Wno-error=incompatible-function-pointer-types"},
      tooling::ArgumentInsertPosition::END));
  ActionFactory Factory(Result, Settings, Enabled, Command.Directory);

  int Status = 0;
  CrashRecoveryContext CRC;
  if (!CRC.RunSafely([&] { Status = Tool.run(&Factory); })) {
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

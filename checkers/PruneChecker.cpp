//===- PruneChecker.cpp - which functions the path-sensitive pass explores ===//
//
// cvet.Prune is hidden and every rule depends on it. It reports nothing; it
// decides, when the analyzer starts a top-level function, whether to explore
// it at all, and keeps one translation unit from holding a run hostage:
//
//   top-level function begins
//     --unit over its time budget (cvet:UnitTimeout)--> path ends, counted
//     --inlined wherever it was called so far---------> path ends
//       (cvet:AnalyseNotInlined)
//     --cannot reach a modelled API (cvet:Prune)-------> path ends
//     '--otherwise--> explored as usual
//   branch, unit over its time budget --> path ends, function counted
//   branch, the function reaches a modelled API only through its callees
//     and the exploded graph holds cvet:IndirectMaxNodes nodes --> path ends
//   end of the unit, something counted --> one warning (UnitBudgetWarning)
//
// Clang analyses a function as a top-level function only if no earlier
// exploration inlined it (-analyzer-inlining-mode=noredundancy). But once a
// path through an inlined function has gone round one of its loops max-loop
// times -- with loop widening, any loop whose end is not known -- Clang
// inlines that function nowhere else in the unit: every later call is
// evaluated without its body, and since it was inlined once, it is never
// analysed on its own. A static helper that leaks on an error path and reads
// a directory in a loop afterwards was found on one path of its caller at
// most. With cvet:AnalyseNotInlined (on by default) the analyzer is set to
// analyse every function (inlining-mode=all) and this checker skips, as
// noredundancy would, the functions that were inlined at every call it
// saw and whose callers were explored to the end; one that some call
// evaluated without its body, or that was inlined only into explorations
// cut short (max-nodes, cvet:IndirectMaxNodes), is analysed on its own.
//
// The node budget for indirect users is the analyzer's max-nodes made
// smaller where it costs least: a function that opens a handle, starts a
// thread or inserts into a map itself keeps the whole max-nodes; one that
// only calls into code that does (a one-line command wrapper inlining a
// generic algorithm) stops earlier. It is a budget, not pruning: it applies
// the same with cvet:Prune=false.
//
// Which functions can reach a modelled API is support/Relevance.h, computed
// once per translation unit on the first top-level function. The names are
// those each enabled rule declared as its triggers (declareTriggers) and
// that can report in this unit (a rule may say it cannot), or,
// for a rule that declared none, every name of every model it may read
// (built-in files, cvet:ModelFiles and each rule's ModelFiles); if one of
// those files cannot be read, nothing is pruned (the rule reports the file).
//
// The budget is CPU time of the thread that parses and analyses the unit,
// counted from the start of the parse: a busy machine does not cut units
// short, and one run gives the same result as the next.
//
//===----------------------------------------------------------------------===//

#include "Checkers.h"
#include "support/Compat.h"
#include "support/Relevance.h"

#include "cvet/Model.h"
#include "cvet/ModelNames.h"
#include "clang/Basic/DiagnosticDriver.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/CheckerRegistryData.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "llvm/Support/MemoryBuffer.h"

#include <chrono>
#include <ctime>
#include <map>
#include <memory>
#include <optional>

using namespace clang;
using namespace clang::ento;

const char cvet::UnitBudgetWarning[] =
    "cvet: the analysis of this translation unit stopped at its budget of %0 "
    "CPU seconds (cvet:UnitTimeout): %1 functions were not analysed and %2 "
    "were cut short; findings may be missing";

namespace {

double threadCpuSeconds() {
#ifdef CLOCK_THREAD_CPUTIME_ID
  timespec TS;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &TS) == 0)
    return TS.tv_sec + TS.tv_nsec / 1e9;
#endif
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

class PruneChecker
    : public Checker<check::BeginFunction, check::BranchCondition,
                     check::PostCall, check::EndAnalysis,
                     check::EndOfTranslationUnit> {
public:
  void checkBeginFunction(CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkEndAnalysis(ExplodedGraph &G, BugReporter &BR,
                        ExprEngine &Eng) const;
  void checkBranchCondition(const Stmt *Cond, CheckerContext &C) const;
  void checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                 AnalysisManager &Mgr, BugReporter &BR) const;

  bool Prune = true;
  /// Whether functions inlined at every call so far are skipped as
  /// top-level functions (the analyzer runs in inlining-mode=all).
  bool SkipInlined = false;
  /// The rules that run, and the trigger names those that declared some
  /// declared (declareTriggers).
  std::vector<std::string> EnabledRules;
  std::map<std::string, cvet::ModelNames> Triggers;
  /// Whether a rule can report anything in a unit, for the rules that said.
  std::map<std::string, std::function<bool(ASTContext &)>> ReportsIn;
  /// CPU seconds for the whole unit; 0 means no limit.
  double Budget = 0;
  /// Nodes of the exploded graph for a top-level function that reaches a
  /// modelled API only through its callees; 0 means max-nodes alone.
  unsigned IndirectMaxNodes = 0;
  std::string BudgetText; ///< As the option spelled it, for the warning.
  /// Every name of every model; unset when a model file could not be read:
  /// then nothing is pruned.
  std::optional<cvet::ModelNames> AllNames;

private:
  const double Start = threadCpuSeconds();
  mutable std::unique_ptr<cvet::RelevantFunctions> Relevant;
  mutable const TranslationUnitDecl *RelevantFor = nullptr;
  mutable unsigned NotStarted = 0;
  mutable unsigned CutShort = 0;
  mutable const Decl *LastCut = nullptr;
  /// Whether the top-level function being explored has IndirectMaxNodes.
  mutable bool Indirect = false;
  /// Functions with a body that some exploration of this unit inlined, and
  /// those explored only in part: some call was evaluated without their
  /// body, or they were inlined into an exploration cut short.
  mutable llvm::DenseSet<const Decl *> Inlined, Partly;
  /// Inlined in the exploration under way, and whether a budget cut it.
  mutable llvm::DenseSet<const Decl *> InlinedHere;
  mutable bool CutHere = false;
  mutable const TranslationUnitDecl *CallsOf = nullptr;

  const cvet::RelevantFunctions &relevant(ASTContext &Ctx) const {
    const TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
    if (RelevantFor != TU) {
      Relevant =
          std::make_unique<cvet::RelevantFunctions>(Ctx, wantedNames(Ctx));
      RelevantFor = TU;
    }
    return *Relevant;
  }

  /// What the enabled rules care about in this unit: their declared
  /// triggers, or every name for a rule that declared none; nothing for a
  /// rule that cannot report here.
  cvet::ModelNames wantedNames(ASTContext &Ctx) const {
    cvet::ModelNames Wanted;
    for (const std::string &Rule : EnabledRules) {
      auto Can = ReportsIn.find(Rule);
      if (Can != ReportsIn.end() && !Can->second(Ctx))
        continue;
      auto It = Triggers.find(Rule);
      Wanted.add(It != Triggers.end() ? It->second : *AllNames);
    }
    return Wanted;
  }

  bool overBudget() const {
    return Budget > 0 && threadCpuSeconds() - Start > Budget;
  }
};

} // namespace

void PruneChecker::checkBeginFunction(CheckerContext &C) const {
  if (!C.inTopFrame())
    return;
  if (overBudget()) {
    ++NotStarted;
    C.generateSink(C.getState(), C.getPredecessor());
    return;
  }
  Indirect = false;
  const Decl *D = C.getLocationContext()->getDecl();
  // Clang's noredundancy skips what was inlined; the second look is for
  // functions explored only in part that call a modelled API themselves
  // (their callers' second look would reach the API only through them).
  if (SkipInlined && CallsOf == C.getASTContext().getTranslationUnitDecl()) {
    const Decl *Key = D->getCanonicalDecl();
    if (Inlined.contains(Key) &&
        !(Partly.contains(Key) &&
          (!AllNames || relevant(C.getASTContext()).usesDirectly(D)))) {
      C.generateSink(C.getState(), C.getPredecessor());
      return;
    }
  }
  if (!AllNames)
    return;
  if (Prune && !relevant(C.getASTContext()).mayMatter(D)) {
    C.generateSink(C.getState(), C.getPredecessor());
    return;
  }
  Indirect = IndirectMaxNodes > 0 &&
             !relevant(C.getASTContext()).usesDirectly(D);
}

void PruneChecker::checkPostCall(const CallEvent &Call,
                                 CheckerContext &C) const {
  if (!SkipInlined)
    return;
  const Decl *D = Call.getDecl();
  if (!D || !D->hasBody())
    return;
  const TranslationUnitDecl *TU = C.getASTContext().getTranslationUnitDecl();
  if (CallsOf != TU) {
    Inlined.clear();
    Partly.clear();
    InlinedHere.clear();
    CallsOf = TU;
  }
  (C.wasInlined ? InlinedHere : Partly).insert(D->getCanonicalDecl());
}

void PruneChecker::checkEndAnalysis(ExplodedGraph &, BugReporter &,
                                    ExprEngine &Eng) const {
  // An exploration that stopped at a budget may have left paths through its
  // inlined callees unexplored: they are analysed on their own.
  Inlined.insert(InlinedHere.begin(), InlinedHere.end());
  if (CutHere || Eng.hasWorkRemaining())
    Partly.insert(InlinedHere.begin(), InlinedHere.end());
  InlinedHere.clear();
  CutHere = false;
}

void PruneChecker::checkBranchCondition(const Stmt *, CheckerContext &C) const {
  // Node ids count the nodes of this exploration's graph.
  if (Indirect && C.getPredecessor()->getID() >= IndirectMaxNodes) {
    CutHere = true;
    C.generateSink(C.getState(), C.getPredecessor());
    return;
  }
  if (!overBudget())
    return;
  const LocationContext *Top = C.getLocationContext();
  while (Top->getParent())
    Top = Top->getParent();
  if (Top->getDecl() != LastCut) {
    LastCut = Top->getDecl();
    ++CutShort;
  }
  C.generateSink(C.getState(), C.getPredecessor());
}

void PruneChecker::checkEndOfTranslationUnit(const TranslationUnitDecl *,
                                             AnalysisManager &Mgr,
                                             BugReporter &) const {
  if (!NotStarted && !CutShort)
    return;
  DiagnosticsEngine &Diags = Mgr.getASTContext().getDiagnostics();
  Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Warning,
                                     cvet::UnitBudgetWarning))
      << BudgetText << NotStarted << CutShort;
}

void cvet::registerPruneChecker(CheckerManager &Mgr) {
  auto *C = Mgr.registerChecker<PruneChecker>();
  const AnalyzerOptions &Opts = Mgr.getAnalyzerOptions();
  // Read from the table: the options of rules that are not enabled may not
  // be in it.
  auto Option = [&](const llvm::Twine &Key) -> llvm::StringRef {
    auto It = Opts.Config.find(Key.str());
    return It == Opts.Config.end() ? "" : llvm::StringRef(It->getValue());
  };
  C->Prune = Option(llvm::Twine(PackageName) + ":Prune") != "false";
  if (Option(llvm::Twine(PackageName) + ":AnalyseNotInlined") != "false" &&
      Opts.InliningMode == NoRedundancy) {
    // Read by the analysis consumer when it schedules the top-level
    // functions, after the checkers are registered.
    const_cast<AnalyzerOptions &>(Opts).InliningMode = All;
    C->SkipInlined = true;
  }

  llvm::StringRef Timeout =
      Option(llvm::Twine(PackageName) + ":UnitTimeout").trim();
  C->BudgetText = Timeout.str();
  if (!Timeout.empty() && (Timeout.getAsDouble(C->Budget) || C->Budget < 0)) {
    C->Budget = 0;
    Mgr.getASTContext().getDiagnostics().Report(
        diag::err_analyzer_checker_option_invalid_input)
        << (PackageName + ":UnitTimeout").str()
        << "a number of CPU seconds (0: no limit)";
  }

  llvm::StringRef Indirect =
      Option(llvm::Twine(PackageName) + ":IndirectMaxNodes").trim();
  if (!Indirect.empty() && Indirect.getAsInteger(10, C->IndirectMaxNodes)) {
    C->IndirectMaxNodes = 0;
    Mgr.getASTContext().getDiagnostics().Report(
        diag::err_analyzer_checker_option_invalid_input)
        << (PackageName + ":IndirectMaxNodes").str()
        << "a number of nodes (0: max-nodes alone)";
  }

  ModelNames Names = defaultModelNames();
  bool Complete = true;
  auto Add = [&](llvm::StringRef Files) {
    for (const std::string &File : splitList(Files)) {
      auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
      if (!Buffer) {
        Complete = false;
        continue;
      }
      if (llvm::Error E =
              collectModelNames((*Buffer)->getBuffer(), File, Names)) {
        llvm::consumeError(std::move(E));
        Complete = false;
      }
    }
  };
  Add(Option(llvm::Twine(PackageName) + ":ModelFiles"));
#define CVET_CHECKER(Class, DocSlug, TidyName, Description)                    \
  Add(Option("cvet." #Class ":ModelFiles"));
#include "Checkers.def"
  if (Complete)
    C->AllNames = std::move(Names);

  for (const CheckerInfo *Info : Mgr.getCheckerRegistryData().EnabledCheckers)
    if (Info->FullName.starts_with("cvet.") && Info->FullName != "cvet.Prune")
      C->EnabledRules.push_back(Info->FullName.str());
}

void cvet::declareTriggers(CheckerManager &Mgr, const CheckerBase *Rule,
                           ModelNames Names,
                           std::function<bool(ASTContext &)> ReportsIn) {
  // cvet.Prune is a dependency of every rule: it is registered first.
  auto *Prune = Mgr.getChecker<PruneChecker>();
  std::string Name = compat::checkerName(Rule).str();
  Prune->Triggers[Name] = std::move(Names);
  if (ReportsIn)
    Prune->ReportsIn[Name] = std::move(ReportsIn);
}

bool cvet::shouldRegisterPruneChecker(const CheckerManager &) { return true; }

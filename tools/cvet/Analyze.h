//===- Analyze.h - one translation unit through the analyzer ---*- C++ -*-===//
//
// Parses one compile command and runs the cvet checkers on it in-process:
// ento::CreateAnalysisConsumer with the checkers registered statically, and a
// PathDiagnosticConsumer of ours that turns each report into a Finding while
// the SourceManager still exists. Safe to call from several threads at once:
// each call has its own file system view, CompilerInstance and analyzer.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_ANALYZE_H
#define CVET_TOOLS_ANALYZE_H

#include "Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace cvet {

/// The analyzer setting that stands for clang's -analyzer-max-loop (not an
/// -analyzer-config key in clang).
inline constexpr llvm::StringLiteral MaxLoopSetting = "max-loop";
/// cvet's own node budget for functions that reach a modelled API only
/// through their callees (checkers/PruneChecker.cpp), set like the others.
inline constexpr llvm::StringLiteral IndirectMaxNodesSetting =
    "cvet:IndirectMaxNodes";
/// Whether functions some call did not inline are analysed on their own.
inline constexpr llvm::StringLiteral AnalyseNotInlinedSetting =
    "cvet:AnalyseNotInlined";

struct AnalysisSettings {
  /// Rule ids to run ("cvet.UnclosedIterator").
  std::vector<std::string> Rules;
  /// Extra model files, absolute; passed as the cvet:ModelFiles option.
  std::vector<std::string> ModelFiles;
  /// Explore only the functions that can reach a modelled API (cvet:Prune).
  bool Prune = true;
  /// CPU seconds per unit, parse included (cvet:UnitTimeout); 0: no limit.
  double UnitTimeout = 0;
  /// -analyzer-config settings (key, value), in the order given.
  std::vector<std::pair<std::string, std::string>> AnalyzerConfig;
  /// Test hook: crash inside the analysis of a file whose path contains it.
  std::string CrashOn;
};

/// Analyses one translation unit. Never throws or aborts on bad input: a
/// compile error or an analyzer crash comes back as a failed TUResult.
TUResult analyzeTranslationUnit(const clang::tooling::CompileCommand &Command,
                                const AnalysisSettings &Settings);

} // namespace cvet

#endif // CVET_TOOLS_ANALYZE_H

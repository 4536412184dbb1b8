//===- Sarif.h - one SARIF 2.1.0 log per analysis --------------*- C++ -*-===//
//
// Written with llvm::json. Results point at files relative to %SRCROOT%
// (originalUriBaseIds holds the absolute root), carry code flows built from
// the path notes and a partialFingerprints entry that ignores line numbers.
// The same module reads logs back, for --baseline and for `cvet merge`.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_SARIF_H
#define CVET_TOOLS_SARIF_H

#include "Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <set>
#include <string>
#include <vector>

namespace cvet {

inline constexpr llvm::StringLiteral FingerprintKey = "cvetFingerprint/v1";
inline constexpr llvm::StringLiteral RootBaseId = "%SRCROOT%";

/// A translation unit that could not be analysed.
struct Failure {
  std::string File;
  std::string Message;
  SourcePos Pos; ///< Where the compiler error was, if known.
};

struct RunInfo {
  std::string Root; ///< Absolute; results under it get relative URIs.
  std::vector<std::string> AnalyzedFiles;
  std::vector<Finding> Findings; ///< Sorted, fingerprinted, suppressed ones too.
  std::vector<Failure> Failures;
  /// Units whose analysis stopped at --unit-timeout: analysed in part, so
  /// warnings rather than failures.
  std::vector<Failure> CutShort;
  bool BaselineUsed = false;
};

/// The file as a URI reference relative to Root, or an absolute file URI
/// when it is elsewhere. Sets UnderRoot accordingly.
std::string fileUri(llvm::StringRef File, llvm::StringRef Root,
                    bool &UnderRoot);

llvm::json::Value makeSarif(const RunInfo &Run);

llvm::Error writeJsonFile(llvm::StringRef Path, const llvm::json::Value &V);

/// "ruleId|fingerprint" for every result in a SARIF log.
llvm::Expected<std::set<std::string>>
readBaselineFingerprints(llvm::StringRef Path);

/// Combines the runs of several cvet logs into a log with one run.
llvm::Expected<llvm::json::Value> mergeSarif(llvm::ArrayRef<std::string> Files);

} // namespace cvet

#endif // CVET_TOOLS_SARIF_H

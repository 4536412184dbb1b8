//===- Selection.h - which translation units one run analyses --*- C++ -*-===//
//
//   database (one command per file, C-family only, in path order)
//     -> the files and directories named on the command line (all if none)
//        or, with --changed-files, the units that the named files touch
//     -> minus .cvet.yaml's Exclude
//     -> the K-th of N shards
//
// Naming something that selects nothing is an error that says why (no such
// file, a header, not in the database), except for changed files: a commit
// touches READMEs and deleted files too.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_SELECTION_H
#define CVET_TOOLS_SELECTION_H

#include "Config.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace cvet {

/// One translation unit: its main file (absolute) and its compile command.
struct Unit {
  std::string File;
  clang::tooling::CompileCommand Command;
};

struct SelectionRequest {
  std::string Cwd;
  std::string Root;
  /// Files and directories as typed (relative to Cwd); empty: everything.
  std::vector<std::string> Paths;
  const Config *Conf = nullptr;
  unsigned ShardIndex = 0; ///< 0-based
  unsigned ShardCount = 1;
  /// Paths are changed files: select the units whose main file is one of
  /// them or that include one of them.
  bool ChangedFiles = false;
  unsigned Jobs = 0; ///< Threads for the include scan; 0: every core.
};

struct Selection {
  std::vector<Unit> Units; ///< In path order.
  /// Entries of the selection in assembly or another language, skipped.
  size_t OtherLanguage = 0;
};

/// The units that the request names. Notes (an empty database, a named file
/// that Exclude leaves out) go to stderr.
llvm::Expected<Selection>
selectUnits(const clang::tooling::CompilationDatabase &DB,
            const SelectionRequest &Request);

/// Whether a file is analysed as C, C++ or Objective-C (not assembly,
/// Fortran, CUDA, ...), judged by its extension.
bool isCFamilySource(llvm::StringRef File);

/// Whether a path names a header rather than a translation unit.
bool isHeader(llvm::StringRef File);

/// Whether a changed file may be included by a unit (a header, a source,
/// .inc / .def tables, extensionless C++ headers), so that finding the
/// units that include it is worth an include scan. READMEs and scripts are
/// not.
bool mayBeIncluded(llvm::StringRef File);

} // namespace cvet

#endif // CVET_TOOLS_SELECTION_H

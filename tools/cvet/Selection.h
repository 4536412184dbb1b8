//===- Selection.h - which translation units one run analyses --*- C++ -*-===//
//
//   database (one command per file, C-family only, in path order)
//     -> the files and directories named on the command line (all if none)
//     -> minus .cvet.yaml's Exclude
//     -> the K-th of N shards
//
// Naming something that selects nothing is an error that says why (no such
// file, a header, not in the database).
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

} // namespace cvet

#endif // CVET_TOOLS_SELECTION_H

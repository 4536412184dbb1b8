//===- TextOutput.h - findings as a compiler prints them -------*- C++ -*-===//
//
//   src/scan.c:14:5: warning: Iterator ... is not closed [cvet.UnclosedIterator]
//     src/scan.c:9:13: note: Directory opened here
//
// Paths are relative to the root when they are under it. Colours only when
// the stream is a terminal.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_TEXTOUTPUT_H
#define CVET_TOOLS_TEXTOUTPUT_H

#include "Finding.h"
#include "llvm/Support/raw_ostream.h"

namespace cvet {

std::string displayPath(llvm::StringRef File, llvm::StringRef Root);

void printFinding(llvm::raw_ostream &OS, const Finding &F,
                  llvm::StringRef Root);

/// "cvet: error: message" (or warning / note), coloured on a terminal.
void printMessage(llvm::raw_ostream &OS, llvm::StringRef Kind,
                  llvm::StringRef Message);

} // namespace cvet

#endif // CVET_TOOLS_TEXTOUTPUT_H

//===- IncludeScan.h - the files each translation unit reads ---*- C++ -*-===//
//
// Which units does a changed header touch? Clang's dependency scanner
// answers without parsing: it runs the preprocessor over a minimized form of
// each file (only the directives), with a cache shared by every thread, so
// scanning a whole database costs a fraction of compiling it.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_INCLUDESCAN_H
#define CVET_TOOLS_INCLUDESCAN_H

#include "Selection.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace cvet {

/// For each unit, every file its preprocessing reads (its main file and the
/// headers it includes, system headers too), absolute and normalised. A
/// unit whose scan fails gets only its main file.
std::vector<std::vector<std::string>> scanIncludes(llvm::ArrayRef<Unit> Units,
                                                   unsigned Jobs);

/// The prerequisites of a Makefile rule as compilers write them
/// ("a.o: a.c include/x.h \\\n  y.h", '\ ' an escaped space).
std::vector<std::string> parseMakeDependencies(llvm::StringRef Text);

} // namespace cvet

#endif // CVET_TOOLS_INCLUDESCAN_H

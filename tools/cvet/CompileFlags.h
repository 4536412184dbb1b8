//===- CompileFlags.h - commands made acceptable to Clang ------*- C++ -*-===//
//
// Databases are written for the project's compiler (GCC, a cross GCC, an
// older Clang, behind ccache). The analysis parses with Clang 19, so the
// command is adjusted first, much as clangd does.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_COMPILEFLAGS_H
#define CVET_TOOLS_COMPILEFLAGS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringRef.h"

namespace cvet {

/// Args (argv[0] first) made acceptable to Clang for the entry of File, an
/// absolute path, compiled in Directory. Dropped: a launcher in front of the
/// compiler (ccache gcc ...); every argument Clang's driver does not know
/// (GCC-only flags such as -fconserve-stack would fail the whole unit); GCC
/// plugins, which Clang would try to load; flags that hand code generation
/// a file (profiles, sanitizer lists) or that write reports and dependency
/// files (-v, -ftime-report, -Wp,-MD,file); precompiled headers (their
/// headers are read instead); and, in a command compiling several sources at
/// once (cc a.c b.c -o prog), the sources other than File. A cross
/// compiler's name adds its --target.
clang::tooling::CommandLineArguments
clangCompatible(const clang::tooling::CommandLineArguments &Args,
                llvm::StringRef File, llvm::StringRef Directory);

/// The command the analysis parses: clangCompatible, with warnings off,
/// __clang_analyzer__ defined, the resource directory of the Clang cvet was
/// built with, and what GCC only warns about accepted.
clang::tooling::CommandLineArguments
analysisCommandLine(const clang::tooling::CommandLineArguments &Args,
                    llvm::StringRef File, llvm::StringRef Directory);

/// The same command for Clang's dependency scanner: no output or
/// dependency-file flags.
clang::tooling::CommandLineArguments
scanCommandLine(const clang::tooling::CommandLineArguments &Args,
                llvm::StringRef File, llvm::StringRef Directory);

} // namespace cvet

#endif // CVET_TOOLS_COMPILEFLAGS_H

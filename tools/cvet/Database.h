//===- Database.h - the compilation database the driver reads --*- C++ -*-===//
//
// compile_commands.json as CMake, Meson, Bear and hand-written scripts write
// it: found upward from the working directory or named with -p, checked as
// JSON first (one clear error instead of the YAML reader's dump), a UTF-8
// byte-order mark allowed, relative "directory" entries taken relative to
// the database file, response files expanded.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_DATABASE_H
#define CVET_TOOLS_DATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace cvet {

/// BuildPath is -p's value (a directory or the file; empty: search upward
/// from Cwd).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadDatabase(llvm::StringRef BuildPath, llvm::StringRef Cwd);

} // namespace cvet

#endif // CVET_TOOLS_DATABASE_H

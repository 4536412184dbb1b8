//===- ModelOption.h - the model a checker runs with ----------*- C++ -*-===//
//
// A checker's model is the built-in one plus the files named by the package
// option cvet:ModelFiles and the checker's own <checker>:ModelFiles. A file
// that cannot be read or parsed is reported as an invalid option value (an
// error naming the file, line and problem) and the checker goes on with the
// rest.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_MODELOPTION_H
#define CVET_CHECKERS_MODELOPTION_H

#include "cvet/Model.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include <vector>

namespace clang::ento {
class CheckerBase;
class CheckerManager;
} // namespace clang::ento

namespace cvet {

Model loadCheckerModel(clang::ento::CheckerManager &Mgr,
                       const clang::ento::CheckerBase *Checker);

/// "ns::Class::name" -> {"ns", "Class", "name"}; empty parts are dropped.
std::vector<llvm::StringRef> qualifiedNameParts(llvm::StringRef Name);

/// How a model's function name is matched: "ns::name" by its qualified name
/// (functions and methods), a plain name with PlainMode.
clang::ento::CallDescription
describeModelFunction(llvm::StringRef Name,
                      clang::ento::CallDescription::Mode PlainMode);

} // namespace cvet

#endif // CVET_CHECKERS_MODELOPTION_H

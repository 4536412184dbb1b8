//===- ModelOption.h - the model a checker runs with ----------*- C++ -*-===//
//
// A checker's model is the built-in one plus the files named by the package
// option cvet:ModelFiles and the checker's own <checker>:ModelFiles. A file
// that cannot be read or parsed is reported as an invalid option value (an
// error naming the file, line and problem) and the checker goes on with the
// rest. The model is shared: every checker of every translation unit in the
// process holds the same read-only copy.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_MODELOPTION_H
#define CVET_CHECKERS_SUPPORT_MODELOPTION_H

#include "cvet/Model.h"

namespace clang::ento {
class CheckerBase;
class CheckerManager;
} // namespace clang::ento

namespace cvet {

ModelRef loadCheckerModel(clang::ento::CheckerManager &Mgr,
                          const clang::ento::CheckerBase *Checker);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_MODELOPTION_H

//===- CaptureWording.h - how LoopVarCapture words its reports -*- C++ -*-===//
//
// The messages of LoopVarCapture, written once so that the analyzer's checker
// and the clang-tidy check say the same thing.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_CAPTUREWORDING_H
#define CVET_CHECKERS_SUPPORT_CAPTUREWORDING_H

#include "cvet/Model.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace cvet {

/// What the pending work is; only the messages depend on it.
enum class WorkKind { Thread, Task, Callback, Block };

struct Wording {
  const char *Noun;   ///< "thread"
  const char *Verb;   ///< "started"
  const char *Finish; ///< "is joined"
};

Wording wording(WorkKind K);
WorkKind kindOf(AsyncWork W);

/// "Address of 'i' is passed to the thread started here, and the loop
/// changes 'i' before the thread is joined" (or "'i' is captured by
/// reference by ..." when Captured).
std::string changedMessage(llvm::StringRef Name, WorkKind K, bool Captured);

/// "'a' goes out of scope at the end of the iteration while the thread
/// started here may still use it".
std::string scopeMessage(llvm::StringRef Name, WorkKind K, bool AtReturn);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_CAPTUREWORDING_H

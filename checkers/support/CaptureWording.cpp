//===- CaptureWording.cpp - how LoopVarCapture words its reports ----------===//

#include "support/CaptureWording.h"
#include "llvm/Support/ErrorHandling.h"

namespace cvet {

Wording wording(WorkKind K) {
  switch (K) {
  case WorkKind::Thread:
    return {"thread", "started", "is joined"};
  case WorkKind::Task:
    return {"task", "started", "is waited for"};
  case WorkKind::Callback:
    return {"callback", "scheduled", "is known to have run"};
  case WorkKind::Block:
    return {"block", "scheduled", "is known to have run"};
  }
  llvm_unreachable("unknown work kind");
}

WorkKind kindOf(AsyncWork W) {
  switch (W) {
  case AsyncWork::Thread:
    return WorkKind::Thread;
  case AsyncWork::Task:
    return WorkKind::Task;
  case AsyncWork::Callback:
    return WorkKind::Callback;
  }
  llvm_unreachable("unknown async work");
}

std::string changedMessage(llvm::StringRef Name, WorkKind K, bool Captured) {
  Wording W = wording(K);
  std::string Head =
      Captured ? ("'" + Name + "' is captured by reference by the").str()
               : ("Address of '" + Name + "' is passed to the").str();
  return Head + " " + W.Noun + " " + W.Verb + " here, and the loop changes '" +
         Name.str() + "' before the " + W.Noun + " " + W.Finish;
}

std::string scopeMessage(llvm::StringRef Name, WorkKind K, bool AtReturn) {
  Wording W = wording(K);
  return ("'" + Name + "' goes out of scope " +
          (AtReturn ? "when the function returns" : "at the end of the iteration") +
          " while the " + W.Noun + " " + W.Verb + " here may still use it")
      .str();
}

} // namespace cvet

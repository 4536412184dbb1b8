//===- Wording.cpp - what cvet.UnsyncMapWrite says ------------------------===//

#include "Wording.h"

using llvm::StringRef;

namespace cvet::unsync {

static std::string quoted(StringRef S) { return "'" + S.str() + "'"; }

StringRef verb(MapOpKind K) { return isMapWrite(K) ? "writes" : "reads"; }

std::string without(StringRef Lock, StringRef ReadSide) {
  if (!ReadSide.empty())
    return "while holding only the read side of " + quoted(ReadSide);
  return Lock.empty() ? std::string("without holding a lock")
                      : "without holding " + quoted(Lock);
}

std::string guardedMessage(StringRef Map, StringRef Guard, bool ReadSideHeld) {
  return "Map " + quoted(Map) + " is written " +
         (ReadSideHeld ? without("", Guard) : without(Guard, "")) +
         ", which guards it";
}

static std::string onThread(StringRef Map, StringRef Without) {
  return "Map " + quoted(Map) + " is written " + Without.str() +
         ", by code that runs on the thread started here; ";
}

std::string startedItMessage(StringRef Map, StringRef Without,
                             MapOpKind Other) {
  return onThread(Map, Without) + "the thread that started it " +
         verb(Other).str() + " it too";
}

std::string anotherThreadMessage(StringRef Map, StringRef Without,
                                 MapOpKind Other) {
  return onThread(Map, Without) + "another thread " + verb(Other).str() +
         " it too";
}

std::string manyThreadsMessage(StringRef Map, StringRef Without) {
  return "Map " + quoted(Map) + " is written " + Without.str() +
         ", by code that runs on the threads started here; several of them "
         "may write it at once";
}

std::string spawningSideMessage(StringRef Map, StringRef Without,
                                MapOpKind Other) {
  return "Map " + quoted(Map) + " is written " + Without.str() +
         " while the thread started here may run; that thread " +
         verb(Other).str() + " it too";
}

std::string anyThreadMessage(StringRef Map, StringRef Without,
                             StringRef Function) {
  return "Map " + quoted(Map) + " is written " + Without.str() + ", by " +
         quoted(Function) + ", which may run on any thread";
}

std::string inconsistentMessage(StringRef Map, StringRef Without) {
  return "Map " + quoted(Map) + " is written " + Without.str() +
         ", which its other writes hold";
}

std::string startedItNote(StringRef Map, MapOpKind Op) {
  return "The thread that started it " + verb(Op).str() + " " + quoted(Map) +
         " here";
}

std::string anotherThreadNote(StringRef Map, MapOpKind Op) {
  return "Another thread " + verb(Op).str() + " " + quoted(Map) + " here";
}

std::string threadHoldingNote(StringRef Map, MapOpKind Op, StringRef Lock) {
  return "The thread " + verb(Op).str() + " " + quoted(Map) + " here, holding " +
         quoted(Lock);
}

std::string elsewhereNote(StringRef Map, StringRef Lock) {
  return "Elsewhere " + quoted(Map) + " is written holding " + quoted(Lock);
}

} // namespace cvet::unsync

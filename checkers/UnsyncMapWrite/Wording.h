//===- Wording.h - what cvet.UnsyncMapWrite says --------------*- C++ -*-===//
//
// The messages and notes of the rule, used by the analyzer checker and by its
// clang-tidy twin (cvet-unsync-map-write) so that both say the same thing.
// Map, lock and function names come in as the code names them, unquoted.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_UNSYNCMAPWRITE_WORDING_H
#define CVET_CHECKERS_UNSYNCMAPWRITE_WORDING_H

#include "cvet/Model.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace cvet::unsync {

/// "writes" or "reads".
llvm::StringRef verb(MapOpKind K);

/// How a write goes without its lock: "without holding a lock", "without
/// holding 'L'" (Lock set), or "while holding only the read side of 'R'"
/// (ReadSide set: the only lock held is a read lock).
std::string without(llvm::StringRef Lock, llvm::StringRef ReadSide);

// Messages.
std::string guardedMessage(llvm::StringRef Map, llvm::StringRef Guard,
                           bool ReadSideHeld);
std::string startedItMessage(llvm::StringRef Map, llvm::StringRef Without,
                             MapOpKind Other);
std::string anotherThreadMessage(llvm::StringRef Map, llvm::StringRef Without,
                                 MapOpKind Other);
std::string manyThreadsMessage(llvm::StringRef Map, llvm::StringRef Without);
std::string spawningSideMessage(llvm::StringRef Map, llvm::StringRef Without,
                                MapOpKind Other);
std::string anyThreadMessage(llvm::StringRef Map, llvm::StringRef Without,
                             llvm::StringRef Function);
std::string inconsistentMessage(llvm::StringRef Map, llvm::StringRef Without);

// Notes.
inline constexpr llvm::StringLiteral ThreadStartedNote =
    "The thread is started here";
inline constexpr llvm::StringLiteral AnotherStartedNote =
    "Another thread is started here";
inline constexpr llvm::StringLiteral SeveralStartedNote =
    "Several threads are started here";
std::string startedItNote(llvm::StringRef Map, MapOpKind Op);
std::string anotherThreadNote(llvm::StringRef Map, MapOpKind Op);
std::string threadHoldingNote(llvm::StringRef Map, MapOpKind Op,
                              llvm::StringRef Lock);
std::string elsewhereNote(llvm::StringRef Map, llvm::StringRef Lock);

} // namespace cvet::unsync

#endif // CVET_CHECKERS_UNSYNCMAPWRITE_WORDING_H

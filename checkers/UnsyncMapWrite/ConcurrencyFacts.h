//===- ConcurrencyFacts.h - what a translation unit says about threads -*- C++ -*-===//
//
// One pass over the translation unit, before any path is explored, gathers
// the facts that one path cannot see:
//
//   - spawn sites: which function each thread spawn runs (its EntryArg), and
//     whether one site starts several threads (a loop, a pool);
//   - what runs on a thread: the entries and every function they call here;
//   - run-once initialisers (pthread_once's function) and AnyThread functions;
//   - every map operation, with the locks held there by a simple
//     flow-sensitive lockset of its function (locks a lock wrapper leaves
//     held count; locks that every caller holds count), and the spawn sites
//     after which (and before a join) its function runs it.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_UNSYNCMAPWRITE_CONCURRENCYFACTS_H
#define CVET_CHECKERS_UNSYNCMAPWRITE_CONCURRENCYFACTS_H

#include "ConcurrencyModel.h"
#include "support/Storage.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace cvet {

/// A lock held at a point: its identity (a variable or field declaration)
/// and how the code names it.
struct HeldLockFact {
  const void *Key = nullptr;
  LockMode Mode = LockMode::Write;
  std::string Name;
  /// Held by every caller in the file, not taken by the function itself: it
  /// protects the write, but says nothing about what the lock is for (a
  /// caller may hold it for other data).
  bool Inherited = false;
};

struct SpawnSite {
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Spawner = nullptr;
  const clang::FunctionDecl *Entry = nullptr;
  /// The site starts several threads at once (a loop, a pool, or another
  /// site starts the same entry).
  bool Many = false;
};

struct MapAccess {
  Storage Map;
  std::string MapName;
  MapOpKind Op = MapOpKind::Read;
  const clang::Stmt *Site = nullptr;
  clang::SourceLocation Loc;
  const clang::FunctionDecl *Fn = nullptr;
  llvm::SmallVector<HeldLockFact, 2> Held;
  /// Spawn sites (indices) whose threads may run while this access runs on
  /// the spawning side.
  llvm::SmallVector<unsigned, 1> AfterSpawns;
};

class ConcurrencyFacts {
public:
  ConcurrencyFacts(const clang::TranslationUnitDecl *TU,
                   const ConcurrencyModel &Model);

  std::vector<SpawnSite> Spawns;
  std::vector<MapAccess> Accesses;

  /// The spawn site whose thread runs FD (the entry itself or a function it
  /// calls), or null.
  const SpawnSite *threadOf(const clang::FunctionDecl *FD) const;
  bool isOnceInit(const clang::FunctionDecl *FD) const {
    return OnceInit.count(FD);
  }
  /// Whether FD assigns a newly created map to Map (initialisation).
  bool createsMap(const clang::FunctionDecl *FD, const clang::ValueDecl *Map) const;
  /// Locks every caller in this file holds when it calls FD.
  llvm::ArrayRef<HeldLockFact> entryLocks(const clang::FunctionDecl *FD) const;
  /// The accesses of one map (by its variable or field).
  llvm::SmallVector<const MapAccess *, 4> accessesOf(const clang::ValueDecl *Map) const;
  bool isSpawner(const clang::FunctionDecl *FD) const { return Spawners.count(FD); }
  /// Whether some function of this file calls FD directly.
  bool hasCallers(const clang::FunctionDecl *FD) const { return Called.count(FD); }

private:
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> ThreadReach;
  llvm::DenseSet<const clang::FunctionDecl *> OnceInit;
  llvm::DenseSet<const clang::FunctionDecl *> Spawners;
  llvm::DenseSet<const clang::FunctionDecl *> Called;
  llvm::DenseSet<std::pair<const clang::FunctionDecl *, const clang::ValueDecl *>> Creates;
  llvm::DenseMap<const clang::FunctionDecl *, llvm::SmallVector<HeldLockFact, 1>> EntryLocks;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<unsigned, 4>> ByMap;
};

} // namespace cvet

#endif // CVET_CHECKERS_UNSYNCMAPWRITE_CONCURRENCYFACTS_H

//===- Lifetime.h - how long the storage behind a region lives -*- C++ -*-===//
//
// Questions about a region's storage that rules ask in the same words:
// where its object lives (static storage, a stack frame, somewhere
// dynamic), whether a pointer points into the middle of an object rather
// than at its start, and whether an object certainly outlives a stack frame
// (a global, something reached from a global or a parameter, a caller's
// local).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_LIFETIME_H
#define CVET_CHECKERS_SUPPORT_LIFETIME_H

#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState_Fwd.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include <optional>

namespace clang {
class StackFrameContext;
} // namespace clang

namespace cvet {

enum class StorageKind {
  Static,  ///< globals, static locals, string literals: never freed
  Stack,   ///< locals and by-value parameters of one frame
  Dynamic, ///< heap, or storage of unknown origin behind a pointer
};

/// Where the object that contains R lives.
StorageKind storageKind(const clang::ento::MemRegion *R);

/// The frame whose locals or parameters hold R, or null.
const clang::StackFrameContext *
owningFrame(const clang::ento::MemRegion *R);

/// R points into its object at a non-zero (or unknown) offset: buf + 1,
/// &buf[i], &rec->name[0] past the first field.
bool isInteriorRegion(const clang::ento::MemRegion *R);

/// The object R lives in certainly exists before Frame starts and after it
/// returns: a global or static object, one reached through a global or a
/// parameter's pointer (its value when the analysis began), or a local of a
/// caller. Storage created during the analysis (heap, a call's result) is
/// not known to outlive anything.
bool outlivesFrame(const clang::ento::MemRegion *R,
                   const clang::StackFrameContext *Frame);

/// The value of field Field (a '->' or '.' separated path such as
/// "type->keyDup") of the object that Ptr points to, or nothing when a part
/// is missing or not a field of the type.
std::optional<clang::ento::SVal>
fieldOfPointee(clang::ento::ProgramStateRef State, clang::ento::SVal Ptr,
               clang::QualType PtrType, llvm::StringRef Field);

/// The location an access path names (cache, req->table, cfg.maps.by_name)
/// in State, computed from the variables' current values; nothing for other
/// expressions. Used to know the same variable or field again after the
/// pointer it holds was invalidated.
std::optional<clang::ento::SVal>
accessPathLValue(const clang::Expr *E, clang::ento::ProgramStateRef State,
                 const clang::LocationContext *LCtx);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_LIFETIME_H

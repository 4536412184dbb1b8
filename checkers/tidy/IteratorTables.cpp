//===- IteratorTables.cpp - the Iterators model as call tables -----------===//

#include "IteratorTables.h"
#include "support/CallMatching.h"

using clang::ento::CallDescriptionMap;

namespace cvet::tidy {

IteratorTables::IteratorTables(ModelRef M) : Model(std::move(M)) {
  CallTableBuilder<AcquireEntry> Acq;
  GroupedCallTableBuilder<ReleaseEntry> Rel;
  GroupedCallTableBuilder<ArgEntry> Uses, Owns;
  llvm::StringSet<> Seen;
  for (const IteratorFamily &IF : Model->Iterators) {
    // A scan without a handle (setpwent) is the process's, not a variable's:
    // where it must end depends on the calls between functions, which only
    // the path-sensitive rule follows.
    if (IF.Acquire.front().Handle == HandleLoc::None)
      continue;
    Family &F = Families.emplace_back();
    F.Name = IF.Name;
    F.InPlace = IF.Acquire.front().Handle == HandleLoc::InPlace;
    // Calls through function pointer fields (Member: DB::cursor) are left
    // to the analyzer rule.
    for (const IteratorRelease &R : IF.Release)
      if (F.Closer.empty() && !R.OnlyWhenReturnsNull && !R.EndsAll &&
          R.Member.empty())
        F.Closer = R.Function;
    if (F.Closer.empty())
      F.Closer = IF.Release.front().Function;
    // Acquire.
    for (const IteratorAcquire &A : IF.Acquire) {
      // The first family that names a function wins (user files come last).
      if (!A.Member.empty() || !Seen.insert(A.Function).second)
        continue;
      Acq.add(A.Function, AcquireEntry{&F, A.Handle, A.HandleArg,
                                       A.SuccessReturn, A.Function});
      AcquireNames.insert(unqualifiedName(A.Function));
    }
    // Release.
    for (const IteratorRelease &R : IF.Release)
      if (R.Member.empty())
        Rel[R.Function].push_back(
            {&F, R.HandleArg, R.OnlyWhenReturnsNull, R.EndsAll});
    // Use, and hand-overs.
    for (const IteratorUse &U : IF.Use)
      if (U.Member.empty())
        Uses[U.Function].push_back({&F, U.HandleArg});
    for (const IteratorUse &U : IF.TakesOwnership)
      if (U.Member.empty())
        Owns[U.Function].push_back({&F, U.HandleArg});
  }
  Acquire = std::make_unique<CallDescriptionMap<AcquireEntry>>(Acq.build());
  Release = std::make_unique<CallDescriptionMap<llvm::SmallVector<ReleaseEntry, 1>>>(
      Rel.build());
  Use = std::make_unique<CallDescriptionMap<llvm::SmallVector<ArgEntry, 1>>>(
      Uses.build());
  Own = std::make_unique<CallDescriptionMap<llvm::SmallVector<ArgEntry, 1>>>(
      Owns.build());
}

} // namespace cvet::tidy

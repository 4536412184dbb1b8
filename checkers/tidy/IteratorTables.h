//===- IteratorTables.h - the Iterators model as call tables --*- C++ -*-===//
//
// cvet-unclosed-iterator's view of the model's Iterators section: for each
// family, the calls that acquire a handle (and where it lands), release it,
// use it or take it over, as CallDescriptionMaps matched as written.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_ITERATORTABLES_H
#define CVET_CHECKERS_TIDY_ITERATORTABLES_H

#include "cvet/Model.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace cvet::tidy {

struct Family {
  std::string Name;
  std::string Closer; ///< the release suggested in messages
  bool InPlace = false;
};

struct AcquireEntry {
  const Family *F;
  HandleLoc Shape;
  unsigned Arg;
  std::optional<int64_t> Success;
  std::string Name;
};

struct ReleaseEntry {
  const Family *F;
  unsigned Arg;
  bool IfNull;
  bool EndsAll;
};

struct ArgEntry {
  const Family *F;
  unsigned Arg;
};

/// The model's Iterators section as call tables.
struct IteratorTables {
  ModelRef Model; ///< owns the names the tables point into
  std::deque<Family> Families;
  std::unique_ptr<clang::ento::CallDescriptionMap<AcquireEntry>> Acquire;
  std::unique_ptr<clang::ento::CallDescriptionMap<llvm::SmallVector<ReleaseEntry, 1>>>
      Release;
  std::unique_ptr<clang::ento::CallDescriptionMap<llvm::SmallVector<ArgEntry, 1>>> Use, Own;
  llvm::StringSet<> AcquireNames; ///< unqualified, for a quick look first

  explicit IteratorTables(ModelRef M);
};

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_ITERATORTABLES_H

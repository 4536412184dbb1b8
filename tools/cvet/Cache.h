//===- Cache.h - results of unchanged units, kept between runs -*- C++ -*-===//
//
// `--cache DIR` keeps each analysed unit's findings under a key that hashes
// everything they depend on:
//
//   the cvet build     version, LLVM version, and the executable's size and
//                      modification time (a rebuilt cvet starts afresh)
//   the run's settings the rules, pruning, each extra model file's content
//   the unit           its analysis command line, directory and main file
//   its text           path and content of every file its preprocessing
//                      reads: the main file and each header, as Clang's
//                      dependency scanner resolves the includes today (so a
//                      new header that shadows an old one changes the key)
//
// A unit whose key is in the cache is not parsed or analysed. Units that
// failed, were cut short (--unit-timeout, --time-budget) or were not started
// are not kept. An entry is written to a temporary file in the directory and renamed
// into place, so runs sharing the directory read whole entries or none; a
// damaged entry is a miss. A hit touches its entry; after a run the least
// recently used entries are removed until the directory fits its limit.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_CACHE_H
#define CVET_TOOLS_CACHE_H

#include "Analyze.h"
#include "Finding.h"
#include "Selection.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvet {

class ResultCache {
public:
  /// Creates Dir if needed; an error if it cannot be created or written.
  static llvm::Expected<ResultCache> open(llvm::StringRef Dir,
                                          uint64_t MaxBytes,
                                          const AnalysisSettings &Settings);

  /// One key per unit (hex), in the order of Units; empty for a unit whose
  /// includes could not be scanned (it is never cached). Scans the includes
  /// of every unit on Jobs threads (0: every core).
  std::vector<std::string> keys(llvm::ArrayRef<Unit> Units,
                                unsigned Jobs) const;

  /// The result stored under Key for the unit of File, if any.
  std::optional<TUResult> lookup(llvm::StringRef Key,
                                 llvm::StringRef File) const;

  /// Keeps R under Key, if it is a complete analysis.
  void store(llvm::StringRef Key, const TUResult &R) const;

  /// Removes the least recently used entries until the cache fits.
  void trim() const;

private:
  ResultCache(std::string Dir, uint64_t MaxBytes, std::string RunKey)
      : Dir(std::move(Dir)), MaxBytes(MaxBytes), RunKey(std::move(RunKey)) {}

  std::string entryPath(llvm::StringRef Key) const;

  std::string Dir;
  uint64_t MaxBytes;
  /// Hash of the cvet build and the run's settings.
  std::string RunKey;
};

} // namespace cvet

#endif // CVET_TOOLS_CACHE_H

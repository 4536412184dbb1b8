//===- ModelNames.h - every API name a model mentions ----------*- C++ -*-===//
//
// The functions (`Function:`), macros (`Macro:`) and function pointer fields
// (`Member:`) named anywhere in a model,
// whatever the section. Code that never reaches one of them cannot give any
// rule something to act on, which is what pruning relies on. The names are
// read from the YAML text itself, not from the parsed sections, so that a new
// section is covered without a change here.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODELNAMES_H
#define CVET_MODELNAMES_H

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

namespace cvet {

struct ModelNames {
  /// "opendir", "std::thread::thread": spelled as in the model.
  llvm::StringSet<> Functions;
  /// "HASH_ADD": matched where the macro is expanded.
  llvm::StringSet<> Macros;
  /// "__db::cursor": a function pointer field, matched where it is called.
  llvm::StringSet<> Members;

  void add(const ModelNames &Other);
};

/// Adds the names in one model document. A document that is not YAML is an
/// error (the model reader reports the same problem in more detail).
llvm::Error collectModelNames(llvm::StringRef Text, llvm::StringRef FileName,
                              ModelNames &Into);

/// The names in the models compiled into cvet, collected once.
const ModelNames &defaultModelNames();

} // namespace cvet

#endif // CVET_MODELNAMES_H

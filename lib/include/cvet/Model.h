//===- Model.h - API knowledge shared by every cvet rule ------*- C++ -*-===//
//
// The model says what library functions do: which ones open an iterator and
// which close it, which ones start work on another thread and which wait for
// it. It is data, read from YAML (lib/models/*.yaml are compiled in; users add
// their own files), so checker code never carries lists of function names.
//
// A model file holds any of the sections listed in cvet/ModelSections.def,
// one per rule (docs/models.md is the schema). Models are loaded once per
// process and shared read-only: loadModels() hands out the same
// std::shared_ptr<const Model> for the same files until one of them changes.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_H
#define CVET_MODEL_H

#include "cvet/model/Vocabulary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

// The section headers.
#include "cvet/ModelSections.def"

namespace cvet {

struct Model {
#define CVET_MODEL_SECTION(Key, EntryType, Field) std::vector<EntryType> Field;
#include "cvet/ModelSections.def"

  /// Adds Other's entries after this model's, section by section.
  void append(Model &&Other);
};

/// A model shared read-only by everything that runs in this process.
using ModelRef = std::shared_ptr<const Model>;

/// The top-level keys a model file may use (deprecated ones excluded).
std::vector<llvm::StringRef> modelSectionKeys();

/// Parses one model document into Into (appending). Problems come back as
/// one error whose message reads "FileName:line:col: problem".
llvm::Error parseModel(llvm::StringRef Text, llvm::StringRef FileName,
                       Model &Into);

/// Reads and parses a model file, without the cache.
llvm::Error loadModelFile(llvm::StringRef Path, Model &Into);

/// The models compiled into cvet (lib/models/*.yaml), parsed once.
const Model &defaultModel();
ModelRef sharedDefaultModel();

/// The default model followed by the given user files. Each file is parsed
/// once per process while its modification time and size stay the same, and
/// the same list of unchanged files gives the same ModelRef. A file that
/// cannot be read or parsed is passed to OnError and left out.
ModelRef loadModels(llvm::ArrayRef<std::string> Files,
                    llvm::function_ref<void(llvm::StringRef File,
                                            llvm::Error Problem)>
                        OnError);

/// The same, failing on the first file that cannot be read or parsed.
llvm::Expected<ModelRef> loadModels(llvm::ArrayRef<std::string> Files);

/// Splits a list option ("a.yaml;b.yaml", also ',' separated).
std::vector<std::string> splitList(llvm::StringRef List);

/// The names of the compiled-in model files, for `--help` style listings.
std::vector<llvm::StringRef> defaultModelFileNames();

/// The compiled-in model files: name and YAML text.
std::vector<std::pair<llvm::StringRef, llvm::StringRef>> defaultModelSources();

} // namespace cvet

#endif // CVET_MODEL_H

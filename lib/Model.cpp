//===- Model.cpp - reading and sharing the YAML API models ----------------===//
//
// The document is a mapping of sections (cvet/ModelSections.def); each
// section's reader lives in lib/model/. Parsed models are cached for the
// whole process: the driver validates the user's files up front and every
// checker of every translation unit then gets the same read-only Model.
//
//===----------------------------------------------------------------------===//

#include "cvet/Model.h"
#include "cvet/YamlReader.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <mutex>

using namespace llvm;
using namespace cvet;

namespace llvm::yaml {
template <> struct MappingTraits<Model> {
  static void mapping(IO &IO, Model &M) {
#define CVET_MODEL_SECTION(Key, EntryType, Field) IO.mapOptional(Key, M.Field);
#include "cvet/ModelSections.def"
    if (IO.outputting())
      return;
    // Deprecated keys: read into a scratch list (mapping the same vector
    // twice would overwrite its first entries) and appended.
#define CVET_MODEL_SECTION_ALIAS(OldKey, Field)                                \
  {                                                                            \
    decltype(M.Field) Old;                                                     \
    IO.mapOptional(OldKey, Old);                                               \
    M.Field.insert(M.Field.end(), std::make_move_iterator(Old.begin()),        \
                   std::make_move_iterator(Old.end()));                        \
  }
#include "cvet/ModelSections.def"
  }
};
} // namespace llvm::yaml

void Model::append(Model &&Other) {
#define CVET_MODEL_SECTION(Key, EntryType, Field)                              \
  Field.insert(Field.end(), std::make_move_iterator(Other.Field.begin()),      \
               std::make_move_iterator(Other.Field.end()));
#include "cvet/ModelSections.def"
}

std::vector<StringRef> cvet::modelSectionKeys() {
  return {
#define CVET_MODEL_SECTION(Key, EntryType, Field) Key,
#include "cvet/ModelSections.def"
  };
}

void cvet::keepFirstYamlError(const SMDiagnostic &D, void *Ctx) {
  auto &Out = *static_cast<std::string *>(Ctx);
  if (D.getKind() != SourceMgr::DK_Error || !Out.empty())
    return;
  raw_string_ostream OS(Out);
  OS << D.getFilename() << ':' << D.getLineNo() << ':' << D.getColumnNo() + 1
     << ": " << D.getMessage();
}

Error cvet::parseModel(StringRef Text, StringRef FileName, Model &Into) {
  Model Parsed;
  if (Error Err = readYaml(Text, FileName, Parsed))
    return Err;
  Into.append(std::move(Parsed));
  return Error::success();
}

Error cvet::loadModelFile(StringRef Path, Model &Into) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read model file '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return parseModel((*Buffer)->getBuffer(), Path, Into);
}

namespace {
struct EmbeddedModel {
  const char *Name;
  const char *Text;
};
const EmbeddedModel DefaultModels[] = {
#include "DefaultModels.inc"
};
} // namespace

std::vector<StringRef> cvet::defaultModelFileNames() {
  std::vector<StringRef> Names;
  for (const EmbeddedModel &M : DefaultModels)
    Names.push_back(M.Name);
  return Names;
}

std::vector<std::pair<StringRef, StringRef>> cvet::defaultModelSources() {
  std::vector<std::pair<StringRef, StringRef>> Sources;
  for (const EmbeddedModel &M : DefaultModels)
    Sources.emplace_back(M.Name, M.Text);
  return Sources;
}

ModelRef cvet::sharedDefaultModel() {
  static const ModelRef Default = [] {
    auto M = std::make_shared<Model>();
    for (const EmbeddedModel &E : DefaultModels)
      if (Error Err = parseModel(E.Text, E.Name, *M))
        report_fatal_error(Twine("cvet: built-in model is broken: ") +
                           toString(std::move(Err)));
    return ModelRef(std::move(M));
  }();
  return Default;
}

const Model &cvet::defaultModel() { return *sharedDefaultModel(); }

namespace {
/// Parsed user files and the combined models built from them. A file is
/// known by its path, modification time and size; an edited file is parsed
/// again. Errors are not kept: a broken file is read again and reported
/// again by every caller.
class ModelCache {
public:
  static ModelCache &get() {
    static ModelCache Cache;
    return Cache;
  }

  ModelRef load(ArrayRef<std::string> Files,
                function_ref<void(StringRef, Error)> OnError) {
    if (Files.empty())
      return sharedDefaultModel();
    std::lock_guard<std::mutex> Lock(Mutex);
    std::vector<std::pair<const Model *, std::string>> Parts;
    std::string Key;
    for (const std::string &F : Files) {
      Expected<const Entry *> E = file(F);
      if (!E) {
        OnError(F, E.takeError());
        continue;
      }
      Key += (*E)->Stamp;
      Parts.emplace_back(&*(*E)->Parsed, F);
    }
    if (Parts.empty())
      return sharedDefaultModel();
    ModelRef &Combined = Combinations[Key];
    if (!Combined) {
      auto M = std::make_shared<Model>(defaultModel());
      for (const auto &P : Parts)
        M->append(Model(*P.first));
      Combined = std::move(M);
    }
    return Combined;
  }

private:
  struct Entry {
    std::string Stamp; ///< path, time and size, as a key of Combinations
    std::unique_ptr<const Model> Parsed;
  };
  std::mutex Mutex;
  StringMap<Entry> Files;
  std::map<std::string, ModelRef> Combinations;

  Expected<const Entry *> file(StringRef Path) {
    sys::fs::file_status Status;
    if (std::error_code EC = sys::fs::status(Path, Status))
      return createStringError(EC, "cannot read model file '%s': %s",
                               Path.str().c_str(), EC.message().c_str());
    std::string Stamp;
    raw_string_ostream(Stamp)
        << Path << '\0'
        << Status.getLastModificationTime().time_since_epoch().count() << '\0'
        << Status.getSize() << '\0';
    Entry &E = Files[Path];
    if (E.Stamp == Stamp && E.Parsed)
      return &E;
    auto M = std::make_unique<Model>();
    if (Error Err = loadModelFile(Path, *M))
      return std::move(Err);
    E.Stamp = std::move(Stamp);
    E.Parsed = std::move(M);
    return &E;
  }
};
} // namespace

ModelRef cvet::loadModels(ArrayRef<std::string> Files,
                          function_ref<void(StringRef, Error)> OnError) {
  return ModelCache::get().load(Files, OnError);
}

Expected<ModelRef> cvet::loadModels(ArrayRef<std::string> Files) {
  Error First = Error::success();
  ModelRef M = loadModels(Files, [&](StringRef, Error Problem) {
    if (First)
      consumeError(std::move(Problem));
    else
      First = std::move(Problem);
  });
  if (First)
    return std::move(First);
  return M;
}

std::vector<std::string> cvet::splitList(StringRef List) {
  std::vector<std::string> Out;
  size_t Start = 0;
  for (size_t I = 0; I <= List.size(); ++I) {
    if (I < List.size() && List[I] != ';' && List[I] != ',')
      continue;
    StringRef Part = List.slice(Start, I).trim();
    if (!Part.empty())
      Out.push_back(Part.str());
    Start = I + 1;
  }
  return Out;
}

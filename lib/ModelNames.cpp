//===- ModelNames.cpp - every API name a model mentions -------------------===//

#include "cvet/ModelNames.h"
#include "cvet/Model.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;
using namespace cvet;

void ModelNames::add(const ModelNames &Other) {
  for (const auto &E : Other.Functions)
    Functions.insert(E.getKey());
  for (const auto &E : Other.Macros)
    Macros.insert(E.getKey());
  for (const auto &E : Other.Members)
    Members.insert(E.getKey());
}

static void walk(yaml::Node *N, ModelNames &Into) {
  if (auto *Seq = dyn_cast_or_null<yaml::SequenceNode>(N)) {
    for (yaml::Node &Item : *Seq)
      walk(&Item, Into);
    return;
  }
  auto *Map = dyn_cast_or_null<yaml::MappingNode>(N);
  if (!Map)
    return;
  for (yaml::KeyValueNode &KV : *Map) {
    auto *Key = dyn_cast_or_null<yaml::ScalarNode>(KV.getKey());
    yaml::Node *Value = KV.getValue();
    auto *Scalar = dyn_cast_or_null<yaml::ScalarNode>(Value);
    if (Key && Scalar) {
      SmallString<32> KeyStorage, ValueStorage;
      StringRef K = Key->getValue(KeyStorage);
      StringRef V = Scalar->getValue(ValueStorage).trim();
      if (V.empty())
        continue;
      if (K == "Function")
        Into.Functions.insert(V);
      else if (K == "Macro")
        Into.Macros.insert(V);
      else if (K == "Member")
        Into.Members.insert(V);
      continue;
    }
    walk(Value, Into);
  }
}

Error cvet::collectModelNames(StringRef Text, StringRef FileName,
                              ModelNames &Into) {
  SourceMgr SM;
  std::string Problem;
  SM.setDiagHandler(
      [](const SMDiagnostic &D, void *Ctx) {
        auto &P = *static_cast<std::string *>(Ctx);
        if (P.empty())
          P = D.getMessage().str();
      },
      &Problem);
  ModelNames Found;
  yaml::Stream Stream(Text, SM);
  for (yaml::Document &Doc : Stream)
    walk(Doc.getRoot(), Found);
  if (Stream.failed() || !Problem.empty())
    return createStringError(inconvertibleErrorCode(), "%s: %s",
                             FileName.str().c_str(), Problem.c_str());
  Into.add(Found);
  return Error::success();
}

const ModelNames &cvet::defaultModelNames() {
  static const ModelNames Names = [] {
    ModelNames N;
    for (const auto &[Name, Text] : defaultModelSources())
      if (Error Err = collectModelNames(Text, Name, N))
        report_fatal_error(Twine("cvet: built-in model is broken: ") +
                           toString(std::move(Err)));
    return N;
  }();
  return Names;
}

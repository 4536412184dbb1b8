//===- YamlReader.h - reading YAML with located errors --------*- C++ -*-===//
//
// Model files and .cvet.yaml are read the same way: llvm::yaml maps the text,
// and the first problem comes back as one error "file:line:col: problem".
// Later problems are usually consequences of the first and are dropped.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_YAMLREADER_H
#define CVET_YAMLREADER_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <string>

namespace cvet {

/// A yaml::Input diagnostic handler; Ctx is the std::string that keeps the
/// first error.
void keepFirstYamlError(const llvm::SMDiagnostic &Diag, void *Ctx);

template <typename T>
llvm::Error readYaml(llvm::StringRef Text, llvm::StringRef FileName, T &Out) {
  std::string Problem;
  llvm::yaml::Input In(llvm::MemoryBufferRef(Text, FileName), nullptr,
                       keepFirstYamlError, &Problem);
  In >> Out;
  if (!In.error())
    return llvm::Error::success();
  if (Problem.empty())
    Problem = (FileName + ": " + In.error().message()).str();
  return llvm::createStringError(In.error(), Problem);
}

} // namespace cvet

#endif // CVET_YAMLREADER_H

//===- CvetClangd.cpp - clangd with the cvet checks -----------------------===//
//
// Stock clangd, with the cvet clang-tidy module linked in. Enable the checks
// from a project's .clangd (docs/editors.md):
//
//   Diagnostics:
//     ClangTidy:
//       Add: [cvet-*]
//       FastCheckFilter: Loose
//
// clangd finds clang's own headers (stddef.h, stdarg.h) in a resource
// directory computed from its binary's path, which exists only next to
// clang. Installed anywhere else, cvet-clangd passes the resource directory
// of the clang it was built against unless --resource-dir is given.
//
//===----------------------------------------------------------------------===//

#include "support/Compat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace cvet::tidy {
extern volatile int CvetTidyModuleAnchorSource;
} // namespace cvet::tidy

static bool hasResourceHeaders(llvm::StringRef Dir) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "include", "stddef.h");
  return llvm::sys::fs::exists(Path);
}

int main(int argc, char **argv) {
  // Keeps the module's registration in the binary.
  static int Anchor = cvet::tidy::CvetTidyModuleAnchorSource;
  (void)Anchor;

  std::vector<char *> Args(argv, argv + argc);
  bool Given = false;
  for (llvm::StringRef A : llvm::ArrayRef(argv + 1, argv + argc))
    Given |= A.starts_with("--resource-dir") || A.starts_with("-resource-dir");
  std::string Flag;
  if (!Given) {
    std::string Exe =
        llvm::sys::fs::getMainExecutable(argv[0], (void *)&hasResourceHeaders);
    std::string Computed = cvet::compat::resourcesPath(Exe);
    if (!hasResourceHeaders(Computed) &&
        hasResourceHeaders(CVET_CLANG_RESOURCE_DIR)) {
      Flag = "--resource-dir=" CVET_CLANG_RESOURCE_DIR;
      Args.insert(Args.begin() + 1, Flag.data());
    }
  }
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}

//===- HostCheck.cpp - a plugin refuses another LLVM's clang --------------===//
//
// A plugin (cvet.so, the clang-tidy module) only works inside the clang of the
// LLVM it was built against. Loaded into another major's clang, the dynamic
// loader brings the plugin's libclang-cpp and libLLVM in next to the host's:
// clang only warns that the analyzer API versions differ (or says nothing,
// under `clang --analyze`), the checks never run, and the two copies of LLVM
// corrupt each other's heap by the time the process exits.
//
// This constructor runs while the plugin is being loaded, before clang calls
// into it. When the process already holds a libclang-cpp or libLLVM of another
// major, it prints one line naming both versions and ends the process: the
// compilation cannot go on with the checks the user asked for, and exiting
// here is the only way out that does not crash later.
//
//===----------------------------------------------------------------------===//

#include "clang/Basic/Version.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <unistd.h>

namespace {

struct ForeignLLVM {
  std::string Library; // libclang-cpp.so.19.1
  std::string Version; // 19.1
};

/// The version in a libclang-cpp / libLLVM file name, or "" for another file.
std::string llvmVersionOf(const char *Path) {
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  for (const char *Prefix : {"libclang-cpp.so.", "libLLVM.so.", "libLLVM-"}) {
    size_t N = std::strlen(Prefix);
    if (std::strncmp(Base, Prefix, N) != 0)
      continue;
    std::string Version;
    for (const char *C = Base + N; *C && (std::isdigit(*C) || *C == '.'); ++C)
      Version += *C;
    while (!Version.empty() && Version.back() == '.')
      Version.pop_back();
    return Version;
  }
  return "";
}

int findForeign(dl_phdr_info *Info, size_t, void *Data) {
  auto *Found = static_cast<ForeignLLVM *>(Data);
  std::string Version = llvmVersionOf(Info->dlpi_name ? Info->dlpi_name : "");
  if (Version.empty() || std::atoi(Version.c_str()) == CLANG_VERSION_MAJOR)
    return 0;
  const char *Base = std::strrchr(Info->dlpi_name, '/');
  Found->Library = Base ? Base + 1 : Info->dlpi_name;
  Found->Version = Version;
  // libclang-cpp names the host best; keep looking for it after a libLLVM.
  return Found->Library.rfind("libclang-cpp", 0) == 0;
}

__attribute__((constructor)) void refuseForeignHost() {
  ForeignLLVM Found;
  dl_iterate_phdr(findForeign, &Found);
  if (Found.Version.empty())
    return;
  Dl_info Self;
  const char *Plugin = "cvet plugin";
  if (dladdr(reinterpret_cast<void *>(&refuseForeignHost), &Self) &&
      Self.dli_fname)
    Plugin = Self.dli_fname;
  std::string Major = Found.Version.substr(0, Found.Version.find('.'));
  std::fprintf(stderr,
               "error: %s is built for LLVM " CLANG_VERSION_STRING
               " and cannot run in this program, which uses LLVM %s (%s); "
               "load the one built for LLVM %s (lib/cvet/llvm-%s/ where cvet "
               "is installed)\n",
               Plugin, Found.Version.c_str(), Found.Library.c_str(),
               Major.c_str(), Major.c_str());
  std::fflush(stderr);
  // Not exit(): the foreign libraries' destructors are what crashes.
  _exit(1);
}

} // namespace

//===- PluginVersion.cpp - refuse to run inside another clang-tidy --------===//
//
// clang-tidy plugins have no stable ABI: cvet-tidy.so works only inside the
// clang-tidy of the LLVM release it was built against. When the loader
// resolves the plugin's references to clang into a host of another version,
// clang::getClangFullVersion() below is the host's; the plugin then says so
// once and stops the process before any check runs on mismatched classes.
//
//===----------------------------------------------------------------------===//

#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace {

/// "Debian clang version 19.1.7 (...)" -> "19.1".
std::string majorMinor(llvm::StringRef Full) {
  size_t At = Full.find("version ");
  if (At == llvm::StringRef::npos)
    return "";
  llvm::StringRef V = Full.substr(At + 8);
  llvm::StringRef Major = V.take_while([](char C) { return llvm::isDigit(C); });
  V = V.drop_front(Major.size());
  if (!V.consume_front("."))
    return Major.str();
  return (Major.str() + "." + V.take_while([](char C) { return llvm::isDigit(C); })).str();
}

struct VersionGuard {
  VersionGuard() {
    const std::string Built =
        std::to_string(CLANG_VERSION_MAJOR) + "." +
        std::to_string(CLANG_VERSION_MINOR);
    const std::string Host = clang::getClangFullVersion();
    std::string HostVersion = majorMinor(Host);
    if (HostVersion == Built)
      return;
    llvm::errs() << "error: cvet-tidy was built for clang-tidy " << Built
                 << " but is loaded into " << Host
                 << "; run clang-tidy-" << CLANG_VERSION_MAJOR
                 << " or rebuild cvet against this LLVM\n";
    llvm::errs().flush();
    std::_Exit(1);
  }
} Guard;

} // namespace

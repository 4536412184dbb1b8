// Preloaded into clang-tidy, this stands in for the libclang-cpp of another
// LLVM release: the plugin's version check sees "18.1".
#include <string>
namespace clang {
std::string getClangFullVersion() { return "Debian clang version 18.1.8 (11)"; }
} // namespace clang

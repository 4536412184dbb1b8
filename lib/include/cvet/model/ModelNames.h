//===- ModelNames.h - checking the names model entries give ---*- C++ -*-===//

#ifndef CVET_MODEL_MODELNAMES_H
#define CVET_MODEL_MODELNAMES_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace cvet {

/// Why Name cannot be a model `Function:` (a C name or "ns::name"), or "".
std::string checkFunctionName(llvm::StringRef Name);

/// Why Name cannot be a qualified C++ name ("std::thread::thread"), or "".
std::string checkQualifiedName(llvm::StringRef Name);

/// Why Name cannot be a member function name ("join"), or "".
std::string checkMemberName(llvm::StringRef Name);

/// Why Name cannot be a model `Macro:` (an identifier), or "".
std::string checkMacroName(llvm::StringRef Name);

/// Entries that name either a `Function:` or a `Macro:`: why this one does
/// not name exactly one well-formed name, or "".
std::string checkFunctionOrMacro(llvm::StringRef Function,
                                 llvm::StringRef Macro);

} // namespace cvet

#endif // CVET_MODEL_MODELNAMES_H

//===- Fingerprint.h - stable identities of findings -----------*- C++ -*-===//
//
//   cvetFingerprint/v1 = "<md5 of rule, file, function, line text>:<n>"
//
// The file is its SARIF URI (relative to the root when below it), the
// function the qualified name of the declaration holding the finding, the
// line text the reported line with whitespace collapsed, and n counts the
// earlier findings of the run with the same hash. No line or column number
// goes in, so code moving above a finding leaves its fingerprint alone; the
// baseline and SARIF consumers (GitHub) follow a finding across commits by it.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_TOOLS_FINGERPRINT_H
#define CVET_TOOLS_FINGERPRINT_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace cvet {

/// A source line as the fingerprint sees it: trimmed, every run of
/// whitespace one space.
std::string normalizeLine(llvm::StringRef Line);

/// The hash part of a fingerprint ("<md5>") for one finding.
std::string fingerprintHash(const Finding &F, llvm::StringRef Root);

/// Sets every finding's Fingerprint. Findings must be in their final
/// order: the occurrence counter follows it.
void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root);

} // namespace cvet

#endif // CVET_TOOLS_FINGERPRINT_H

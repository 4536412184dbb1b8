//===- Fingerprint.cpp - stable identities of findings --------------------===//

#include "Fingerprint.h"
#include "Sarif.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/MD5.h"

#include <map>

using namespace llvm;
using namespace cvet;

std::string cvet::normalizeLine(StringRef Line) {
  std::string Out;
  bool Space = false;
  for (char C : Line.trim()) {
    if (isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

std::string cvet::fingerprintHash(const Finding &F, StringRef Root) {
  bool UnderRoot = false;
  std::string Key = F.Rule + '\0' + fileUri(F.Pos.File, Root, UnderRoot) +
                    '\0' + F.Function + '\0' + F.NormalizedLine;
  MD5 Hash;
  Hash.update(Key);
  MD5::MD5Result Digest = Hash.final();
  return Digest.digest().str().str();
}

void cvet::assignFingerprints(std::vector<Finding> &Findings, StringRef Root) {
  std::map<std::string, unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Hash = fingerprintHash(F, Root);
    unsigned Occurrence = Seen[Hash]++;
    F.Fingerprint = (Hash + ":" + Twine(Occurrence)).str();
  }
}

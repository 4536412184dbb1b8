//===- Regions.h - memory regions, named by what they mean ----*- C++ -*-===//
//
// The questions rules ask of a MemRegion, each with one name:
//
//   isOnStack(R)                 R lives in an analyzed frame's locals or
//                                arguments (not globals, heap, or memory
//                                behind a pointer parameter)
//   containsOrContainedBy(A, B)  A and B share memory: one is B, or a part of
//                                the other
//   writeAffects(W, O, Parts)    a write to W changes O: W is O or holds it,
//                                or (Parts) W is a part of O
//   stripReinterpretCasts(R)     R without casts that reinterpret its memory
//                                ((char *)&x is x); unlike
//                                MemRegion::StripCasts, &a[0] stays the
//                                element, not all of a
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_REGIONS_H
#define CVET_CHECKERS_SUPPORT_REGIONS_H

namespace clang::ento {
class MemRegion;
} // namespace clang::ento

namespace cvet {

bool isOnStack(const clang::ento::MemRegion *R);

bool containsOrContainedBy(const clang::ento::MemRegion *A,
                           const clang::ento::MemRegion *B);

bool writeAffects(const clang::ento::MemRegion *Written,
                  const clang::ento::MemRegion *Object, bool PartsCount);

const clang::ento::MemRegion *
stripReinterpretCasts(const clang::ento::MemRegion *R);

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_REGIONS_H

//===- Regions.cpp - memory regions, named by what they mean --------------===//

#include "support/Regions.h"
#include "support/Compat.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"

using namespace clang;
using namespace clang::ento;

bool cvet::isOnStack(const MemRegion *R) {
  return R && isa<StackSpaceRegion>(cvet::compat::rawMemorySpace(R));
}

bool cvet::containsOrContainedBy(const MemRegion *A, const MemRegion *B) {
  return A == B || A->isSubRegionOf(B) || B->isSubRegionOf(A);
}

bool cvet::writeAffects(const MemRegion *Written, const MemRegion *Object,
                        bool PartsCount) {
  return Written == Object || Object->isSubRegionOf(Written) ||
         (PartsCount && Written->isSubRegionOf(Object));
}

const MemRegion *cvet::stripReinterpretCasts(const MemRegion *R) {
  while (const auto *ER = dyn_cast_or_null<ElementRegion>(R)) {
    if (!ER->getIndex().isZeroConstant())
      break;
    const auto *Super = dyn_cast<TypedValueRegion>(ER->getSuperRegion());
    if (Super) {
      const ArrayType *AT = Super->getValueType()->getAsArrayTypeUnsafe();
      if (AT && AT->getElementType().getCanonicalType() ==
                    ER->getElementType().getCanonicalType())
        break;
    }
    R = ER->getSuperRegion();
  }
  return R;
}

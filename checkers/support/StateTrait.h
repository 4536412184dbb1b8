//===- StateTrait.h - program state traits shared by a rule's files -*- C++ -*-===//
//
// REGISTER_*_WITH_PROGRAMSTATE declares its trait in an anonymous namespace,
// so each file that uses the macro gets a trait of its own: a rule whose
// checker is split over several files would keep its state in several
// unrelated places. CVET_STATE_TRAIT declares a trait once, in a rule's
// header, for all of its files: Name is a class of the rule's namespace and
// Type its value (llvm::ImmutableMap<K, V>, llvm::ImmutableSet<T>, a pointer).
// Use it inside namespace clang::ento.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_STATETRAIT_H
#define CVET_CHECKERS_SUPPORT_STATETRAIT_H

#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"

#define CVET_STATE_TRAIT(Name, Type)                                           \
  template <>                                                                  \
  struct ProgramStateTrait<Name> : public ProgramStatePartialTrait<Type> {     \
    static void *GDMIndex() {                                                  \
      static int Index;                                                        \
      return &Index;                                                           \
    }                                                                          \
  };

#endif // CVET_CHECKERS_SUPPORT_STATETRAIT_H

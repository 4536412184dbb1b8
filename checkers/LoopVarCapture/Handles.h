//===- Handles.h - LoopVarCapture: handles, joins, detaches -----*- C++ -*-===//
//
// What Handles.cpp tells the rest of the rule about the program state it
// keeps beside the sharings: whether work started on this path, whether a
// join failed on it. The joins, detaches and hand-overs to unknown code that
// end or change a sharing are members of the checker (LoopVarCapture.h).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_LOOPVARCAPTURE_HANDLES_H
#define CVET_CHECKERS_LOOPVARCAPTURE_HANDLES_H

#include "LoopVarCapture/Sharing.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

namespace cvet::loopvar {

/// Whether Sym may equal Value on this path (true when it cannot be told).
bool mayEqual(clang::ento::ProgramStateRef State, clang::ento::SymbolRef Sym,
              int64_t Value, clang::ento::SValBuilder &SVB);

/// Whether the work of E may have started on this path: with SuccessReturn,
/// only where the spawn's result can still be the success value.
bool mayHaveStarted(clang::ento::ProgramStateRef State, const Sharing &E,
                    clang::ento::SValBuilder &SVB);

/// Whether a join on this path returned a failure (pthread_join() != 0):
/// the program is broken there, whatever it shared.
bool joinFailed(clang::ento::ProgramStateRef State,
                clang::ento::SValBuilder &SVB);

} // namespace cvet::loopvar

#endif // CVET_CHECKERS_LOOPVARCAPTURE_HANDLES_H

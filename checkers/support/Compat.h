//===- Compat.h - the Clang API differences between LLVM majors -*- C++ -*-===//
//
// cvet builds from the same sources against LLVM 19 and LLVM 22 (both built
// and tested; majors in between may need a threshold moved). Every place where
// the Clang API differs between them is one name here, so that the checkers,
// the driver and the tidy module are written once:
//
//   CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)   checkBind's parameter list
//                                            (22 adds `bool AtDeclInit`)
//   conjureSymbolVal(C, Tag, E, LCtx, T)     a fresh symbol for E (22 keys it
//                                            by CFG element, not expression)
//   rawMemorySpace(R)                        R's memory space as the region
//                                            says it (22: getRawMemorySpace)
//   concreteValue(CI)                        a ConcreteInt's APSInt (20 wraps
//                                            it in APSIntPtr)
//   checkerName(Checker)                     a checker's full name (22:
//                                            getName, was getCheckerName)
//   setDynamicExtent(State, R, Extent, SVB)  an allocation's size (22 drops
//                                            the SValBuilder)
//   resourcesPath(BinaryPath)                clang's resource directory next
//                                            to a binary (22 moves it out of
//                                            Driver, to clang/Options)
//   callState(Call)                          the state a CallEvent was made
//                                            in (protected in 22)
//   addDiagnosticConsumer(A, Consumer)       AnalysisASTConsumer takes a raw
//                                            pointer (19) or a unique_ptr (22)
//   CVET_TIDY_MODULE_HEADER                  where ClangTidyModuleRegistry is
//                                            declared (22 deprecates the
//                                            ClangTidyModuleRegistry.h header)
//   driver_options::, getDriverOptTable()    the clang driver's option table
//                                            (22 moves it out of clangDriver)
//   deps::, DependencyScanningTool,          the dependency scanner (22 moves
//   dependencyFile(Tool, CommandLine, CWD)   it, and reports through a
//                                            DiagnosticConsumer)
//
// Nothing else in the tree compiles differently per major (HostCheck and the
// tidy plugin only print and compare the major they were built for).
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_COMPAT_H
#define CVET_CHECKERS_SUPPORT_COMPAT_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/Version.h"

#define CVET_CLANG_AT_LEAST(Major) (CLANG_VERSION_MAJOR >= (Major))

#if CVET_CLANG_AT_LEAST(22)
#include "clang/DependencyScanning/DependencyScanningService.h"
#include "clang/Options/OptionUtils.h"
#include "clang/Options/Options.h"
#include "clang/Tooling/DependencyScanningTool.h"
#else
#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningService.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningTool.h"
#endif
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include <memory>
#include <optional>
#include <string>

#if CVET_CLANG_AT_LEAST(22)
#define CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)                                 \
  ::clang::ento::SVal Loc, ::clang::ento::SVal Val, const ::clang::Stmt *S,    \
      bool /*AtDeclInit*/, ::clang::ento::CheckerContext &C
#define CVET_TIDY_MODULE_HEADER "clang-tidy/ClangTidyModule.h"
#else
#define CVET_CHECK_BIND_PARAMS(Loc, Val, S, C)                                 \
  ::clang::ento::SVal Loc, ::clang::ento::SVal Val, const ::clang::Stmt *S,    \
      ::clang::ento::CheckerContext &C
#define CVET_TIDY_MODULE_HEADER "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace cvet::compat {

#if CVET_CLANG_AT_LEAST(22)
namespace driver_options = clang::options;
using clang::getDriverOptTable;
#else
namespace driver_options = clang::driver::options;
using clang::driver::getDriverOptTable;
#endif

#if CVET_CLANG_AT_LEAST(22)
namespace deps = clang::dependencies;
using DependencyScanningTool = clang::tooling::DependencyScanningTool;
#else
namespace deps = clang::tooling::dependencies;
using DependencyScanningTool = deps::DependencyScanningTool;
#endif

/// The make-style dependency list of one compile command; std::nullopt when
/// the scan fails (a file that does not parse), which nobody is told about.
inline std::optional<std::string>
dependencyFile(DependencyScanningTool &Tool,
               llvm::ArrayRef<std::string> CommandLine, llvm::StringRef CWD) {
#if CVET_CLANG_AT_LEAST(22)
  clang::IgnoringDiagConsumer Quiet;
  return Tool.getDependencyFile(CommandLine, CWD, Quiet);
#else
  llvm::Expected<std::string> Make = Tool.getDependencyFile(CommandLine, CWD);
  if (!Make) {
    llvm::consumeError(Make.takeError());
    return std::nullopt;
  }
  return std::move(*Make);
#endif
}

/// A symbol conjured for the value that `Origin` produces at the current
/// program point, as the analyzer's own post-call modelling does.
inline clang::ento::DefinedOrUnknownSVal
conjureSymbolVal(clang::ento::CheckerContext &C, const void *Tag,
                 const clang::Expr *Origin,
                 const clang::LocationContext *LCtx, clang::QualType T) {
#if CVET_CLANG_AT_LEAST(21)
  return C.getSValBuilder().conjureSymbolVal(Tag, C.getCFGElementRef(), LCtx,
                                             T, C.blockCount());
#else
  return C.getSValBuilder().conjureSymbolVal(Tag, Origin, LCtx, T,
                                             C.blockCount());
#endif
}

/// The memory space recorded in the region itself. LLVM 21 can also refine an
/// unknown space per state; cvet asks the same question on every major.
inline const clang::ento::MemSpaceRegion *
rawMemorySpace(const clang::ento::MemRegion *R) {
#if CVET_CLANG_AT_LEAST(21)
  return R->getRawMemorySpace();
#else
  return R->getMemorySpace();
#endif
}

inline const llvm::APSInt &
concreteValue(const clang::ento::nonloc::ConcreteInt &CI) {
  return CI.getValue(); // LLVM 20+: APSIntPtr converts to the reference.
}

/// A checker's full name (cvet.UnclosedIterator), as options and reports
/// name it.
inline llvm::StringRef checkerName(const clang::ento::CheckerBase *Checker) {
#if CVET_CLANG_AT_LEAST(22)
  return Checker->getName();
#else
  return Checker->getCheckerName().getName();
#endif
}

/// Records the size of the allocation R, as the analyzer's own allocation
/// modelling does.
inline clang::ento::ProgramStateRef
setDynamicExtent(clang::ento::ProgramStateRef State,
                 const clang::ento::MemRegion *R,
                 clang::ento::DefinedOrUnknownSVal Extent,
                 clang::ento::SValBuilder &SVB) {
#if CVET_CLANG_AT_LEAST(22)
  return clang::ento::setDynamicExtent(State, R, Extent);
#else
  return clang::ento::setDynamicExtent(State, R, Extent, SVB);
#endif
}

/// The resource directory (stddef.h, ...) that a clang installed as
/// BinaryPath would use.
inline std::string resourcesPath(llvm::StringRef BinaryPath) {
#if CVET_CLANG_AT_LEAST(22)
  return clang::GetResourcesPath(BinaryPath);
#else
  return clang::driver::Driver::GetResourcesPath(BinaryPath);
#endif
}

namespace detail {
// A member pointer taken through a derived class reaches a protected
// accessor; the class is never instantiated.
struct CallStateAccess : clang::ento::CallEvent {
  static clang::ento::ProgramStateRef get(const clang::ento::CallEvent &Call) {
    return (Call.*(&CallStateAccess::getState))();
  }
};
} // namespace detail

/// The state the call was evaluated in: before the call's own effects.
inline clang::ento::ProgramStateRef
callState(const clang::ento::CallEvent &Call) {
  return detail::CallStateAccess::get(Call);
}

/// Hands a diagnostic consumer to an AnalysisASTConsumer, which owns it.
template <typename AnalysisConsumerT, typename ConsumerT>
void addDiagnosticConsumer(AnalysisConsumerT &Analysis,
                           std::unique_ptr<ConsumerT> Consumer) {
#if CVET_CLANG_AT_LEAST(22)
  Analysis.AddDiagnosticConsumer(std::move(Consumer));
#else
  Analysis.AddDiagnosticConsumer(Consumer.release());
#endif
}

} // namespace cvet::compat

#endif // CVET_CHECKERS_SUPPORT_COMPAT_H

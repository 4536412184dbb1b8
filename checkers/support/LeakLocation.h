//===- LeakLocation.h - where a lost handle is reported -------*- C++ -*-===//
//
// Report helpers for rules that track handles:
//
//   leakPoint(Err, Sym, Tracked)  where the handle was lost, rather than where
//                                 the analyzer noticed: the assignment that
//                                 overwrote its last reference, or the break /
//                                 continue / goto / return that ends the
//                                 straight-line code in which it died
//   jumpBefore(N, S)              the goto / break / continue that led
//                                 straight to S (nothing but S's operands ran
//                                 in between), on the path into N
//   firstOfRun(N, InRun)          walking back from N, the earliest node of the
//                                 run on which InRun holds (the acquisition
//                                 site: where the handle was last opened)
//   uniqueAt(Site, SM)            the location and declaration that unique
//                                 reports at that site (one report per open)
//   LeakReport                    a report shown at the leak point
//   HoldsSymbol                   a store walk: does a binding hold the symbol
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUPPORT_LEAKLOCATION_H
#define CVET_CHECKERS_SUPPORT_LEAKLOCATION_H

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExplodedGraph.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/Store.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <utility>

namespace cvet {

/// Finds a binding of the store that holds Sym (within Within, if set).
struct HoldsSymbol final : clang::ento::StoreManager::BindingsHandler {
  clang::ento::SymbolRef Sym;
  /// If set, only bindings inside this object count.
  const clang::ento::MemRegion *Within;
  bool Found = false;
  explicit HoldsSymbol(clang::ento::SymbolRef Sym,
                       const clang::ento::MemRegion *Within = nullptr)
      : Sym(Sym), Within(Within) {}
  bool HandleBinding(clang::ento::StoreManager &, clang::ento::Store,
                     const clang::ento::MemRegion *R,
                     clang::ento::SVal V) override;
};

/// Tracked(State): whether the rule still tracks the handle in State.
const clang::Stmt *
leakPoint(const clang::ento::ExplodedNode *Err, clang::ento::SymbolRef Sym,
          llvm::function_ref<bool(clang::ento::ProgramStateRef)> Tracked);

const clang::Stmt *jumpBefore(const clang::ento::ExplodedNode *N,
                              const clang::Stmt *S);

const clang::ento::ExplodedNode *
firstOfRun(const clang::ento::ExplodedNode *N,
           llvm::function_ref<bool(const clang::ento::ExplodedNode *)> InRun);

std::pair<clang::ento::PathDiagnosticLocation, const clang::Decl *>
uniqueAt(const clang::ento::ExplodedNode *Site,
         const clang::SourceManager &SM);

/// A leak report shown at the leak point.
class LeakReport final : public clang::ento::PathSensitiveBugReport {
  clang::ento::PathDiagnosticLocation At;

public:
  LeakReport(const clang::ento::BugType &BT, llvm::StringRef Msg,
             const clang::ento::ExplodedNode *Err,
             clang::ento::PathDiagnosticLocation Unique,
             const clang::Decl *UniqueDecl,
             clang::ento::PathDiagnosticLocation At)
      : PathSensitiveBugReport(BT, Msg, Err, Unique, UniqueDecl), At(At) {}

  clang::ento::PathDiagnosticLocation getLocation() const override {
    return At.isValid() ? At : PathSensitiveBugReport::getLocation();
  }
};

} // namespace cvet

#endif // CVET_CHECKERS_SUPPORT_LEAKLOCATION_H

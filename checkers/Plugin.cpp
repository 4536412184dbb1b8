//===- Plugin.cpp - entry points for clang -load --------------------------===//

#include "Checkers.h"
#include "clang/Basic/Version.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

// clang compares this string with its own before it calls into the plugin.
extern "C" const char clang_analyzerAPIVersionString[] =
    CLANG_ANALYZER_API_VERSION_STRING;

extern "C" void clang_registerCheckers(clang::ento::CheckerRegistry &Registry) {
  cvet::registerCheckers(Registry);
}

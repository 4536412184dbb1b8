//===- CompileFlags.cpp - compile commands made acceptable to Clang -------===//

#include "CompileFlags.h"
#include "Paths.h"

#include "support/Compat.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <map>

using namespace llvm;
using namespace cvet;
namespace tooling = clang::tooling;

#ifndef CVET_CLANG_RESOURCE_DIR
#define CVET_CLANG_RESOURCE_DIR ""
#endif

tooling::CommandLineArguments
cvet::clangCompatible(const tooling::CommandLineArguments &Args, StringRef File,
                StringRef Directory) {
  static const StringSet<> Launchers = {"ccache", "sccache", "distcc",
                                        "icecc", "buildcache"};
  // Flags that make Clang read a file that matters only for code
  // generation: profiles (GCC's -fprofile-use means .gcda files, which
  // Clang would look for as default.profdata) and sanitizer lists. Then
  // flags that write reports to stderr or files (the analysis must leave
  // the build tree alone and its output clean), and diagnostic formats
  // that are GCC's (-fdiagnostics-format=json).
  static const StringRef DroppedPrefixes[] = {
      "-fprofile-use",         "-fprofile-instr-use",
      "-fprofile-sample-use",  "-fauto-profile",
      "-fprofile-list=",       "-fsanitize-ignorelist=",
      "-fsanitize-blacklist=", "-fsanitize-system-ignorelist=",
      "-ftime-report",         "-ftime-trace",
      "-fproc-stat-report",    "-fdiagnostics-format"};
  static const StringSet<> DroppedFlags = {"-v", "-H", "-###"};
  size_t Start = 0;
  while (Start + 1 < Args.size() &&
         Launchers.contains(sys::path::stem(Args[Start])) &&
         !StringRef(Args[Start + 1]).starts_with("-"))
    ++Start;
  if (Args.size() <= Start)
    return Args;

  std::vector<const char *> Argv;
  for (size_t I = Start + 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  opt::InputArgList Parsed = compat::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      opt::Visibility(compat::driver_options::ClangOption));
  std::vector<bool> Drop(Argv.size(), false);
  std::vector<unsigned> OtherInputs;
  bool HasFile = false;
  for (const opt::Arg *A : Parsed.filtered(compat::driver_options::OPT_INPUT)) {
    if (absolutePath(A->getValue(), Directory) == File)
      HasFile = true;
    else
      OtherInputs.push_back(A->getIndex());
  }
  if (HasFile)
    for (unsigned I : OtherInputs)
      if (I < Drop.size())
        Drop[I] = true;
  for (const opt::Arg *A : Parsed) {
    StringRef Spelling = Argv[A->getIndex()];
    bool Unwanted =
        A->getOption().getID() == compat::driver_options::OPT_UNKNOWN ||
        A->getOption().matches(compat::driver_options::OPT_fplugin_EQ) ||
        A->getOption().matches(compat::driver_options::OPT_fplugin_arg) ||
        DroppedFlags.contains(Spelling) ||
        any_of(DroppedPrefixes,
               [&](StringRef P) { return Spelling.starts_with(P); }) ||
        // -Wp,-MD,file (Linux kernel): the preprocessor would write
        // dependency files over the build's own.
        (A->getOption().matches(compat::driver_options::OPT_Wp_COMMA) &&
         any_of(A->getValues(),
                [](const char *V) { return StringRef(V).starts_with("-M"); }));
    if (!Unwanted)
      continue;
    // The Arg's index is its first token; a separate value follows it.
    for (unsigned I = A->getIndex(),
                  E = I + (A->getNumValues() &&
                                   A->getOption().getKind() ==
                                       opt::Option::SeparateClass
                               ? 2
                               : 1);
         I < E && I < Drop.size(); ++I)
      Drop[I] = true;
  }
  // A precompiled header is only readable by the Clang that wrote it (not
  // GCC, not an older Clang): read its header as text instead. CMake's
  // -Xclang -include-pch -Xclang x.pch comes with -Xclang -include of the
  // header, so that pair just goes; a bare -include-pch x.h.pch becomes an
  // include of x.h when the header is there. Clang's driver turns
  // -include x.h into x.h.pch by itself when that file exists, so every
  // -include goes straight to the frontend (-Xclang -include -Xclang x.h).
  std::map<unsigned, std::string> IncludeInstead;
  std::vector<const opt::Arg *> All(Parsed.begin(), Parsed.end());
  for (size_t K = 0; K < All.size(); ++K) {
    const opt::Arg *A = All[K];
    if (A->getOption().matches(compat::driver_options::OPT_include)) {
      unsigned Width = StringRef(Argv[A->getIndex()]) == "-include" ? 2 : 1;
      for (unsigned I = A->getIndex(); I < A->getIndex() + Width; ++I)
        if (I < Drop.size())
          Drop[I] = true;
      IncludeInstead[A->getIndex()] = A->getValue();
    } else if (A->getOption().matches(
                   compat::driver_options::OPT_include_pch)) {
      for (unsigned I = A->getIndex(); I < A->getIndex() + 2; ++I)
        if (I < Drop.size())
          Drop[I] = true;
      StringRef Pch = A->getValue();
      StringRef Header = Pch;
      if ((Header.consume_back(".pch") || Header.consume_back(".gch")) &&
          sys::fs::exists(absolutePath(Header, Directory)))
        IncludeInstead[A->getIndex()] = Header.str();
    } else if (A->getOption().matches(compat::driver_options::OPT_Xclang) &&
               StringRef(A->getValue()) == "-include-pch" &&
               K + 1 < All.size() &&
               All[K + 1]->getOption().matches(
                   compat::driver_options::OPT_Xclang)) {
      for (const opt::Arg *Part : {A, All[K + 1]})
        for (unsigned I = Part->getIndex(); I < Part->getIndex() + 2; ++I)
          if (I < Drop.size())
            Drop[I] = true;
      ++K;
    }
  }

  tooling::CommandLineArguments Out = {Args[Start]};
  for (size_t I = 0; I < Argv.size(); ++I) {
    if (auto It = IncludeInstead.find(I); It != IncludeInstead.end())
      Out.insert(Out.end(), {"-Xclang", "-include", "-Xclang", It->second});
    if (!Drop[I])
      Out.push_back(Argv[I]);
  }
  // A cross compiler's name gives the target (arm-linux-gnueabihf-gcc:
  // --target=arm-linux-gnueabihf), or its -mcpu/-mfpu flags are refused
  // for the host's; g++ gives the C++ driver mode.
  tooling::addTargetAndModeForProgramName(Out, Out.front());
  return Out;
}


tooling::CommandLineArguments
cvet::analysisCommandLine(const tooling::CommandLineArguments &Args,
                          StringRef File, StringRef Directory) {
  tooling::CommandLineArguments Out = clangCompatible(Args, File, Directory);
  if (Out.empty())
    return Out;
  std::vector<std::string> Leading = {"-w", "-D__clang_analyzer__"};
  if (StringRef(CVET_CLANG_RESOURCE_DIR) != "")
    Leading.push_back("-resource-dir=" CVET_CLANG_RESOURCE_DIR);
  Out.insert(Out.begin() + 1, Leading.begin(), Leading.end());
  // What GCC (before 14) only warns about, Clang refuses by default; the
  // code compiles with the project's compiler, so it must parse here. Last,
  // so that the project's own -Werror=... does not turn them back.
  for (const char *Flag :
       {"-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
        "-Wno-error=int-conversion",
        "-Wno-error=incompatible-function-pointer-types"})
    Out.push_back(Flag);
  return Out;
}

tooling::CommandLineArguments
cvet::scanCommandLine(const tooling::CommandLineArguments &Args,
                      StringRef File, StringRef Directory) {
  tooling::CommandLineArguments Out =
      analysisCommandLine(Args, File, Directory);
  // The scanner collects the dependencies itself; it must write nothing.
  Out = tooling::getClangStripOutputAdjuster()(Out, File);
  return tooling::getClangStripDependencyFileAdjuster()(Out, File);
}

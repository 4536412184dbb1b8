//===- Model.cpp - reading the YAML API models ----------------------------===//
//
// llvm::yaml does the parsing and reports unknown keys, missing keys and bad
// enumeration values with their line and column; validate() adds the checks
// that need a whole entry. Every problem ends up in one llvm::Error.
//
//===----------------------------------------------------------------------===//

#include "cvet/Model.h"
#include "cvet/YamlReader.h"
#include "cvet/model/ModelNames.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cvet;

LLVM_YAML_IS_SEQUENCE_VECTOR(IteratorAcquire)
LLVM_YAML_IS_SEQUENCE_VECTOR(IteratorRelease)
LLVM_YAML_IS_SEQUENCE_VECTOR(IteratorUse)
LLVM_YAML_IS_SEQUENCE_VECTOR(IteratorFamily)
LLVM_YAML_IS_SEQUENCE_VECTOR(ThreadSpawn)
LLVM_YAML_IS_SEQUENCE_VECTOR(ThreadJoin)
LLVM_YAML_IS_SEQUENCE_VECTOR(AsyncCall)

std::string cvet::checkFunctionName(StringRef Name) {
  if (Name.empty())
    return "'Function' must not be empty";
  if (Name.find_first_of(" \t()*&;,") != StringRef::npos)
    return ("'" + Name + "' is not a function name").str();
  return "";
}

std::string cvet::checkMacroName(StringRef Name) {
  if (Name.empty() || isDigit(Name.front()) ||
      !all_of(Name, [](char C) { return isAlnum(C) || C == '_'; }))
    return ("'" + Name + "' is not a macro name").str();
  return "";
}

std::string cvet::checkFunctionOrMacro(StringRef Function, StringRef Macro) {
  if (Function.empty() == Macro.empty())
    return Function.empty() ? "an entry needs 'Function' or 'Macro'"
                            : ("'" + Function +
                               "': give either 'Function' or 'Macro', not both")
                                  .str();
  return Macro.empty() ? checkFunctionName(Function) : checkMacroName(Macro);
}

namespace llvm::yaml {

void ScalarEnumerationTraits<HandleLoc>::enumeration(IO &IO, HandleLoc &V) {
  IO.enumCase(V, "Return", HandleLoc::Return);
  IO.enumCase(V, "OutParam", HandleLoc::OutParam);
  IO.enumCase(V, "InPlace", HandleLoc::InPlace);
}

template <> struct ScalarEnumerationTraits<WorkHandle> {
  static void enumeration(IO &IO, WorkHandle &V) {
    IO.enumCase(V, "None", WorkHandle::None);
    IO.enumCase(V, "Return", WorkHandle::Return);
    IO.enumCase(V, "OutParam", WorkHandle::OutParam);
    IO.enumCase(V, "Arg", WorkHandle::Arg);
  }
};

template <> struct ScalarEnumerationTraits<AsyncWork> {
  static void enumeration(IO &IO, AsyncWork &V) {
    IO.enumCase(V, "Thread", AsyncWork::Thread);
    IO.enumCase(V, "Task", AsyncWork::Task);
    IO.enumCase(V, "Callback", AsyncWork::Callback);
  }
};

template <> struct ScalarEnumerationTraits<WorkRuns> {
  static void enumeration(IO &IO, WorkRuns &V) {
    IO.enumCase(V, "Thread", WorkRuns::Thread);
    IO.enumCase(V, "MainLoop", WorkRuns::MainLoop);
  }
};


template <> struct MappingTraits<IteratorAcquire> {
  static void mapping(IO &IO, IteratorAcquire &A) {
    IO.mapRequired("Function", A.Function);
    IO.mapOptional("Handle", A.Handle, HandleLoc::Return);
    IO.mapOptional("Arg", A.Arg, 0u);
    IO.mapOptional("SuccessReturn", A.SuccessReturn);
  }
  static std::string validate(IO &IO, IteratorAcquire &A) {
    return checkFunctionName(A.Function);
  }
};

template <> struct MappingTraits<IteratorRelease> {
  static void mapping(IO &IO, IteratorRelease &R) {
    IO.mapRequired("Function", R.Function);
    IO.mapOptional("Arg", R.Arg, 0u);
    IO.mapOptional("OnlyWhenReturnsNull", R.OnlyWhenReturnsNull, false);
    IO.mapOptional("Idempotent", R.Idempotent, false);
    IO.mapOptional("EndsAll", R.EndsAll, false);
  }
  static std::string validate(IO &IO, IteratorRelease &R) {
    return checkFunctionName(R.Function);
  }
};

template <> struct MappingTraits<IteratorUse> {
  static void mapping(IO &IO, IteratorUse &U) {
    IO.mapRequired("Function", U.Function);
    IO.mapOptional("Arg", U.Arg, 0u);
  }
  static std::string validate(IO &IO, IteratorUse &U) {
    return checkFunctionName(U.Function);
  }
};

template <> struct MappingTraits<IteratorFamily> {
  static void mapping(IO &IO, IteratorFamily &F) {
    IO.mapRequired("Family", F.Name);
    IO.mapRequired("Acquire", F.Acquire);
    IO.mapRequired("Release", F.Release);
    IO.mapOptional("Use", F.Use);
    IO.mapOptional("TakesOwnership", F.TakesOwnership);
  }
  static std::string validate(IO &IO, IteratorFamily &F) {
    if (F.Name.empty())
      return "'Family' must not be empty";
    if (F.Acquire.empty())
      return "iterator family '" + F.Name + "' has no 'Acquire' function";
    if (F.Release.empty())
      return "iterator family '" + F.Name + "' has no 'Release' function";
    bool InPlace = F.Acquire.front().Handle == HandleLoc::InPlace;
    for (const IteratorAcquire &A : F.Acquire)
      if ((A.Handle == HandleLoc::InPlace) != InPlace)
        return "iterator family '" + F.Name +
               "' mixes 'InPlace' handles with handles that are values";
    for (const IteratorRelease &R : F.Release)
      if (R.OnlyWhenReturnsNull && !InPlace)
        return "'OnlyWhenReturnsNull' needs an 'InPlace' family ('" +
               R.Function + "')";
    for (const IteratorRelease &R : F.Release)
      if (R.EndsAll && InPlace)
        return "'EndsAll' needs a family of values ('" + R.Function + "')";
    return "";
  }
};

template <> struct MappingTraits<ThreadSpawn> {
  static void mapping(IO &IO, ThreadSpawn &S) {
    IO.mapRequired("Function", S.Function);
    IO.mapRequired("DataArg", S.DataArg);
    IO.mapOptional("DataField", S.DataField, std::string());
    IO.mapOptional("Handle", S.Handle, WorkHandle::None);
    IO.mapOptional("HandleArg", S.HandleArg, 0u);
    IO.mapOptional("SuccessReturn", S.SuccessReturn);
    IO.mapOptional("EntryArg", S.EntryArg);
    IO.mapOptional("Runs", S.Runs, WorkRuns::Thread);
    IO.mapOptional("ManyThreads", S.ManyThreads, false);
  }
  static std::string validate(IO &IO, ThreadSpawn &S) {
    std::string E = checkFunctionName(S.Function);
    if (E.empty() && S.EntryArg && *S.EntryArg == S.DataArg)
      E = "'" + S.Function + "': 'EntryArg' and 'DataArg' are the same argument";
    if (E.empty() && (S.Handle == WorkHandle::OutParam ||
                      S.Handle == WorkHandle::Arg) &&
        S.HandleArg == S.DataArg)
      E = "'" + S.Function + "': 'HandleArg' and 'DataArg' are the same argument";
    return E;
  }
};

template <> struct MappingTraits<ThreadJoin> {
  static void mapping(IO &IO, ThreadJoin &J) {
    IO.mapRequired("Function", J.Function);
    IO.mapOptional("HandleArg", J.HandleArg, 0u);
    IO.mapOptional("HandleByPointer", J.HandleByPointer, false);
    IO.mapOptional("OnlyIfArgNonZero", J.OnlyIfArgNonZero);
    IO.mapOptional("AllWork", J.AllWork, false);
  }
  static std::string validate(IO &IO, ThreadJoin &J) {
    std::string E = checkFunctionName(J.Function);
    if (E.empty() && J.AllWork && J.HandleByPointer)
      E = "'" + J.Function + "': 'AllWork' joins have no handle to point at";
    return E;
  }
};

// Qualified names: "std::async", "std::thread::thread".
static std::string checkQualifiedName(StringRef Name) {
  if (Name.empty())
    return "'Function' must not be empty";
  SmallVector<StringRef, 4> Parts;
  Name.split(Parts, "::");
  for (StringRef P : Parts)
    if (P.empty() || P.find_first_of(" \t()*&;,<>:") != StringRef::npos)
      return ("'" + Name + "' is not a qualified function name").str();
  return "";
}

template <> struct MappingTraits<AsyncCall> {
  static void mapping(IO &IO, AsyncCall &A) {
    IO.mapRequired("Function", A.Function);
    IO.mapOptional("CallableArg", A.CallableArg);
    IO.mapOptional("Work", A.Work, AsyncWork::Thread);
    IO.mapOptional("Wait", A.Wait);
    IO.mapOptional("WaitsOnDestruction", A.WaitsOnDestruction, false);
  }
  static std::string validate(IO &IO, AsyncCall &A) {
    std::string E = checkQualifiedName(A.Function);
    if (!E.empty())
      return E;
    for (const std::string &W : A.Wait)
      if (!checkFunctionName(W).empty())
        return "'" + A.Function + "': 'Wait' lists member functions ('" + W +
               "' is not one)";
    return "";
  }
};

template <> struct MappingTraits<Model> {
  static void mapping(IO &IO, Model &M) {
    IO.mapOptional("Iterators", M.Iterators);
    IO.mapOptional("ThreadSpawn", M.ThreadSpawns);
    IO.mapOptional("ThreadJoin", M.ThreadJoins);
    IO.mapOptional("Async", M.Async);
    IO.mapOptional("AnyThread", M.AnyThread);
    IO.mapOptional("Maps", M.Maps);
    IO.mapOptional("Locks", M.Locks);
  }
};

} // namespace llvm::yaml

void Model::append(Model &&Other) {
  auto Move = [](auto &To, auto &From) {
    To.insert(To.end(), std::make_move_iterator(From.begin()),
              std::make_move_iterator(From.end()));
  };
  Move(Iterators, Other.Iterators);
  Move(ThreadSpawns, Other.ThreadSpawns);
  Move(ThreadJoins, Other.ThreadJoins);
  Move(Async, Other.Async);
  Move(AnyThread, Other.AnyThread);
  Move(Maps, Other.Maps);
  Move(Locks, Other.Locks);
}

void cvet::keepFirstYamlError(const SMDiagnostic &D, void *Ctx) {
  auto &Out = *static_cast<std::string *>(Ctx);
  if (D.getKind() != SourceMgr::DK_Error || !Out.empty())
    return;
  raw_string_ostream OS(Out);
  OS << D.getFilename() << ':' << D.getLineNo() << ':' << D.getColumnNo() + 1
     << ": " << D.getMessage();
}

Error cvet::parseModel(StringRef Text, StringRef FileName, Model &Into) {
  Model Parsed;
  if (Error Err = readYaml(Text, FileName, Parsed))
    return Err;
  Into.append(std::move(Parsed));
  return Error::success();
}

Error cvet::loadModelFile(StringRef Path, Model &Into) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read model file '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return parseModel((*Buffer)->getBuffer(), Path, Into);
}

namespace {
struct EmbeddedModel {
  const char *Name;
  const char *Text;
};
const EmbeddedModel DefaultModels[] = {
#include "DefaultModels.inc"
};
} // namespace

std::vector<StringRef> cvet::defaultModelFileNames() {
  std::vector<StringRef> Names;
  for (const EmbeddedModel &M : DefaultModels)
    Names.push_back(M.Name);
  return Names;
}

const Model &cvet::defaultModel() {
  static const Model Default = [] {
    Model M;
    for (const EmbeddedModel &E : DefaultModels)
      if (Error Err = parseModel(E.Text, E.Name, M))
        report_fatal_error(Twine("cvet: built-in model is broken: ") +
                           toString(std::move(Err)));
    return M;
  }();
  return Default;
}

Expected<Model> cvet::loadModels(ArrayRef<std::string> ExtraFiles) {
  Model M = defaultModel();
  for (const std::string &F : ExtraFiles)
    if (Error Err = loadModelFile(F, M))
      return std::move(Err);
  return M;
}

std::vector<std::string> cvet::splitList(StringRef List) {
  std::vector<std::string> Out;
  size_t Start = 0;
  for (size_t I = 0; I <= List.size(); ++I) {
    if (I < List.size() && List[I] != ';' && List[I] != ',')
      continue;
    StringRef Part = List.slice(Start, I).trim();
    if (!Part.empty())
      Out.push_back(Part.str());
    Start = I + 1;
  }
  return Out;
}

//===- Threads.cpp - reading the thread sections and Writes --------------===//

#include "cvet/model/Threads.h"

using namespace cvet;

namespace llvm::yaml {

void ScalarEnumerationTraits<WorkRuns>::enumeration(IO &IO, WorkRuns &V) {
  IO.enumCase(V, "Thread", WorkRuns::Thread);
  IO.enumCase(V, "MainLoop", WorkRuns::MainLoop);
}

void ScalarEnumerationTraits<AsyncWork>::enumeration(IO &IO, AsyncWork &V) {
  IO.enumCase(V, "Thread", AsyncWork::Thread);
  IO.enumCase(V, "Task", AsyncWork::Task);
  IO.enumCase(V, "Callback", AsyncWork::Callback);
}

void MappingTraits<ThreadSpawn>::mapping(IO &IO, ThreadSpawn &S) {
  IO.mapRequired("Function", S.Function);
  IO.mapRequired("DataArg", S.DataArg);
  IO.mapOptional("DataField", S.DataField, std::string());
  IO.mapOptional("Handle", S.Handle, HandleLoc::None);
  IO.mapOptional("HandleArg", S.HandleArg, 0u);
  IO.mapOptional("SuccessReturn", S.SuccessReturn);
  IO.mapOptional("EntryArg", S.EntryArg);
  IO.mapOptional("Runs", S.Runs, WorkRuns::Thread);
  IO.mapOptional("ManyThreads", S.ManyThreads, false);
}

std::string MappingTraits<ThreadSpawn>::validate(IO &IO, ThreadSpawn &S) {
  std::string E = checkFunctionName(S.Function);
  if (!E.empty())
    return E;
  if (S.EntryArg && *S.EntryArg == S.DataArg)
    return "'" + S.Function +
           "': 'EntryArg' and 'DataArg' are the same argument";
  if (S.Handle == HandleLoc::InPlace)
    return "'" + S.Function +
           "': 'Handle: InPlace' does not name spawned work; use None, "
           "Return, OutParam or Arg";
  if ((S.Handle == HandleLoc::OutParam || S.Handle == HandleLoc::Arg) &&
      S.HandleArg == S.DataArg)
    return "'" + S.Function +
           "': 'HandleArg' and 'DataArg' are the same argument";
  return "";
}

void MappingTraits<ThreadJoin>::mapping(IO &IO, ThreadJoin &J) {
  IO.mapRequired("Function", J.Function);
  IO.mapOptional("HandleArg", J.HandleArg, 0u);
  IO.mapOptional("HandleByPointer", J.HandleByPointer, false);
  IO.mapOptional("OnlyIfArgNonZero", J.OnlyIfArgNonZero);
  IO.mapOptional("AllWork", J.AllWork, false);
  IO.mapOptional("SuccessReturn", J.SuccessReturn);
}

std::string MappingTraits<ThreadJoin>::validate(IO &IO, ThreadJoin &J) {
  std::string E = checkFunctionName(J.Function);
  if (E.empty() && J.AllWork && J.HandleByPointer)
    E = "'" + J.Function + "': 'AllWork' joins have no handle to point at";
  return E;
}

void MappingTraits<ThreadDetach>::mapping(IO &IO, ThreadDetach &D) {
  IO.mapRequired("Function", D.Function);
  IO.mapOptional("HandleArg", D.HandleArg, 0u);
  IO.mapOptional("HandleByPointer", D.HandleByPointer, false);
}

std::string MappingTraits<ThreadDetach>::validate(IO &IO, ThreadDetach &D) {
  return checkFunctionName(D.Function);
}

void MappingTraits<WriteCall>::mapping(IO &IO, WriteCall &W) {
  IO.mapRequired("Function", W.Function);
  IO.mapRequired("DataArg", W.DataArg);
  IO.mapOptional("AndFollowing", W.AndFollowing, false);
}

std::string MappingTraits<WriteCall>::validate(IO &IO, WriteCall &W) {
  return checkFunctionName(W.Function);
}

void MappingTraits<AsyncCall>::mapping(IO &IO, AsyncCall &A) {
  IO.mapRequired("Function", A.Function);
  IO.mapOptional("CallableArg", A.CallableArg);
  IO.mapOptional("Work", A.Work, AsyncWork::Thread);
  IO.mapOptional("Wait", A.Wait);
  IO.mapOptional("WaitsOnDestruction", A.WaitsOnDestruction, false);
}

std::string MappingTraits<AsyncCall>::validate(IO &IO, AsyncCall &A) {
  std::string E = checkQualifiedName(A.Function);
  if (!E.empty())
    return E;
  for (const std::string &W : A.Wait)
    if (!checkMemberName(W).empty())
      return "'" + A.Function + "': 'Wait' lists member functions ('" + W +
             "' is not one)";
  return "";
}

} // namespace llvm::yaml

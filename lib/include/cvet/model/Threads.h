//===- Threads.h - model sections for threads and writes --------*- C++ -*-===//
//
//   ThreadSpawns:
//     # pthread_create(&tid, NULL, worker, &arg); ... pthread_join(tid, NULL);
//     - { Function: pthread_create, DataArg: 3, Handle: OutParam, HandleArg: 0, SuccessReturn: 0 }
//   ThreadJoins:
//     # pthread_join(tid, NULL);
//     - { Function: pthread_join, HandleArg: 0 }
//   Async:
//     # std::thread t([&] { use(i); }); ... t.join();
//     - { Function: std::thread::thread, Work: Thread, Wait: [join] }
//   ThreadDetaches:
//     # pthread_detach(tid);
//     - { Function: pthread_detach, HandleArg: 0 }
//   Writes:
//     # while (recv(fd, &req, sizeof req, 0) > 0) ...
//     - { Function: recv, DataArg: 1 }
//
// Functions that start work which may run later, those that wait for it or
// give it up, and calls that write through untyped pointers (LoopVarCapture;
// UnsyncMapWrite reads spawns and joins too). docs/models.md has every
// key. `ThreadSpawn` and `ThreadJoin` are deprecated spellings of the
// section keys.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_THREADS_H
#define CVET_MODEL_THREADS_H

#include "cvet/model/Vocabulary.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// Where the work started by a ThreadSpawn call runs.
enum class WorkRuns {
  Thread,   ///< on another thread (pthread_create, g_thread_pool_new)
  MainLoop, ///< later, on the thread that runs the main loop (g_idle_add)
};

/// A function that hands a data pointer to work that may run later.
struct ThreadSpawn {
  std::string Function;
  unsigned DataArg = 0; ///< The argument that carries the user data pointer.
  /// The argument that names the function the work runs (pthread_create's
  /// start routine).
  std::optional<unsigned> EntryArg;
  WorkRuns Runs = WorkRuns::Thread;
  /// Each call starts work that may run on several threads at once
  /// (g_thread_pool_new with max_threads > 1, uv_queue_work).
  bool ManyThreads = false;
  /// The data is a field of the pointed-to argument (uv_queue_work: req->data).
  std::string DataField;
  /// How the work is named for a later join: None, Return, OutParam
  /// (written to *HandleArg) or Arg (the HandleArg value, e.g. a pool).
  HandleLoc Handle = HandleLoc::None;
  unsigned HandleArg = 0;
  /// Set when the work starts only if the call returned this value (0 for
  /// pthread_create).
  std::optional<int64_t> SuccessReturn;
};

/// A function that waits for spawned work to finish.
struct ThreadJoin {
  std::string Function;
  unsigned HandleArg = 0;
  bool HandleByPointer = false; ///< uv_thread_join(&tid)
  /// g_thread_pool_free(pool, immediate, wait): waits only if arg 2 is TRUE.
  std::optional<unsigned> OnlyIfArgNonZero;
  /// Waits for every pending work, or for a signal from it (sem_wait,
  /// pthread_barrier_wait, uv_run, g_main_loop_run): afterwards the work may
  /// have taken its copy of the data, so all of it counts as joined.
  bool AllWork = false;
  /// What the join returns when it worked (pthread_join: 0). A path on which
  /// it returned something else is a broken program, not where to report.
  std::optional<int64_t> SuccessReturn;
};

/// A function that gives a thread up instead of waiting for it
/// (pthread_detach): nothing will join it afterwards.
struct ThreadDetach {
  std::string Function;
  unsigned HandleArg = 0;
  bool HandleByPointer = false;
};

/// A function that writes into the object an argument points to, where the
/// parameter's type does not say so (void *, or the variadic outputs of
/// sscanf). Non-const typed pointer parameters of system functions are
/// writes without an entry.
struct WriteCall {
  std::string Function;
  unsigned DataArg = 0; ///< The argument that points to the object written.
  /// The arguments after DataArg are written too (sscanf's outputs).
  bool AndFollowing = false;
};

/// What the work started by an Async call is, for messages.
enum class AsyncWork {
  Thread,   ///< std::thread: joined
  Task,     ///< std::async, executors: waited for
  Callback, ///< dispatch_async: runs later
};

/// A C++ call or constructor that runs a callable (a lambda, a block) later.
struct AsyncCall {
  /// Qualified name. A constructor is named Class::Class (std::thread::thread).
  std::string Function;
  /// The argument that carries the callable; without it, any argument.
  std::optional<unsigned> CallableArg;
  AsyncWork Work = AsyncWork::Thread;
  /// Member functions of the returned or constructed object that wait for
  /// the work (join, get, wait).
  std::vector<std::string> Wait;
  /// The object waits for the work when it is destroyed (std::jthread, the
  /// std::future returned by std::async).
  bool WaitsOnDestruction = false;
};

} // namespace cvet

LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::ThreadSpawn)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::ThreadJoin)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::AsyncCall)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::WriteCall)
LLVM_YAML_IS_SEQUENCE_VECTOR(cvet::ThreadDetach)

namespace llvm::yaml {
template <> struct ScalarEnumerationTraits<cvet::WorkRuns> {
  static void enumeration(IO &IO, cvet::WorkRuns &V);
};
template <> struct ScalarEnumerationTraits<cvet::AsyncWork> {
  static void enumeration(IO &IO, cvet::AsyncWork &V);
};
template <> struct MappingTraits<cvet::ThreadSpawn> {
  static void mapping(IO &IO, cvet::ThreadSpawn &S);
  static std::string validate(IO &IO, cvet::ThreadSpawn &S);
};
template <> struct MappingTraits<cvet::ThreadJoin> {
  static void mapping(IO &IO, cvet::ThreadJoin &J);
  static std::string validate(IO &IO, cvet::ThreadJoin &J);
};
template <> struct MappingTraits<cvet::ThreadDetach> {
  static void mapping(IO &IO, cvet::ThreadDetach &D);
  static std::string validate(IO &IO, cvet::ThreadDetach &D);
};
template <> struct MappingTraits<cvet::WriteCall> {
  static void mapping(IO &IO, cvet::WriteCall &W);
  static std::string validate(IO &IO, cvet::WriteCall &W);
};
template <> struct MappingTraits<cvet::AsyncCall> {
  static void mapping(IO &IO, cvet::AsyncCall &A);
  static std::string validate(IO &IO, cvet::AsyncCall &A);
};
} // namespace llvm::yaml

#endif // CVET_MODEL_THREADS_H

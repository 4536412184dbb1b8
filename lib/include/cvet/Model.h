//===- Model.h - API knowledge shared by every cvet rule ------------------===//
//
// The model says what library functions do: which ones open an iterator and
// which close it, which ones start work on another thread and which wait for
// it. It is data, read from YAML (lib/models/*.yaml are compiled in; users add
// their own files), so checker code never carries lists of function names.
//
// One file may hold any of the top-level sections:
//
//   Iterators:      families of acquire / release functions (UnclosedIterator)
//   ThreadSpawn:    functions that hand a data pointer to work that runs later
//   ThreadJoin:     functions that wait for that work (LoopVarCapture)
//   Async:          C++ calls and constructors that run a callable later
//                   (std::thread, std::async, executors, dispatch_async)
//   AnyThread:      functions that may run on any thread (UnsyncMapWrite)
//   Maps:           families of hash tables and trees: which calls read,
//                   insert, replace, remove or clear, and which argument is
//                   the map, the key and the value (UnsyncMapWrite,
//                   SubrangeEscape)
//   Locks:          functions and macros that take and release locks, and
//                   run-once initialisers (UnsyncMapWrite)
//
//===----------------------------------------------------------------------===//

#ifndef CVET_MODEL_H
#define CVET_MODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/YAMLTraits.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvet {

/// Where an acquiring call leaves the handle.
enum class HandleLoc {
  Return,   ///< DIR *d = opendir(p);
  OutParam, ///< sqlite3_prepare_v2(db, sql, -1, &stmt, 0): written to *arg
  InPlace,  ///< hash_seq_init(&status, h): the object *arg is the handle
};

/// A function that opens an iterator.
struct IteratorAcquire {
  std::string Function;
  HandleLoc Handle = HandleLoc::Return;
  unsigned Arg = 0; ///< OutParam / InPlace: the argument that points at it.
  /// If set, the call acquired the handle only when it returned this value
  /// (SQLITE_OK, MDB_SUCCESS, 0). Without it, a Return handle is acquired
  /// unless it is NULL, and OutParam / InPlace handles always are.
  std::optional<int64_t> SuccessReturn;
};

/// A function that closes an iterator.
struct IteratorRelease {
  std::string Function;
  unsigned Arg = 0; ///< The handle (Return / OutParam) or a pointer to it (InPlace).
  /// hash_seq_search(&status) releases the scan only when it returns NULL.
  bool OnlyWhenReturnsNull = false;
  /// Closing twice is harmless (glibc's globfree clears what it freed), so a
  /// second close is not reported.
  bool Idempotent = false;
  /// The call ends every open handle of the family, whatever its arguments
  /// (mdb_txn_commit ends the cursors of a write transaction). They are
  /// forgotten, not marked closed: closing one later is not reported.
  bool EndsAll = false;
};

/// A function known to use a handle without closing it or keeping it.
struct IteratorUse {
  std::string Function;
  unsigned Arg = 0;
};

/// One kind of iterator: how it is opened and how it is closed.
struct IteratorFamily {
  std::string Name; ///< Used in messages when no function name fits.
  std::vector<IteratorAcquire> Acquire;
  std::vector<IteratorRelease> Release;
  std::vector<IteratorUse> Use;
  /// Functions that take the handle over (the caller no longer closes it).
  std::vector<IteratorUse> TakesOwnership;
};

/// How spawned work is identified, so that a join can be matched to it.
enum class WorkHandle {
  None,     ///< fire and forget (g_idle_add): only a later join-all waits for it
  Return,   ///< GThread *t = g_thread_new(...)
  OutParam, ///< pthread_create(&tid, ...): written to *arg
  Arg,      ///< g_thread_pool_push(pool, ...): the pool argument itself
};

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
  WorkHandle Handle = WorkHandle::None;
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

namespace llvm::yaml {
template <> struct ScalarEnumerationTraits<cvet::HandleLoc> {
  static void enumeration(IO &IO, cvet::HandleLoc &V);
};
} // namespace llvm::yaml

#include "cvet/model/Locks.h"
#include "cvet/model/Maps.h"

namespace cvet {

struct Model {
  std::vector<IteratorFamily> Iterators;
  std::vector<ThreadSpawn> ThreadSpawns;
  std::vector<ThreadJoin> ThreadJoins;
  std::vector<AsyncCall> Async;
  std::vector<AnyThreadFunction> AnyThread;
  std::vector<MapFamily> Maps;
  std::vector<LockOp> Locks;

  void append(Model &&Other);
};

/// Parses one model document. Problems come back as one error whose message
/// reads "FileName:line:col: problem".
llvm::Error parseModel(llvm::StringRef Text, llvm::StringRef FileName,
                       Model &Into);

/// Reads and parses a model file.
llvm::Error loadModelFile(llvm::StringRef Path, Model &Into);

/// The models compiled into cvet (lib/models/*.yaml).
const Model &defaultModel();

/// The default model followed by the given user files.
llvm::Expected<Model> loadModels(llvm::ArrayRef<std::string> ExtraFiles);

/// Splits a list option ("a.yaml;b.yaml", also ',' separated).
std::vector<std::string> splitList(llvm::StringRef List);

/// The names of the compiled-in model files, for `--help` style listings.
std::vector<llvm::StringRef> defaultModelFileNames();

} // namespace cvet

#endif // CVET_MODEL_H

//===- SubrangeFlow.h - where one function's pointers point ---*- C++ -*-===//
//
// What cvet-subrange-escape knows of one function: the model's Subranges and
// Maps sections as call tables, which buffer a pointer expression points
// into (PointerOrigins), and what happens to a buffer after an insertion on
// the paths of the function's CFG (firstEnding).
//
// A buffer is a variable whose storage lifetime the function can see: a
// local array, a local pointer that only ever holds new storage (malloc,
// strdup, getline's line), or a pointer parameter the function never
// reassigns. A pointer points into it when it is the buffer plus an offset
// (buf + off, &buf[i]), the result of a model Borrow call on it (strchr,
// strtok_r, strsep), or a local pointer every assignment of which gives the
// same such pointer. Anything else (fields, globals, what other functions
// return, pointers whose assignments disagree) points nowhere known.
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_TIDY_SUBRANGEFLOW_H
#define CVET_CHECKERS_TIDY_SUBRANGEFLOW_H

#include "cvet/Model.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>

namespace cvet::tidy {

/// One map call of the model, with its family.
struct MapCallEntry {
  const MapFamily *Fam;
  const MapOp *Op = nullptr;            ///< an operation, or
  const MapLifetime *Destroy = nullptr; ///< a destruction
};

struct SubrangeTables {
  ModelRef Model; ///< owns the entries the tables point to
  std::unique_ptr<
      clang::ento::CallDescriptionMap<llvm::SmallVector<const SubrangeCall *, 1>>>
      Subranges;
  std::unique_ptr<
      clang::ento::CallDescriptionMap<llvm::SmallVector<MapCallEntry, 1>>>
      Maps;
  llvm::StringSet<> InsertNames; ///< unqualified, for a quick look first

  explicit SubrangeTables(ModelRef M);
  llvm::ArrayRef<const SubrangeCall *> subranges(const clang::CallExpr &CE) const;
  llvm::ArrayRef<MapCallEntry> maps(const clang::CallExpr &CE) const;
};

/// Where a pointer points.
struct Origin {
  const clang::VarDecl *Buffer = nullptr;
  /// Not the buffer's start.
  bool Interior = false;
  /// Made by this Borrow call of the model.
  const SubrangeCall *Via = nullptr;
  /// The buffer as the analyzer's message names it: the variable of an
  /// array or parameter; for heap storage, what the pointer was borrowed
  /// through ('rest' of strsep(&rest, ...)) or its arithmetic's base.
  std::string Name;
  /// The arithmetic or call that made the pointer, for a note.
  const clang::Expr *Made = nullptr;

  explicit operator bool() const { return Buffer != nullptr; }
  bool borrowed() const { return Buffer && (Interior || Via); }
  bool sameAs(const Origin &O) const {
    return Buffer == O.Buffer && Interior == O.Interior && Via == O.Via &&
           Name == O.Name;
  }
};

class PointerOrigins {
public:
  PointerOrigins(const SubrangeTables &T, const clang::Stmt *Body,
                 clang::ASTContext &Ctx);

  Origin of(const clang::Expr *E);
  /// The buffer a Subranges call works on (Free, Refill, Realloc), if known.
  const clang::VarDecl *bufferOf(const SubrangeCall &S,
                                 const clang::CallExpr *CE);
  /// A local pointer that only ever holds new storage.
  bool isHeap(const clang::VarDecl *V) const { return Heap.count(V); }
  /// Whether V is assigned anywhere in the function.
  bool isAssigned(const clang::VarDecl *V) const { return Defs.count(V); }
  /// Whether expression E assigns V (so that V no longer names its buffer).
  bool assigns(const clang::Stmt *S, const clang::VarDecl *V) const;
  /// Short source text of E, for messages ("line", "req->buf"); "" if long.
  std::string text(const clang::Expr *E) const;

private:
  struct Def {
    enum KindTy { Value, Step, Unknown } Kind;
    const clang::Expr *E = nullptr;
  };
  void collect(const clang::Stmt *S);
  Origin ofVar(const clang::VarDecl *V);
  Origin borrow(const clang::CallExpr *CE, const SubrangeCall &S);
  bool isNewStorage(const clang::Expr *E);

  const SubrangeTables &T;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<Def, 2>> Defs;
  llvm::DenseMap<const clang::VarDecl *, Origin> Done;
  llvm::DenseSet<const clang::VarDecl *> Busy, Heap;
  /// The Borrow calls of the function, for strtok(NULL, ...) and
  /// strtok_r(NULL, ..., &save).
  llvm::SmallVector<std::pair<const clang::CallExpr *, const SubrangeCall *>, 4>
      Borrows;
};

/// How a buffer ends after an insertion.
struct Ending {
  enum KindTy { Freed, Reallocated, Refilled, OutOfScope } Kind;
  const SubrangeCall *By = nullptr; ///< Freed, Reallocated, Refilled
  const clang::Stmt *At = nullptr;  ///< the call, return or body
};

/// The first ending of Buffer on the paths of G from Insert (only the edge
/// where the insertion succeeded, when SuccessEdge is set); a path that
/// reassigns Buffer, or stops at a noreturn call, ends nothing.
std::optional<Ending> firstEnding(const clang::CFG &G, const clang::Stmt *Body,
                                  const clang::CallExpr *Insert,
                                  std::optional<unsigned> SuccessEdge,
                                  const clang::VarDecl *Buffer,
                                  PointerOrigins &Origins,
                                  const SubrangeTables &T);

} // namespace cvet::tidy

#endif // CVET_CHECKERS_TIDY_SUBRANGEFLOW_H

//===- Wording.h - what cvet.SubrangeEscape says --------------*- C++ -*-===//
//
// The message and notes of the rule, used by the analyzer checker and by its
// clang-tidy twin (cvet-subrange-escape) so that both say the same thing.
// Names come in as the code names them, unquoted; an empty name stands for
// "a buffer" / "the buffer" / "a map".
//
//===----------------------------------------------------------------------===//

#ifndef CVET_CHECKERS_SUBRANGEESCAPE_WORDING_H
#define CVET_CHECKERS_SUBRANGEESCAPE_WORDING_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
} // namespace clang

namespace cvet {
struct SubrangeCall;
} // namespace cvet

namespace cvet::subrange {

/// What ends the buffer an entry points into.
enum class EndingKind { Freed, Reallocated, Refilled, OutOfScope, Pinned };

/// How a message names the map: 'cache', "a map", "the hsearch table".
std::string mapPhrase(llvm::StringRef Name, bool ProcessTable);

/// "Pointer from 'strchr' into 'line' is stored as a value of 'settings'";
/// Via is the Borrow function that made the pointer, if any; ViewAtStart: a
/// std::string_view of the buffer from its start.
std::string storedText(llvm::StringRef Via, bool ViewAtStart,
                       llvm::StringRef Buffer, bool Key,
                       llvm::StringRef MapPhrase);

/// The whole message: what was stored, how its buffer ends (By: the call
/// that ends it; Line: where, or the closing brace; Size: a pinned buffer's
/// size when known) and the fix.
std::string entryMessage(llvm::StringRef Stored, EndingKind How,
                         llvm::StringRef Buffer, llvm::StringRef By,
                         unsigned Line, std::optional<int64_t> Size,
                         bool CPlusPlus);

/// "'strchr' returns a pointer into 'line'", "Pointer into the middle of
/// 'line' made here".
std::string madeNote(llvm::StringRef Via, llvm::StringRef Buffer);

/// Where the buffer ends; empty for a pin.
std::string endNote(EndingKind How, llvm::StringRef Buffer);

/// The expression pointer arithmetic starts from, which names the buffer in
/// messages: 'line' in line + off, &line[i], *(line + 1).
const clang::Expr *arithmeticBase(const clang::Expr *E);

/// Source text of a short expression, for messages ('line', 'req->buf');
/// empty when it is longer than 40 characters.
std::string exprText(const clang::Expr *E, const clang::ASTContext &Ctx);

/// How a freeing or refilling call names its buffer, from the call's buffer
/// argument Arg (null when the call has none): 'opts', 'r->line', 'sb.buf'.
std::string bufferArgText(const cvet::SubrangeCall &S, const clang::Expr *Arg,
                          const clang::ASTContext &Ctx);

} // namespace cvet::subrange

#endif // CVET_CHECKERS_SUBRANGEESCAPE_WORDING_H

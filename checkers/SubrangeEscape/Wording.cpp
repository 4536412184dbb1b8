//===- Wording.cpp - what cvet.SubrangeEscape says ------------------------===//

#include "Wording.h"

#include "cvet/Model.h"
#include "clang/AST/ASTContext.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using llvm::StringRef;

namespace cvet::subrange {

static std::string quoted(StringRef S, StringRef Otherwise) {
  return S.empty() ? Otherwise.str() : "'" + S.str() + "'";
}

std::string mapPhrase(StringRef Name, bool ProcessTable) {
  if (!Name.empty())
    return quoted(Name, "");
  return ProcessTable ? "the hsearch table" : "a map";
}

std::string storedText(StringRef Via, bool ViewAtStart, StringRef Buffer,
                       bool Key, StringRef MapPhrase) {
  std::string Buf = quoted(Buffer, "a buffer");
  std::string What = !Via.empty() ? "Pointer from '" + Via.str() + "' into " + Buf
                     : ViewAtStart ? "View into " + Buf
                                   : "Pointer into the middle of " + Buf;
  return What + " is stored as a " + (Key ? "key" : "value") + " of " +
         MapPhrase.str();
}

std::string entryMessage(StringRef Stored, EndingKind How, StringRef Buffer,
                         StringRef By, unsigned Line,
                         std::optional<int64_t> Size, bool CPlusPlus) {
  std::string Buf = quoted(Buffer, "the buffer");
  std::string At = " at line " + std::to_string(Line);
  std::string Msg = Stored.str() + "; ";
  switch (How) {
  case EndingKind::Freed:
    Msg += "it dangles when " + Buf + " is freed by '" + By.str() + "'" + At;
    break;
  case EndingKind::Reallocated:
    Msg += "it dangles when " + Buf + " is reallocated by '" + By.str() + "'" +
           At;
    break;
  case EndingKind::Refilled:
    Msg += "it dangles when " + Buf + " is refilled by '" + By.str() + "'" + At;
    break;
  case EndingKind::OutOfScope:
    Msg += "it dangles when " + Buf + " goes out of scope" + At;
    break;
  case EndingKind::Pinned:
    Msg += "it keeps the whole " +
           (Size ? std::to_string(*Size) + "-byte buffer" : std::string("buffer")) +
           " alive as long as the entry lives";
    break;
  }
  return Msg + (CPlusPlus ? " — store a copy (std::string, strndup)"
                          : " — store a copy (g_strndup, strndup)");
}

std::string madeNote(StringRef Via, StringRef Buffer) {
  std::string Own = quoted(Buffer, "the buffer");
  return Via.empty() ? "Pointer into the middle of " + Own + " made here"
                     : "'" + Via.str() + "' returns a pointer into " + Own;
}

std::string endNote(EndingKind How, StringRef Buffer) {
  std::string Buf = quoted(Buffer, "the buffer");
  switch (How) {
  case EndingKind::Freed:
    return Buf + " is freed here; the entry still points into it";
  case EndingKind::Reallocated:
    return Buf + " may move here; the entry still points into it";
  case EndingKind::Refilled:
    return Buf + " is refilled here; the entry now points at other data";
  case EndingKind::OutOfScope:
    return Buf + " goes out of scope here; the entry still points into it";
  case EndingKind::Pinned:
    break;
  }
  return "";
}

const Expr *arithmeticBase(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  for (;;) {
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      E = (BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                    : BO->getRHS())
              ->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      E = UO->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase()->IgnoreParenImpCasts();
      continue;
    }
    return E;
  }
}

std::string exprText(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getNameAsString();
  std::string S;
  llvm::raw_string_ostream OS(S);
  E->printPretty(OS, nullptr, Ctx.getPrintingPolicy());
  return S.size() <= 40 ? S : "";
}

std::string bufferArgText(const SubrangeCall &S, const Expr *Arg,
                          const ASTContext &Ctx) {
  if (!Arg)
    return "";
  const Expr *E = Arg->IgnoreParenImpCasts();
  const auto *UO = dyn_cast<UnaryOperator>(E);
  bool AddressOf = UO && UO->getOpcode() == UO_AddrOf;
  if (S.BufferByPointer)
    return AddressOf ? exprText(UO->getSubExpr(), Ctx) : "";
  if (!S.BufferField.empty()) {
    std::string Base = exprText(AddressOf ? UO->getSubExpr() : E, Ctx);
    return Base.empty() ? "" : Base + (AddressOf ? "." : "->") + S.BufferField;
  }
  return exprText(E, Ctx);
}

} // namespace cvet::subrange

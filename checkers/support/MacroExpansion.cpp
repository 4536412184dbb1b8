//===- MacroExpansion.cpp - model entries that name a macro ---------------===//

#include "MacroExpansion.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

std::optional<cvet::ModelMacroUse>
cvet::findModelMacro(SourceLocation Loc, const ASTContext &Ctx,
                     llvm::function_ref<bool(llvm::StringRef)> IsModelMacro) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<ModelMacroUse> Best;
  while (Loc.isMacroID()) {
    // A token that came from an argument belongs to the code that wrote the
    // argument, not to the macro's body.
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    StringRef Name = Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    CharSourceRange Range = SM.getImmediateExpansionRange(Loc);
    if (!Name.empty() && IsModelMacro(Name))
      Best = ModelMacroUse{Name, Range.getAsRange()};
    Loc = Range.getBegin();
  }
  if (Best && !Best->Invocation.getBegin().isFileID())
    return std::nullopt;
  return Best;
}

namespace {

// The text ranges [Begin, End) of the arguments of a function-like macro
// invocation "NAME ( a , b(c, d) , e )", as file offsets.
llvm::SmallVector<std::pair<unsigned, unsigned>, 8>
splitArguments(StringRef Text, unsigned Base) {
  llvm::SmallVector<std::pair<unsigned, unsigned>, 8> Args;
  size_t Open = Text.find('(');
  if (Open == StringRef::npos)
    return Args;
  int Depth = 0;
  unsigned Start = Open + 1;
  char Quote = 0;
  for (size_t I = Open + 1; I < Text.size(); ++I) {
    char C = Text[I];
    if (Quote) {
      if (C == '\\')
        ++I;
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'') {
      Quote = C;
    } else if (C == '(' || C == '[' || C == '{') {
      ++Depth;
    } else if ((C == ')' || C == ']' || C == '}') && Depth > 0) {
      --Depth;
    } else if ((C == ',' && Depth == 0) || (C == ')' && Depth == 0)) {
      Args.emplace_back(Base + Start, Base + I);
      Start = I + 1;
      if (C == ')')
        break;
    }
  }
  return Args;
}

/// Where argument Index of Use is written: its file and [Begin, End).
struct ArgText {
  FileID File;
  unsigned Begin = 0, End = 0;
};

std::optional<ArgText> argText(const cvet::ModelMacroUse &Use, unsigned Index,
                               const SourceManager &SM,
                               const LangOptions &LO) {
  CharSourceRange Range = CharSourceRange::getTokenRange(Use.Invocation);
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(Range, SM, LO, &Invalid);
  if (Invalid)
    return std::nullopt;
  auto [File, Base] = SM.getDecomposedLoc(Use.Invocation.getBegin());
  auto Args = splitArguments(Text, Base);
  if (Index >= Args.size())
    return std::nullopt;
  return ArgText{File, Args[Index].first, Args[Index].second};
}

/// E is spelled inside the argument A of the expansion Invocation.
bool isInArgument(const Expr *E, const ArgText &A, SourceRange Invocation,
                  const SourceManager &SM) {
  auto InArg = [&](SourceLocation L) {
    if (L.isInvalid())
      return false;
    auto [F, Off] = SM.getDecomposedLoc(SM.getSpellingLoc(L));
    return F == A.File && Off >= A.Begin && Off < A.End;
  };
  SourceLocation B = E->getBeginLoc(), En = E->getEndLoc();
  if (!B.isMacroID() || !InArg(B) || !InArg(En))
    return false;
  // It must be this invocation's expansion, not another use of the text.
  SourceLocation Exp = SM.getExpansionLoc(B);
  return !SM.isBeforeInTranslationUnit(Exp, Invocation.getBegin()) &&
         !SM.isBeforeInTranslationUnit(Invocation.getEnd(), Exp);
}

class ArgFinder : public RecursiveASTVisitor<ArgFinder> {
public:
  ArgFinder(const SourceManager &SM, ArgText A, SourceRange Invocation)
      : SM(SM), A(A), Invocation(Invocation) {}

  const Expr *Found = nullptr;

  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseStmt(Stmt *S) {
    if (Found || !S)
      return !Found;
    if (const auto *E = dyn_cast<Expr>(S))
      if (isInArgument(E, A, Invocation, SM)) {
        Found = E;
        return false;
      }
    return RecursiveASTVisitor::TraverseStmt(S);
  }

private:
  const SourceManager &SM;
  ArgText A;
  SourceRange Invocation;
};

} // namespace

const Expr *cvet::macroArgExpr(const ModelMacroUse &Use, unsigned Index,
                               const Stmt *Within, const ASTContext &Ctx) {
  if (!Within)
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<ArgText> A = argText(Use, Index, SM, Ctx.getLangOpts());
  if (!A)
    return nullptr;
  ArgFinder Finder(SM, *A, Use.Invocation);
  Finder.TraverseStmt(const_cast<Stmt *>(Within));
  return Finder.Found;
}

bool cvet::isMacroArg(const ModelMacroUse &Use, unsigned Index, const Expr *E,
                      const ASTContext &Ctx) {
  if (!E)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<ArgText> A = argText(Use, Index, SM, Ctx.getLangOpts());
  return A && isInArgument(E, *A, Use.Invocation, SM);
}

//===- SubrangeEscapeCheck.cpp - map entries that borrow a buffer ---------===//
//
// cvet-subrange-escape, the editor's twin of cvet.SubrangeEscape. For each
// insertion of the Maps model (Op Insert or Replace, or an OpArg whose value
// says so) in a function:
//
//   the map     a global or static, or reached through a parameter (or the
//               one hsearch table); never removed from, cleared, destroyed
//               or handed to the project's own code in this function
//   the entry   its key (unless the map copies keys) or else its value points
//               into a buffer (SubrangeFlow.h): not at the start of a heap
//               buffer whose start is the entry's other half
//   the result  discarded, or tested for failure right there (the failing
//               branch stores nothing)
//   then        on some path of the CFG, the buffer is freed, reallocated or
//               refilled, or, a local array, goes out of scope  --> report
//
// The message is the analyzer's. Left to the analyzer: pointers made in
// other functions (a value_of(line) helper), buffers in struct fields, maps
// in locals, uthash and khash, C++ maps, pins (a buffer nothing frees),
// insertions whose result the code looks at.
//
//===----------------------------------------------------------------------===//

#include "SubrangeEscapeCheck.h"
#include "SubrangeEscape/Wording.h"
#include "SubrangeFlow.h"
#include "support/Storage.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace cvet::tidy {

SubrangeEscapeCheck::SubrangeEscapeCheck(llvm::StringRef Name,
                                          clang::tidy::ClangTidyContext *Context)
    : BodyCheck(Name, Context) {}

SubrangeEscapeCheck::~SubrangeEscapeCheck() = default;

void SubrangeEscapeCheck::prepare(ModelRef M) {
  Tables = std::make_unique<SubrangeTables>(std::move(M));
}

namespace {

struct Insertion {
  const CallExpr *Call;
  MapCallEntry Entry;
  MapOpKind Kind;
};

/// The map a model call works on: its declaration (or, for the one hsearch
/// table, its family) and how messages name it.
struct MapRef {
  const void *Key = nullptr;
  Reach Root = Reach::Unknown;
  std::string Name;
  bool ProcessTable = false;
};

std::optional<int64_t> constantOf(const Expr *E, ASTContext &Ctx) {
  if (!E || E->isValueDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().getExtValue();
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return 0;
  return std::nullopt;
}

MapRef mapOf(const MapCallEntry &E, const CallExpr *CE, PointerOrigins &O) {
  std::optional<unsigned> Arg = E.Op ? E.Op->MapArg
                                     : std::optional<unsigned>(E.Destroy->MapArg);
  MapRef M;
  if (!Arg) {
    M.Key = E.Fam;
    M.Root = Reach::Global;
    M.ProcessTable = true;
    return M;
  }
  if (*Arg >= CE->getNumArgs())
    return M;
  const Expr *MapE = CE->getArg(*Arg)->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(MapE);
      UO && UO->getOpcode() == UO_AddrOf)
    MapE = UO->getSubExpr()->IgnoreParenImpCasts(); // tsearch(key, &root, ...)
  Storage S = storageOfExpr(MapE);
  M.Key = S.Decl;
  M.Root = S.Root;
  M.Name = O.text(MapE);
  return M;
}

/// Argument I of CE as stored: the argument, or its field Field when it is
/// a local struct initialised once (ENTRY e = {.key = k, .data = v}).
const Expr *storedExpr(const CallExpr *CE, std::optional<unsigned> I,
                       llvm::StringRef Field, PointerOrigins &O) {
  if (!I || *I >= CE->getNumArgs())
    return nullptr;
  const Expr *A = CE->getArg(*I);
  if (Field.empty())
    return A;
  const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->hasLocalStorage() || O.isAssigned(V))
    return nullptr;
  const auto *Init = dyn_cast_or_null<InitListExpr>(V->getInit());
  const RecordDecl *RD = V->getType()->getAsRecordDecl();
  if (!Init || !RD)
    return nullptr;
  if (Init->isSyntacticForm() && Init->getSemanticForm())
    Init = Init->getSemanticForm();
  for (const FieldDecl *FD : RD->fields())
    if (FD->getName() == Field)
      return FD->getFieldIndex() < Init->getNumInits()
                 ? Init->getInit(FD->getFieldIndex())
                 : nullptr;
  return nullptr;
}

bool keysCopied(const MapFamily &F) {
  if (F.Stores == MapStores::Copies || !F.CopyFlag.empty())
    return true;
  // Which creation made a map the function did not create is not known.
  return llvm::any_of(F.Create, [](const MapLifetime &L) {
    return L.KeyDupArg || (L.Stores && *L.Stores == MapStores::Copies);
  });
}

} // namespace

void SubrangeEscapeCheck::checkBody(const Decl *Fn, Stmt *Body,
                                    ASTContext &Ctx) {
  if (!isa<FunctionDecl>(Fn) || !callsAnyOf(Body, Tables->InsertNames))
    return;
  PointerOrigins Origins(*Tables, Body, Ctx);
  const SourceManager &SM = Ctx.getSourceManager();

  // The insertions, and the maps the function may take entries out of.
  std::vector<Insertion> Inserts;
  llvm::DenseSet<const void *> Emptied;
  auto Visit = [&](auto &Self, const Stmt *S) -> void {
    if (!S || isa<LambdaExpr, BlockExpr>(S))
      return;
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      llvm::ArrayRef<MapCallEntry> Entries = Tables->maps(*CE);
      for (const MapCallEntry &E : Entries) {
        if (isa<CXXMemberCallExpr, CXXOperatorCallExpr>(CE))
          break; // C++ maps: left to the analyzer
        MapOpKind K = MapOpKind::Clear;
        if (E.Op)
          K = E.Op->opFor(E.Op->OpArg && *E.Op->OpArg < CE->getNumArgs()
                              ? constantOf(CE->getArg(*E.Op->OpArg), Ctx)
                              : std::nullopt);
        if (K == MapOpKind::Insert || K == MapOpKind::Replace)
          Inserts.push_back({CE, E, K});
        else if (K != MapOpKind::Read)
          Emptied.insert(mapOf(E, CE, Origins).Key);
      }
      // A map handed to the project's own code may lose its entries there.
      const FunctionDecl *FD = CE->getDirectCallee();
      if (Entries.empty() && Tables->subranges(*CE).empty() &&
          !(FD && SM.isInSystemHeader(FD->getLocation())))
        for (const Expr *A : CE->arguments())
          if (Storage St = storageOfExpr(A))
            Emptied.insert(St.Decl);
    }
    for (const Stmt *Child : S->children())
      Self(Self, Child);
  };
  Visit(Visit, Body);
  if (Inserts.empty())
    return;

  std::unique_ptr<CFG> Graph;
  std::unique_ptr<ParentMap> PM;
  for (const Insertion &In : Inserts) {
    const CallExpr *CE = In.Call;
    const MapOp &Op = *In.Entry.Op;
    MapRef Map = mapOf(In.Entry, CE, Origins);
    if (!Map.Key || (Map.Root != Reach::Global && Map.Root != Reach::Param) ||
        Emptied.count(Map.Key))
      continue;

    // What the code does with the result: nothing, or a test of whether
    // the insertion stored anything, right in an if.
    if (!PM)
      PM = std::make_unique<ParentMap>(Body);
    std::optional<unsigned> SuccessEdge;
    {
      const Stmt *Child = CE;
      const Stmt *P = PM->getParent(CE);
      bool Negated = false;
      std::optional<int64_t> Compared;
      bool Equal = false;
      for (; P; Child = P, P = PM->getParent(P)) {
        if (isa<ParenExpr, ImplicitCastExpr>(P))
          continue;
        if (const auto *UO = dyn_cast<UnaryOperator>(P);
            UO && UO->getOpcode() == UO_LNot) {
          Negated = !Negated;
          continue;
        }
        if (const auto *BO = dyn_cast<BinaryOperator>(P);
            BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) &&
            !Compared) {
          const Expr *Other = BO->getLHS() == Child ? BO->getRHS() : BO->getLHS();
          Compared = constantOf(Other, Ctx);
          if (!Compared)
            break;
          Equal = BO->getOpcode() == BO_EQ;
          continue;
        }
        break;
      }
      if (const auto *If = dyn_cast_or_null<IfStmt>(P);
          If && If->getCond() == Child && !If->getConditionVariable()) {
        // Whether the condition is true where the insertion stored.
        std::optional<bool> TrueOnSuccess;
        bool Pointer = CE->getType()->isPointerType();
        if (Op.SuccessReturn) {
          if (Compared && *Compared == *Op.SuccessReturn)
            TrueOnSuccess = Equal;
        } else if (Pointer) {
          TrueOnSuccess = Compared ? (*Compared == 0 && !Equal) : true;
          if (Compared && *Compared != 0)
            TrueOnSuccess.reset();
        }
        if (!TrueOnSuccess)
          continue;
        if (Negated)
          TrueOnSuccess = !*TrueOnSuccess;
        SuccessEdge = *TrueOnSuccess ? 0 : 1;
      } else if (P && (isa<Expr>(P) || Child != CE)) {
        continue; // the result is kept or looked at: left to the analyzer
      }
    }

    // The part that borrows: the key's, when both do.
    struct Part {
      Origin O;
      bool Key;
    };
    llvm::SmallVector<Part, 2> Parts;
    if (!keysCopied(*In.Entry.Fam))
      if (const Expr *K = storedExpr(CE, Op.KeyArg, Op.KeyField, Origins))
        Parts.push_back({Origins.of(K), true});
    if (const Expr *V = storedExpr(CE, Op.ValueArg, Op.ValueField, Origins))
      Parts.push_back({Origins.of(V), false});
    const Part *Stored = nullptr;
    for (const Part &P : Parts) {
      if (!P.O.borrowed())
        continue;
      // The entry owns the heap buffer whose start is its other half.
      bool Owned = llvm::any_of(Parts, [&](const Part &Q) {
        return &Q != &P && Q.O.Buffer == P.O.Buffer && !Q.O.Interior &&
               !Q.O.Via && Origins.isHeap(P.O.Buffer);
      });
      if (Owned)
        continue;
      Stored = &P;
      break;
    }
    if (!Stored)
      continue;

    if (!Graph) {
      CFG::BuildOptions Opts;
      Opts.setAllAlwaysAdd();
      Graph = CFG::buildCFG(Fn, Body, &Ctx, Opts);
      if (!Graph)
        return;
    }
    std::optional<Ending> End = firstEnding(*Graph, Body, CE, SuccessEdge,
                                            Stored->O.Buffer, Origins, *Tables);
    if (!End)
      continue;

    const std::string &Buf = Stored->O.Name;
    std::string EndBuf;
    if (End->By) {
      const auto *EndCall = cast<CallExpr>(End->At);
      unsigned Arg = End->By->BufferArg;
      EndBuf = subrange::bufferArgText(
          *End->By, Arg < EndCall->getNumArgs() ? EndCall->getArg(Arg) : nullptr,
          Ctx);
    }
    if (EndBuf.empty())
      EndBuf = Buf;
    SourceLocation EndLoc = isa<CompoundStmt>(End->At)
                                ? cast<CompoundStmt>(End->At)->getRBracLoc()
                                : End->At->getBeginLoc();
    subrange::EndingKind Kind =
        End->Kind == Ending::Freed         ? subrange::EndingKind::Freed
        : End->Kind == Ending::Reallocated ? subrange::EndingKind::Reallocated
        : End->Kind == Ending::Refilled    ? subrange::EndingKind::Refilled
                                           : subrange::EndingKind::OutOfScope;
    llvm::StringRef Via = Stored->O.Via ? Stored->O.Via->name() : "";
    std::string Msg = subrange::entryMessage(
        subrange::storedText(Via, false, Buf, Stored->Key,
                             subrange::mapPhrase(Map.Name, Map.ProcessTable)),
        Kind, EndBuf, End->By ? End->By->name() : "",
        SM.getExpansionLineNumber(EndLoc), std::nullopt,
        Ctx.getLangOpts().CPlusPlus);
    diag(CE->getBeginLoc(), "%0") << Msg << CE->getSourceRange();
    if (Stored->O.Made)
      diag(Stored->O.Made->getBeginLoc(), "%0", DiagnosticIDs::Note)
          << subrange::madeNote(Via, Buf);
    diag(EndLoc, "%0", DiagnosticIDs::Note) << subrange::endNote(Kind, EndBuf);
  }
}

} // namespace cvet::tidy

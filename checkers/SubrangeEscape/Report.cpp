//===- Report.cpp - how cvet.SubrangeEscape reports an entry -------------===//
//
// Names for messages, the message of each ending, and the path notes: where
// the pointer was made, where it was stored, where its buffer ended. The
// warning sits at the insertion, where the fix goes.
//
//===----------------------------------------------------------------------===//

#include "State.h"
#include "Wording.h"
#include "support/CallMatching.h"

#include "clang/Basic/SourceManager.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::subrange;

const Expr *cvet::subrange::derivationOf(const ExplodedNode *N, const MemRegion *R) {
  const unsigned Limit = 4000;
  for (unsigned I = 0; N && I < Limit; ++I, N = N->getFirstPred()) {
    std::optional<PostStmt> P = N->getLocationAs<PostStmt>();
    if (!P)
      continue;
    const auto *E = dyn_cast<Expr>(P->getStmt());
    if (!E || !E->getType()->isPointerType())
      continue;
    bool Makes = false;
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      Makes = BO->isAdditiveOp() || BO->isCompoundAssignmentOp();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E))
      Makes = UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp();
    if (!Makes)
      continue;
    const MemRegion *V = N->getSVal(E).getAsRegion();
    if (V && V->StripCasts() == R)
      return E;
  }
  return nullptr;
}

/// The expression that names the buffer: 'line' in line + off, &line[i],
/// strchr(line, ':').
const Expr *cvet::subrange::bufferNameOf(const Borrowed &B) {
  if (!B.Made)
    return B.Name;
  if (B.Via)
    return B.Name;
  const Expr *E = arithmeticBase(B.Made);
  // An array inside a record names the record: ref->peer_ref->name.
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!ME->getType()->isArrayType())
      break;
    E = arithmeticBase(ME->getBase());
  }
  return E;
}

/// The name of the buffer an entry points into: its variable ('line',
/// 'copy' even when a helper called it 's'), the parameter it came from, or
/// the expression it was borrowed through ('req->buf').
static std::string bufferText(const StoredEntry &E, CheckerContext &C) {
  const MemRegion *R = E.buffer();
  if (const auto *Sym = dyn_cast<SymbolicRegion>(R))
    if (const auto *Initial = dyn_cast<SymbolRegionValue>(Sym->getSymbol()))
      R = Initial->getRegion();
  if (isa<VarRegion, FieldRegion>(R) && R->canPrintPrettyAsExpr()) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    R->printPrettyAsExpr(OS);
    return S;
  }
  return exprText(E.bufName(), C.getASTContext());
}

//===----------------------------------------------------------------------===//
// Messages.
//===----------------------------------------------------------------------===//

/// "Pointer into the middle of 'line' is stored as a key of 'cache'".
static std::string entryStoredText(const StoredEntry &E, CheckerContext &C) {
  const Expr *MapE = E.mapName() ? E.mapName()->IgnoreParenImpCasts() : nullptr;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(MapE))
    if (UO->getOpcode() == UO_AddrOf)
      MapE = UO->getSubExpr(); // tsearch(key, &root, ...)
  return cvet::subrange::storedText(
      E.via(), E.viewAtStart(), bufferText(E, C),
      E.role() == StoredEntry::Role::Key,
      mapPhrase(MapE ? exprText(MapE, C.getASTContext()) : "",
                !MapE && !E.map()));
}

static EndingKind kindOf(Ending::Kind K) {
  switch (K) {
  case Ending::Freed:
    return EndingKind::Freed;
  case Ending::Reallocated:
    return EndingKind::Reallocated;
  case Ending::Refilled:
    return EndingKind::Refilled;
  case Ending::OutOfScope:
    return EndingKind::OutOfScope;
  case Ending::Pinned:
    break;
  }
  return EndingKind::Pinned;
}

/// The line of a call, or of the closing brace of a body.
static unsigned lineOf(const Stmt *S, CheckerContext &C) {
  SourceLocation L = isa<CompoundStmt>(S) ? S->getEndLoc() : S->getBeginLoc();
  return C.getSourceManager().getExpansionLineNumber(L);
}

/// A report shown at the insertion rather than where the path ends.
class EntryReport final : public PathSensitiveBugReport {
  PathDiagnosticLocation At;

public:
  EntryReport(const BugType &BT, StringRef Msg, const ExplodedNode *Err,
              PathDiagnosticLocation At, const Decl *InDecl)
      : PathSensitiveBugReport(BT, Msg, Err, At, InDecl), At(At) {}
  PathDiagnosticLocation getLocation() const override { return At; }
};

/// Notes where the pointer was made and where it was stored, found walking
/// back from the report.
class EntryNotes final : public BugReporterVisitor {
  const Expr *Insert, *Made;
  std::string StoredNote, MadeNote;
  /// Where and how the buffer ends (the free, the refill, the return).
  const Stmt *EndAt;
  std::string EndNote;
  bool SeenEnd = false, SeenInsert = false, SeenMade = false;

  static bool isAt(const ExplodedNode *N, const Expr *E) {
    std::optional<PostStmt> P = N->getLocationAs<PostStmt>();
    return P && P->getStmt() == E;
  }

public:
  EntryNotes(const Expr *Insert, const Expr *Made, std::string StoredNote,
             std::string MadeNote, const Stmt *EndAt, std::string EndNote)
      : Insert(Insert), Made(Made), StoredNote(std::move(StoredNote)),
        MadeNote(std::move(MadeNote)), EndAt(EndAt),
        EndNote(std::move(EndNote)) {}

  void Profile(llvm::FoldingSetNodeID &ID) const override {
    static int Tag;
    ID.AddPointer(&Tag);
    ID.AddPointer(Insert);
    ID.AddPointer(Made);
  }

  PathDiagnosticPieceRef VisitNode(const ExplodedNode *N,
                                   BugReporterContext &BRC,
                                   PathSensitiveBugReport &) override {
    const SourceManager &SM = BRC.getSourceManager();
    if (!SeenEnd) {
      SeenEnd = true;
      if (EndAt && !EndNote.empty()) {
        PathDiagnosticLocation L =
            isa<CompoundStmt>(EndAt)
                ? PathDiagnosticLocation::createEndBrace(
                      cast<CompoundStmt>(EndAt), SM)
                : PathDiagnosticLocation(EndAt, SM, N->getLocationContext());
        return std::make_shared<PathDiagnosticEventPiece>(L, EndNote);
      }
    }
    const std::string *Note = nullptr;
    const Expr *At = nullptr;
    if (!SeenInsert && isAt(N, Insert)) {
      SeenInsert = true;
      Note = &StoredNote;
      At = Insert;
    } else if (SeenInsert && !SeenMade && Made && isAt(N, Made)) {
      SeenMade = true;
      Note = &MadeNote;
      At = Made;
    }
    if (!Note)
      return nullptr;
    PathDiagnosticLocation L(At, BRC.getSourceManager(),
                             N->getLocationContext());
    return std::make_shared<PathDiagnosticEventPiece>(L, *Note);
  }
};

void cvet::subrange::reportEntry(const BugType &BT,
                                 llvm::DenseSet<const Expr *> &Reported,
                                 const StoredEntry &E, const Ending &End,
                                 ExplodedNode *Err, CheckerContext &C) {
  // One report per insertion, whichever path gets there first: the message
  // names the line of the free or refill, which differs from path to path.
  if (!Reported.insert(E.insert()).second)
    return;
  std::string Buf = End.Name.empty() ? bufferText(E, C) : End.Name;
  std::optional<int64_t> Size;
  if (End.How == Ending::Pinned)
    if (const auto *SR = dyn_cast<SubRegion>(E.buffer()))
      if (const llvm::APSInt *N = C.getSValBuilder().getKnownValue(
              C.getState(), getDynamicExtent(C.getState(), SR,
                                             C.getSValBuilder())))
        Size = N->getExtValue();
  std::string Msg = entryMessage(
      entryStoredText(E, C), kindOf(End.How), Buf, End.By,
      End.At ? lineOf(End.At, C) : 0, Size,
      C.getASTContext().getLangOpts().CPlusPlus);

  const LocationContext *InsCtx = E.insertContext();
  PathDiagnosticLocation At =
      PathDiagnosticLocation::createBegin(E.insert(), C.getSourceManager(),
                                          InsCtx);
  auto R = std::make_unique<EntryReport>(
      BT, Msg, Err, At,
      InsCtx->getStackFrame()->getDecl());
  R->markInteresting(E.buffer());
  std::string MadeNote = madeNote(E.via(), bufferText(E, C));
  std::string EndNote = endNote(kindOf(End.How), Buf);
  R->addVisitor<EntryNotes>(E.insert(), E.made(), entryStoredText(E, C), MadeNote,
                            End.At, EndNote);
  C.emitReport(std::move(R));
}




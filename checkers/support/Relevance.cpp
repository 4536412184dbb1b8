//===- Relevance.cpp - the functions a rule can act on --------------------===//
//
// Nodes are canonical declarations: functions, blocks, and the variables and
// fields whose initializers the analyzer may read. An edge A -> B means that
// code of A refers to B. Model APIs are matched as the checkers match calls
// (CallDescription: a plain name whatever its scope, a qualified name by its
// enclosing namespaces and classes, builtins and __inline variants of C
// library names) or more loosely, never less.
//
//===----------------------------------------------------------------------===//

#include "support/Relevance.h"
#include "support/CallMatching.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclObjC.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprObjC.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;
using namespace cvet;

namespace {

/// The macros of Names that this unit defines: no code can be expanded from
/// the others.
llvm::StringSet<> definedMacros(ASTContext &Ctx,
                                const llvm::StringSet<> &Names) {
  // Identifiers of a precompiled preamble or module are looked up lazily:
  // keep every name.
  if (Ctx.getExternalSource())
    return Names;
  llvm::StringSet<> Defined;
  for (const auto &N : Names) {
    auto It = Ctx.Idents.find(N.getKey());
    if (It != Ctx.Idents.end() && It->second->hadMacroDefinition())
      Defined.insert(N.getKey());
  }
  return Defined;
}

/// Whether a function is one the model (or an attribute) describes.
class ApiMatcher {
public:
  explicit ApiMatcher(const ModelNames &Names) {
    for (const auto &E : Names.Functions) {
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      E.getKey().split(Parts, "::", -1, /*KeepEmpty=*/false);
      if (Parts.empty())
        continue;
      if (Parts.size() == 1) {
        Plain.insert(Parts[0]);
        continue;
      }
      Qualified[Parts.back()].emplace_back(Parts.begin(), Parts.end() - 1);
    }
  }

  bool isApi(const FunctionDecl *FD) {
    auto [It, New] = Cache.try_emplace(FD, false);
    if (New)
      It->second = matchesName(FD) || hasModelAttributes(FD);
    return It->second;
  }

private:
  llvm::StringSet<> Plain;
  /// Last name part -> the parts before it, outermost first.
  llvm::StringMap<std::vector<llvm::SmallVector<std::string, 3>>> Qualified;
  llvm::DenseMap<const FunctionDecl *, bool> Cache;

  bool matchesName(const FunctionDecl *FD) const {
    std::string Storage;
    llvm::StringRef Name;
    if (const IdentifierInfo *II = FD->getIdentifier()) {
      Name = II->getName();
    } else {
      // Constructors are named by their class (std::thread::thread).
      Storage = FD->getDeclName().getAsString();
      Name = Storage;
    }
    if (Plain.contains(Name))
      return true;
    // CheckerContext::isCLibraryFunction also accepts builtins and
    // __inline variants that contain the name.
    // (A std::string: LLVM 22 returns one, 19 a reference to a table.)
    std::string BuiltinName;
    if (unsigned ID = FD->getBuiltinID())
      BuiltinName = std::string(FD->getASTContext().BuiltinInfo.getName(ID));
    llvm::StringRef Builtin = BuiltinName;
    if (!Builtin.empty() || Name.starts_with("__inline"))
      for (const auto &P : Plain)
        if (Name.contains(P.getKey()) || Builtin.contains(P.getKey()))
          return true;
    auto It = Qualified.find(Name);
    if (It == Qualified.end())
      return false;
    for (const auto &Scopes : It->second)
      if (enclosedBy(FD, Scopes))
        return true;
    return false;
  }

  /// CallDescription's rule: the scopes appear, innermost last, among the
  /// namespaces and records around FD; others in between are skipped.
  static bool enclosedBy(const FunctionDecl *FD,
                         llvm::ArrayRef<std::string> Scopes) {
    size_t Left = Scopes.size();
    for (const DeclContext *DC = FD->getDeclContext(); DC && Left;
         DC = DC->getParent()) {
      if (!isa<NamespaceDecl, RecordDecl>(DC))
        continue;
      const IdentifierInfo *II = cast<NamedDecl>(DC)->getIdentifier();
      if (II && II->getName() == Scopes[Left - 1])
        --Left;
    }
    return Left == 0;
  }

  static bool isModelAttribute(const Attr *A) {
    switch (A->getKind()) {
    case attr::AcquireHandle:
    case attr::ReleaseHandle:
    case attr::UseHandle:
    case attr::Ownership:
    case attr::AcquireCapability:
    case attr::TryAcquireCapability:
    case attr::ReleaseCapability:
      return true;
    default:
      return false;
    }
  }

  static bool hasModelAttributes(const FunctionDecl *FD) {
    for (const FunctionDecl *R : FD->redecls()) {
      if (llvm::any_of(R->attrs(), isModelAttribute))
        return true;
      for (const ParmVarDecl *P : R->parameters())
        if (llvm::any_of(P->attrs(), isModelAttribute))
          return true;
      // acquire_handle on the return type is a type attribute.
      QualType T = R->getType();
      while (const auto *AT = T->getAs<AttributedType>()) {
        if (AT->getAttrKind() == attr::AcquireHandle)
          return true;
        T = AT->getModifiedType();
      }
    }
    return false;
  }
};

/// Collects the reference graph of a translation unit and the nodes whose
/// code reaches a model API directly.
class GraphBuilder : public RecursiveASTVisitor<GraphBuilder> {
  using Base = RecursiveASTVisitor<GraphBuilder>;

public:
  GraphBuilder(ASTContext &Ctx, const ModelNames &Names)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Api(Names),
        Macros(definedMacros(Ctx, Names.Macros)), Members(Names.Members),
        CPlusPlus(Ctx.getLangOpts().CPlusPlus) {
    for (const auto &M : Members)
      MemberFields.insert(M.getKey().rsplit("::").second);
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  llvm::DenseMap<const Decl *, llvm::SmallVector<const Decl *, 4>> Edges;
  llvm::DenseSet<const Decl *> Seeds;

  bool TraverseDecl(Decl *D) {
    const Decl *Node = D ? ownNode(D) : nullptr;
    if (!Node)
      return Base::TraverseDecl(D);
    // A function runs its lambdas and blocks and initialises its statics.
    if (!Owners.empty())
      edge(Owners.back(), Node);
    Owners.push_back(Node);
    bool Result = Base::TraverseDecl(D);
    Owners.pop_back();
    return Result;
  }

  bool VisitStmt(Stmt *S) {
    if (!Macros.empty() && !Owners.empty() && inModelMacro(S->getBeginLoc()))
      Seeds.insert(Owners.back());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) { return ref(E->getDecl()); }
  bool VisitMemberExpr(MemberExpr *E) {
    // A function pointer field a model names (db->cursor); the field's own
    // name first, so that most member accesses cost one lookup.
    const auto *Field = dyn_cast<FieldDecl>(E->getMemberDecl());
    if (Field && Field->getIdentifier() && !Owners.empty() &&
        MemberFields.contains(Field->getName()))
      for (const std::string &N : memberNames(E))
        if (Members.contains(N)) {
          Seeds.insert(Owners.back());
          break;
        }
    return ref(E->getMemberDecl());
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    ref(E->getConstructor());
    return refDestructor(E->getType());
  }
  bool VisitCXXInheritedCtorInitExpr(CXXInheritedCtorInitExpr *E) {
    return ref(E->getConstructor());
  }
  bool VisitCXXNewExpr(CXXNewExpr *E) {
    ref(E->getOperatorNew());
    return ref(E->getOperatorDelete());
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
    ref(E->getOperatorDelete());
    return refDestructor(E->getDestroyedType());
  }
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
    return ref(E->getTemporary()->getDestructor());
  }
  bool VisitCXXDefaultArgExpr(CXXDefaultArgExpr *E) {
    return ref(E->getParam());
  }
  bool VisitCXXDefaultInitExpr(CXXDefaultInitExpr *E) {
    return ref(E->getField());
  }
  bool VisitLambdaExpr(LambdaExpr *E) { return ref(E->getCallOperator()); }
  bool VisitBlockExpr(BlockExpr *E) { return ref(E->getBlockDecl()); }
  bool VisitObjCMessageExpr(ObjCMessageExpr *E) {
    ref(E->getMethodDecl());
    // Dispatch is dynamic: any method with the selector may run.
    if (!Owners.empty())
      SelectorUses.emplace_back(Owners.back(), E->getSelector());
    return true;
  }
  bool VisitObjCPropertyRefExpr(ObjCPropertyRefExpr *E) {
    if (E->isImplicitProperty()) {
      ref(E->getImplicitPropertyGetter());
      return ref(E->getImplicitPropertySetter());
    }
    ref(E->getExplicitProperty()->getGetterMethodDecl());
    return ref(E->getExplicitProperty()->getSetterMethodDecl());
  }
  bool VisitObjCMethodDecl(ObjCMethodDecl *M) {
    if (M->hasBody())
      MethodsBySelector[M->getSelector()].push_back(M);
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (const auto *Cleanup = V->getAttr<CleanupAttr>())
      ref(Cleanup->getFunctionDecl());
    return refDestructor(V->getType());
  }
  bool VisitCXXMethodDecl(CXXMethodDecl *M) {
    // A call of a virtual method may run any overrider.
    for (const CXXMethodDecl *O : M->overridden_methods())
      edge(canonical(O), canonical(M));
    return true;
  }
  bool VisitCXXDestructorDecl(CXXDestructorDecl *D) {
    // Members and bases are destroyed without a trace in the body.
    const CXXRecordDecl *RD = D->getParent();
    if (!RD || !RD->hasDefinition())
      return true;
    for (const FieldDecl *F : RD->fields())
      refDestructor(F->getType());
    for (const CXXBaseSpecifier &B : RD->bases())
      refDestructor(B.getType());
    for (const CXXBaseSpecifier &B : RD->vbases())
      refDestructor(B.getType());
    return true;
  }

  /// Adds the edges of dynamic Objective-C dispatch.
  void finish() {
    for (const auto &[Owner, Sel] : SelectorUses) {
      auto It = MethodsBySelector.find(Sel);
      if (It != MethodsBySelector.end())
        for (const ObjCMethodDecl *M : It->second)
          edge(Owner, M);
    }
  }

private:
  ASTContext &Ctx;
  const SourceManager &SM;
  ApiMatcher Api;
  /// The model macros this unit defines: no code can be expanded from the
  /// others, and looking up each statement's expansion is most of the cost
  /// of the graph in a unit with many macros (jemalloc's).
  const llvm::StringSet<> Macros;
  const llvm::StringSet<> &Members;
  llvm::StringSet<> MemberFields; ///< "cursor" of "DB::cursor"
  bool CPlusPlus;
  llvm::SmallVector<const Decl *, 8> Owners;
  llvm::DenseMap<FileID, bool> MacroCache;
  std::vector<std::pair<const Decl *, Selector>> SelectorUses;
  llvm::DenseMap<Selector, llvm::SmallVector<const ObjCMethodDecl *, 2>>
      MethodsBySelector;

  static const Decl *canonical(const Decl *D) {
    return D ? D->getCanonicalDecl() : nullptr;
  }

  /// The node whose code D's body or initializer is, if D is one.
  static const Decl *ownNode(const Decl *D) {
    if (isa<FunctionDecl, BlockDecl, ObjCMethodDecl, FieldDecl>(D))
      return canonical(D);
    if (const auto *P = dyn_cast<ParmVarDecl>(D))
      return P->hasDefaultArg() ? P : nullptr;
    if (const auto *V = dyn_cast<VarDecl>(D))
      if (V->hasGlobalStorage())
        return canonical(V);
    return nullptr;
  }

  void edge(const Decl *From, const Decl *To) {
    if (From && To && From != To)
      Edges[From].push_back(To);
  }

  bool ref(const Decl *D) {
    if (!D || Owners.empty())
      return true;
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (Api.isApi(FD))
        Seeds.insert(Owners.back());
    if (isa<FunctionDecl, VarDecl, FieldDecl, BlockDecl, ObjCMethodDecl>(D))
      edge(Owners.back(), canonical(D));
    return true;
  }

  bool refDestructor(QualType T) {
    if (!CPlusPlus || T.isNull())
      return true;
    if (const CXXRecordDecl *RD =
            Ctx.getBaseElementType(T)->getAsCXXRecordDecl())
      if (RD->hasDefinition())
        ref(RD->getDestructor());
    return true;
  }

  bool inModelMacro(SourceLocation Loc) {
    if (!Loc.isMacroID())
      return false;
    auto [It, New] = MacroCache.try_emplace(SM.getFileID(Loc), false);
    if (!New)
      return It->second;
    bool Found = false;
    for (SourceLocation L = Loc; L.isMacroID() && !Found;
         L = SM.getImmediateMacroCallerLoc(L))
      Found = Macros.contains(
          Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts()));
    return It->second = Found;
  }
};

/// Stops at the first use of an API that mayUseApis looks for.
class UseFinder : public RecursiveASTVisitor<UseFinder> {
public:
  UseFinder(const ModelNames &Called, const llvm::StringSet<> &Defined,
            bool ThreadSafety)
      : Api(Called), Defined(Defined), ThreadSafety(ThreadSafety) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool Found = false;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl()))
      if (Api.isApi(FD))
        Found = true;
    return !Found;
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && FD->getIdentifier() &&
        Defined.contains(FD->getName()))
      Found = true;
    return !Found;
  }
  bool VisitDeclaratorDecl(DeclaratorDecl *D) {
    if (ThreadSafety && D->hasAttrs() &&
        llvm::any_of(D->attrs(), isThreadSafetyAttribute))
      Found = true;
    return !Found;
  }

  // A function that requires a capability holds it in its writes, which
  // then count as locked writes elsewhere; the others name locks.
  static bool isThreadSafetyAttribute(const Attr *A) {
    switch (A->getKind()) {
    case attr::GuardedBy:
    case attr::PtGuardedBy:
    case attr::RequiresCapability:
    case attr::AcquireCapability:
    case attr::TryAcquireCapability:
    case attr::ReleaseCapability:
    case attr::AssertCapability:
      return true;
    default:
      return false;
    }
  }

private:
  ApiMatcher Api;
  const llvm::StringSet<> &Defined;
  bool ThreadSafety;
};

} // namespace

bool cvet::mayUseApis(ASTContext &Ctx, const ModelNames &Called,
                      const llvm::StringSet<> &Defined, bool ThreadSafety) {
  const LangOptions &LO = Ctx.getLangOpts();
  // Function pointer fields (Member:) are not looked for: count them used.
  if (LO.CPlusPlus || LO.ObjC || Ctx.getExternalSource() ||
      !Called.Members.empty())
    return true;
  if (!definedMacros(Ctx, Called.Macros).empty())
    return true;
  UseFinder F(Called, Defined, ThreadSafety);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return F.Found;
}

RelevantFunctions::RelevantFunctions(ASTContext &Ctx, const ModelNames &Names) {
  GraphBuilder G(Ctx, Names);
  G.TraverseDecl(Ctx.getTranslationUnitDecl());
  G.finish();
  llvm::DenseMap<const Decl *, llvm::SmallVector<const Decl *, 4>> Callers;
  for (const auto &[From, Tos] : G.Edges)
    for (const Decl *To : Tos)
      Callers[To].push_back(From);
  llvm::SmallVector<const Decl *, 64> Work(G.Seeds.begin(), G.Seeds.end());
  Relevant.insert(G.Seeds.begin(), G.Seeds.end());
  Direct.insert(G.Seeds.begin(), G.Seeds.end());
  // A lambda or block that calls the API makes the function it is written
  // in a direct user too (it is also its caller in the graph).
  for (const Decl *S : G.Seeds) {
    const auto *M = dyn_cast<CXXMethodDecl>(S);
    if (!isa<BlockDecl>(S) && !(M && M->getParent()->isLambda()))
      continue;
    auto It = Callers.find(S);
    if (It != Callers.end())
      Direct.insert(It->second.begin(), It->second.end());
  }
  while (!Work.empty()) {
    const Decl *D = Work.pop_back_val();
    auto It = Callers.find(D);
    if (It == Callers.end())
      continue;
    for (const Decl *Caller : It->second)
      if (Relevant.insert(Caller).second)
        Work.push_back(Caller);
  }
}

bool RelevantFunctions::usesDirectly(const Decl *D) const {
  if (!isa_and_nonnull<FunctionDecl>(D))
    return true;
  return Direct.contains(D->getCanonicalDecl());
}

bool RelevantFunctions::mayMatter(const Decl *D) const {
  if (!isa_and_nonnull<FunctionDecl>(D))
    return true;
  return Relevant.contains(D->getCanonicalDecl());
}

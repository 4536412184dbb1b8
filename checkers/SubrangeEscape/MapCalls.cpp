//===- MapCalls.cpp - the map calls cvet.SubrangeEscape looks at ---------===//
//
// Reading a Maps model call on a path: what it does (OpArg), which map it
// works on and where that map pointer was read from, and what it stores as
// key and value (through hsearch's ENTRY fields, through views); and which
// variable or field holds a Subranges call's buffer.
//
//===----------------------------------------------------------------------===//

#include "State.h"
#include "support/CallMatching.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ento;
using namespace cvet::subrange;
using cvet::MapOpKind;

//===----------------------------------------------------------------------===//
// Maps.
//===----------------------------------------------------------------------===//

/// The operation a map call performs on this path (OpArg decides for
/// hash_search and hsearch).
std::optional<MapOpKind> cvet::subrange::opOf(const cvet::MapOp &Op,
                                     const CallEvent &Call,
                                     CheckerContext &C) {
  if (!Op.OpArg)
    return Op.Op;
  std::optional<SVal> V = cvet::argSVal(Call, *Op.OpArg);
  const llvm::APSInt *Known =
      V ? C.getSValBuilder().getKnownValue(C.getState(), *V) : nullptr;
  if (!Known)
    return std::nullopt;
  return Op.opFor(Known->getExtValue());
}

/// The map object a call works on: the pointee of a map pointer, the root
/// variable of &root, a C++ object; null for the process-wide hsearch table.
const MemRegion *cvet::subrange::mapRegionOf(std::optional<unsigned> MapArg,
                                    const CallEvent &Call,
                                    const Expr **Name) {
  *Name = nullptr;
  if (MapArg) {
    std::optional<SVal> V = cvet::argSVal(Call, *MapArg);
    *Name = cvet::argExpr(Call, *MapArg);
    const MemRegion *R = V ? V->getAsRegion() : nullptr;
    return R ? R->StripCasts() : nullptr;
  }
  if (const auto *IC = dyn_cast<CXXInstanceCall>(&Call)) {
    *Name = IC->getCXXThisExpr();
    const MemRegion *R = IC->getCXXThisVal().getAsRegion();
    return R ? R->StripCasts() : nullptr;
  }
  return nullptr;
}

/// The variable or field a map pointer argument was read from.
const MemRegion *cvet::subrange::holderOf(const Expr *MapName, CheckerContext &C) {
  if (!MapName || !MapName->getType()->isPointerType())
    return nullptr;
  std::optional<SVal> L = cvet::accessPathLValue(
      MapName->IgnoreParenImpCasts(), C.getState(), C.getLocationContext());
  return L ? L->getAsRegion() : nullptr;
}

/// The expression names a global or static variable, or something reached
/// from one (cache, config.by_name, &table_root): the map lives as long as
/// the program even when the analysis saw it created.
bool cvet::subrange::namesGlobalObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      return VD && VD->hasGlobalStorage();
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E))
      E = UO->getSubExpr();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = AS->getBase();
    else
      return false;
  }
  return false;
}

/// The name a record is known by: qualified, without inline namespaces
/// (std::basic_string_view, not std::__1::basic_string_view); a C struct
/// without a tag by its typedef.
static std::string recordName(const RecordDecl *RD) {
  std::string Q = RD->getName().str();
  if (Q.empty())
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Q = TD->getName().str();
  for (const DeclContext *DC = RD->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isInline() && !NS->isAnonymousNamespace())
        Q = (NS->getName() + "::" + Q).str();
    } else if (const auto *R = dyn_cast<RecordDecl>(DC)) {
      Q = (R->getName() + "::" + Q).str();
    }
  }
  return Q;
}

/// Name is Full, or Full with leading namespaces left out.
static bool namesQualified(llvm::StringRef Full, llvm::StringRef Name) {
  return Full == Name ||
         (Full.ends_with(Name) && Full.drop_back(Name.size()).ends_with("::"));
}

/// Objects that point into storage they do not own: a model View type
/// (std::string_view, a C slice struct). The pointer field: the one the
/// model names, or the first pointer field.
const FieldDecl *
cvet::subrange::viewPointerField(QualType T,
                                 llvm::ArrayRef<const cvet::SubrangeCall *> Views) {
  if (Views.empty())
    return nullptr;
  T = T.getNonReferenceType();
  const auto *RD = T->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  const auto *TT = T->getAs<TypedefType>();
  std::string Name = recordName(RD);
  for (const cvet::SubrangeCall *V : Views) {
    if (!namesQualified(Name, V->Type) &&
        !(TT && TT->getDecl()->getName() == V->Type))
      continue;
    for (const FieldDecl *F : RD->fields())
      if (F->getType()->isPointerType() &&
          (V->PointerField.empty() || F->getName() == V->PointerField))
        return F;
    return nullptr;
  }
  return nullptr;
}

/// The value a key or value argument stores, looked at through a struct
/// field (hsearch's ENTRY) or a view object.
std::optional<SVal> cvet::subrange::storedValue(
    ProgramStateRef State, const CallEvent &Call, unsigned Arg,
    llvm::StringRef Field, bool &View, QualType &Type,
    llvm::ArrayRef<const cvet::SubrangeCall *> Views,
    llvm::function_ref<std::optional<SVal>(const MemRegion *)> ViewTarget) {
  View = false;
  std::optional<SVal> V = cvet::argSVal(Call, Arg);
  const Expr *E = cvet::argExpr(Call, Arg);
  if (!V || !E)
    return std::nullopt;
  MemRegionManager &MRMgr = State->getStateManager().getRegionManager();
  auto FieldOf = [&](const FieldDecl *FD) -> std::optional<SVal> {
    if (auto LCV = V->getAs<nonloc::LazyCompoundVal>())
      return State->getStateManager().getStoreManager().getBinding(
          LCV->getStore(),
          loc::MemRegionVal(MRMgr.getFieldRegion(FD, LCV->getRegion())));
    if (const auto *R = dyn_cast_or_null<SubRegion>(V->getAsRegion()))
      return State->getSVal(MRMgr.getFieldRegion(FD, R), FD->getType());
    return std::nullopt;
  };
  QualType T = E->getType();
  // A pointer passed by reference (std::map's const key_type &): its value.
  if (E->isGLValue() && T->isPointerType())
    if (const MemRegion *R = V->getAsRegion())
      V = State->getSVal(R, T);
  if (!Field.empty()) {
    const RecordDecl *RD = T->getAsRecordDecl();
    if (!RD || !(RD = RD->getDefinition()))
      return std::nullopt;
    for (const FieldDecl *FD : RD->fields())
      if (FD->getName() == Field) {
        Type = FD->getType();
        return FieldOf(FD);
      }
    return std::nullopt;
  }
  Type = T;
  if (const FieldDecl *Ptr = viewPointerField(T, Views)) {
    View = true;
    if (const MemRegion *Obj = V->getAsRegion())
      if (std::optional<SVal> Target = ViewTarget(Obj->StripCasts()))
        return Target;
    return FieldOf(Ptr);
  }
  return V;
}


/// The variable or field that holds the pointer to a Subranges call's
/// buffer: 'line' of fgets(line, ...) when line is a pointer, p->line of
/// getline(&p->line, ...), sb.buf of strbuf_reset(&sb).
const MemRegion *cvet::subrange::bufferHolder(const cvet::SubrangeCall &S,
                                     const CallEvent &Call, CheckerContext &C) {
  const Expr *E = cvet::argExpr(Call, S.BufferArg);
  std::optional<SVal> Arg = cvet::argSVal(Call, S.BufferArg);
  if (!E || !Arg)
    return nullptr;
  if (S.BufferByPointer)
    return Arg->getAsRegion();
  if (!S.BufferField.empty()) {
    const MemRegion *Obj = Arg->getAsRegion();
    const RecordDecl *RD = E->getType()->isPointerType()
                               ? E->getType()->getPointeeType()->getAsRecordDecl()
                               : nullptr;
    if (!Obj || !RD || !(RD = RD->getDefinition()))
      return nullptr;
    for (const FieldDecl *FD : RD->fields())
      if (FD->getName() == S.BufferField)
        return C.getState()->getLValue(FD, loc::MemRegionVal(Obj)).getAsRegion();
    return nullptr;
  }
  if (!E->getType()->isPointerType())
    return nullptr;
  std::optional<SVal> L = cvet::accessPathLValue(E->IgnoreParenImpCasts(),
                                                 C.getState(),
                                                 C.getLocationContext());
  return L ? L->getAsRegion() : nullptr;
}


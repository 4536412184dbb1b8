//===- Tables.cpp - UnclosedIterator's model as call tables ---------------===//
//
// The Iterators section becomes families and CallDescriptionMaps grouped
// // Acquire. / // Release. / // Use. / // Take ownership.; attribute tags
// become families of their own (or join the model family of that name).
//
//===----------------------------------------------------------------------===//

#include "UnclosedIterator/UnclosedIterator.h"
#include "UnclosedIterator/HandleAttributes.h"
#include "support/CallMatching.h"

using namespace cvet::unclosed;

//===----------------------------------------------------------------------===//
// Tables.
//===----------------------------------------------------------------------===//

void UnclosedIteratorChecker::buildTables(cvet::ModelRef M) {
  Model = std::move(M);
  // The name messages give an entry: its function, or "DB->cursor".
  auto displayName = [this](const auto &E) -> llvm::StringRef {
    if (E.Member.empty())
      return E.Function;
    return MemberDisplayNames.emplace_back(cvet::memberDisplayName(E.Member));
  };
  cvet::CallTableBuilder<AcquireEntry> Acq;
  cvet::GroupedCallTableBuilder<ReleaseEntry> Rel;
  cvet::GroupedCallTableBuilder<ArgEntry> Use, Own;
  cvet::GroupedCallTableBuilder<OwnerEntry> Keep;
  llvm::StringSet<> SeenAcquire;

  for (const cvet::IteratorFamily &IF : Model->Iterators) {
    bool InPlace = IF.Acquire.front().Handle == HandleLoc::InPlace;
    // A family named again (in a user file) extends the first one.
    auto Same = llvm::find_if(Families, [&](const Family &F) {
      return F.Name == IF.Name && F.InPlace == InPlace;
    });
    Family &F = Same != Families.end() ? *Same : Families.emplace_back();
    F.Name = IF.Name;
    F.InPlace = InPlace;
    F.Global = IF.Acquire.front().Handle == HandleLoc::None;
    if (F.Global)
      for (const cvet::IteratorRelease &R : IF.Release)
        if (R.Member.empty())
          F.Releases.insert(cvet::unqualifiedName(R.Function));
    for (const cvet::IteratorRelease &R : IF.Release)
      if (F.Closer.empty() && !R.OnlyWhenReturnsNull && !R.EndsAll)
        F.Closer = displayName(R);
    for (const cvet::IteratorRelease &R : IF.Release)
      F.EndedByOthers |= R.EndsAll;
    if (F.Closer.empty())
      F.Closer = displayName(IF.Release.front());

    // Acquire.
    for (const cvet::IteratorAcquire &A : IF.Acquire) {
      if (!A.Member.empty()) {
        MemberAcquirers.try_emplace(
            A.Member, AcquireEntry{&F, A.Handle, A.HandleArg, A.SuccessReturn,
                                   displayName(A), A.OwnerArg});
        continue;
      }
      ModelNames.insert(cvet::unqualifiedName(A.Function));
      // The first family that names a function wins (user files come last).
      if (!SeenAcquire.insert(A.Function).second)
        continue;
      Acq.add(A.Function,
          AcquireEntry{&F, A.Handle, A.HandleArg, A.SuccessReturn,
                       A.Function, A.OwnerArg});
    }
    // Release.
    for (const cvet::IteratorRelease &R : IF.Release) {
      if (R.Member.empty())
        ModelNames.insert(cvet::unqualifiedName(R.Function));
      auto &Entries =
          R.Member.empty() ? Rel[R.Function] : MemberReleasers[R.Member];
      // The same release named twice (a family extended by a user file)
      // must close once.
      if (llvm::any_of(Entries, [&](const ReleaseEntry &E) {
            return E.Fam == &F && E.Arg == R.HandleArg && E.EndsAll == R.EndsAll;
          }))
        continue;
      Entries.push_back(ReleaseEntry{&F, R.HandleArg, R.OnlyWhenReturnsNull,
                                     R.Idempotent, R.EndsAll, displayName(R)});
    }
    for (const cvet::IteratorUse &U : IF.Use) {
      if (!U.Member.empty()) {
        MemberUsers[U.Member].push_back(ArgEntry{&F, U.HandleArg});
        continue;
      }
      ModelNames.insert(cvet::unqualifiedName(U.Function));
      Use[U.Function].push_back(ArgEntry{&F, U.HandleArg});
    }
    for (const cvet::IteratorUse &O : IF.TakesOwnership) {
      if (!O.Member.empty()) {
        MemberOwners[O.Member].push_back(ArgEntry{&F, O.HandleArg});
        continue;
      }
      ModelNames.insert(cvet::unqualifiedName(O.Function));
      Own[O.Function].push_back(ArgEntry{&F, O.HandleArg});
    }
    for (const cvet::IteratorOwner &O : IF.KeepingOwners) {
      ModelNames.insert(cvet::unqualifiedName(O.Function));
      Keep[O.Function].push_back(OwnerEntry{&F, O.Handle, O.HandleArg, O.When});
    }
  }

  Acquirers = Acq.build();
  Releasers = Rel.build();
  Users = Use.build();
  Owners = Own.build();
  KeepingOwners = Keep.build();
}

/// Whether D's body calls a function that ends F's scan: the code means to
/// end it there, so a path that leaves D without doing so is a leak.
bool UnclosedIteratorChecker::releasesIn(const Decl *D, const Family &F) const {
  auto [It, New] = ReleasesInBody.try_emplace({D, &F}, false);
  if (!New)
    return It->second;
  llvm::SmallVector<const Stmt *, 32> Work;
  if (const Stmt *Body = D ? D->getBody() : nullptr)
    Work.push_back(Body);
  bool Found = false;
  while (!Work.empty() && !Found) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = CE->getDirectCallee())
        if (const IdentifierInfo *II = Callee->getIdentifier())
          Found = F.Releases.contains(II->getName());
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back(Child);
  }
  // The map may have grown since the lookup.
  ReleasesInBody[{D, &F}] = Found;
  return Found;
}

const Family &UnclosedIteratorChecker::familyForTag(llvm::StringRef Tag,
                                                    bool InPlace) const {
  for (const Family &F : Families)
    if (F.Name == Tag && F.InPlace == InPlace)
      return F;
  std::unique_ptr<Family> &Slot =
      TagFamilies[(Tag + (InPlace ? "\x01" : "")).str()];
  if (!Slot) {
    Slot = std::make_unique<Family>();
    Slot->Name = Tag.str();
    Slot->InPlace = InPlace;
  }
  return *Slot;
}

/// The entry of a call through a function pointer field, under any name
/// the field answers to.
template <typename T>
static const T *memberEntry(const llvm::StringMap<T> &Table,
                            const CallEvent &Call) {
  if (Table.empty())
    return nullptr;
  for (const std::string &N : cvet::calledMemberNames(Call))
    if (auto It = Table.find(N); It != Table.end())
      return &It->second;
  return nullptr;
}

const AcquireEntry *
UnclosedIteratorChecker::acquirerOf(const CallEvent &Call) const {
  if (mayBeModeled(Call))
    return Acquirers.lookup(Call);
  return memberEntry(MemberAcquirers, Call);
}

const llvm::SmallVector<ReleaseEntry, 1> *
UnclosedIteratorChecker::releasersOf(const CallEvent &Call) const {
  if (mayBeModeled(Call))
    return Releasers.lookup(Call);
  return memberEntry(MemberReleasers, Call);
}

const llvm::SmallVector<ArgEntry, 1> *
UnclosedIteratorChecker::usersOf(const CallEvent &Call) const {
  if (mayBeModeled(Call))
    return Users.lookup(Call);
  return memberEntry(MemberUsers, Call);
}

const llvm::SmallVector<ArgEntry, 1> *
UnclosedIteratorChecker::ownersOf(const CallEvent &Call) const {
  if (mayBeModeled(Call))
    return Owners.lookup(Call);
  return memberEntry(MemberOwners, Call);
}

bool UnclosedIteratorChecker::mayBeModeled(const CallEvent &Call) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return false;
  const IdentifierInfo *II = FD->getIdentifier();
  return II && ModelNames.contains(II->getName());
}

bool UnclosedIteratorChecker::hasHandleAttrs(const FunctionDecl *FD) const {
  auto [It, New] = HandleAttrCache.try_emplace(FD->getCanonicalDecl(), false);
  if (New)
    It->second = scanHandleAttrs(FD);
  return It->second;
}

/// Calls that are known to leave the handles they see alone (or to close
/// them, which checkPostCall models): the model's functions, functions with
/// handle attributes, then the shared policy for library calls.
Escape UnclosedIteratorChecker::escapeOf(const CallEvent &Call) const {
  if (isModeled(Call))
    return Escape::None;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return Escape::All;
  // Annotated functions without a body do what their annotations say; a body
  // that was not inlined may do anything.
  if (hasHandleAttrs(FD) && !FD->isDefined())
    return Escape::None;
  return cvet::libraryCallEscape(Call);
}

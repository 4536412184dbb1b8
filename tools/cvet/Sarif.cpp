//===- Sarif.cpp - one SARIF 2.1.0 log per analysis -----------------------===//

#include "Sarif.h"
#include "Checkers.h"
#include "Paths.h"
#include "Rules.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;
using namespace cvet;

#ifndef CVET_VERSION
#define CVET_VERSION "0.0.0"
#endif

static constexpr StringLiteral SchemaUri =
    "https://json.schemastore.org/sarif-2.1.0.json";

/// Percent-encodes what may not appear in a URI path.
static std::string encodePath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-._~/!$&'()*+,;=:@").contains(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += hexdigit(C >> 4, /*LowerCase=*/false);
    Out += hexdigit(C & 15, /*LowerCase=*/false);
  }
  return Out;
}

static std::string rootUri(StringRef Root) {
  std::string Path = sys::path::convert_to_slash(Root);
  if (Path.empty() || Path.back() != '/')
    Path += '/';
  return "file://" + encodePath(Path);
}

std::string cvet::fileUri(StringRef File, StringRef Root, bool &UnderRoot) {
  std::optional<StringRef> Rel = relativeTo(File, Root);
  UnderRoot = Rel.has_value();
  if (Rel)
    return encodePath(sys::path::convert_to_slash(*Rel));
  return "file://" + encodePath(sys::path::convert_to_slash(File));
}

/// SARIF readers expect messages to be sentences.
static std::string sentence(StringRef Text) {
  std::string S = Text.trim().str();
  if (!S.empty() && !StringRef(".!?").contains(S.back()))
    S += '.';
  return S;
}

static json::Object message(StringRef Text) {
  return json::Object{{"text", sentence(Text)}};
}

static json::Object artifactLocation(StringRef File, StringRef Root) {
  bool UnderRoot = false;
  std::string Uri = fileUri(File, Root, UnderRoot);
  json::Object A{{"uri", Uri}};
  if (UnderRoot)
    A["uriBaseId"] = RootBaseId;
  return A;
}

static json::Object physicalLocation(const SourcePos &P, StringRef Root) {
  json::Object Loc{{"artifactLocation", artifactLocation(P.File, Root)}};
  if (P.Line) {
    json::Object Region{{"startLine", P.Line}};
    if (P.CharColumn)
      Region["startColumn"] = P.CharColumn;
    if (P.EndCharColumn > P.CharColumn)
      Region["endColumn"] = P.EndCharColumn;
    Loc["region"] = std::move(Region);
  }
  return Loc;
}

static json::Object ruleDescriptor(const Rule &R) {
  std::string Markdown = R.Doc;
  std::string Text = R.Doc;
  if (R.Doc.empty()) {
    Text = sentence(R.FullDescription) + " See " + R.HelpUri;
    Markdown = sentence(R.FullDescription) + "\n\nSee [" + R.Id + "](" +
               R.HelpUri + ").";
  }
  json::Array Tags;
  for (const std::string &T : R.Tags)
    Tags.push_back(T);
  return json::Object{
      {"id", R.Id},
      {"name", R.Name},
      {"shortDescription", message(R.Description)},
      {"fullDescription", message(R.FullDescription)},
      {"help", json::Object{{"text", Text}, {"markdown", Markdown}}},
      {"helpUri", R.HelpUri},
      {"defaultConfiguration", json::Object{{"level", R.Level}}},
      {"properties", json::Object{{"tags", std::move(Tags)}}},
  };
}

static json::Object toolObject() {
  json::Array Rules;
  for (const Rule &R : allRules())
    Rules.push_back(ruleDescriptor(R));
  return json::Object{
      {"driver", json::Object{
                     {"name", "cvet"},
                     {"fullName", "cvet " CVET_VERSION},
                     {"version", CVET_VERSION},
                     {"semanticVersion", CVET_VERSION},
                     {"informationUri", HomepageURL},
                     {"rules", std::move(Rules)},
                 }}};
}

static json::Object result(const Finding &F, StringRef Root,
                           bool BaselineUsed) {
  const std::vector<Rule> &Rules = allRules();
  size_t Index = 0;
  while (Index < Rules.size() && Rules[Index].Id != F.Rule)
    ++Index;
  const Rule *R = Index < Rules.size() ? &Rules[Index] : nullptr;

  json::Object Res{
      {"ruleId", F.Rule},
      {"level", R ? R->Level : std::string("warning")},
      {"message", message(F.Message)},
      {"locations",
       json::Array{json::Object{
           {"physicalLocation", physicalLocation(F.Pos, Root)}}}},
      {"partialFingerprints",
       json::Object{{FingerprintKey, F.Fingerprint}}},
  };
  if (R)
    Res["ruleIndex"] = Index;
  if (!F.Path.empty()) {
    // A race has two sides: the reported thread's path, and the notes on
    // the other thread (its spawn, its access) as a thread flow of its own.
    bool TwoThreads = R && R->NotesShowOtherThread &&
                      llvm::any_of(F.Path, [](const PathStep &S) { return S.Related; }) &&
                      !llvm::all_of(F.Path, [](const PathStep &S) { return S.Related; });
    json::Array Steps, Other;
    for (const PathStep &S : F.Path)
      (TwoThreads && S.Related ? Other : Steps)
          .push_back(json::Object{
              {"location",
               json::Object{{"physicalLocation", physicalLocation(S.Pos, Root)},
                            {"message", message(S.Message)}}}});
    json::Array Flows;
    if (TwoThreads) {
      Flows.push_back(json::Object{
          {"message", message("The reported write")},
          {"locations", std::move(Steps)}});
      Flows.push_back(json::Object{
          {"message", message("The other thread")},
          {"locations", std::move(Other)}});
    } else {
      Flows.push_back(json::Object{{"locations", std::move(Steps)}});
    }
    Res["codeFlows"] =
        json::Array{json::Object{{"threadFlows", std::move(Flows)}}};
  }
  if (F.Suppression) {
    json::Object S{{"kind", "inSource"}};
    if (!F.Suppression->empty())
      S["justification"] = *F.Suppression;
    Res["suppressions"] = json::Array{std::move(S)};
  }
  if (BaselineUsed)
    Res["baselineState"] = "new";
  return Res;
}

json::Value cvet::makeSarif(const RunInfo &Run) {
  // Every analysed file and every file a result or note points into.
  std::map<std::string, std::set<std::string>> Artifacts;
  for (const std::string &F : Run.AnalyzedFiles)
    Artifacts[F].insert("analysisTarget");
  for (const Finding &F : Run.Findings) {
    Artifacts[F.Pos.File].insert("resultFile");
    for (const PathStep &S : F.Path)
      Artifacts[S.Pos.File];
  }
  json::Array ArtifactList;
  for (const auto &[File, Roles] : Artifacts) {
    json::Object A{{"location", artifactLocation(File, Run.Root)}};
    if (!Roles.empty()) {
      json::Array R;
      for (const std::string &Role : Roles)
        R.push_back(Role);
      A["roles"] = std::move(R);
    }
    ArtifactList.push_back(std::move(A));
  }

  json::Array Results;
  for (const Finding &F : Run.Findings)
    Results.push_back(result(F, Run.Root, Run.BaselineUsed));

  json::Array Notifications;
  auto Notify = [&](const Failure &Fail, StringRef Level) {
    SourcePos Pos = Fail.Pos;
    if (Pos.File.empty())
      Pos = SourcePos{Fail.File, 0, 0, 0, 0};
    Notifications.push_back(json::Object{
        {"level", Level},
        {"message", message(Fail.Message)},
        {"locations", json::Array{json::Object{
                          {"physicalLocation",
                           physicalLocation(Pos, Run.Root)}}}},
    });
  };
  for (const Failure &Fail : Run.Failures)
    Notify(Fail, "error");
  for (const Failure &Cut : Run.CutShort)
    Notify(Cut, "warning");
  json::Object Invocation{{"executionSuccessful", Run.Failures.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  json::Object TheRun{
      {"tool", toolObject()},
      {"originalUriBaseIds",
       json::Object{{RootBaseId, json::Object{{"uri", rootUri(Run.Root)}}}}},
      {"artifacts", std::move(ArtifactList)},
      {"results", std::move(Results)},
      {"invocations", json::Array{std::move(Invocation)}},
      {"columnKind", "unicodeCodePoints"},
  };
  return json::Object{{"$schema", SchemaUri},
                      {"version", "2.1.0"},
                      {"runs", json::Array{std::move(TheRun)}}};
}

Error cvet::writeJsonFile(StringRef Path, const json::Value &V) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write '%s': %s", Path.str().c_str(),
                             EC.message().c_str());
  OS << formatv("{0:2}", V) << '\n';
  OS.close();
  if (OS.has_error())
    return createStringError(OS.error(), "cannot write '%s': %s",
                             Path.str().c_str(), OS.error().message().c_str());
  return Error::success();
}

static Expected<json::Value> readJson(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read '%s': %s",
                             Path.str().c_str(),
                             Buffer.getError().message().c_str());
  Expected<json::Value> V = json::parse((*Buffer)->getBuffer());
  if (!V)
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not valid JSON: %s", Path.str().c_str(),
                             toString(V.takeError()).c_str());
  const json::Object *Log = V->getAsObject();
  if (!Log || !Log->getArray("runs"))
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not a SARIF log (no 'runs' array)",
                             Path.str().c_str());
  return V;
}

Expected<std::set<std::string>>
cvet::readBaselineFingerprints(StringRef Path) {
  Expected<json::Value> V = readJson(Path);
  if (!V)
    return V.takeError();
  std::set<std::string> Keys;
  for (const json::Value &Run : *V->getAsObject()->getArray("runs")) {
    const json::Object *R = Run.getAsObject();
    const json::Array *Results = R ? R->getArray("results") : nullptr;
    if (!Results)
      continue;
    for (const json::Value &Res : *Results) {
      const json::Object *O = Res.getAsObject();
      if (!O)
        continue;
      std::optional<StringRef> RuleId = O->getString("ruleId");
      const json::Object *FPs = O->getObject("partialFingerprints");
      std::optional<StringRef> FP =
          FPs ? FPs->getString(FingerprintKey) : std::nullopt;
      if (RuleId && FP)
        Keys.insert((*RuleId + "|" + *FP).str());
    }
  }
  return Keys;
}

/// Result order of a merged log: by file, line, column, rule.
static std::tuple<std::string, int64_t, int64_t, std::string>
resultKey(const json::Value &V) {
  std::string Uri, Rule;
  int64_t Line = 0, Col = 0;
  if (const json::Object *O = V.getAsObject()) {
    if (auto R = O->getString("ruleId"))
      Rule = R->str();
    if (const json::Array *Locs = O->getArray("locations"))
      if (!Locs->empty())
        if (const json::Object *L = (*Locs)[0].getAsObject())
          if (const json::Object *P = L->getObject("physicalLocation")) {
            if (const json::Object *A = P->getObject("artifactLocation"))
              if (auto U = A->getString("uri"))
                Uri = U->str();
            if (const json::Object *Reg = P->getObject("region")) {
              Line = Reg->getInteger("startLine").value_or(0);
              Col = Reg->getInteger("startColumn").value_or(0);
            }
          }
  }
  return {Uri, Line, Col, Rule};
}

static std::string serialize(const json::Value &V) {
  std::string S;
  raw_string_ostream(S) << V;
  return S;
}

static std::string resultIdentity(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return serialize(V);
  std::string Key;
  for (StringRef Field :
       {"ruleId", "locations", "message", "partialFingerprints"})
    if (const json::Value *F = O->get(Field))
      Key += serialize(*F) + '\n';
  return Key;
}

Expected<json::Value> cvet::mergeSarif(ArrayRef<std::string> Files) {
  std::optional<json::Value> Tool;
  std::optional<json::Value> BaseIds;
  std::optional<json::Value> ColumnKind;
  std::map<std::string, json::Value> Artifacts; // by serialized location
  std::vector<json::Value> Results;
  std::set<std::string> SeenResults;
  json::Array Notifications;
  bool Successful = true;

  for (const std::string &File : Files) {
    Expected<json::Value> V = readJson(File);
    if (!V)
      return V.takeError();
    for (json::Value &RunV : *V->getAsObject()->getArray("runs")) {
      json::Object *Run = RunV.getAsObject();
      if (!Run)
        continue;
      if (!Tool) {
        if (json::Value *T = Run->get("tool"))
          Tool = *T;
        if (json::Value *B = Run->get("originalUriBaseIds"))
          BaseIds = *B;
        if (json::Value *C = Run->get("columnKind"))
          ColumnKind = *C;
      }
      if (json::Array *As = Run->getArray("artifacts"))
        for (json::Value &A : *As) {
          const json::Object *O = A.getAsObject();
          const json::Value *Loc = O ? O->get("location") : nullptr;
          std::string Key = Loc ? serialize(*Loc) : serialize(A);
          auto [It, New] = Artifacts.emplace(Key, A);
          if (New || !O)
            continue;
          // Same file in two shards: union of its roles.
          json::Object *Kept = It->second.getAsObject();
          const json::Array *Roles = O->getArray("roles");
          if (!Kept || !Roles)
            continue;
          std::set<std::string> All;
          for (const json::Array *Rs :
               {static_cast<const json::Array *>(Kept->getArray("roles")),
                Roles})
            if (Rs)
              for (const json::Value &R : *Rs)
                if (auto S = R.getAsString())
                  All.insert(S->str());
          json::Array Merged;
          for (const std::string &R : All)
            Merged.push_back(R);
          (*Kept)["roles"] = std::move(Merged);
        }
      if (json::Array *Rs = Run->getArray("results"))
        for (json::Value &R : *Rs)
          Results.push_back(R);
      if (json::Array *Invs = Run->getArray("invocations"))
        for (json::Value &I : *Invs) {
          json::Object *O = I.getAsObject();
          if (!O)
            continue;
          if (O->getBoolean("executionSuccessful") == false)
            Successful = false;
          if (json::Array *Ns = O->getArray("toolExecutionNotifications"))
            for (json::Value &N : *Ns)
              Notifications.push_back(N);
        }
    }
  }
  if (!Tool)
    return createStringError(inconvertibleErrorCode(),
                             "no run to merge in the input logs");

  // Ties (same place and rule, different message) by the whole result.
  std::sort(Results.begin(), Results.end(),
            [](const json::Value &A, const json::Value &B) {
              auto KA = resultKey(A), KB = resultKey(B);
              if (KA != KB)
                return KA < KB;
              return serialize(A) < serialize(B);
            });
  // A header's finding reached from translation units in different shards
  // comes with different code flows: keep one per rule, place, message and
  // fingerprint, the same one whatever the order of the inputs.
  json::Array ResultArray;
  for (json::Value &R : Results)
    if (SeenResults.insert(resultIdentity(R)).second)
      ResultArray.push_back(std::move(R));
  json::Array ArtifactArray;
  for (auto &[Key, A] : Artifacts)
    ArtifactArray.push_back(std::move(A));
  json::Object Invocation{{"executionSuccessful", Successful}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  json::Object Run{{"tool", std::move(*Tool)},
                   {"artifacts", std::move(ArtifactArray)},
                   {"results", std::move(ResultArray)},
                   {"invocations", json::Array{std::move(Invocation)}}};
  if (BaseIds)
    Run["originalUriBaseIds"] = std::move(*BaseIds);
  if (ColumnKind)
    Run["columnKind"] = std::move(*ColumnKind);
  return json::Object{{"$schema", SchemaUri},
                      {"version", "2.1.0"},
                      {"runs", json::Array{std::move(Run)}}};
}

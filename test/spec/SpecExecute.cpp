//===- SpecExecute.cpp - The commands that compile, link and run ----------===//
#include "test/spec/SpecRunner.h"

#include "llvm/Support/Format.h"

namespace w2n::spec {

using llvm::Expected;
using llvm::StringRef;

namespace {

/// The spec's texts and ours may differ in detail at the end: the suite
/// says "uninitialized element 2" where we say "uninitialized element".
bool textsAgree(StringRef Expected, StringRef Actual) {
  return Actual.starts_with(Expected) || Expected.starts_with(Actual);
}

/// How a call or instantiation failed, for messages.
std::string describeError(const w2n_error &Err) {
  if (Err.status == W2N_ERROR_TRAP)
    return "trap " + quote(Err.message);
  return "error " + quote(Err.message);
}

bool isReference(uint8_t Type) {
  return Type == W2N_FUNCREF || Type == W2N_EXTERNREF || Type == W2N_EXNREF;
}

} // namespace

void ScriptRunner::taintImportsOf(const ScriptModule &M) {
  // What M would have done to the instances it imports from is missing.
  for (const std::string &From : importedModules(M)) {
    auto Reg = RegisteredIndex.find(From);
    if (Reg != RegisteredIndex.end())
      Tainted.insert(Reg->second);
  }
}

Outcome ScriptRunner::instantiate(const ScriptCommand &Cmd,
                                  const ScriptModule &M, StringRef Id) {
  InstanceRef Made;
  auto Done = [&](Outcome O) {
    Current = Made;
    HaveCurrent = true;
    if (!Id.empty())
      Named[Id] = Made;
    return O;
  };
  auto It = Compiled.find(&M);
  if (It == Compiled.end())
    return Done(fail(Cmd, "the module was not compiled"));
  if (It->second.Index < 0) {
    Made.Unsupported = It->second.Unsupported;
    Made.Why = It->second.Why;
    if (!Made.Unsupported)
      return Done(fail(Cmd, It->second.Why));
    taintImportsOf(M);
    return Done(Outcome::Unsupported);
  }
  if (importsUnsupported(M)) {
    Made.Unsupported = true;
    Made.Why = "it imports from a module that is not supported yet";
    return Done(Outcome::Unsupported);
  }
  int Inst;
  w2n_error Err;
  std::string Detail;
  if (Eng->instantiate(unsigned(It->second.Index), Inst, Err, Detail) !=
      W2N_OK) {
    Made.Why = "the module failed to instantiate";
    return Done(fail(Cmd, "cannot instantiate the module: " +
                              describeError(Err) + Detail));
  }
  Made.Index = Inst;
  for (const std::string &From : importedModules(M)) {
    auto Reg = RegisteredIndex.find(From);
    if (Reg != RegisteredIndex.end() && Tainted.contains(Reg->second))
      Tainted.insert(Inst);
  }
  return Done(Outcome::Passed);
}

Outcome ScriptRunner::runModule(const ScriptCommand &Cmd) {
  const ScriptModule &M = *Cmd.Module;
  if (M.Definition) {
    // Compiled only; `module instance` makes its instances.
    if (!M.Id.empty())
      Definitions[M.Id] = &M;
    LastDefinition = &M;
    const CompiledModule &C = Compiled[&M];
    if (C.Index >= 0)
      return Outcome::Passed;
    return C.Unsupported ? Outcome::Unsupported : fail(Cmd, C.Why);
  }
  return instantiate(Cmd, M, M.Id);
}

Outcome ScriptRunner::runModuleInstance(const ScriptCommand &Cmd) {
  const ScriptModule *Def = LastDefinition;
  if (!Cmd.Definition.empty()) {
    auto It = Definitions.find(Cmd.Definition);
    Def = It == Definitions.end() ? nullptr : It->second;
  }
  if (!Def) {
    Current = InstanceRef();
    HaveCurrent = true;
    return fail(Cmd, "no module definition " + Cmd.Definition);
  }
  return instantiate(Cmd, *Def, Cmd.Id);
}

Outcome ScriptRunner::runAssertLinkTime(const ScriptCommand &Cmd) {
  bool Unlinkable = Cmd.Kind == ScriptCommandKind::AssertUnlinkable;
  StringRef Text = Cmd.Message;
  std::string Want = (Unlinkable ? "a link error " : "a trap ") + quote(Text);
  auto It = Compiled.find(&*Cmd.Module);
  if (It == Compiled.end())
    return fail(Cmd, "the module was not compiled");
  if (It->second.Index < 0) {
    if (!It->second.Unsupported)
      return fail(Cmd, "expected " + Want + ", but " + It->second.Why);
    taintImportsOf(*Cmd.Module);
    return Outcome::Unsupported;
  }
  if (importsUnsupported(*Cmd.Module))
    return Outcome::Unsupported;
  int Inst;
  w2n_error Err;
  std::string Detail;
  w2n_status Status =
      Eng->instantiate(unsigned(It->second.Index), Inst, Err, Detail);
  if (Status == W2N_OK)
    return fail(Cmd, "expected " + Want + ", got an instance");
  bool RightKind = Unlinkable ? Status == W2N_ERROR_UNKNOWN_IMPORT ||
                                    Status == W2N_ERROR_INCOMPATIBLE_IMPORT
                              : Status == W2N_ERROR_TRAP;
  if (RightKind && textsAgree(Text, Err.message))
    return Outcome::Passed;
  return fail(Cmd, "expected " + Want + ", got " + describeError(Err) + Detail);
}

const InstanceRef &ScriptRunner::instanceFor(StringRef Id, std::string &Why) {
  static const InstanceRef None;
  if (!Id.empty()) {
    auto It = Named.find(Id);
    if (It == Named.end()) {
      Why = ("no module named $" + Id).str();
      return None;
    }
    if (It->second.Index < 0)
      Why = ("module $" + Id + ": " + It->second.Why).str();
    return It->second;
  }
  if (Current.Index < 0)
    Why = HaveCurrent ? "the current module failed to compile or instantiate"
                      : "no module yet";
  return Current;
}

Outcome ScriptRunner::runRegister(const ScriptCommand &Cmd) {
  std::string Why;
  const InstanceRef &Inst = instanceFor(Cmd.Id, Why);
  RegisteredIndex.erase(Cmd.Name);
  if (Inst.Index < 0) {
    if (llvm::Error E = Eng->registerAs(Cmd.Name, -1))
      Why += "; " + llvm::toString(std::move(E));
    if (Inst.Unsupported) {
      UnsupportedNames.insert(Cmd.Name);
      return Outcome::Unsupported;
    }
    return fail(Cmd, Why);
  }
  UnsupportedNames.erase(Cmd.Name);
  RegisteredIndex[Cmd.Name] = Inst.Index;
  if (llvm::Error E = Eng->registerAs(Cmd.Name, Inst.Index))
    return fail(Cmd, llvm::toString(std::move(E)));
  return Outcome::Passed;
}

Expected<ActionResult> ScriptRunner::performAction(const ScriptCommand &Cmd,
                                                   bool &Unsupported) {
  const frontend::text::ScriptAction &A = Cmd.Action;
  std::string Why;
  const InstanceRef &Inst = instanceFor(A.ModuleId, Why);
  Unsupported = Inst.Unsupported || (Inst.Index >= 0 && Tainted.contains(Inst.Index));
  if (Inst.Index < 0)
    return llvm::createStringError(Why);
  if (A.IsGet)
    return Eng->get(Inst.Index, A.Field);
  std::vector<SpecValue> Args;
  for (const frontend::text::ScriptValue &Arg : A.Args) {
    Expected<SpecValue> V = fromScript(Arg, /*Expected=*/false);
    if (!V)
      return V.takeError();
    Args.push_back(*V);
  }
  return Eng->invoke(Inst.Index, A.Field, Args);
}

std::optional<Outcome> ScriptRunner::runActionOf(const ScriptCommand &Cmd,
                                                 ActionResult &Result) {
  bool Unsupported;
  Expected<ActionResult> R = performAction(Cmd, Unsupported);
  if (Unsupported) {
    llvm::consumeError(R.takeError());
    return Outcome::Unsupported;
  }
  if (!R)
    return fail(Cmd, llvm::toString(R.takeError()));
  Result = std::move(*R);
  return std::nullopt;
}

Outcome ScriptRunner::runAction(const ScriptCommand &Cmd) {
  ActionResult R;
  if (std::optional<Outcome> Done = runActionOf(Cmd, R))
    return *Done;
  if (R.Error.status != W2N_OK)
    return fail(Cmd, "unexpected " + describeError(R.Error));
  return Outcome::Passed;
}

Outcome ScriptRunner::runAssertReturn(const ScriptCommand &Cmd) {
  ActionResult R;
  if (std::optional<Outcome> Done = runActionOf(Cmd, R))
    return *Done;
  if (R.Error.status != W2N_OK)
    return fail(Cmd, "unexpected " + describeError(R.Error));
  if (Cmd.Results.size() != R.Values.size())
    return fail(Cmd, "expected " + llvm::Twine(Cmd.Results.size()) +
                         " results, the function has " +
                         llvm::Twine(R.Values.size()));
  std::string Mismatches;
  for (size_t I = 0; I < R.Values.size(); ++I) {
    // One of the alternatives of `either`, or the one expected value.
    bool Matched = false;
    std::string Wanted;
    std::string LaneHint;
    for (const frontend::text::ScriptValue &Alt : Cmd.Results[I].Either) {
      Expected<SpecValue> Want = fromScript(Alt, /*Expected=*/true);
      if (!Want)
        return fail(Cmd, "bad expected value: " +
                             llvm::toString(Want.takeError()));
      Wanted += (Wanted.empty() ? "" : " or ") + describe(*Want);
      LaneHint = Want->LaneType;
      bool SameType = Want->Type == R.Types[I] ||
                      (Want->Scalar == Pattern::AnyNull &&
                       isReference(R.Types[I]));
      if (SameType && matches(*Want, R.Values[I]))
        Matched = true;
    }
    if (!Matched)
      Mismatches += (Mismatches.empty() ? "" : "; ") +
                    ("result " + std::to_string(I) + ": expected " + Wanted +
                     ", got " +
                     describe(R.Types[I], R.Values[I], LaneHint));
  }
  if (!Mismatches.empty())
    return fail(Cmd, Mismatches);
  return Outcome::Passed;
}

Outcome ScriptRunner::runAssertTrap(const ScriptCommand &Cmd) {
  StringRef Text = Cmd.Message;
  ActionResult R;
  if (std::optional<Outcome> Done = runActionOf(Cmd, R))
    return *Done;
  if (R.Error.status == W2N_OK) {
    std::string Got;
    for (size_t I = 0; I < R.Values.size(); ++I)
      Got += (I ? ", " : "") + describe(R.Types[I], R.Values[I]);
    return fail(Cmd, "expected trap " + quote(Text) + ", got a return" +
                         (Got.empty() ? "" : " of " + Got));
  }
  if (textsAgree(Text, R.Error.message))
    return Outcome::Passed;
  return fail(Cmd, "expected trap " + quote(Text) + ", got " +
                       describeError(R.Error));
}

Outcome ScriptRunner::runAssertException(const ScriptCommand &Cmd) {
  ActionResult R;
  if (std::optional<Outcome> Done = runActionOf(Cmd, R))
    return *Done;
  if (R.Error.status == W2N_ERROR_EXCEPTION)
    return Outcome::Passed;
  return fail(Cmd, "expected an exception, got " +
                       (R.Error.status == W2N_OK ? std::string("a return")
                                                  : describeError(R.Error)));
}

} // namespace w2n::spec

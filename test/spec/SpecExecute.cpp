//===- SpecExecute.cpp - The commands that compile, link and run ----------===//
#include "test/spec/SpecRunner.h"

#include "llvm/Support/Format.h"

namespace w2n::spec {

using llvm::Expected;
using llvm::StringRef;
using llvm::json::Object;

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

} // namespace

Expected<unsigned> ScriptRunner::compileCommandModule(const Command &Cmd) {
  std::optional<StringRef> File = Cmd.Json.getString("filename");
  auto It = File ? Compiled.find(*File) : Compiled.end();
  if (It == Compiled.end())
    return llvm::createStringError("the command names no module file");
  if (It->second.first < 0)
    return llvm::createStringError(It->second.second);
  return unsigned(It->second.first);
}

Outcome ScriptRunner::runModule(const Command &Cmd) {
  std::optional<StringRef> Name = Cmd.Json.getString("name");
  Current = -1;
  HaveCurrent = true;
  if (Name)
    Named[*Name] = -1;
  Expected<unsigned> Module = compileCommandModule(Cmd);
  if (!Module)
    return fail(Cmd, llvm::toString(Module.takeError()));
  int Inst;
  w2n_error Err;
  std::string Detail;
  if (Eng->instantiate(*Module, Inst, Err, Detail) != W2N_OK)
    return fail(Cmd, "cannot instantiate the module: " + describeError(Err) +
                         Detail);
  Current = Inst;
  if (Name)
    Named[*Name] = Inst;
  return Outcome::Passed;
}

Outcome ScriptRunner::runAssertLinkTime(const Command &Cmd) {
  bool Unlinkable = Cmd.Kind == CommandKind::AssertUnlinkable;
  StringRef Text = Cmd.Json.getString("text").value_or("");
  std::string Want = (Unlinkable ? "a link error " : "a trap ") + quote(Text);
  Expected<unsigned> Module = compileCommandModule(Cmd);
  if (!Module)
    return fail(Cmd, "expected " + Want + ", but " +
                         llvm::toString(Module.takeError()));
  int Inst;
  w2n_error Err;
  std::string Detail;
  w2n_status Status = Eng->instantiate(*Module, Inst, Err, Detail);
  if (Status == W2N_OK)
    return fail(Cmd, "expected " + Want + ", got an instance");
  bool RightKind = Unlinkable ? Status == W2N_ERROR_UNKNOWN_IMPORT ||
                                    Status == W2N_ERROR_INCOMPATIBLE_IMPORT
                              : Status == W2N_ERROR_TRAP;
  if (RightKind && textsAgree(Text, Err.message))
    return Outcome::Passed;
  return fail(Cmd, "expected " + Want + ", got " + describeError(Err) + Detail);
}

Expected<int> ScriptRunner::instanceFor(const Object &Json) {
  if (std::optional<StringRef> Name = Json.getString("module")) {
    auto It = Named.find(*Name);
    if (It == Named.end())
      return llvm::createStringError("no module named " + *Name);
    if (It->second < 0)
      return llvm::createStringError("module " + *Name +
                                     " failed to compile or instantiate");
    return It->second;
  }
  if (Current < 0)
    return llvm::createStringError(
        HaveCurrent ? "the current module failed to compile or instantiate"
                    : "no module yet");
  return Current;
}

Outcome ScriptRunner::runRegister(const Command &Cmd) {
  std::optional<StringRef> As = Cmd.Json.getString("as");
  if (!As)
    return fail(Cmd, "a register command without \"as\"");
  // `register` names its module under "name", not "module".
  Object Which;
  if (std::optional<StringRef> Name = Cmd.Json.getString("name"))
    Which["module"] = *Name;
  Expected<int> Inst = instanceFor(Which);
  if (!Inst) {
    std::string Why = llvm::toString(Inst.takeError());
    if (llvm::Error E = Eng->registerAs(*As, -1))
      Why += "; " + llvm::toString(std::move(E));
    return fail(Cmd, Why);
  }
  if (llvm::Error E = Eng->registerAs(*As, *Inst))
    return fail(Cmd, llvm::toString(std::move(E)));
  return Outcome::Passed;
}

Expected<ActionResult> ScriptRunner::performAction(const Command &Cmd) {
  const Object *Action = Cmd.Json.getObject("action");
  if (!Action)
    return llvm::createStringError("a command without an action");
  StringRef Type = Action->getString("type").value_or("");
  std::optional<StringRef> Field = Action->getString("field");
  if (!Field)
    return llvm::createStringError("an action without a field");
  Expected<int> Inst = instanceFor(*Action);
  if (!Inst)
    return Inst.takeError();
  if (Type == "get")
    return Eng->get(*Inst, *Field);
  if (Type != "invoke")
    return llvm::createStringError("unknown action type " + quote(Type));
  std::vector<SpecValue> Args;
  if (const llvm::json::Array *ArgsJson = Action->getArray("args")) {
    for (const llvm::json::Value &Arg : *ArgsJson) {
      Expected<SpecValue> V = parseValue(Arg, /*Expected=*/false);
      if (!V)
        return V.takeError();
      Args.push_back(*V);
    }
  }
  return Eng->invoke(*Inst, *Field, Args);
}

Outcome ScriptRunner::runAction(const Command &Cmd) {
  Expected<ActionResult> R = performAction(Cmd);
  if (!R)
    return fail(Cmd, llvm::toString(R.takeError()));
  if (R->Error.status != W2N_OK)
    return fail(Cmd, "unexpected " + describeError(R->Error));
  return Outcome::Passed;
}

Outcome ScriptRunner::runAssertReturn(const Command &Cmd) {
  Expected<ActionResult> R = performAction(Cmd);
  if (!R)
    return fail(Cmd, llvm::toString(R.takeError()));
  if (R->Error.status != W2N_OK)
    return fail(Cmd, "unexpected " + describeError(R->Error));
  const llvm::json::Array *ExpectedJson = Cmd.Json.getArray("expected");
  if (!ExpectedJson)
    return fail(Cmd, "no expected results");
  if (ExpectedJson->size() != R->Values.size())
    return fail(Cmd, "expected " + llvm::Twine(ExpectedJson->size()) +
                         " results, the function has " +
                         llvm::Twine(R->Values.size()));
  std::string Mismatches;
  for (size_t I = 0; I < R->Values.size(); ++I) {
    Expected<SpecValue> Want = parseValue((*ExpectedJson)[I], true);
    if (!Want)
      return fail(Cmd,
                  "bad expected value: " + llvm::toString(Want.takeError()));
    if (Want->Type != R->Types[I])
      return fail(Cmd, "expected a result of another type: " + describe(*Want) +
                           " for a " + describe(R->Types[I], R->Values[I]));
    if (!matches(*Want, R->Values[I]))
      Mismatches +=
          (Mismatches.empty() ? "" : "; ") +
          ("result " + std::to_string(I) + ": expected " + describe(*Want) +
           ", got " + describe(R->Types[I], R->Values[I], Want->LaneType));
  }
  if (!Mismatches.empty())
    return fail(Cmd, Mismatches);
  return Outcome::Passed;
}

Outcome ScriptRunner::runAssertTrap(const Command &Cmd) {
  StringRef Text = Cmd.Json.getString("text").value_or("");
  Expected<ActionResult> R = performAction(Cmd);
  if (!R)
    return fail(Cmd, llvm::toString(R.takeError()));
  if (R->Error.status == W2N_OK) {
    std::string Got;
    for (size_t I = 0; I < R->Values.size(); ++I)
      Got += (I ? ", " : "") + describe(R->Types[I], R->Values[I]);
    return fail(Cmd, "expected trap " + quote(Text) + ", got a return" +
                         (Got.empty() ? "" : " of " + Got));
  }
  if (textsAgree(Text, R->Error.message))
    return Outcome::Passed;
  return fail(Cmd, "expected trap " + quote(Text) + ", got " +
                       describeError(R->Error));
}

} // namespace w2n::spec

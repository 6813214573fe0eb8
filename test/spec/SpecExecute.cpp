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

std::string quote(StringRef S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << '"';
  OS.write_escaped(S);
  OS << '"';
  return Out;
}

/// An import's "module" "name", for messages.
std::string importName(const w2n_module_desc *Desc, uint32_t Index) {
  if (Index >= Desc->num_imports)
    return "";
  const w2n_import_desc &Imp = Desc->imports[Index];
  return quote(StringRef(Imp.module, Imp.module_len)) + " " +
         quote(StringRef(Imp.name, Imp.name_len));
}

/// How a call or instantiation failed, for messages.
std::string describeError(const w2n_error &Err) {
  if (Err.status == W2N_ERROR_TRAP)
    return "trap " + quote(Err.message);
  return "error " + quote(Err.message);
}

} // namespace

Expected<const w2n_module_desc *>
ScriptRunner::compileCommandModule(const Command &Cmd) {
  Expected<LoadedModule> Loaded = loadCommandModule(Cmd);
  if (!Loaded)
    return llvm::createStringError(
        "cannot load the module: " +
        takeRejection(Loaded.takeError()).Description);
  Expected<const w2n_module_desc *> Desc = Jit->compile(*Loaded->Mod);
  if (!Desc)
    return llvm::createStringError("cannot compile the module: " +
                                   takeRejection(Desc.takeError()).Description);
  return *Desc;
}

w2n_status ScriptRunner::instantiate(const w2n_module_desc *Desc,
                                     w2n_instance *&Inst, w2n_error &Err,
                                     std::string &Detail) {
  std::vector<w2n_extern> Imports(Desc->num_imports);
  for (uint32_t I = 0; I < Desc->num_imports; ++I) {
    const w2n_import_desc &Imp = Desc->imports[I];
    StringRef Module(Imp.module, Imp.module_len), Name(Imp.name, Imp.name_len);
    w2n_extern &E = Imports[I];
    E.tag = W2N_EXTERN_NONE;
    if (Module == "spectest") {
      E = Host->lookup(Name);
    } else {
      auto It = Registered.find(Module);
      if (It != Registered.end() &&
          w2n_instance_export(It->second, Name.data(), Name.size(), &E) !=
              W2N_OK)
        E.tag = W2N_EXTERN_NONE;
    }
  }
  Inst = nullptr;
  w2n_status Status = w2n_instantiate(Desc, Imports.data(),
                                      uint32_t(Imports.size()), &Inst, &Err);
  // A trap in init leaves an instance that an imported table may refer to.
  if (Inst)
    Instances.push_back(Inst);
  if (Status == W2N_ERROR_UNKNOWN_IMPORT ||
      Status == W2N_ERROR_INCOMPATIBLE_IMPORT)
    Detail = " (import " + importName(Desc, Err.import_index) + ")";
  return Status;
}

Outcome ScriptRunner::runModule(const Command &Cmd) {
  std::optional<StringRef> Name = Cmd.Json.getString("name");
  Current = nullptr;
  HaveCurrent = true;
  if (Name)
    Named[*Name] = nullptr;
  Expected<const w2n_module_desc *> Desc = compileCommandModule(Cmd);
  if (!Desc)
    return fail(Cmd, llvm::toString(Desc.takeError()));
  w2n_instance *Inst;
  w2n_error Err;
  std::string Detail;
  if (instantiate(*Desc, Inst, Err, Detail) != W2N_OK)
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
  Expected<const w2n_module_desc *> Desc = compileCommandModule(Cmd);
  if (!Desc)
    return fail(Cmd, "expected " + Want + ", but " +
                         llvm::toString(Desc.takeError()));
  w2n_instance *Inst;
  w2n_error Err;
  std::string Detail;
  w2n_status Status = instantiate(*Desc, Inst, Err, Detail);
  if (Status == W2N_OK)
    return fail(Cmd, "expected " + Want + ", got an instance");
  bool RightKind = Unlinkable ? Status == W2N_ERROR_UNKNOWN_IMPORT ||
                                    Status == W2N_ERROR_INCOMPATIBLE_IMPORT
                              : Status == W2N_ERROR_TRAP;
  if (RightKind && textsAgree(Text, Err.message))
    return Outcome::Passed;
  return fail(Cmd, "expected " + Want + ", got " + describeError(Err) + Detail);
}

Expected<w2n_instance *> ScriptRunner::instanceFor(const Object &Json) {
  if (std::optional<StringRef> Name = Json.getString("module")) {
    auto It = Named.find(*Name);
    if (It == Named.end())
      return llvm::createStringError("no module named " + *Name);
    if (!It->second)
      return llvm::createStringError("module " + *Name +
                                     " failed to compile or instantiate");
    return It->second;
  }
  if (!Current)
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
  Expected<w2n_instance *> Inst = instanceFor(Which);
  if (!Inst) {
    Registered.erase(*As);
    return fail(Cmd, llvm::toString(Inst.takeError()));
  }
  Registered[*As] = *Inst;
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
  Expected<w2n_instance *> Inst = instanceFor(*Action);
  if (!Inst)
    return Inst.takeError();
  w2n_extern Export;
  if (w2n_instance_export(*Inst, Field->data(), Field->size(), &Export) !=
      W2N_OK)
    return llvm::createStringError("no export " + quote(*Field));

  ActionResult Result;
  if (Type == "get") {
    if (Export.tag != W2N_EXTERN_GLOBAL_REF)
      return llvm::createStringError("export " + quote(*Field) +
                                     " is not a global");
    Result.Values.resize(1);
    w2n_global_get(&Export, &Result.Values[0]);
    Result.Types.push_back(Export.of.global.type);
    return Result;
  }
  if (Type != "invoke")
    return llvm::createStringError("unknown action type " + quote(Type));
  if (Export.tag != W2N_EXTERN_FUNCREF)
    return llvm::createStringError("export " + quote(*Field) +
                                   " is not a function");
  const w2n_func_type_desc *FT = w2n_instance_func_type(*Inst, Export.of.func);
  if (!FT)
    return llvm::createStringError("no signature for export " + quote(*Field));

  std::vector<w2n_value> Args;
  if (const llvm::json::Array *ArgsJson = Action->getArray("args")) {
    for (const llvm::json::Value &Arg : *ArgsJson) {
      Expected<SpecValue> V = parseValue(Arg, /*Expected=*/false);
      if (!V)
        return V.takeError();
      if (Args.size() >= FT->num_params || V->Type != FT->types[Args.size()])
        return llvm::createStringError(
            "the arguments do not match the signature of " + quote(*Field));
      Args.push_back(V->Bits);
    }
  }
  if (Args.size() != FT->num_params)
    return llvm::createStringError("too few arguments for " + quote(*Field));
  Result.Types.assign(FT->types + FT->num_params,
                      FT->types + FT->num_params + FT->num_results);
  Result.Values.resize(FT->num_results);
  w2n_call(*Inst, Export.of.func, Args.data(), Args.size(),
           Result.Values.data(), Result.Values.size(), &Result.Error);
  if (Result.Error.status != W2N_OK && Result.Error.status != W2N_ERROR_TRAP)
    return llvm::createStringError("cannot call " + quote(*Field) + ": " +
                                   Result.Error.message);
  return Result;
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

//===- SpecRunner.cpp - Runs wast2json command lists ----------------------===//
//
// Usage: w2n-spec-runner [--bounds-checks=guard|explicit] [-O N]
//                        [--exe=ARCH --exe-host=DIR] FILE.json...
//
// Each FILE.json is what wast2json writes for one .wast script: a list of
// commands, with the modules they use as .wasm files beside it. The runner
// walks the list and runs every command:
//   - module                       loads, validates, compiles (lowering, the
//                                  -O pipeline, an x86-64 object loaded with
//                                  ORC; with --exe, `wasm2native compile
//                                  --emit=obj` for ARCH and a test host
//                                  executable, see SpecEngine.h) and
//                                  instantiates it, with imports from
//                                  `spectest` and registered modules;
//   - register                     names an instance for later imports;
//   - action, assert_return, assert_trap, assert_exhaustion
//                                  invoke an export or get a global, and
//                                  check the results or the trap;
//   - assert_invalid / _malformed  must be rejected, with that kind of error;
//   - assert_unlinkable            must compile, then fail to link;
//   - assert_uninstantiable        must compile and link, then trap in its
//                                  initialisation or start function;
//   - text-format modules          are not applicable (we read binaries only);
//   - anything else                fails, so that nothing is skipped silently.
// A module that fails to compile or instantiate fails, and so does every
// later command that uses it.
//
// Output, on stdout, for each FILE.json: one line per failed command,
//   SCRIPT.wast:LINE: COMMAND (X.wasm): expected ..., got ...
// then one tab-separated summary line (run-spec parses it; keep the two in
// step):
//   FILE.json<TAB>passed=N<TAB>failed=N<TAB>not_applicable=N
//            [<TAB>KIND.OUTCOME=N]...   (only the non-zero counts)
// Exit status: 0 iff no command failed, 1 if some did, 2 on a usage error.
//
//===----------------------------------------------------------------------===//
#include "test/spec/SpecRunner.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"

#include <csignal>

using namespace w2n;
using namespace w2n::spec;
using frontend::ErrorKind;
using frontend::WasmError;

namespace {

CommandKind parseCommandKind(llvm::StringRef Type) {
  return llvm::StringSwitch<CommandKind>(Type)
      .Case("module", CommandKind::Module)
      .Case("assert_invalid", CommandKind::AssertInvalid)
      .Case("assert_malformed", CommandKind::AssertMalformed)
      .Case("assert_unlinkable", CommandKind::AssertUnlinkable)
      .Case("assert_uninstantiable", CommandKind::AssertUninstantiable)
      .Case("assert_return", CommandKind::AssertReturn)
      .Case("assert_trap", CommandKind::AssertTrap)
      .Case("assert_exhaustion", CommandKind::AssertExhaustion)
      .Case("action", CommandKind::Action)
      .Case("register", CommandKind::Register)
      .Default(CommandKind::Unknown);
}

/// Whether commands of this kind carry a module of their own.
bool carriesModule(CommandKind Kind) {
  return Kind == CommandKind::Module || Kind == CommandKind::AssertInvalid ||
         Kind == CommandKind::AssertMalformed ||
         Kind == CommandKind::AssertUnlinkable ||
         Kind == CommandKind::AssertUninstantiable;
}

/// How the runner names a rejection's kind.
llvm::StringRef errorKindName(ErrorKind K) {
  switch (K) {
  case ErrorKind::Malformed:
    return "malformed";
  case ErrorKind::Invalid:
    return "invalid";
  case ErrorKind::Unsupported:
    return "unsupported";
  }
  return "unknown";
}

} // namespace

namespace w2n::spec {

unsigned Tally::total(Outcome Result) const {
  unsigned Sum = 0;
  for (const auto &PerKind : Counts)
    Sum += PerKind[size_t(Result)];
  return Sum;
}

void Tally::printSummary(llvm::raw_ostream &OS, llvm::StringRef File) const {
  OS << File;
  for (size_t R = 0; R < NumOutcomes; ++R)
    OS << '\t' << OutcomeNames[R] << '=' << total(Outcome(R));
  for (size_t K = 0; K < NumCommandKinds; ++K)
    for (size_t R = 0; R < NumOutcomes; ++R)
      if (unsigned N = Counts[K][R])
        OS << '\t' << CommandKindNames[K] << '.' << OutcomeNames[R] << '=' << N;
  OS << '\n';
}

Rejection takeRejection(llvm::Error Err) {
  Rejection R;
  llvm::raw_string_ostream S(R.Description);
  llvm::handleAllErrors(
      std::move(Err),
      [&](const WasmError &W) {
        R.Kind = W.kind();
        S << errorKindName(W.kind())
          << llvm::format(" at 0x%llx: \"", (unsigned long long)W.offset());
        S.write_escaped(W.text());
        S << '"';
      },
      [&](const llvm::ErrorInfoBase &Other) {
        S << "error: ";
        S.write_escaped(Other.message());
      });
  return R;
}

std::string quoteExpectedText(const llvm::json::Object &Json) {
  std::string Text;
  llvm::raw_string_ostream S(Text);
  S << '"';
  if (std::optional<llvm::StringRef> T = Json.getString("text"))
    S.write_escaped(*T);
  S << '"';
  return Text;
}

Tally ScriptRunner::runScript(llvm::StringRef JsonPath) {
  Tally Counts;
  endScript();
  ScriptDir = llvm::sys::path::parent_path(JsonPath).str();
  SourceName = JsonPath.str();

  // A script that cannot be read counts as one failure, never as empty.
  auto failScript = [&](const llvm::Twine &Message) {
    OS << JsonPath << ": script: " << Message << '\n';
    Counts.add(CommandKind::Script, Outcome::Failed);
    Counts.printSummary(OS, JsonPath);
    return Counts;
  };

  auto Buffer = llvm::MemoryBuffer::getFile(JsonPath, /*IsText=*/true);
  if (!Buffer)
    return failScript("cannot read: " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Root =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Root)
    return failScript("not JSON: " + llvm::toString(Root.takeError()));
  const llvm::json::Object *Top = Root->getAsObject();
  const llvm::json::Array *Commands = Top ? Top->getArray("commands") : nullptr;
  if (!Commands)
    return failScript("no \"commands\" array");
  if (std::optional<llvm::StringRef> Source = Top->getString("source_filename"))
    SourceName = Source->str();

  if (!prepareScript(*Commands)) {
    Counts.add(CommandKind::Script, Outcome::Failed);
    endScript();
    Counts.printSummary(OS, JsonPath);
    return Counts;
  }

  for (const llvm::json::Value &Value : *Commands) {
    const llvm::json::Object *Json = Value.getAsObject();
    if (!Json) {
      OS << SourceName << ": script: a command is not a JSON object\n";
      Counts.add(CommandKind::Script, Outcome::Failed);
      continue;
    }
    llvm::StringRef Type = Json->getString("type").value_or("");
    Command Cmd{parseCommandKind(Type), Type,
                Json->getInteger("line").value_or(0), *Json};
    Counts.add(Cmd.Kind, runCommand(Cmd));
    // Flushed per command, so that a crash loses no failure line.
    OS.flush();
  }
  endScript();
  Counts.printSummary(OS, JsonPath);
  return Counts;
}

bool ScriptRunner::prepareScript(const llvm::json::Array &Commands) {
  Eng = createEngine(Opts, Exe);
  for (const llvm::json::Value &Value : Commands) {
    const llvm::json::Object *Json = Value.getAsObject();
    if (!Json)
      continue;
    llvm::StringRef Type = Json->getString("type").value_or("");
    Command Cmd{parseCommandKind(Type), Type,
                Json->getInteger("line").value_or(0), *Json};
    std::optional<llvm::StringRef> File = Json->getString("filename");
    std::optional<llvm::StringRef> ModuleType = Json->getString("module_type");
    if ((Cmd.Kind != CommandKind::Module &&
         Cmd.Kind != CommandKind::AssertUnlinkable &&
         Cmd.Kind != CommandKind::AssertUninstantiable) ||
        !File || (ModuleType && *ModuleType != "binary") ||
        Compiled.count(*File))
      continue;
    std::pair<int, std::string> &Entry = Compiled[*File];
    Entry.first = -1;
    llvm::Expected<LoadedModule> Loaded = loadCommandModule(Cmd);
    if (!Loaded) {
      Entry.second = "cannot load the module: " +
                     takeRejection(Loaded.takeError()).Description;
      continue;
    }
    llvm::SmallString<256> Path(ScriptDir);
    llvm::sys::path::append(Path, *File);
    llvm::Expected<unsigned> Index = Eng->compile(*Loaded->Mod, Path);
    if (!Index) {
      Entry.second = "cannot compile the module: " +
                     takeRejection(Index.takeError()).Description;
      continue;
    }
    Entry.first = int(*Index);
  }
  if (llvm::Error E = Eng->start()) {
    OS << SourceName << ": script: cannot start the engine: "
       << llvm::toString(std::move(E)) << '\n';
    return false;
  }
  return true;
}

void ScriptRunner::endScript() {
  Eng.reset();
  Compiled.clear();
  Named.clear();
  Current = -1;
  HaveCurrent = false;
}

Outcome ScriptRunner::runCommand(const Command &Cmd) {
  if (carriesModule(Cmd.Kind)) {
    // We read binaries only. wast2json writes the text of `module quote`
    // assertions (mostly text-syntax errors) to .wat files, and no
    // module_type at all for plain `module` commands, which are binary.
    std::optional<llvm::StringRef> Type = Cmd.Json.getString("module_type");
    if (Type && *Type == "text")
      return Outcome::NotApplicable;
    if (Type && *Type != "binary")
      return fail(Cmd, "unknown module_type \"" + *Type + "\"");
  }

  switch (Cmd.Kind) {
  case CommandKind::Module:
    return runModule(Cmd);
  case CommandKind::AssertInvalid:
    return runAssertRejected(Cmd, ErrorKind::Invalid);
  case CommandKind::AssertMalformed:
    return runAssertRejected(Cmd, ErrorKind::Malformed);
  case CommandKind::AssertUnlinkable:
  case CommandKind::AssertUninstantiable:
    return runAssertLinkTime(Cmd);
  case CommandKind::AssertReturn:
    return runAssertReturn(Cmd);
  case CommandKind::AssertTrap:
  case CommandKind::AssertExhaustion:
    return runAssertTrap(Cmd);
  case CommandKind::Action:
    return runAction(Cmd);
  case CommandKind::Register:
    return runRegister(Cmd);
  case CommandKind::Unknown:
  case CommandKind::Script:
    break;
  }
  return fail(Cmd, "unknown command type");
}

Outcome ScriptRunner::runAssertRejected(const Command &Cmd,
                                        ErrorKind Expected) {
  llvm::StringRef ExpectedName = errorKindName(Expected);
  std::string Want = (ExpectedName + " " + quoteExpectedText(Cmd.Json)).str();
  llvm::Expected<LoadedModule> Loaded = loadCommandModule(Cmd);
  if (Loaded)
    return fail(Cmd, "expected " + Want + ", got a valid module");

  // Only the error kind must match: the spec's texts are suggestions, and
  // our messages are worded our own way.
  Rejection R = takeRejection(Loaded.takeError());
  if (R.Kind == Expected)
    return Outcome::Passed;
  return fail(Cmd, "expected " + Want + ", got " + R.Description);
}

llvm::Expected<LoadedModule>
ScriptRunner::loadCommandModule(const Command &Cmd) {
  std::optional<llvm::StringRef> FileName = Cmd.Json.getString("filename");
  if (!FileName)
    return llvm::createStringError("the command names no module file");
  llvm::SmallString<256> Path(ScriptDir);
  llvm::sys::path::append(Path, *FileName);

  LoadedModule Loaded;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read " + Path + ": " +
                                       Buffer.getError().message());
  Loaded.Bytes = std::move(*Buffer);
  llvm::ArrayRef<uint8_t> Bytes(
      reinterpret_cast<const uint8_t *>(Loaded.Bytes->getBufferStart()),
      Loaded.Bytes->getBufferSize());
  // The suite is WebAssembly 2.0's: its verdicts on what 3.0 adds are 2.0's.
  frontend::FrontendOptions Opts;
  Opts.Wasm2Only = true;
  auto Mod = frontend::loadModule(Bytes, Opts);
  if (!Mod)
    return Mod.takeError();
  Loaded.Mod = std::move(*Mod);
  return Loaded;
}

Outcome ScriptRunner::fail(const Command &Cmd, const llvm::Twine &Message) {
  OS << SourceName << ':' << Cmd.Line << ": ";
  if (Cmd.Kind == CommandKind::Unknown)
    OS << '"' << Cmd.Type << '"';
  else
    OS << CommandKindNames[size_t(Cmd.Kind)];
  if (std::optional<llvm::StringRef> FileName = Cmd.Json.getString("filename"))
    OS << " (" << *FileName << ')';
  OS << ": " << Message << '\n';
  return Outcome::Failed;
}

} // namespace w2n::spec

namespace {

int usage(const char *Argv0) {
  llvm::errs() << "usage: " << llvm::sys::path::filename(Argv0)
               << " [--bounds-checks=guard|explicit] [-O N]\n"
                  "       [--exe=x86_64|aarch64|riscv64 --exe-host=DIR] "
                  "FILE.json...\n"
                  "Runs the commands of wast2json scripts against "
                  "wasm2native: in this process,\nor with --exe in a test "
                  "host executable for that target (its objects in DIR,\n"
                  "under qemu-user for a foreign target).\n";
  return 2;
}

} // namespace

int main(int Argc, char **Argv) {
  // InitLLVM prints a stack trace if the compiler crashes, which run-spec
  // shows with the name of the script that was running.
  llvm::InitLLVM Init(Argc, Argv);
  // A test host that dies must not take the runner with it.
  signal(SIGPIPE, SIG_IGN);
  JitOptions Opts;
  ExeOptions Exe;
  std::vector<llvm::StringRef> Files;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--help")
      return usage(Argv[0]);
    JitOptionParse Parsed = parseJitOption(I, Argc, Argv, Opts);
    if (Parsed == JitOptionParse::NotAnOption)
      Parsed = parseExeOption(Arg, Exe);
    if (Parsed == JitOptionParse::Malformed)
      return usage(Argv[0]);
    if (Parsed == JitOptionParse::Taken)
      continue;
    if (Arg.starts_with("-"))
      return usage(Argv[0]);
    Files.push_back(Arg);
  }
  if (Files.empty() || (Exe.Target && Exe.HostDir.empty()))
    return usage(Argv[0]);

  ScriptRunner Runner(llvm::outs(), Opts, Exe);
  unsigned Failed = 0;
  for (llvm::StringRef File : Files) {
    Failed += Runner.runScript(File).total(Outcome::Failed);
    llvm::outs().flush();
  }
  return Failed == 0 ? 0 : 1;
}

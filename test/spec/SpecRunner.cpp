//===- SpecRunner.cpp - Checks wast2json command lists --------------------===//
//
// Usage: w2n-spec-runner FILE.json...
//
// Each FILE.json is what wast2json writes for one .wast script: a list of
// commands, with the modules they use as .wasm files beside it. The runner
// walks the list and checks every command against the frontend.
//
// This is the validation phase: modules are decoded and validated, nothing is
// instantiated or executed yet. So
//   - module                       must load and validate;
//   - assert_invalid / _malformed  must be rejected, with that kind of error;
//   - assert_unlinkable / _uninstantiable
//                                  must validate (they fail at link or
//                                  instantiation time, which comes later);
//   - text-format modules          are not applicable (we read binaries only);
//   - execution commands           are counted as "not run yet", never passed;
//   - anything else                fails, so that nothing is skipped silently.
//
// Output, on stdout, for each FILE.json: one line per failed command,
//   SCRIPT.wast:LINE: COMMAND (X.wasm): expected ..., got ...
// then one tab-separated summary line (run-spec parses it; keep the two in
// step):
//   FILE.json<TAB>passed=N<TAB>failed=N<TAB>not_applicable=N<TAB>not_run=N
//            [<TAB>KIND.OUTCOME=N]...   (only the non-zero counts)
// Exit status: 0 iff no command failed, 1 if some did, 2 on a usage error.
//
//===----------------------------------------------------------------------===//
#include "frontend/Frontend.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <memory>
#include <optional>
#include <string>

using namespace w2n;
using frontend::ErrorKind;
using frontend::WasmError;

namespace {

/// The command types of a wast2json script, plus two pseudo-kinds under
/// which failures that belong to no known command are counted.
enum class CommandKind : uint8_t {
  Module,
  AssertInvalid,
  AssertMalformed,
  AssertUnlinkable,
  AssertUninstantiable,
  AssertReturn,
  AssertTrap,
  AssertExhaustion,
  Action,
  Register,
  Unknown, ///< a command type this runner does not know
  Script,  ///< the JSON file itself: unreadable or not a command list
};
constexpr size_t NumCommandKinds = size_t(CommandKind::Script) + 1;

/// The names are wast2json's, so that counts read like the scripts.
constexpr std::array<llvm::StringLiteral, NumCommandKinds> CommandKindNames = {
    "module",
    "assert_invalid",
    "assert_malformed",
    "assert_unlinkable",
    "assert_uninstantiable",
    "assert_return",
    "assert_trap",
    "assert_exhaustion",
    "action",
    "register",
    "unknown",
    "script",
};

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

/// What became of one command. Only Passed and Failed are verdicts; the
/// other two are counted so that the totals account for every command.
enum class Outcome : uint8_t {
  Passed,
  Failed,
  NotApplicable, ///< a text-format module: we only read binaries
  NotRun,        ///< needs execution, which comes with lowering
};
constexpr size_t NumOutcomes = size_t(Outcome::NotRun) + 1;

constexpr std::array<llvm::StringLiteral, NumOutcomes> OutcomeNames = {
    "passed", "failed", "not_applicable", "not_run"};

/// Counts of outcomes per command kind, for one script or for all of them.
class Tally {
public:
  void add(CommandKind Kind, Outcome Result) {
    ++Counts[size_t(Kind)][size_t(Result)];
  }

  unsigned total(Outcome Result) const {
    unsigned Sum = 0;
    for (const auto &PerKind : Counts)
      Sum += PerKind[size_t(Result)];
    return Sum;
  }

  /// Prints the summary line described at the top of this file.
  void printSummary(llvm::raw_ostream &OS, llvm::StringRef File) const {
    OS << File;
    for (size_t R = 0; R < NumOutcomes; ++R)
      OS << '\t' << OutcomeNames[R] << '=' << total(Outcome(R));
    for (size_t K = 0; K < NumCommandKinds; ++K)
      for (size_t R = 0; R < NumOutcomes; ++R)
        if (unsigned N = Counts[K][R])
          OS << '\t' << CommandKindNames[K] << '.' << OutcomeNames[R] << '='
             << N;
    OS << '\n';
  }

private:
  std::array<std::array<unsigned, NumOutcomes>, NumCommandKinds> Counts{};
};

/// A module read from a .wasm file. The Module points into the bytes, so the
/// two live together.
struct LoadedModule {
  std::unique_ptr<llvm::MemoryBuffer> Bytes;
  std::unique_ptr<frontend::Module> Mod;
};

/// One command of a script, as handed to the per-kind handlers.
struct Command {
  CommandKind Kind;
  llvm::StringRef Type; ///< as spelled in the JSON (for unknown kinds)
  int64_t Line;         ///< in the .wast script
  const llvm::json::Object &Json;
};

/// Walks the command list of one script after another and dispatches each
/// command to the handler for its kind.
///
/// Growing into the executor: the handlers for module, register and the
/// execution commands are the places where instances will be created, named,
/// registered and called; per-script state (the current module, named
/// instances) belongs beside ScriptDir and is reset by runScript.
class ScriptRunner {
public:
  explicit ScriptRunner(llvm::raw_ostream &OS) : OS(OS) {}

  /// Runs every command of one JSON file, prints its failures and its
  /// summary line, and returns its counts.
  Tally runScript(llvm::StringRef JsonPath);

private:
  Outcome runCommand(const Command &Cmd);

  Outcome runModule(const Command &Cmd);
  Outcome runAssertRejected(const Command &Cmd, ErrorKind Expected);
  Outcome runAssertLinkTime(const Command &Cmd);

  /// Reads and loads (decodes and validates) the module of a command.
  llvm::Expected<LoadedModule> loadCommandModule(const Command &Cmd);

  /// Prints the failure of a command and returns Outcome::Failed.
  Outcome fail(const Command &Cmd, const llvm::Twine &Message);

  llvm::raw_ostream &OS;

  // State of the script being run; set by runScript.
  std::string ScriptDir;  ///< where its .wasm files are
  std::string SourceName; ///< its .wast, for FILE:LINE in failures
};

/// How the frontend (or reading the file) refused a module, taken apart so
/// that the handlers can compare the kind and print the rest.
struct Rejection {
  std::optional<ErrorKind> Kind; ///< unset if the file could not be read
  std::string Description;       ///< one line: kind, offset, our message
};

Rejection takeRejection(llvm::Error Err) {
  Rejection R;
  llvm::raw_string_ostream S(R.Description);
  llvm::handleAllErrors(
      std::move(Err),
      [&](const WasmError &W) {
        R.Kind = W.kind();
        S << (W.kind() == ErrorKind::Malformed ? "malformed" : "invalid")
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

/// The spec's expectation text, quoted and escaped, for failure messages.
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
  }
  Counts.printSummary(OS, JsonPath);
  return Counts;
}

/// Whether commands of this kind carry a module of their own.
bool carriesModule(CommandKind Kind) {
  return Kind == CommandKind::Module || Kind == CommandKind::AssertInvalid ||
         Kind == CommandKind::AssertMalformed ||
         Kind == CommandKind::AssertUnlinkable ||
         Kind == CommandKind::AssertUninstantiable;
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
  case CommandKind::AssertTrap:
  case CommandKind::AssertExhaustion:
  case CommandKind::Action:
  case CommandKind::Register:
    // Execution comes with lowering; until then these are counted, not run.
    return Outcome::NotRun;
  case CommandKind::Unknown:
  case CommandKind::Script:
    break;
  }
  return fail(Cmd, "unknown command type");
}

Outcome ScriptRunner::runModule(const Command &Cmd) {
  llvm::Expected<LoadedModule> Loaded = loadCommandModule(Cmd);
  if (!Loaded)
    return fail(Cmd, "expected a valid module, got " +
                         takeRejection(Loaded.takeError()).Description);
  return Outcome::Passed;
}

Outcome ScriptRunner::runAssertRejected(const Command &Cmd,
                                        ErrorKind Expected) {
  llvm::StringRef ExpectedName =
      Expected == ErrorKind::Malformed ? "malformed" : "invalid";
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

Outcome ScriptRunner::runAssertLinkTime(const Command &Cmd) {
  // Linking and instantiation come with the executor; what we can check now
  // is that the module itself is valid, as these assertions presuppose.
  llvm::Expected<LoadedModule> Loaded = loadCommandModule(Cmd);
  if (!Loaded)
    return fail(Cmd,
                "expected a valid module (failing only at " +
                    llvm::StringRef(Cmd.Kind == CommandKind::AssertUnlinkable
                                        ? "link"
                                        : "instantiation") +
                    " time), got " +
                    takeRejection(Loaded.takeError()).Description);
  return Outcome::Passed;
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
  auto Mod = frontend::loadModule(Bytes);
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

} // namespace

int main(int Argc, char **Argv) {
  // InitLLVM prints a stack trace if the frontend crashes, which run-spec
  // shows with the name of the script that was running.
  llvm::InitLLVM Init(Argc, Argv);
  if (Argc < 2 || llvm::StringRef(Argv[1]) == "--help") {
    llvm::errs() << "usage: " << llvm::sys::path::filename(Argv[0])
                 << " FILE.json...\n"
                    "Checks the commands of wast2json scripts against the "
                    "wasm2native frontend.\n";
    return 2;
  }

  ScriptRunner Runner(llvm::outs());
  unsigned Failed = 0;
  for (int I = 1; I < Argc; ++I) {
    Failed += Runner.runScript(Argv[I]).total(Outcome::Failed);
    // Flushed per script, so that a crash in a later one loses nothing of
    // the earlier ones.
    llvm::outs().flush();
  }
  return Failed == 0 ? 0 : 1;
}

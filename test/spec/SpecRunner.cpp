//===- SpecRunner.cpp - Runs WAST scripts ---------------------------------===//
//
// Usage: w2n-spec-runner [--wasm2 | --wasm2-text] [--bounds-checks=guard|explicit]
//                        [-O N] [--exe=ARCH --exe-host=DIR] FILE.wast...
//
// Each FILE.wast is a script of the spec test suite, read by the frontend's
// WAST reader. The runner walks its commands and runs every one:
//   - module                       encodes (text and quoted modules),
//                                  decodes, validates, compiles (lowering,
//                                  the -O pipeline, an x86-64 object loaded
//                                  with ORC; with --exe, `wasm2native
//                                  compile --emit=obj` for ARCH and a test
//                                  host executable, see SpecEngine.h) and
//                                  instantiates it, with imports from
//                                  `spectest` and registered modules;
//                                  `module definition` compiles only, and
//                                  `module instance` instantiates one;
//   - register                     names an instance for later imports;
//   - action, assert_return, assert_trap, assert_exhaustion
//                                  invoke an export or get a global, and
//                                  check the results or the trap;
//   - assert_invalid / _malformed  must be rejected, with that kind of error
//                                  (text that does not read is malformed);
//   - assert_unlinkable            must compile, then fail to link;
//   - assert_uninstantiable        must compile and link, then trap in its
//                                  initialisation or start function.
// A module that uses a construct the compiler does not support yet is
// counted as unsupported, and so is every command that needs it, and the
// thread blocks of the threads suite (until threads are supported). A
// module that fails to compile or instantiate fails, and so does every
// later command that uses it.
//
// --wasm2 reads scripts as WebAssembly 2.0 (the 2.0 suite's verdicts on
// what 3.0 changed); --wasm2-text reads only the text so (the threads
// suite: 32-bit limits and offsets), and decodes as 3.0.
//
// Output, on stdout, for each FILE.wast: one line per failed command,
//   FILE.wast:LINE: COMMAND: expected ..., got ...
// then one tab-separated summary line (run-spec parses it; keep the two in
// step):
//   FILE.wast<TAB>passed=N<TAB>failed=N<TAB>unsupported=N
//            [<TAB>needs=PROPOSAL,...]  (what the unsupported ones need)
//            [<TAB>KIND.OUTCOME=N]...   (only the non-zero counts)
// Exit status: 0 iff no command failed, 1 if some did, 2 on a usage error.
//
//===----------------------------------------------------------------------===//
#include "test/spec/SpecRunner.h"

#include "frontend/text/Literals.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <csignal>

using namespace w2n;
using namespace w2n::spec;
using frontend::ErrorKind;
using frontend::WasmError;
using frontend::text::TextError;

namespace {

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

llvm::StringRef commandKindLabel(size_t Kind) {
  if (Kind == ScriptKindSlot)
    return "script";
  llvm::StringRef Name = frontend::text::commandKindName(ScriptCommandKind(Kind));
  // One word, for the summary line's KIND.OUTCOME keys.
  return Name == "module instance" ? "module_instance" : Name;
}

unsigned Tally::total(Outcome Result) const {
  unsigned Sum = 0;
  for (const auto &PerKind : Counts)
    Sum += PerKind[size_t(Result)];
  return Sum;
}

void Tally::printSummary(llvm::raw_ostream &OS, llvm::StringRef File,
                         const llvm::StringSet<> &Needs) const {
  OS << File;
  for (size_t R = 0; R < NumOutcomes; ++R)
    OS << '\t' << OutcomeNames[R] << '=' << total(Outcome(R));
  if (total(Outcome::Unsupported) && !Needs.empty()) {
    std::vector<llvm::StringRef> Sorted;
    for (const auto &N : Needs)
      Sorted.push_back(N.getKey());
    llvm::sort(Sorted);
    OS << "\tneeds=" << llvm::join(Sorted, ",");
  }
  for (size_t K = 0; K < NumCommandKinds; ++K)
    for (size_t R = 0; R < NumOutcomes; ++R)
      if (unsigned N = Counts[K][R])
        OS << '\t' << commandKindLabel(K) << '.' << OutcomeNames[R] << '='
           << N;
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
      [&](const TextError &T) {
        R.Kind = T.kind();
        S << "malformed text at " << T.where().Line << ':' << T.where().Col
          << ": \"";
        S.write_escaped(T.text());
        S << '"';
      },
      [&](const llvm::ErrorInfoBase &Other) {
        S << "error: ";
        S.write_escaped(Other.message());
      });
  return R;
}

Tally ScriptRunner::runScript(llvm::StringRef Path) {
  Tally Counts;
  endScript();
  Needs.clear();
  SourceName = Path.str();

  // A script that cannot be read counts as one failure, never as empty.
  auto failScript = [&](const llvm::Twine &Message) {
    OS << Path << ": script: " << Message << '\n';
    Counts.add(ScriptKindSlot, Outcome::Failed);
    Counts.printSummary(OS, Path);
    return Counts;
  };

  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return failScript("cannot read: " + Buffer.getError().message());
  llvm::Expected<frontend::text::Script> Parsed =
      frontend::text::parseScript((*Buffer)->getBuffer().str());
  if (!Parsed)
    return failScript("cannot read the script: " +
                      takeRejection(Parsed.takeError()).Description);
  S = std::move(*Parsed);

  if (!prepareScript()) {
    Counts.add(ScriptKindSlot, Outcome::Failed);
    endScript();
    Counts.printSummary(OS, Path);
    return Counts;
  }
  for (const ScriptCommand &Cmd : S->Commands) {
    Counts.add(size_t(Cmd.Kind), runCommand(Cmd));
    // Flushed per command, so that a crash loses no failure line.
    OS.flush();
  }
  endScript();
  Counts.printSummary(OS, Path, Needs);
  return Counts;
}

void ScriptRunner::noteNeed(llvm::StringRef Description) {
  llvm::StringRef Marker = "not supported yet: ";
  size_t At = Description.find(Marker);
  if (At == llvm::StringRef::npos) {
    Needs.insert("other");
    return;
  }
  Needs.insert(Description.substr(At + Marker.size()).split(':').first);
}

llvm::Expected<std::unique_ptr<LoadedModule>>
ScriptRunner::loadModule(const ScriptModule &M) {
  auto L = std::make_unique<LoadedModule>();
  llvm::Expected<frontend::text::BinaryModule> B = S->encode(M, Read.Text);
  if (!B)
    return B.takeError();
  L->Binary = std::move(*B);
  auto Mod = frontend::loadModule(L->Binary.Bytes, Read.Frontend);
  if (!Mod)
    return Mod.takeError();
  L->Mod = std::move(*Mod);
  return L;
}

bool ScriptRunner::prepareScript() {
  Eng = createEngine(Opts, Exe);
  for (const ScriptCommand &Cmd : S->Commands) {
    if (!Cmd.Module || (Cmd.Kind != ScriptCommandKind::Module &&
                        Cmd.Kind != ScriptCommandKind::AssertUnlinkable &&
                        Cmd.Kind != ScriptCommandKind::AssertUninstantiable))
      continue;
    CompiledModule &Entry = Compiled[&*Cmd.Module];
    llvm::Expected<std::unique_ptr<LoadedModule>> L = loadModule(*Cmd.Module);
    if (!L) {
      Rejection R = takeRejection(L.takeError());
      Entry.Unsupported = R.Kind == ErrorKind::Unsupported;
      if (Entry.Unsupported)
        noteNeed(R.Description);
      Entry.Why = "cannot load the module: " + R.Description;
      continue;
    }
    llvm::Expected<unsigned> Index = Eng->compile(*(*L)->Mod);
    if (!Index) {
      Rejection R = takeRejection(Index.takeError());
      Entry.Unsupported = R.Kind == ErrorKind::Unsupported;
      if (Entry.Unsupported)
        noteNeed(R.Description);
      Entry.Why = "cannot compile the module: " + R.Description;
      continue;
    }
    Entry.Index = int(*Index);
    Entry.Mod = (*L)->Mod.get();
    Loaded.push_back(std::move(*L));
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
  // The next script's code may land where this one's was.
  w2n_eh_cache_clear();
  Compiled.clear();
  Loaded.clear();
  Named.clear();
  Definitions.clear();
  LastDefinition = nullptr;
  Current = InstanceRef();
  HaveCurrent = false;
  UnsupportedNames.clear();
  RegisteredIndex.clear();
  Tainted.clear();
  S.reset();
}

std::vector<std::string> ScriptRunner::importedModules(const ScriptModule &M) {
  std::vector<std::string> Names;
  auto It = Compiled.find(&M);
  if (It != Compiled.end() && It->second.Mod) {
    for (const frontend::Import &Imp : It->second.Mod->Imports)
      Names.push_back(Imp.Module.str());
    return Names;
  }
  // (import "NAME" anywhere in the module's text.
  std::optional<std::vector<frontend::text::Token>> QuoteTokens;
  llvm::ArrayRef<frontend::text::Token> Tokens = S->Tokens;
  llvm::StringRef Source = S->Source;
  size_t Begin = M.FieldsToken;
  if (M.F == ScriptModule::Form::Quote) {
    auto T = frontend::text::tokenize(M.Data);
    if (!T) {
      llvm::consumeError(T.takeError());
      return Names;
    }
    QuoteTokens = std::move(*T);
    Tokens = *QuoteTokens;
    Source = M.Data;
    Begin = 0;
  } else if (M.F == ScriptModule::Form::Binary) {
    return Names;
  }
  using frontend::text::TokenKind;
  unsigned Depth = 0;
  for (size_t I = Begin; I + 2 < Tokens.size(); ++I) {
    const frontend::text::Token &T = Tokens[I];
    if (T.Kind == TokenKind::RParen && Depth-- == 0)
      break;
    if (T.Kind != TokenKind::LParen)
      continue;
    ++Depth;
    if (Tokens[I + 1].Kind == TokenKind::Keyword &&
        Source.substr(Tokens[I + 1].Begin, Tokens[I + 1].Size) == "import" &&
        Tokens[I + 2].Kind == TokenKind::String) {
      std::string Name, Why;
      size_t At;
      if (frontend::text::decodeString(
              Source.substr(Tokens[I + 2].Begin, Tokens[I + 2].Size), Name,
              Why, At))
        Names.push_back(std::move(Name));
    }
  }
  return Names;
}

bool ScriptRunner::importsUnsupported(const ScriptModule &M) {
  for (const std::string &Name : importedModules(M))
    if (UnsupportedNames.contains(Name))
      return true;
  return false;
}

Outcome ScriptRunner::runCommand(const ScriptCommand &Cmd) {
  switch (Cmd.Kind) {
  case ScriptCommandKind::Module:
    return runModule(Cmd);
  case ScriptCommandKind::ModuleInstance:
    return runModuleInstance(Cmd);
  case ScriptCommandKind::AssertInvalid:
    return runAssertRejected(Cmd, ErrorKind::Invalid);
  case ScriptCommandKind::AssertMalformed:
    return runAssertRejected(Cmd, ErrorKind::Malformed);
  case ScriptCommandKind::AssertUnlinkable:
  case ScriptCommandKind::AssertUninstantiable:
    return runAssertLinkTime(Cmd);
  case ScriptCommandKind::AssertReturn:
    return runAssertReturn(Cmd);
  case ScriptCommandKind::AssertTrap:
  case ScriptCommandKind::AssertExhaustion:
    return runAssertTrap(Cmd);
  case ScriptCommandKind::AssertException:
    return runAssertException(Cmd);
  case ScriptCommandKind::Action:
    return runAction(Cmd);
  case ScriptCommandKind::Register:
    return runRegister(Cmd);
  case ScriptCommandKind::Thread:
  case ScriptCommandKind::Wait:
    // Read, not run: threads are not supported yet.
    Needs.insert("script threads");
    return Outcome::Unsupported;
  }
  return fail(Cmd, "unknown command");
}

Outcome ScriptRunner::runAssertRejected(const ScriptCommand &Cmd,
                                        ErrorKind Expected) {
  std::string Want =
      (errorKindName(Expected) + " " + quote(Cmd.Message)).str();
  llvm::Expected<std::unique_ptr<LoadedModule>> L = loadModule(*Cmd.Module);
  if (L)
    return fail(Cmd, "expected " + Want + ", got a valid module");

  // Only the error kind must match: the spec's texts are suggestions, and
  // our messages are worded our own way.
  Rejection R = takeRejection(L.takeError());
  if (R.Kind == Expected)
    return Outcome::Passed;
  if (R.Kind == ErrorKind::Unsupported) {
    noteNeed(R.Description);
    return Outcome::Unsupported;
  }
  return fail(Cmd, "expected " + Want + ", got " + R.Description);
}

Outcome ScriptRunner::fail(const ScriptCommand &Cmd,
                           const llvm::Twine &Message) {
  OS << SourceName << ':' << Cmd.Line << ": "
     << frontend::text::commandKindName(Cmd.Kind) << ": " << Message << '\n';
  return Outcome::Failed;
}

} // namespace w2n::spec

namespace {

int usage(const char *Argv0) {
  llvm::errs() << "usage: " << llvm::sys::path::filename(Argv0)
               << " [--wasm2 | --wasm2-text] [--bounds-checks=guard|explicit] "
                  "[-O N]\n"
                  "       [--exe=x86_64|aarch64|riscv64 --exe-host=DIR] "
                  "FILE.wast...\n"
                  "Runs the commands of spec test scripts against "
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
  ReadOptions Read;
  std::vector<llvm::StringRef> Files;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--help")
      return usage(Argv[0]);
    if (Arg == "--wasm2") {
      Read.Frontend.Wasm2Only = Read.Text.Wasm2Only = true;
      continue;
    }
    if (Arg == "--wasm2-text") {
      Read.Text.Wasm2Only = true;
      continue;
    }
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

  ScriptRunner Runner(llvm::outs(), Opts, Exe, Read);
  unsigned Failed = 0;
  for (llvm::StringRef File : Files) {
    Failed += Runner.runScript(File).total(Outcome::Failed);
    llvm::outs().flush();
  }
  return Failed == 0 ? 0 : 1;
}

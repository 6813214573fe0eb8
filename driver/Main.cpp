//===- Main.cpp - The wasm2native command line ----------------------------===//
//
// A thin layer: CLI11 fills a Config, and each verb calls into the libraries.
// Every user-caused failure is printed once, here, and exits with status 1.
//
//===----------------------------------------------------------------------===//
#include "driver/Codegen.h"
#include "driver/Compile.h"
#include "driver/Config.h"
#include "driver/Run.h"
#include "frontend/Frontend.h"
#include "frontend/text/Text.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace w2n;

namespace {

constexpr const char *ToolName = "wasm2native";

void printError(const std::string &Message) {
  fmt::print(stderr, "{}: error: {}\n", ToolName, Message);
}

/// Prints a module error as FILE:0xOFFSET: error: MESSAGE, or for text
/// FILE:LINE:COL: error: MESSAGE.
void printModuleError(const std::string &File, llvm::Error E) {
  llvm::handleAllErrors(
      std::move(E),
      [&](const frontend::text::TextError &T) {
        fmt::print(stderr, "{}:{}:{}: error: {}\n", File, T.where().Line,
                   T.where().Col, T.text());
      },
      [&](const frontend::WasmError &W) {
        fmt::print(stderr, "{}:{:#x}: error: {}\n", File, W.offset(),
                   W.text());
      },
      [&](const llvm::ErrorInfoBase &Other) {
        fmt::print(stderr, "{}: error: {}\n", File, Other.message());
      });
}

/// Reads, decodes and validates one module (binary or text); prints any
/// error.
bool validateFile(const std::string &Path) {
  auto Buffer = driver::readInput(Path);
  if (!Buffer) {
    printModuleError(Path, Buffer.takeError());
    return false;
  }
  llvm::ArrayRef<uint8_t> Contents(
      reinterpret_cast<const uint8_t *>((*Buffer)->getBufferStart()),
      (*Buffer)->getBufferSize());
  frontend::text::InputModule Input;
  auto M = frontend::text::loadInput(Contents, Input);
  if (!M) {
    printModuleError(Path, M.takeError());
    return false;
  }
  return true;
}

int runValidate(const std::vector<std::string> &Files) {
  int Status = 0;
  for (const std::string &File : Files) {
    if (!validateFile(File))
      Status = 1;
  }
  return Status;
}

int runCompile(const driver::Config &C) {
  if (llvm::Error E = driver::compile(C)) {
    printModuleError(C.Input, std::move(E));
    return 1;
  }
  return 0;
}

int runRun(const driver::Config &C) {
  // Only returns on failure.
  printModuleError(C.Input, driver::runModule(C));
  return 1;
}

/// Takes the program's arguments out of Args (the words after the tool's
/// name, starting with "run") and returns them: after the module, the
/// tool's own flags (with their values) are read up to the first word that
/// is not one, or up to "--", which is dropped.
std::vector<std::string> splitProgramArgs(const CLI::App &Run,
                                          std::vector<std::string> &Args) {
  // Whether Word is one of run's flags, and if so how many words it takes.
  auto FlagWords = [&](const std::string &Word) -> size_t {
    if (Word.size() < 2 || Word[0] != '-' || Word == "--")
      return 0;
    size_t Eq = Word.find('=');
    std::string Name = Word.substr(0, Eq);
    bool Short = Word[1] != '-';
    // -O2, -j4: a short flag with its value attached.
    if (Short && Name.size() > 2)
      Name = Name.substr(0, 2);
    const CLI::Option *Opt = Run.get_option_no_throw(Name);
    if (!Opt)
      return 0;
    bool TakesValue = Opt->get_type_size() > 0;
    bool Attached = Eq != std::string::npos || (Short && Word.size() > 2);
    return TakesValue && !Attached ? 2 : 1;
  };
  size_t I = 1;
  bool SeenModule = false;
  while (I < Args.size()) {
    const std::string &Word = Args[I];
    if (Word == "--") {
      std::vector<std::string> Program(Args.begin() + I + 1, Args.end());
      Args.resize(I);
      if (!SeenModule && !Program.empty()) {
        // run [flags] -- IN.wasm ARGS...
        Args.push_back(Program.front());
        Program.erase(Program.begin());
      }
      return Program;
    }
    if (size_t N = FlagWords(Word)) {
      I += N;
      continue;
    }
    if (SeenModule || (Word[0] == '-' && Word != "-")) {
      if (!SeenModule)
        break; // an unknown flag before the module: CLI11 reports it
      std::vector<std::string> Program(Args.begin() + I, Args.end());
      Args.resize(I);
      return Program;
    }
    SeenModule = true;
    ++I;
  }
  return {};
}

/// A bash completion script for the verbs and flags App defines (hidden
/// flags left out): `source <(wasm2native completion bash)`.
std::string bashCompletion(const CLI::App &App) {
  std::string Verbs, Cases;
  for (const CLI::App *Sub : App.get_subcommands({})) {
    Verbs += (Verbs.empty() ? "" : " ") + Sub->get_name();
    std::string Flags;
    for (const CLI::Option *Opt : Sub->get_options()) {
      if (Opt->get_group().empty() || Opt->nonpositional() == false)
        continue;
      for (const std::string &L : Opt->get_lnames())
        Flags += (Flags.empty() ? "--" : " --") + L;
      for (const std::string &S : Opt->get_snames())
        Flags += " -" + S;
    }
    Cases += "    " + Sub->get_name() + ") flags='" + Flags + "' ;;\n";
  }
  return "# bash completion for " + std::string(ToolName) +
         ", generated from its command line by `" + ToolName +
         " completion bash`\n"
         "_wasm2native() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} flags=\n"
         "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
         "    COMPREPLY=($(compgen -W '" + Verbs + " --help --version' -- \"$cur\"))\n"
         "    return\n"
         "  fi\n"
         "  case ${COMP_WORDS[1]} in\n" + Cases +
         "  esac\n"
         "  if [[ $cur == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n"
         "  else\n"
         "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
         "  fi\n"
         "}\n"
         "complete -o filenames -F _wasm2native " + ToolName + "\n";
}

/// HOST[::GUEST]; the guest path defaults to the host path.
driver::DirMapping parseMapping(const std::string &Spec) {
  size_t Sep = Spec.find("::");
  if (Sep == std::string::npos)
    return {Spec, Spec};
  return {Spec.substr(0, Sep), Spec.substr(Sep + 2)};
}

/// The options that fix an executable's capabilities, shared by compile and
/// run.
void addCapabilityOptions(CLI::App &Cmd, driver::Config &C,
                          std::vector<std::string> &Dirs,
                          std::vector<std::string> &Envs) {
  // One value per occurrence, so that a flag before the module does not
  // take the module as a second value.
  Cmd.add_option("--dir", Dirs,
                 "Let the program see host directory HOST as GUEST "
                 "(HOST[::GUEST]; repeatable)")
      ->allow_extra_args(false)
      ->type_name("HOST[::GUEST]");
  Cmd.add_option("--env", Envs,
                 "Set environment variable NAME to VALUE, or to the host's "
                 "value of NAME when it is set (repeatable)")
      ->allow_extra_args(false)
      ->type_name("NAME[=VALUE]")
      ->check([](const std::string &S) -> std::string {
        if (S.empty() || S[0] == '=')
          return "expected NAME=VALUE or NAME, got '" + S + "'";
        return "";
      });
  Cmd.add_flag("--inherit-env", C.InheritEnv,
               "Pass the host's environment to the program");
}

void addCompileOptions(CLI::App &Cmd, driver::Config &C,
                       std::vector<std::string> &Bundles) {
  static const std::map<std::string, driver::Target> Targets = {
      {"x86_64-linux", driver::Target::X86_64Linux},
      {"aarch64-linux", driver::Target::AArch64Linux},
      {"riscv64-linux", driver::Target::RISCV64Linux}};
  static const std::map<std::string, driver::BoundsChecks> Bounds = {
      {"guard", driver::BoundsChecks::Guard},
      {"explicit", driver::BoundsChecks::Explicit}};
  Cmd.add_option_function<std::string>(
         "--target", [&C](const std::string &S) { C.TargetArch = Targets.at(S); },
         "The machine to compile for (default: x86_64-linux)")
      ->check(CLI::IsMember(Targets))
      ->type_name("x86_64-linux|aarch64-linux|riscv64-linux");
  Cmd.add_option("-O", C.OptLevel, "Optimisation level (0-3; default 2)")
      ->check(CLI::Range(0, 3))
      ->type_name("N");
  Cmd.add_option_function<std::string>(
         "--bounds-checks",
         [&C](const std::string &S) { C.Bounds = Bounds.at(S); },
         "Linear memory bounds checks: guard pages (default) or explicit "
         "compare-and-branch")
      ->check(CLI::IsMember(Bounds))
      ->type_name("guard|explicit");
  Cmd.add_option("--bundle", Bundles,
                 "Embed host directory HOST_DIR in the executable as "
                 "GUEST_DIR (repeatable)")
      ->allow_extra_args(false)
      ->type_name("HOST_DIR[::GUEST_DIR]");
  Cmd.add_option_function<std::string>(
         "--allow-unknown-imports",
         [&C](const std::string &) { C.UnknownImportsTrap = true; },
         "Imports an executable's runtime does not provide: refused (the "
         "default), or with =trap, calls to them trap")
      ->check(CLI::IsMember({"trap"}))
      ->type_name("trap");
  Cmd.add_option("-j", C.Jobs,
                 "Threads that compile the pieces of a large module's "
                 "executable (default: one per core). The pieces, and so "
                 "the output, depend on the module alone (512 KiB of code or "
                 "more: one piece per MiB, at least 2)")
      ->check(CLI::Range(1, 1024))
      ->type_name("N");
  // Hidden: the thresholds of the lowering and the Wasm passes, for tests.
  Cmd.add_option("--llvm-option", C.LLVMOptions,
                 "Set a hidden LLVM or Wasm-pass option (-name=value)")
      ->allow_extra_args(false)
      ->group("")
      ->type_name("-NAME=VALUE");
  Cmd.add_option("--cpu", C.Cpu,
                 "Generate code for this CPU: 'native' (this machine's) or an "
                 "LLVM CPU name (default: the portable baseline: x86-64, "
                 "armv8-a, rv64gc)")
      ->type_name("native|NAME");
}

} // namespace

int main(int Argc, char **Argv) {
  CLI::App App{"wasm2native: an ahead-of-time compiler from WebAssembly to "
               "native executables"};
  App.name(ToolName);
  App.set_version_flag("--version", std::string(ToolName) + " " W2N_VERSION);
  App.require_subcommand(1);

  driver::Config C;
  std::vector<std::string> Files, Dirs, Envs, Bundles;

  CLI::App *Validate =
      App.add_subcommand("validate", "Check that modules decode and validate");
  Validate->add_option("files", Files, "WebAssembly modules, binary or text")
      ->required()
      ->type_name("FILE.wasm|FILE.wat");

  static const std::map<std::string, driver::EmitKind> Emits = {
      {"exe", driver::EmitKind::Exe},
      {"obj", driver::EmitKind::Obj},
      {"llvm", driver::EmitKind::LLVM},
      {"asm", driver::EmitKind::Asm},
      {"wasm", driver::EmitKind::Wasm}};
  CLI::App *Compile = App.add_subcommand(
      "compile", "Compile a module to a native executable or object");
  Compile->add_option("input", C.Input, "WebAssembly module, binary or text")
      ->required()
      ->type_name("IN.wasm|IN.wat");
  Compile->add_option("-o", C.Output, "Output file")->required()->type_name("OUT");
  Compile
      ->add_option_function<std::string>(
          "--emit", [&C](const std::string &S) { C.Emit = Emits.at(S); },
          "What to write (default: exe); wasm writes the binary module "
          "(of a text input, its encoding)")
      ->check(CLI::IsMember(Emits))
      ->type_name("exe|obj|llvm|asm|wasm");
  Compile
      ->add_option("--prefix", C.Prefix,
                   "Prefix of the object's exported symbol <PREFIX>_module and "
                   "of the C header's names (default: the output's stem)")
      ->type_name("NAME")
      ->check([](const std::string &S) -> std::string {
        if (S.empty() || std::isdigit((unsigned char)S[0]) ||
            !llvm::all_of(S, [](char Ch) {
              return std::isalnum((unsigned char)Ch) || Ch == '_';
            }))
          return "expected a C identifier, got '" + S + "'";
        return "";
      });
  addCompileOptions(*Compile, C, Bundles);
  addCapabilityOptions(*Compile, C, Dirs, Envs);

  CLI::App *Run = App.add_subcommand(
      "run", "Compile a module (cached) and run it: run [flags] IN.wasm "
             "[flags] [--] ARGS...");
  Run->add_option("input", C.Input, "WebAssembly module, binary or text")
      ->required()
      ->type_name("IN.wasm|IN.wat");
  addCompileOptions(*Run, C, Bundles);
  addCapabilityOptions(*Run, C, Dirs, Envs);
  Run->footer("After the module, wasm2native's own flags are read up to the "
              "first argument that is not one of them, or up to --; that "
              "argument and all after it go to the program. Put -- before "
              "the program's arguments when its first one starts with -.");

  CLI::App *Completion = App.add_subcommand(
      "completion", "Print a shell completion script: completion bash");
  std::string Shell;
  Completion->add_option("shell", Shell, "The shell (bash)")
      ->required()
      ->check(CLI::IsMember({"bash"}));

  // CLI11 would call a misspelt verb "a subcommand is required"; say what
  // is wrong.
  if (Argc > 1 && Argv[1][0] != '-' &&
      llvm::none_of(App.get_subcommands({}), [&](const CLI::App *Sub) {
        return Sub->get_name() == Argv[1];
      })) {
    printError(std::string("unknown command '") + Argv[1] +
               "' (expected validate, compile, run or completion)");
    fmt::print(stderr, "run '{} --help' for usage\n", ToolName);
    return 1;
  }

  std::vector<std::string> Args(Argv + 1, Argv + Argc);
  if (!Args.empty() && Args[0] == "run")
    C.RunArgs = splitProgramArgs(*Run, Args);
  std::reverse(Args.begin(), Args.end()); // CLI11 takes them reversed
  try {
    App.parse(Args);
  } catch (const CLI::Success &S) { // --help, --version
    return App.exit(S);
  } catch (const CLI::ParseError &E) {
    printError(E.what());
    fmt::print(stderr, "run '{} --help' for usage\n", ToolName);
    return 1;
  }

  for (const std::string &D : Dirs)
    C.Dirs.push_back(parseMapping(D));
  for (const std::string &B : Bundles)
    C.Bundles.push_back(parseMapping(B));
  for (const std::string &E : Envs) {
    size_t Eq = E.find('=');
    if (Eq != std::string::npos) {
      C.Env.emplace_back(E.substr(0, Eq), E.substr(Eq + 1));
    } else if (const char *Host = std::getenv(E.c_str())) {
      // As Wasmtime's --env NAME: the host's value, when it has one.
      C.Env.emplace_back(E, Host);
    }
  }

  if (llvm::Error E = driver::setLLVMOptions(C.LLVMOptions)) {
    printError(llvm::toString(std::move(E)));
    return 1;
  }
  if (*Completion) {
    fmt::print("{}", bashCompletion(App));
    return 0;
  }
  if (*Validate)
    return runValidate(Files);
  if (*Compile)
    return runCompile(C);
  return runRun(C);
}

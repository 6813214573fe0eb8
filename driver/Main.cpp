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

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdio>

using namespace w2n;

namespace {

constexpr const char *ToolName = "wasm2native";

void printError(const std::string &Message) {
  fmt::print(stderr, "{}: error: {}\n", ToolName, Message);
}

/// Prints a module error as FILE:0xOFFSET: error: MESSAGE.
void printModuleError(const std::string &File, llvm::Error E) {
  llvm::handleAllErrors(
      std::move(E),
      [&](const frontend::WasmError &W) {
        fmt::print(stderr, "{}:{:#x}: error: {}\n", File, W.offset(),
                   W.text());
      },
      [&](const llvm::ErrorInfoBase &Other) {
        fmt::print(stderr, "{}: error: {}\n", File, Other.message());
      });
}

/// Reads and validates one module; prints any error. The buffer is kept in
/// Storage because the module points into it.
std::unique_ptr<frontend::Module>
loadFile(const std::string &Path,
         std::unique_ptr<llvm::MemoryBuffer> &Storage) {
  auto Buffer = driver::readInput(Path);
  if (!Buffer) {
    printModuleError(Path, Buffer.takeError());
    return nullptr;
  }
  Storage = std::move(*Buffer);
  llvm::ArrayRef<uint8_t> Bytes(
      reinterpret_cast<const uint8_t *>(Storage->getBufferStart()),
      Storage->getBufferSize());
  auto M = frontend::loadModule(Bytes);
  if (!M) {
    printModuleError(Path, M.takeError());
    return nullptr;
  }
  return std::move(*M);
}

int runValidate(const std::vector<std::string> &Files) {
  int Status = 0;
  for (const std::string &File : Files) {
    std::unique_ptr<llvm::MemoryBuffer> Storage;
    if (!loadFile(File, Storage))
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
  Cmd.add_option("--dir", Dirs,
                 "Let the program see host directory HOST as GUEST "
                 "(HOST[::GUEST]; repeatable)")
      ->type_name("HOST[::GUEST]");
  Cmd.add_option("--env", Envs,
                 "Set environment variable NAME to VALUE (repeatable)")
      ->type_name("NAME=VALUE")
      ->check([](const std::string &S) -> std::string {
        size_t Eq = S.find('=');
        if (Eq == std::string::npos || Eq == 0)
          return "expected NAME=VALUE, got '" + S + "'";
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
  Validate->add_option("files", Files, "WebAssembly binary modules")
      ->required()
      ->type_name("FILE.wasm");

  static const std::map<std::string, driver::EmitKind> Emits = {
      {"exe", driver::EmitKind::Exe},
      {"obj", driver::EmitKind::Obj},
      {"llvm", driver::EmitKind::LLVM},
      {"asm", driver::EmitKind::Asm}};
  CLI::App *Compile = App.add_subcommand(
      "compile", "Compile a module to a native executable or object");
  Compile->add_option("input", C.Input, "WebAssembly binary module")
      ->required()
      ->type_name("IN.wasm");
  Compile->add_option("-o", C.Output, "Output file")->required()->type_name("OUT");
  Compile
      ->add_option_function<std::string>(
          "--emit", [&C](const std::string &S) { C.Emit = Emits.at(S); },
          "What to write (default: exe)")
      ->check(CLI::IsMember(Emits))
      ->type_name("exe|obj|llvm|asm");
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
      "run", "Compile a module (cached) and run it: run IN.wasm [flags] -- ARGS");
  Run->add_option("input", C.Input, "WebAssembly binary module")
      ->required()
      ->type_name("IN.wasm");
  Run->add_option("args", C.RunArgs, "Arguments for the program, after --");
  addCompileOptions(*Run, C, Bundles);
  addCapabilityOptions(*Run, C, Dirs, Envs);

  // CLI11 would call a misspelt verb "a subcommand is required"; say what
  // is wrong.
  if (Argc > 1 && Argv[1][0] != '-' &&
      llvm::none_of(App.get_subcommands({}), [&](const CLI::App *Sub) {
        return Sub->get_name() == Argv[1];
      })) {
    printError(std::string("unknown command '") + Argv[1] +
               "' (expected validate, compile or run)");
    fmt::print(stderr, "run '{} --help' for usage\n", ToolName);
    return 1;
  }

  try {
    App.parse(Argc, Argv);
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
    C.Env.emplace_back(E.substr(0, Eq), E.substr(Eq + 1));
  }

  if (llvm::Error E = driver::setLLVMOptions(C.LLVMOptions)) {
    printError(llvm::toString(std::move(E)));
    return 1;
  }
  if (*Validate)
    return runValidate(Files);
  if (*Compile)
    return runCompile(C);
  return runRun(C);
}

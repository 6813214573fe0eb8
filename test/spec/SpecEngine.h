//===- SpecEngine.h - Where a script's modules run --------------*- C++ -*-===//
//
// The runner checks commands; an engine compiles, instantiates and calls
// the modules. JitEngine runs them in this process: lowered and loaded with
// ORC, instantiated with the embedding runtime (x86-64 only). ExeEngine
// compiles each with `wasm2native compile --emit=obj` (driver::compile)
// for any target, links them with the test host of exehost/host.c and the
// executables' runtime, and runs that executable (under qemu-user for a
// foreign target), talking to it through its stdin and stdout: the code
// path of a user's executable, traps and faults included.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_TEST_SPEC_SPECENGINE_H
#define W2N_TEST_SPEC_SPECENGINE_H

#include "test/spec/SpecJit.h"
#include "test/spec/SpecValues.h"

#include "driver/Config.h"
#include "frontend/Module.h"

#include "w2n/embed.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace w2n::spec {

/// What an action did: a trap or another error, or its results.
struct ActionResult {
  w2n_error Error{};
  std::vector<w2n_value> Values;
  std::vector<uint8_t> Types; ///< of the results
};

/// How the modules of one script run. Instances are numbered in the order
/// the engine made them; -1 is none.
class Engine {
public:
  virtual ~Engine();

  /// Compiles a module the script instantiates (M, whose binary is
  /// M.Bytes); returns its number among the script's modules.
  virtual llvm::Expected<unsigned> compile(const frontend::Module &M) = 0;
  /// Called once the script's modules are compiled, before any runs.
  virtual llvm::Error start() = 0;
  /// Instantiates module Module, with imports from `spectest` and the
  /// registered instances. Instance is the new instance, or the one a trap
  /// in its initialisation left, or -1. Detail adds to a link error.
  virtual w2n_status instantiate(unsigned Module, int &Instance,
                                 w2n_error &Err, std::string &Detail) = 0;
  /// Names Instance (-1: none) for the imports of later modules.
  virtual llvm::Error registerAs(llvm::StringRef Name, int Instance) = 0;
  /// Calls function export Field of Instance.
  virtual llvm::Expected<ActionResult>
  invoke(int Instance, llvm::StringRef Field,
         llvm::ArrayRef<SpecValue> Args) = 0;
  /// Reads global export Field of Instance.
  virtual llvm::Expected<ActionResult> get(int Instance,
                                           llvm::StringRef Field) = 0;
  /// The bytes of memory export Field of Instance.
  virtual llvm::Expected<std::vector<uint8_t>>
  memory(int Instance, llvm::StringRef Field) = 0;

  /// A value logged through the imports of module "fuzzing-support" (the
  /// logging functions of binaryen's -ttf modules, test/diff): log-i32,
  /// log-i64, log-f32 and log-f64 log their argument; log-v128 traps with
  /// a host error, as the call throws in JavaScript.
  struct Logged {
    uint8_t Type;
    w2n_value Value;
  };
  /// What was logged since the last call, in order.
  std::vector<Logged> takeLogs() { return std::exchange(Logs, {}); }

protected:
  std::vector<Logged> Logs;
};

/// Where the modules run: with a Target, in the test host for it (whose
/// objects, exehost-<arch>/host.o and jmp.o, are in HostDir); else in this
/// process.
struct ExeOptions {
  std::optional<driver::Target> Target;
  std::string HostDir;
};

/// Takes `--exe=x86_64|aarch64|riscv64` and `--exe-host=DIR` into Exe.
JitOptionParse parseExeOption(llvm::StringRef Arg, ExeOptions &Exe);

/// The in-process engine (SpecJitEngine.cpp).
std::unique_ptr<Engine> createJitEngine(const JitOptions &Opts);
/// The engine Exe asks for (a Target needs a HostDir).
std::unique_ptr<Engine> createEngine(const JitOptions &Opts,
                                     const ExeOptions &Exe);

} // namespace w2n::spec

#endif

//===- Config.h - Everything a command line asks for ------------*- C++ -*-===//
#ifndef W2N_DRIVER_CONFIG_H
#define W2N_DRIVER_CONFIG_H

#include <optional>
#include <string>
#include <vector>

namespace w2n::driver {

enum class Target { X86_64Linux, AArch64Linux, RISCV64Linux };
enum class EmitKind { Exe, Obj, LLVM, Asm, Wasm };
enum class BoundsChecks { Guard, Explicit };

/// A host directory made visible to the guest, as HOST[::GUEST].
struct DirMapping {
  std::string Host;
  std::string Guest;
};

struct Config {
  std::string Input;
  std::string Output;
  Target TargetArch = Target::X86_64Linux;
  unsigned OptLevel = 2;
  EmitKind Emit = EmitKind::Exe;
  BoundsChecks Bounds = BoundsChecks::Guard;
  std::vector<DirMapping> Dirs;
  std::vector<std::pair<std::string, std::string>> Env;
  bool InheritEnv = false;
  std::vector<DirMapping> Bundles;
  /// Threads for optimisation and code generation; 0: one per core, for
  /// modules large enough to gain from it (see Compile.cpp).
  unsigned Jobs = 0;
  /// The CPU to generate code for: empty for the portable baseline,
  /// "native" for this machine's, or an LLVM CPU name.
  std::string Cpu;
  /// Prefix of the object's one exported symbol (<Prefix>_module) and of
  /// the C header's names; empty: the output file's stem.
  std::string Prefix;
  std::vector<std::string> RunArgs;
  /// Imports the runtime does not provide: refused at compile time, unless
  /// this is set, when calling one traps instead.
  bool UnknownImportsTrap = false;
  /// LLVM's and the Wasm passes' hidden options (-name=value), applied to
  /// the whole process by setLLVMOptions before compiling.
  std::vector<std::string> LLVMOptions;
  /// Read the input as WebAssembly 2.0 exactly (frontend::FrontendOptions),
  /// as the 2.0 spec suite's runner does; the command line reads 3.0. It
  /// only refuses more (never changes what a module compiles to), so the
  /// compile cache's key leaves it out.
  bool Wasm2Only = false;
};

} // namespace w2n::driver

#endif

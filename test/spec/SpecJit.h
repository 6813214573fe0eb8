//===- SpecJit.h - Compiling spec modules into the running process -*- C++
//-*-===//
//
// The spec runner compiles each module of a script the way the compiler
// does (lower, optimise, emit an x86-64 object) and loads the object into
// the process with ORC's LLJIT, where the embedding runtime (w2n/embed.h)
// instantiates its descriptor. One ModuleJit per script: destroying it
// unloads the code of all the script's modules, so their instances must be
// freed first.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_TEST_SPEC_SPECJIT_H
#define W2N_TEST_SPEC_SPECJIT_H

#include "frontend/Module.h"
#include "lowering/Lowering.h"

#include "w2n/abi.h"

#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace w2n::spec {

struct JitOptions {
  lowering::BoundsCheckMode BoundsChecks = lowering::BoundsCheckMode::Guard;
  unsigned OptLevel = 2;
};

/// What parseJitOption made of a command-line argument.
enum class JitOptionParse { NotAnOption, Taken, Malformed };

/// Takes Argv[I] into Opts when it is `--bounds-checks=guard|explicit` or
/// `-O N` / `-ON` (a bare -O consumes the next argument, advancing I). The
/// runners that JIT-load modules (spec, diff) share these options.
JitOptionParse parseJitOption(int &I, int Argc, char **Argv, JitOptions &Opts);

/// The name of a w2n/abi.h value type ("i32", ..., "externref"; "?" for
/// anything else).
const char *valueTypeName(uint8_t Type);

class ModuleJit {
public:
  /// Creates the target machine and the LLJIT, with the runtime's symbols
  /// (and the process's, for libc and libm calls) visible to the code.
  static llvm::Expected<std::unique_ptr<ModuleJit>>
  create(const JitOptions &Opts);

  /// Lowers, optimises and compiles M, loads it, and returns its
  /// descriptor. Every call gets a symbol prefix of its own.
  llvm::Expected<const w2n_module_desc *> compile(const frontend::Module &M);

private:
  ModuleJit(const JitOptions &Opts) : Opts(Opts) {}

  JitOptions Opts;
  std::unique_ptr<llvm::TargetMachine> TM;
  std::unique_ptr<llvm::orc::LLJIT> Jit;
  unsigned NextModule = 0;
};

} // namespace w2n::spec

#endif

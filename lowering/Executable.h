//===- Executable.h - What an executable's runtime needs --------*- C++ -*-===//
//
// The freestanding runtime (wasi-libc-shim/exe) provides the functions of
// wasi_snapshot_preview1 and nothing else, and reads the program's
// capabilities from a constant the compiler writes (w2n/exe.h). Which
// imports it can satisfy, and how that constant is laid out, are rules of
// the runtime's ABI: they live here, beside the rest of the lowering.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_LOWERING_EXECUTABLE_H
#define W2N_LOWERING_EXECUTABLE_H

#include "frontend/Module.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace w2n::lowering {

/// Checks that every import of M is a function of wasi_snapshot_preview1
/// with its WASI signature; the error names the first that is not, at its
/// offset. With UnknownImportsTrap every import is accepted (calls to the
/// others trap at run time).
llvm::Error checkExecutableImports(const frontend::Module &M,
                                   bool UnknownImportsTrap);

/// What an executable may touch, fixed at compile time.
struct Capabilities {
  bool InheritEnv = false;
  std::vector<std::pair<std::string, std::string>> Env;  // name, value
  std::vector<std::pair<std::string, std::string>> Dirs; // host, guest
};

/// Adds to LM the constants the executable runtime reads at start-up: the
/// capabilities (W2N_EXE_CONFIG_SYMBOL) and the table of the WASI functions
/// the module imports (W2N_EXE_WASI_SYMBOL), so that only those are linked.
void addExecutableConfig(llvm::Module &LM, const frontend::Module &M,
                         const Capabilities &Caps);

} // namespace w2n::lowering

#endif

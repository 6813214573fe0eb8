//===- Compile.h - A .wasm file to LLVM IR, assembly or an object -*- C++ -*-===//
#ifndef W2N_DRIVER_COMPILE_H
#define W2N_DRIVER_COMPILE_H

#include "driver/Config.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>

namespace w2n::driver {

/// The prefix of the object's symbols: C.Prefix, or the output's stem as
/// a C identifier.
std::string symbolPrefix(const Config &C);

/// The bytes of a module file ("-" is stdin), or an error that reads
/// "cannot read the file: REASON".
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readInput(llvm::StringRef Path);

/// Refuses flags that are parsed but not honoured yet (capabilities, the
/// bundler), rather than ignoring them.
llvm::Error checkSupported(const Config &C);

/// Reads C.Input, validates and lowers it, and writes C.Output in the form
/// C.Emit asks for; an object comes with a C header beside it (OUT.h).
/// Nothing is left at C.Output on failure. Module errors
/// come back as frontend::WasmError.
llvm::Error compile(const Config &C);

} // namespace w2n::driver

#endif

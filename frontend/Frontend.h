//===- Frontend.h - Bytes to a validated module ----------------*- C++ -*-===//
#ifndef W2N_FRONTEND_FRONTEND_H
#define W2N_FRONTEND_FRONTEND_H

#include "frontend/Module.h"
#include "frontend/WasmError.h"

#include <memory>

namespace w2n::frontend {

/// Which standard a module is read under. By default WebAssembly 3.0 (and
/// threads): what the frontend reads is 3.0's binary format, and every
/// construct of a proposal the compiler does not support yet is refused
/// with an error of kind Unsupported, naming the proposal.
struct FrontendOptions {
  /// WebAssembly 2.0 exactly, as its spec suite expects: what 3.0 adds is
  /// malformed or invalid there, never unsupported.
  bool Wasm2Only = false;
};

/// Decodes a module. Reports malformed input (a WasmError of kind
/// Malformed) and, outside Wasm2Only, unsupported constructs; function
/// bodies are only delimited here. The module remembers Opts.
llvm::Expected<std::unique_ptr<Module>>
decodeModule(llvm::ArrayRef<uint8_t> Bytes, const FrontendOptions &Opts = {});

/// Validates a decoded module under the standard it was decoded under:
/// module-level rules and every function body. A body that turns out
/// malformed, or to use an unsupported construct, is reported as such, in
/// preference to any invalidity, as the spec's decode-then-validate order
/// implies.
llvm::Error validateModule(const Module &M);

/// decodeModule, then validateModule.
llvm::Expected<std::unique_ptr<Module>>
loadModule(llvm::ArrayRef<uint8_t> Bytes, const FrontendOptions &Opts = {});

} // namespace w2n::frontend

#endif

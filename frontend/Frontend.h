//===- Frontend.h - Bytes to a validated module ----------------*- C++ -*-===//
#ifndef W2N_FRONTEND_FRONTEND_H
#define W2N_FRONTEND_FRONTEND_H

#include "frontend/Module.h"
#include "frontend/WasmError.h"

#include <memory>

namespace w2n::frontend {

/// Decodes a module. Reports malformed input only (a WasmError of kind
/// Malformed); function bodies are only delimited here.
llvm::Expected<std::unique_ptr<Module>> decodeModule(llvm::ArrayRef<uint8_t> Bytes);

/// Validates a decoded module: module-level rules and every function body.
/// A body that turns out malformed is reported as such, in preference to any
/// invalidity, as the spec's decode-then-validate order implies.
llvm::Error validateModule(const Module &M);

/// decodeModule, then validateModule.
llvm::Expected<std::unique_ptr<Module>> loadModule(llvm::ArrayRef<uint8_t> Bytes);

} // namespace w2n::frontend

#endif

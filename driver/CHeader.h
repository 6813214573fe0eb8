//===- CHeader.h - The C header that comes with an object file --*- C++ -*-===//
#ifndef W2N_DRIVER_CHEADER_H
#define W2N_DRIVER_CHEADER_H

#include "frontend/Module.h"

#include <string>

namespace w2n::driver {

/// A C identifier made of Name: other characters become '_', and a leading
/// digit gets a '_' before it.
std::string cIdentifier(llvm::StringRef Name);

/// The header a C or C++ host includes to embed the object compiled from M
/// with symbol prefix Prefix: the descriptor, the imports in the order
/// w2n_instantiate takes them, and a typed wrapper per exported function.
std::string makeCHeader(const frontend::Module &M, llvm::StringRef Prefix,
                        llvm::StringRef InputName);

} // namespace w2n::driver

#endif

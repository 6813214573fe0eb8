//===- Run.h - wasm2native run: compile into a cache, then execute -*- C++ -*-===//
#ifndef W2N_DRIVER_RUN_H
#define W2N_DRIVER_RUN_H

#include "driver/Config.h"

#include "llvm/Support/Error.h"

#include <string>

namespace w2n::driver {

/// Where `run` keeps compiled executables: $XDG_CACHE_HOME/wasm2native, or
/// ~/.cache/wasm2native.
std::string cacheDirectory();

/// The cache entry for C: a hash of the compiler's version, every flag that
/// changes the executable, and the module's bytes.
llvm::Expected<std::string> cachePath(const Config &C);

/// Compiles C.Input into the cache unless it is there already, then
/// replaces this process with it, passing C.RunArgs. Returns only on
/// failure.
llvm::Error runModule(const Config &C);

} // namespace w2n::driver

#endif

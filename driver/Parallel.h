//===- Parallel.h - Lowering and code generation on threads -----*- C++ -*-===//
//
// A large module's executable is cut into pieces of consecutive functions
// (Partition.h), as many as its size asks (Compile.cpp). Each piece is
// lowered, optimised and compiled in an LLVMContext of its own on one of
// -j N threads, which only read the WebAssembly module; the objects are
// linked together in module order, so the executable does not depend on
// the threads. Calls between pieces cannot be inlined, so a split costs a
// little run time: it is for large modules, where compile time matters
// most.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_DRIVER_PARALLEL_H
#define W2N_DRIVER_PARALLEL_H

#include "driver/Config.h"
#include "driver/Progress.h"
#include "frontend/Module.h"
#include "lowering/Executable.h"
#include "lowering/Lowering.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace w2n::driver {

/// The object files of the executable of WM, lowered with Opts and Caps
/// in Pieces pieces by Threads threads. The objects depend on Pieces,
/// never on Threads.
llvm::Expected<std::vector<llvm::SmallVector<char, 0>>>
compileInParallel(const frontend::Module &WM,
                  const lowering::LoweringOptions &Opts,
                  const lowering::Capabilities &Caps, const Config &C,
                  unsigned Pieces, unsigned Threads, Progress &P);

} // namespace w2n::driver

#endif

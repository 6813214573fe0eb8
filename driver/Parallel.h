//===- Parallel.h - Optimisation and code generation on threads -*- C++ -*-===//
//
// A large module's executable is cut into pieces of consecutive functions
// (Partition.h, which makes what one piece uses of another a hidden
// global), as many as its size asks (Compile.cpp); each piece is carried to
// one of -j N threads as bitcode, parsed into that thread's LLVMContext,
// optimised and compiled there; the objects are linked together in module
// order, so the executable does not depend on the threads. Calls between pieces cannot be inlined, so a split
// costs a little run time: it is for large modules, where compile time
// matters most.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_DRIVER_PARALLEL_H
#define W2N_DRIVER_PARALLEL_H

#include "driver/Config.h"
#include "driver/Progress.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace w2n::driver {

/// The object files of M (lowered, not yet optimised), cut into Pieces and
/// built by Threads threads. The objects depend on Pieces, never on
/// Threads. M is freed once the pieces are cut, before the threads start.
llvm::Expected<std::vector<llvm::SmallVector<char, 0>>>
compileInParallel(std::unique_ptr<llvm::Module> M, const Config &C,
                  unsigned Pieces, unsigned Threads, Progress &P);

} // namespace w2n::driver

#endif

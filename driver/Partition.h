//===- Partition.h - Pieces of neighbouring functions -----------*- C++ -*-===//
//
// `-j N` optimises and compiles a module in pieces, and which functions
// share a piece decides which calls can be inlined: a call into another
// piece is a call to an external symbol. wasm-ld lays out a module's
// functions in the order of the object files it linked, so neighbours
// mostly come from one source file and call each other. Pieces of
// consecutive functions therefore keep most calls inside a piece, where
// llvm::SplitModule (used before) assigns functions by a hash of their
// names: with four pieces, three calls in four crossed from one to another.
//
// Only a symbol that another piece refers to becomes a hidden global; the
// rest keep internal linkage, so the optimiser still sees all their callers.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_DRIVER_PARTITION_H
#define W2N_DRIVER_PARTITION_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/Module.h"

#include <memory>

namespace w2n::driver {

/// Cuts M into Count pieces of consecutive function definitions, each with
/// about the same number of instructions, and hands each to Emit in order,
/// with an estimate of what optimising it costs relative to the others:
/// the time a function takes grows faster than its size, so each function
/// weighs n^1.5 for its n instructions. Global variables go with the first
/// function that uses them. Symbols used across pieces are made hidden
/// globals in M itself, which is otherwise left as it was.
void partitionModule(
    llvm::Module &M, unsigned Count,
    llvm::function_ref<void(std::unique_ptr<llvm::Module>, double Cost)> Emit);

} // namespace w2n::driver

#endif

//===- Partition.h - Pieces of neighbouring functions -----------*- C++ -*-===//
//
// A large module's executable is lowered, optimised and compiled in pieces,
// and which functions share a piece decides which calls can be inlined: a
// call into another piece is a call to an external symbol. wasm-ld lays out
// a module's functions in the order of the object files it linked, so
// neighbours mostly come from one source file and call each other. Pieces
// of consecutive functions therefore keep most calls inside a piece, where
// a split by a hash of the names (llvm::SplitModule) sends three calls in
// four to another piece.
//
// The cut is made on the WebAssembly module, before anything is lowered,
// so that each piece can be lowered on a thread of its own.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_DRIVER_PARTITION_H
#define W2N_DRIVER_PARTITION_H

#include "frontend/Module.h"
#include "lowering/Lowering.h"

#include <vector>

namespace w2n::driver {

struct PlannedPiece {
  lowering::PieceRange Range;
  /// What optimising the piece costs relative to the others: the time a
  /// function takes grows faster than its size, so each function weighs
  /// n^1.5 for its n bytes of body.
  double Cost = 0;
};

/// Cuts the defined functions of M into at most Count pieces of
/// consecutive functions with about the same bytes of body each, none
/// empty; the last holds the descriptor.
std::vector<PlannedPiece> planPieces(const frontend::Module &M, unsigned Count);

} // namespace w2n::driver

#endif

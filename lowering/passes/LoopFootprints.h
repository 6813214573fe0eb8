//===- LoopFootprints.h - What a loop's accesses touch ----------*- C++ -*-===//
//
// For LoopBoundsChecks.cpp: the accesses of a loop grouped by the bytes they
// touch over all its iterations, which pairs of groups are apart, and the
// alias scopes that tell LLVM so in a copy of the loop. See
// LoopFootprints.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_LOOPFOOTPRINTS_H
#define W2N_PASSES_LOOPFOOTPRINTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace llvm {
class Instruction;
class Loop;
class SCEV;
class ScalarEvolution;
} // namespace llvm

namespace w2n::passes {

/// The bytes some accesses of a loop touch over all its iterations: [Lo,
/// End). The accesses of one footprint are a constant distance apart.
struct Footprint {
  const llvm::SCEV *Lo, *End;
  bool Stores = false;
  llvm::SmallVector<llvm::Instruction *, 4> Accesses;
};

/// Two footprints (indices into a list of them) that do not overlap in the
/// copy; Tested: the test must say so (SCEV does not prove it).
struct Separation {
  unsigned First, Second;
  bool Tested;
};

/// Adds Access, which touches [Lo, End) over the loop, to the footprint a
/// constant distance from it (widening that footprint), or to a new one.
void addFootprint(llvm::SmallVectorImpl<Footprint> &Prints,
                  llvm::ScalarEvolution &SE, const llvm::SCEV *Lo,
                  const llvm::SCEV *End, llvm::Instruction *Access);

/// Every pair of footprints one of which is stored to, if at most
/// MaxTested of them need a test to show them apart; none otherwise, and
/// none where nothing is stored.
llvm::SmallVector<Separation, 4>
separateFootprints(llvm::ArrayRef<Footprint> Prints, llvm::ScalarEvolution &SE,
                   unsigned MaxTested);

/// Alias scopes in the copy Scoped of the loop (CopyOf maps an access to
/// its copy there): each access of a footprint in Apart does not alias the
/// footprints it is apart from.
void addAliasScopes(
    llvm::ArrayRef<Footprint> Prints, llvm::ArrayRef<Separation> Apart,
    llvm::Loop *Scoped,
    llvm::function_ref<llvm::Instruction *(llvm::Instruction *)> CopyOf);

} // namespace w2n::passes

#endif

//===- LoopCopy.h - A loop copied behind a condition -----------*- C++ -*-===//
//
// Loop versioning as LoopBoundsChecks.cpp does it, once per condition: a
// copy of a loop in loop-simplify and LCSSA form, entered instead of the
// loop when a condition computed in its preheader holds.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_LOOPCOPY_H
#define W2N_PASSES_LOOPCOPY_H

#include "llvm/ADT/Twine.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

namespace llvm {
class DominatorTree;
class Loop;
class LoopInfo;
class ScalarEvolution;
class Value;
} // namespace llvm

namespace w2n::passes {

/// A copy of L (returned; VMap maps L's values to the copy's), entered from
/// L's preheader when Condition holds there; L runs otherwise, behind a new
/// preheader. Suffix names the copy's blocks, ElseSuffix L's new preheader.
/// The phis of L's exits take the copy's values; DT and LI are updated, and
/// SE forgets what it knew of L.
llvm::Loop *copyLoopWhen(llvm::Loop *L, llvm::Value *Condition,
                         llvm::ValueToValueMapTy &VMap,
                         const llvm::Twine &Suffix,
                         const llvm::Twine &ElseSuffix, llvm::DominatorTree &DT,
                         llvm::LoopInfo &LI, llvm::ScalarEvolution &SE);

} // namespace w2n::passes

#endif

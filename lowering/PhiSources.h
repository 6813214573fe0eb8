//===- PhiSources.h - What a value can be, through phis ---------*- C++ -*-===//
//
// The memory size reaches a check through phis where paths meet (a loop
// that calls joins the size before it with the size loaded after each
// call); LoopBoundsChecks.cpp and BoundsCheckLimits.cpp both ask a question
// of every value it can be.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_LOWERING_PHISOURCES_H
#define W2N_LOWERING_PHISOURCES_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Instructions.h"

namespace w2n::ir {

/// Whether Holds is true of every value V can take that is not itself a
/// phi: V, or, through phis (cycles included), their incoming values.
inline bool
holdsThroughPhis(const llvm::Value *V,
                 llvm::function_ref<bool(const llvm::Value *)> Holds) {
  llvm::SmallPtrSet<const llvm::Value *, 8> Seen;
  llvm::SmallVector<const llvm::Value *, 8> Pending{V};
  while (!Pending.empty()) {
    const llvm::Value *Item = Pending.pop_back_val();
    if (!Seen.insert(Item).second)
      continue;
    if (const auto *Phi = llvm::dyn_cast<llvm::PHINode>(Item))
      llvm::append_range(Pending, Phi->incoming_values());
    else if (!Holds(Item))
      return false;
  }
  return true;
}

} // namespace w2n::ir

#endif

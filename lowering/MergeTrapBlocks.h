//===- MergeTrapBlocks.h - One trap block per kind -------------*- C++ -*-===//
//
// A function pass the driver runs after the scalar optimisations of each
// function, and last. See MergeTrapBlocks.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_LOWERING_MERGETRAPBLOCKS_H
#define W2N_LOWERING_MERGETRAPBLOCKS_H

#include "llvm/IR/PassManager.h"

namespace w2n::lowering {

/// The function attribute that marks a function whose checks the lowering
/// gave a trap block each (FunctionLowering.h, TrapBlockPerCheckBodySize):
/// the pass merges the trap blocks of those functions only, so that the
/// others compile as they did before it.
inline constexpr const char TrapBlockPerCheckAttr[] =
    "w2n-trap-block-per-check";

class MergeTrapBlocksPass : public llvm::PassInfoMixin<MergeTrapBlocksPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace w2n::lowering

#endif

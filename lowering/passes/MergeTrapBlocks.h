//===- MergeTrapBlocks.h - One trap block per kind -------------*- C++ -*-===//
//
// A function pass Pipeline.cpp runs after the scalar optimisations of each
// function, and last. See MergeTrapBlocks.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_MERGETRAPBLOCKS_H
#define W2N_PASSES_MERGETRAPBLOCKS_H

#include "llvm/IR/PassManager.h"

namespace w2n::passes {

class MergeTrapBlocksPass : public llvm::PassInfoMixin<MergeTrapBlocksPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace w2n::passes

#endif

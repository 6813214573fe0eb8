//===- BalancedChains.h - Associative chains rebuilt as trees ---*- C++ -*-===//
//
// A function pass Pipeline.cpp runs last in the optimisation pipeline. See
// BalancedChains.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_BALANCEDCHAINS_H
#define W2N_PASSES_BALANCEDCHAINS_H

#include "llvm/IR/PassManager.h"

namespace w2n::passes {

class BalancedChainsPass : public llvm::PassInfoMixin<BalancedChainsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace w2n::passes

#endif

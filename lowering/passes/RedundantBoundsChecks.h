//===- RedundantBoundsChecks.h - Checks that cannot fail --------*- C++ -*-===//
//
// A function pass Pipeline.cpp runs at each peephole point of the pipeline
// and at its end, before BoundsCheckLimits, at -O1 and up. See
// RedundantBoundsChecks.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_REDUNDANTBOUNDSCHECKS_H
#define W2N_PASSES_REDUNDANTBOUNDSCHECKS_H

#include "llvm/IR/PassManager.h"

namespace w2n::passes {

class RedundantBoundsChecksPass
    : public llvm::PassInfoMixin<RedundantBoundsChecksPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace w2n::passes

#endif

//===- BoundsCheckLimits.h - Checks against a precomputed limit -*- C++ -*-===//
//
// A function pass Pipeline.cpp runs last in the optimisation pipeline, at -O1
// and up. See BoundsCheckLimits.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_BOUNDSCHECKLIMITS_H
#define W2N_PASSES_BOUNDSCHECKLIMITS_H

#include "llvm/IR/PassManager.h"

namespace w2n::passes {

class BoundsCheckLimitsPass
    : public llvm::PassInfoMixin<BoundsCheckLimitsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace w2n::passes

#endif

//===- RedundantStackChecks.h - One call-stack check per frame -*- C++ -*-===//
//
// A function pass Pipeline.cpp runs at each peephole point of the pipeline,
// at -O1 and up. See RedundantStackChecks.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_REDUNDANTSTACKCHECKS_H
#define W2N_PASSES_REDUNDANTSTACKCHECKS_H

#include "llvm/IR/PassManager.h"

namespace w2n::passes {

class RedundantStackChecksPass
    : public llvm::PassInfoMixin<RedundantStackChecksPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace w2n::passes

#endif

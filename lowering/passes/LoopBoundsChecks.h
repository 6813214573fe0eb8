//===- LoopBoundsChecks.h - Bounds checks hoisted out of loops --*- C++ -*-===//
//
// A function pass over lowered modules (it recognises the memory accesses,
// checks and keep-alives of WasmIR.h); Pipeline.cpp runs it at the first
// peephole point of the function pipeline. See LoopBoundsChecks.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_LOOPBOUNDSCHECKS_H
#define W2N_PASSES_LOOPBOUNDSCHECKS_H

#include "llvm/IR/PassManager.h"

namespace w2n::passes {

class LoopBoundsChecksPass
    : public llvm::PassInfoMixin<LoopBoundsChecksPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace w2n::passes

#endif

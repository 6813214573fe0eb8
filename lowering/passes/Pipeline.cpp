//===- Pipeline.cpp - Where the Wasm passes run ---------------------------===//
#include "lowering/passes/Pipeline.h"

#include "lowering/passes/BalancedChains.h"
#include "lowering/passes/BoundsCheckLimits.h"
#include "lowering/passes/LoopBoundsChecks.h"
#include "lowering/passes/MergeTrapBlocks.h"
#include "lowering/passes/RedundantBoundsChecks.h"
#include "lowering/passes/RedundantStackChecks.h"

#include "llvm/Passes/PassBuilder.h"

namespace w2n::passes {

using namespace llvm;

namespace {

/// Adds the pass called Name to FPM; false when no Wasm pass has that name.
bool addPassByName(StringRef Name, FunctionPassManager &FPM) {
  if (Name == "w2n-loop-bounds-checks")
    FPM.addPass(LoopBoundsChecksPass());
  else if (Name == "w2n-redundant-stack-checks")
    FPM.addPass(RedundantStackChecksPass());
  else if (Name == "w2n-redundant-bounds-checks")
    FPM.addPass(RedundantBoundsChecksPass());
  else if (Name == "w2n-merge-trap-blocks")
    FPM.addPass(MergeTrapBlocksPass());
  else if (Name == "w2n-balanced-chains")
    FPM.addPass(BalancedChainsPass());
  else if (Name == "w2n-bounds-check-limits")
    FPM.addPass(BoundsCheckLimitsPass());
  else
    return false;
  return true;
}

} // namespace

void registerWasmPasses(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, FunctionPassManager &FPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        return addPassByName(Name, FPM);
      });
  // Early, after the first instruction combining of each function: the loop
  // passes that follow (unrolling, induction variables) then see the
  // unchecked copies, and before induction-variable widening hides the trip
  // count. Later peephole points find the loops already marked. The
  // peephole points also come right after each round of inlining into a
  // function, where the call-stack checks inlined with its callees go
  // (RedundantStackChecks.cpp), before the function is itself weighed for
  // inlining into its callers. Bounds checks that a check before them
  // implies go there too, before the passes that follow spend time on them
  // (RedundantBoundsChecks.cpp).
  PB.registerPeepholeEPCallback(
      [](FunctionPassManager &FPM, OptimizationLevel) {
        FPM.addPass(LoopBoundsChecksPass());
        FPM.addPass(RedundantStackChecksPass());
        FPM.addPass(RedundantBoundsChecksPass());
      });
  // After GVN, which is why a large function's checks have trap blocks of
  // their own, the trap blocks merged into one per kind
  // (MergeTrapBlocks.cpp), for the passes after it.
  PB.registerScalarOptimizerLateEPCallback(
      [](FunctionPassManager &FPM, OptimizationLevel) {
        FPM.addPass(MergeTrapBlocksPass());
      });
  // Last, once the loops have their final shape (unrolled, vectorised):
  // the trap blocks merged at every level (-O0 has no GVN, but the
  // lowering does not know the level), chains on a loop's recurrence
  // rebuilt as trees (BalancedChains.cpp), the bounds checks that the
  // loop passes and GVN have left implied by others removed, and explicit
  // checks against precomputed limits (BoundsCheckLimits.cpp; the passes
  // before it know the canonical form of a check).
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        FunctionPassManager FPM;
        FPM.addPass(MergeTrapBlocksPass());
        if (Level != OptimizationLevel::O0) {
          FPM.addPass(BalancedChainsPass());
          FPM.addPass(RedundantBoundsChecksPass());
          FPM.addPass(BoundsCheckLimitsPass());
        }
        MPM.addPass(createModuleToFunctionPassAdaptor(std::move(FPM)));
      });
}

} // namespace w2n::passes

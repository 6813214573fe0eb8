//===- RedundantStackChecks.cpp - One call-stack check per frame ----------===//
//
// Every function that calls starts with the call-stack check of
// ControlLowering.cpp: trap when the stack pointer is below the limit the
// runtime set. Inlining copies the callee's check into the caller, where
// it compares the caller's stack pointer (the frame is one now; the
// lowering makes no dynamic allocas) with the same limit as the caller's
// own check did (the runtime sets the limit of the calling thread's stack
// on each entry, so a nested entry from a host function sets the same
// one): once that passed, the copy cannot fail. LLVM cannot see this,
// because each check reads the stack pointer through its own
// llvm.stacksave, and the limit again after any call. So a chain of small
// functions kept one check per inlined level, and the inliner, which counts
// them in each callee's cost, stopped after two or three levels.
//
// A check is `icmp ult (ptrtoint (llvm.stacksave)), Limit` (or the same
// with its operands swapped) whose branch leads to the trap when true. A
// check reached only through the no-trap edge of another check's branch
// is false, and is replaced by false; SimplifyCFG removes its branch.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/RedundantStackChecks.h"
#include "lowering/WasmIR.h"

#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

namespace w2n::passes {

using namespace llvm;

PreservedAnalyses RedundantStackChecksPass::run(Function &F,
                                                FunctionAnalysisManager &AM) {
  SmallVector<ICmpInst *, 4> Checks;
  for (Instruction &I : instructions(F))
    if (auto *Cmp = dyn_cast<ICmpInst>(&I); Cmp && ir::isStackCheck(*Cmp))
      Checks.push_back(Cmp);
  if (Checks.size() < 2)
    return PreservedAnalyses::all();

  // The edges on which a check is known to have passed: the false edge of
  // a branch on it whose true edge leads to a trap (a block that ends in
  // unreachable).
  SmallVector<BasicBlockEdge, 4> Passed;
  for (ICmpInst *Cmp : Checks)
    for (User *U : Cmp->users())
      if (auto *Br = dyn_cast<BranchInst>(U);
          Br && Br->isConditional() &&
          ir::endsInTrap(*Br->getSuccessor(0)))
        Passed.emplace_back(Br->getParent(), Br->getSuccessor(1));

  DominatorTree &DT = AM.getResult<DominatorTreeAnalysis>(F);
  bool Changed = false;
  for (ICmpInst *Cmp : Checks)
    for (const BasicBlockEdge &Edge : Passed)
      if (DT.dominates(Edge, Cmp->getParent())) {
        Cmp->replaceAllUsesWith(ConstantInt::getFalse(F.getContext()));
        Changed = true;
        break;
      }
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace w2n::passes

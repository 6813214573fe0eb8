//===- LoopCopy.cpp - A loop copied behind a condition --------------------===//
//
// See LoopCopy.h.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/LoopCopy.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"

namespace w2n::passes {

using namespace llvm;

Loop *copyLoopWhen(Loop *L, Value *Condition, ValueToValueMapTy &VMap,
                   const Twine &Suffix, const Twine &ElseSuffix,
                   DominatorTree &DT, LoopInfo &LI, ScalarEvolution &SE) {
  BasicBlock *CheckBB = L->getLoopPreheader();
  Instruction *At = CheckBB->getTerminator();
  BasicBlock *OldPH = SplitBlock(CheckBB, At, &DT, &LI, nullptr,
                                 L->getHeader()->getName() + ElseSuffix);
  SmallVector<BasicBlock *, 16> NewBlocks;
  Loop *New = cloneLoopWithPreheader(OldPH, CheckBB, L, VMap, Suffix, &LI, &DT,
                                     NewBlocks);
  remapInstructionsInBlocks(NewBlocks, VMap);
  SmallVector<BasicBlock *, 4> Exits;
  L->getUniqueExitBlocks(Exits);
  for (BasicBlock *Exit : Exits)
    for (PHINode &PN : Exit->phis()) {
      SE.forgetValue(&PN);
      for (unsigned I = 0, E = PN.getNumIncomingValues(); I != E; ++I) {
        BasicBlock *From = PN.getIncomingBlock(I);
        if (!L->contains(From))
          continue;
        Value *V = PN.getIncomingValue(I);
        if (Value *Copy = VMap.lookup(V))
          V = Copy;
        PN.addIncoming(V, cast<BasicBlock>(VMap[From]));
      }
    }
  Instruction *OldBranch = CheckBB->getTerminator();
  BranchInst::Create(New->getLoopPreheader(), OldPH, Condition, OldBranch);
  OldBranch->eraseFromParent();
  // Both copies hang from CheckBB (SplitBlock and cloneLoopWithPreheader
  // said so). A block outside the loop that a loop block dominated (an
  // exit, or a join of several exits) is now reached through either copy,
  // so it hangs from CheckBB too; nothing else changes.
  SmallVector<BasicBlock *, 8> Joined;
  for (BasicBlock *BB : L->blocks())
    for (DomTreeNode *Child : DT[BB]->children())
      if (!L->contains(Child->getBlock()))
        Joined.push_back(Child->getBlock());
  for (BasicBlock *BB : Joined)
    DT.changeImmediateDominator(BB, CheckBB);
  SE.forgetTopmostLoop(L);
  return New;
}

} // namespace w2n::passes

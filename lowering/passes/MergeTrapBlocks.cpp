//===- MergeTrapBlocks.cpp - One trap block per kind ----------------------===//
//
// In a function over 32 KiB the lowering gives each check a trap block of
// its own (trapIf in ControlLowering.cpp), so that when GVN finds a check
// that cannot fail, the block it marks dead has that one predecessor. A
// trap block shared by all the checks of a function is a critical edge's
// target, and GVN splits the edge first, updating the dominator tree and
// numbering every block again: a cost in proportion to the function for
// each check folded: most of the optimisation time of an interpreter's
// loop with explicit bounds checks (CPython's, bench/README.md).
//
// Once the scalar passes have run, the blocks of one kind are merged back,
// so that the passes after them (branches folded into one when they lead to
// the same place) and the code generator see one trap block per kind, as
// each separate block would otherwise be code of its own. The smaller
// functions had one block per kind from the start, and are left alone:
// their code is what it was before the large ones had blocks of their own.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/MergeTrapBlocks.h"

#include "lowering/WasmIR.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"

namespace w2n::passes {

using namespace llvm;


PreservedAnalyses MergeTrapBlocksPass::run(Function &F,
                                           FunctionAnalysisManager &) {
  if (!ir::hasTrapBlockPerCheck(F))
    return PreservedAnalyses::all();
  DenseMap<const ConstantInt *, BasicBlock *> Kept;
  SmallVector<BasicBlock *, 16> Merged;
  for (BasicBlock &BB : F) {
    const ConstantInt *Kind = ir::trapBlockKind(BB);
    if (!Kind)
      continue;
    auto [It, Inserted] = Kept.try_emplace(Kind, &BB);
    if (Inserted)
      continue;
    BB.replaceAllUsesWith(It->second);
    Merged.push_back(&BB);
  }
  for (BasicBlock *BB : Merged)
    BB->eraseFromParent();
  return Merged.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}

} // namespace w2n::passes

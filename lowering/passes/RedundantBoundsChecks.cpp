//===- RedundantBoundsChecks.cpp - Checks that cannot fail ----------------===//
//
// WARNING: subtle, like BoundsChecks.cpp: removing a check that can fail
// lets a guest read or write outside its sandbox.
//
// An explicit bounds check (BoundsChecks.cpp, rung 4) traps when
// zext(Index) + Offset + Bytes is larger than the memory size. Once a check
// of the same index value with an end at least as far has passed, on every
// path to another check, that one cannot fail: the memory never shrinks,
// so the size it compares with is at least the size the first one did.
// GVN removes only the checks identical to an earlier one. LLVM's
// constraint elimination knows the rest in principle, but it gives up on
// an index that is an i32 sum that may wrap, such as `zext(sp - 96)`, the
// address of a frame on the shadow stack, and it needs both checks to read
// one size value, where a call between them has the size loaded again.
// The common case is several fields of a structure reached from one
// pointer, the widest first, or a structure whose fields are checked
// before a loop and again inside it, where a call reloads the size on every
// iteration (bench/programs/hashtable.c: three such checks per operation).
//
// A compare here is an unsigned compare of `X +nuw C` (or a disjoint `or`,
// or a chain of them: the lowering adds the offset and the width one at a
// time) with a memory size (WasmIR.h), read as X + K > size when out
// of bounds (K is the sum, plus one for the compares that include
// equality). A block whose only predecessor branches to it on such a
// compare's in-bounds outcome (or on an `or` of them being false, or an
// `and` of them being true: SimplifyCFG folds consecutive checks into one
// branch) knows X + K <= size, in every block it dominates. A compare there
// of the same X with a K no larger is decided, replaced by its value, and
// the branches that become constant are folded.
//
// The same X means the same SSA value, so the same number: where X is
// defined in a loop, the block that knows the fact is dominated by X's
// definition, so the fact is about this iteration's X.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/RedundantBoundsChecks.h"
#include "lowering/WasmIR.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Analysis/InstructionSimplify.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Transforms/Utils/Local.h"

#include <optional>

namespace w2n::passes {

using namespace llvm;
using namespace llvm::PatternMatch;

namespace {

cl::opt<unsigned> MaxConditionValues(
    "w2n-redundant-bounds-condition-values", cl::Hidden, cl::init(32),
    cl::desc("The most values (compares, ors, ands) one branch's condition "
             "is taken apart into"));

class Eliminator {
public:
  Eliminator(Function &F, DominatorTree &DT)
      : F(F), DT(DT), Instance(ir::instanceOf(F)), DL(F.getDataLayout()) {}

  bool run();

private:
  std::optional<ir::BoundsCompare> read(const ICmpInst *Cmp);
  void learnFromEdgeInto(BasicBlock *BB);
  void learn(Value *X, uint64_t End);
  void decideCompares(BasicBlock *BB);

  Function &F;
  DominatorTree &DT;
  const Value *Instance;
  const DataLayout &DL;
  DenseMap<const Value *, bool> SizeCache;
  // For each X, the largest End known in bounds in the block being
  // visited, and how to restore it when the walk leaves the block's
  // subtree of the dominator tree.
  DenseMap<Value *, uint64_t> Known;
  SmallVector<std::pair<Value *, std::optional<uint64_t>>, 16> Undo;
  SmallVector<std::pair<ICmpInst *, bool>, 16> Decided;
};

std::optional<ir::BoundsCompare> Eliminator::read(const ICmpInst *Cmp) {
  std::optional<ir::BoundsCompare> BC = ir::matchBoundsCompare(*Cmp);
  if (!BC)
    return std::nullopt;
  auto [It, New] = SizeCache.try_emplace(BC->Bound);
  if (New)
    It->second = ir::isMemorySize(BC->Bound, Instance, DL);
  if (!It->second)
    return std::nullopt;
  return BC;
}

void Eliminator::learn(Value *X, uint64_t End) {
  auto [It, New] = Known.try_emplace(X, End);
  if (New) {
    Undo.emplace_back(X, std::nullopt);
  } else if (It->second < End) {
    Undo.emplace_back(X, It->second);
    It->second = End;
  }
}

void Eliminator::learnFromEdgeInto(BasicBlock *BB) {
  BasicBlock *Pred = BB->getSinglePredecessor();
  auto *Br = Pred ? dyn_cast<BranchInst>(Pred->getTerminator()) : nullptr;
  if (!Br || !Br->isConditional() || Br->getSuccessor(0) == Br->getSuccessor(1))
    return;
  // The condition's value on this edge, and the compares it then fixes:
  // each operand of an `or` that is false, of an `and` that is true.
  bool Taken = Br->getSuccessor(0) == BB;
  SmallVector<Value *, 8> Pending{Br->getCondition()};
  for (unsigned Seen = 0; !Pending.empty() && Seen < MaxConditionValues;
       ++Seen) {
    Value *Cond = Pending.pop_back_val();
    Value *A, *B;
    if (Taken ? match(Cond, m_LogicalAnd(m_Value(A), m_Value(B)))
              : match(Cond, m_LogicalOr(m_Value(A), m_Value(B)))) {
      Pending.push_back(A);
      Pending.push_back(B);
      continue;
    }
    auto *Cmp = dyn_cast<ICmpInst>(Cond);
    if (!Cmp)
      continue;
    if (std::optional<ir::BoundsCompare> BC = read(Cmp);
        BC && BC->OutOfBoundsWhenTrue != Taken)
      learn(BC->X, BC->End);
  }
}

void Eliminator::decideCompares(BasicBlock *BB) {
  if (Known.empty())
    return;
  for (Instruction &I : *BB)
    if (auto *Cmp = dyn_cast<ICmpInst>(&I))
      if (std::optional<ir::BoundsCompare> BC = read(Cmp)) {
        auto It = Known.find(BC->X);
        if (It != Known.end() && BC->End <= It->second)
          Decided.emplace_back(Cmp, !BC->OutOfBoundsWhenTrue);
      }
}

bool Eliminator::run() {
  // A preorder walk of the dominator tree, each block's facts dropped once
  // its subtree is done.
  struct Visit {
    DomTreeNode *Node;
    DomTreeNode::iterator NextChild;
    size_t UndoSize;
  };
  SmallVector<Visit, 32> Stack;
  auto Enter = [&](DomTreeNode *Node) {
    size_t UndoSize = Undo.size();
    learnFromEdgeInto(Node->getBlock());
    decideCompares(Node->getBlock());
    Stack.push_back({Node, Node->begin(), UndoSize});
  };
  Enter(DT.getRootNode());
  while (!Stack.empty()) {
    Visit &Top = Stack.back();
    if (Top.NextChild != Top.Node->end()) {
      DomTreeNode *Child = *Top.NextChild++;
      Enter(Child);
      continue;
    }
    while (Undo.size() > Top.UndoSize) {
      auto [X, Old] = Undo.pop_back_val();
      if (Old)
        Known[X] = *Old;
      else
        Known.erase(X);
    }
    Stack.pop_back();
  }
  if (Decided.empty())
    return false;

  LLVMContext &Ctx = F.getContext();
  for (auto [Cmp, Value] : Decided)
    replaceAndRecursivelySimplify(Cmp, ConstantInt::getBool(Ctx, Value));
  bool Folded = false;
  for (BasicBlock &BB : F)
    if (auto *Br = dyn_cast<BranchInst>(BB.getTerminator());
        Br && Br->isConditional() && isa<Constant>(Br->getCondition()))
      Folded |= ConstantFoldTerminator(&BB, /*DeleteDeadConditions=*/true);
  if (Folded)
    removeUnreachableBlocks(F);
  return true;
}

} // namespace

PreservedAnalyses RedundantBoundsChecksPass::run(Function &F,
                                                 FunctionAnalysisManager &AM) {
  if (!ir::instanceOf(F))
    return PreservedAnalyses::all();
  if (!Eliminator(F, AM.getResult<DominatorTreeAnalysis>(F)).run())
    return PreservedAnalyses::all();
  return PreservedAnalyses::none();
}

} // namespace w2n::passes

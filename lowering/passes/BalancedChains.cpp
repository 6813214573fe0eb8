//===- BalancedChains.cpp - Associative chains rebuilt as trees -----------===//
//
// A reduction such as a ^ b ^ c ^ ... ^ h reaches this compiler as a chain,
// each operation waiting for the one before: that is how C writes it, and
// LLVM's Reassociate pass keeps chains linear by design. When the operands
// become ready at different times the chain's order decides the latency.
// In a CRC's slicing-by-8 loop, four table lookups depend on the previous
// iteration's result and four do not; the chain starts with the four late
// ones, so every iteration waits for them and then for seven xors in turn.
//
// x86's machine combiner rebalances such chains, but only where every
// operand is in a register. With explicit bounds checks (and in native
// code) instruction selection folds each load into its xor, and the chain
// stays as it is; with guard pages the keep-alive after each load happens
// to block the folding, which is why the guard build of such a loop was
// faster than the explicit one (bench/README.md, "Kept").
//
// So, last in the optimisation pipeline, each chain of one associative and
// commutative integer operation inside a block is rebuilt as a tree that
// combines its operands in the order they become ready: always the two
// earliest first (a Huffman merge, which minimises the time the result is
// ready when each operation takes the same time). What counts is the loop's
// recurrence: a value is late by the estimated latency of its path from
// what the previous iteration computed (the block's phis other than
// induction variables); everything else an out-of-order core computes
// ahead. A chain is rebuilt only when the estimate for its result improves,
// so chains off the recurrence, and blocks without phis, stay as they were.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/BalancedChains.h"
#include "lowering/WasmIR.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

#include <queue>

namespace w2n::passes {

using namespace llvm;

namespace {

// Cycles from the last operand to the result, roughly as on current x86-64,
// AArch64 and RISC-V cores; only the order of magnitude matters here.
unsigned latencyOf(const Instruction &I) {
  if (isa<IntrinsicInst>(I)) // rotates, byte swaps, minimum, maximum: fast
    return 1;
  if (isa<LoadInst>(I) || isa<CallBase>(I))
    return 4;
  switch (I.getOpcode()) {
  case Instruction::Mul:
  case Instruction::FAdd:
  case Instruction::FSub:
  case Instruction::FMul:
    return 3;
  case Instruction::UDiv:
  case Instruction::SDiv:
  case Instruction::URem:
  case Instruction::SRem:
  case Instruction::FDiv:
    return 20;
  case Instruction::ZExt:
  case Instruction::SExt:
  case Instruction::Trunc:
  case Instruction::BitCast:
  case Instruction::GetElementPtr:
  case Instruction::Freeze:
    return 0;
  default:
    return 1;
  }
}

// Floating-point operations are not associative, and chains of i1 are
// branch conditions, which instruction selection matches as they are.
bool isChainOperation(const Instruction &I) {
  auto *Op = dyn_cast<BinaryOperator>(&I);
  if (!Op || !Op->isAssociative() || !Op->isCommutative())
    return false;
  Type *Ty = Op->getType();
  return Ty->isIntOrIntVectorTy() && Ty->getScalarSizeInBits() > 1;
}

// An operation whose only use is the same operation in the same block: part
// of a longer chain, rebuilt with it.
bool isInsideChain(const Instruction &I) {
  if (!isChainOperation(I) || !I.hasOneUse())
    return false;
  auto *User = cast<Instruction>(*I.user_begin());
  return User->getOpcode() == I.getOpcode() &&
         User->getParent() == I.getParent();
}

class BlockBalancer {
public:
  explicit BlockBalancer(BasicBlock &BB)
      : BB(BB), Stores(any_of(BB, [](const Instruction &I) {
          return I.mayWriteToMemory() && !ir::isKeepAlive(I) &&
                 !ir::isStoreBarrier(I);
        })) {}

  bool run() {
    bool Changed = false;
    for (auto It = BB.begin(); It != BB.end();) {
      Instruction &I = *It++;
      if (auto *Phi = dyn_cast<PHINode>(&I)) {
        if (!isInduction(*Phi))
          Ready[Phi] = 1;
        continue;
      }
      bool Reloads = Stores && isa<LoadInst>(I);
      if (!Reloads &&
          none_of(I.operands(), [&](Value *Op) { return Ready.count(Op); }))
        continue;
      unsigned Start = Reloads ? 1 : 0;
      for (Value *Op : I.operands())
        Start = std::max(Start, readyTime(Op));
      Ready[&I] = Start + latencyOf(I);
      if (isChainOperation(I) && !isInsideChain(I))
        Changed |= rebuild(cast<BinaryOperator>(I));
    }
    return Changed;
  }

private:
  BasicBlock &BB;
  // Whether the block stores to memory (the keep-alives of guard mode do
  // not). A loop that does may load what its previous iteration stored, as
  // SHA-256's message schedule does: its loads count as carried too, or the
  // tree would put the stored value's path at its bottom.
  bool Stores;
  // When each value that depends on a phi of the block, other than an
  // induction variable, is ready (from 1); the others are not in the map. In
  // a loop those phis are what the previous iteration computed. The rest
  // (values from other blocks, induction variables, loads at addresses
  // computed from them) an out-of-order core computes ahead: they are ready
  // at 0, and so is any combination of them.
  DenseMap<const Value *, unsigned> Ready;
  // Where each instruction of the block stands, once a chain is rebuilt:
  // Instruction::comesBefore numbers the whole block again after every
  // insertion, which made a block of many chains quadratic. A
  // node inserted takes the midpoint of its neighbours' positions; when
  // they are adjacent the block is numbered again, which the gap leaves for
  // after 32 insertions at one place.
  DenseMap<const Instruction *, uint64_t> Position;
  static constexpr uint64_t PositionGap = uint64_t(1) << 32;

  void numberBlock() {
    uint64_t Next = 0;
    for (const Instruction &I : BB)
      Position[&I] = Next += PositionGap;
  }

  void numberInserted(const Instruction &Node) {
    const Instruction *Before = Node.getPrevNode();
    uint64_t Low = Before ? Position.lookup(Before) : 0;
    uint64_t High = Position.lookup(Node.getNextNode());
    if (High - Low < 2)
      numberBlock();
    else
      Position[&Node] = Low + (High - Low) / 2;
  }

  unsigned readyTime(const Value *V) const {
    auto It = Ready.find(V);
    return It == Ready.end() ? 0 : It->second;
  }

  static unsigned combinedReadyTime(unsigned A, unsigned B, unsigned Latency) {
    return A == 0 && B == 0 ? 0 : std::max(A, B) + Latency;
  }

  // A phi that steps by a constant each time round a loop of one block.
  static bool isInduction(const PHINode &Phi) {
    return any_of(Phi.incoming_values(), [&](const Value *Next) {
      auto *Step = dyn_cast<Instruction>(Next);
      if (!Step || Step->getParent() != Phi.getParent())
        return false;
      if (auto *Gep = dyn_cast<GetElementPtrInst>(Step))
        return Gep->getPointerOperand() == &Phi && Gep->hasAllConstantIndices();
      return (Step->getOpcode() == Instruction::Add ||
              Step->getOpcode() == Instruction::Sub) &&
             Step->getOperand(0) == &Phi && isa<Constant>(Step->getOperand(1));
    });
  }

  // Rebuilds the chain ending at Root as a tree if that makes its result
  // ready sooner; the instruction after Root is where the walk goes on, and
  // every instruction this inserts or erases is before it.
  bool rebuild(BinaryOperator &Root) {
    SmallVector<Value *, 8> Operands;
    SmallVector<Instruction *, 8> Chain;
    SmallVector<Instruction *, 8> Pending{&Root};
    while (!Pending.empty()) {
      Instruction *Link = Pending.pop_back_val();
      Chain.push_back(Link);
      for (Value *Op : Link->operands()) {
        auto *OpInst = dyn_cast<Instruction>(Op);
        if (OpInst && isInsideChain(*OpInst))
          Pending.push_back(OpInst);
        else
          Operands.push_back(Op);
      }
    }
    if (Operands.size() < 3)
      return false;

    // The merge, first on paper: Steps[K] combines the values numbered
    // First and Second, operands being numbered before results, into one
    // ready at Ready.
    struct Step {
      unsigned First, Second, Ready;
    };
    using Entry = std::pair<unsigned, unsigned>; // (ready time, number)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> Queue;
    for (unsigned K = 0; K < Operands.size(); ++K)
      Queue.push({readyTime(Operands[K]), K});
    SmallVector<Step, 8> Steps;
    unsigned Latency = latencyOf(Root), TreeReady = 0;
    while (Queue.size() > 1) {
      Entry A = Queue.top();
      Queue.pop();
      Entry B = Queue.top();
      Queue.pop();
      TreeReady = combinedReadyTime(A.first, B.first, Latency);
      Queue.push({TreeReady, unsigned(Operands.size() + Steps.size())});
      Steps.push_back({A.second, B.second, TreeReady});
    }
    if (TreeReady >= readyTime(&Root))
      return false;

    // No wrap in unsigned terms holds for every partial sum if it held for
    // every link, and so do disjoint bits; signed overflow does not.
    bool NoUnsignedWrap = all_of(Chain, [](Instruction *Link) {
      return Link->getOpcode() == Instruction::Add &&
             Link->hasNoUnsignedWrap();
    });
    bool Disjoint = all_of(Chain, [](Instruction *Link) {
      return isa<PossiblyDisjointInst>(Link) &&
             cast<PossiblyDisjointInst>(Link)->isDisjoint();
    });
    if (Position.empty())
      numberBlock();
    SmallVector<Value *, 16> Values(Operands.begin(), Operands.end());
    for (const Step &S : Steps) {
      Value *A = Values[S.First], *B = Values[S.Second];
      auto *Node = BinaryOperator::Create(Root.getOpcode(), A, B,
                                          Root.getName() + ".tree");
      if (NoUnsignedWrap)
        Node->setHasNoUnsignedWrap();
      if (Disjoint)
        cast<PossiblyDisjointInst>(Node)->setIsDisjoint(true);
      insertAfterOperands(*Node, A, B);
      if (S.Ready)
        Ready[Node] = S.Ready;
      Values.push_back(Node);
    }
    Root.replaceAllUsesWith(Values.back());
    for (Instruction *Link : Chain) {
      Ready.erase(Link);
      Position.erase(Link);
      Link->dropAllReferences();
    }
    for (Instruction *Link : Chain)
      Link->eraseFromParent();
    return true;
  }

  // Right after the later of its operands in this block, so that no value
  // is kept alive longer than the chain kept it.
  void insertAfterOperands(Instruction &Node, Value *A, Value *B) {
    Instruction *Latest = nullptr;
    for (Value *Op : {A, B}) {
      auto *OpInst = dyn_cast<Instruction>(Op);
      if (OpInst && OpInst->getParent() == &BB &&
          (!Latest || Position.lookup(Latest) < Position.lookup(OpInst)))
        Latest = OpInst;
    }
    if (!Latest || isa<PHINode>(Latest))
      Node.insertInto(&BB, BB.getFirstInsertionPt());
    else
      Node.insertAfter(Latest);
    numberInserted(Node);
  }
};

} // namespace

PreservedAnalyses BalancedChainsPass::run(Function &F,
                                          FunctionAnalysisManager &) {
  bool Changed = false;
  for (BasicBlock &BB : F)
    Changed |= BlockBalancer(BB).run();
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace w2n::passes

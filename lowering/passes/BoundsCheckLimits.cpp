//===- BoundsCheckLimits.cpp - Checks against a precomputed limit ---------===//
//
// WARNING: subtle, like BoundsChecks.cpp: a rewrite that is not exact lets a
// guest read or write outside its sandbox, or traps a correct program.
//
// An explicit bounds check (BoundsChecks.cpp, rung 4) compares the end of
// an access, zext(Index) + Offset + Bytes, with the memory size. The end is
// computed for the compare alone: one addition per access, on the path of
// every load and store. The same test reads Index > Size - (Offset + Bytes)
// in signed 64-bit arithmetic, and Size - (Offset + Bytes) depends only on
// the size and the access's constant, so it is computed once, where the
// size is loaded (which, the size changing only in memory.grow, is usually
// once per function), and each check is a single compare.
//
// It runs last, so that the passes before it see the canonical form (the
// versioning in LoopBoundsChecks.cpp, constraint elimination). It rewrites
// any unsigned compare of `X +nuw C` (or a disjoint `or`) with `S` where
// the signed form is exact: X < 2^62 and C < 2^62 (so X + C does not reach
// the sign bit) and S < 2^63 (so S - C does not overflow), X and S read
// from known bits.
// The memory size carries a range (memorySize()) for that.
//
// Where the size is a phi, the limit is a phi too, over the limits of its
// incoming values, and so on through the phis the size passes (a web, in a
// function that calls in branches and loops): one phi per phi of the web
// for each constant. In a function of thousands of such branches, each
// followed by a check at an offset of its own, that is quadratic in time
// and memory (bench/README.md). In a web of more than MaxLimitPhis phis
// the limit is computed in the size's block instead, once each time the
// block runs.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/BoundsCheckLimits.h"
#include "lowering/PhiSources.h"
#include "lowering/WasmIR.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/IR/ValueHandle.h"
#include "llvm/Transforms/Utils/Local.h"

namespace w2n::passes {

using namespace llvm;

namespace {

// Whether V has at least LeadingZeros leading zero bits. Known bits stop at
// a phi that is part of a cycle, which is what the memory size is in a loop
// with a call, so phis are walked here, every value they can take counting.
bool hasLeadingZeros(Value *V, unsigned LeadingZeros, const DataLayout &DL) {
  return ir::holdsThroughPhis(V, [&](const Value *Item) {
    return computeKnownBits(Item, DL).countMinLeadingZeros() >= LeadingZeros;
  });
}

cl::opt<unsigned> MaxLimitPhis(
    "w2n-bounds-limit-phis", cl::Hidden, cl::init(16),
    cl::desc("The most phis a memory size may pass through for its limits "
             "to be phis too"));

// Whether Phi and the phis it reaches through incoming values (cycles
// included) number at most MaxLimitPhis.
bool phiWebFits(const PHINode *Phi) {
  SmallPtrSet<const PHINode *, 16> Seen;
  SmallVector<const PHINode *, 8> Pending{Phi};
  while (!Pending.empty()) {
    const PHINode *Item = Pending.pop_back_val();
    if (!Seen.insert(Item).second)
      continue;
    if (Seen.size() > MaxLimitPhis)
      return false;
    for (const Value *Incoming : Item->incoming_values())
      if (const auto *Next = dyn_cast<PHINode>(Incoming))
        Pending.push_back(Next);
  }
  return true;
}

class LimitCache {
public:
  explicit LimitCache(Function &F) : F(F) {}

  // Size - C, computed right after Size, so that one subtraction serves
  // every check it dominates. Where Size is a phi (the size in a loop that
  // calls: the value before the loop joined with the values loaded again
  // after each call), the limit is a phi of the same shape over the limits
  // of its incoming values: a subtraction in the phi's block would run on
  // every iteration.
  Value *get(Value *Size, const APInt &C) {
    Value *&Limit = Cache[{Size, C.getZExtValue()}];
    if (Limit)
      return Limit;
    auto *Phi = dyn_cast<PHINode>(Size);
    if (Phi && phiWebFits(Phi)) {
      PHINode *LimitPhi =
          PHINode::Create(Size->getType(), Phi->getNumIncomingValues(),
                          Size->getName() + ".limit", Phi->getIterator());
      Limit = LimitPhi; // before the incoming values: phis form cycles
      for (unsigned K = 0; K < Phi->getNumIncomingValues(); ++K)
        LimitPhi->addIncoming(get(Phi->getIncomingValue(K), C),
                              Phi->getIncomingBlock(K));
      return LimitPhi;
    }
    BasicBlock::iterator At = F.getEntryBlock().getFirstInsertionPt();
    if (Phi)
      At = Phi->getParent()->getFirstInsertionPt();
    else if (auto *I = dyn_cast<Instruction>(Size))
      At = std::next(I->getIterator());
    IRBuilder<> B(At->getParent(), At);
    Limit = B.CreateSub(Size, B.getInt(C), Size->getName() + ".limit",
                        /*HasNUW=*/false, /*HasNSW=*/true);
    return Limit;
  }

private:
  Function &F;
  DenseMap<std::pair<Value *, uint64_t>, Value *> Cache;
};

} // namespace

PreservedAnalyses BoundsCheckLimitsPass::run(Function &F,
                                             FunctionAnalysisManager &) {
  const DataLayout &DL = F.getDataLayout();
  LimitCache Limits(F);
  SmallVector<WeakTrackingVH, 4> SizePhis;
  // Whether each size is below 2^63, walked once per size rather than once
  // per check (a size that is a phi has a web of them behind it).
  DenseMap<Value *, bool> SizeFits;
  auto FitsSigned = [&](Value *Size) {
    auto [It, New] = SizeFits.try_emplace(Size);
    if (New)
      It->second = hasLeadingZeros(Size, 1, DL);
    return It->second;
  };
  bool Changed = false;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB) {
      auto *Cmp = dyn_cast<ICmpInst>(&I);
      std::optional<ir::OffsetCompare> OC =
          Cmp ? ir::matchOffsetCompare(*Cmp) : std::nullopt;
      if (!OC)
        continue;
      auto [Pred, X, C, Size] = *OC;
      // X, C < 2^62 and Size < 2^63.
      if (C->getBitWidth() != 64 || C->getActiveBits() > 62 ||
          !hasLeadingZeros(X, 2, DL) || !FitsSigned(Size))
        continue;
      Value *Limit = Limits.get(Size, *C);
      Value *End = Cmp->getOperand(Cmp->getOperand(0) == Size ? 1 : 0);
      Cmp->setPredicate(ICmpInst::getSignedPredicate(Pred));
      Cmp->setOperand(0, X);
      Cmp->setOperand(1, Limit);
      RecursivelyDeleteTriviallyDeadInstructions(End);
      if (auto *Phi = dyn_cast<PHINode>(Size))
        SizePhis.push_back(Phi);
      Changed = true;
    }
  // Size phis left to themselves: a cycle carrying a value nothing reads.
  // (Deleted only now: the cache of limits is keyed by them.)
  for (WeakTrackingVH &Phi : SizePhis)
    if (auto *P = dyn_cast_or_null<PHINode>(Phi))
      RecursivelyDeleteDeadPHINode(P);
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace w2n::passes

//===- LoopIndexRanges.cpp - Where a loop's memory offsets lie -----------===//
//
// WARNING: subtle, like LoopBoundsChecks.cpp: a bound that does not hold
// lets the unchecked copy of a loop read or write outside its sandbox.
//
// An offset is a sum of loop-invariant terms, zero extensions of 32-bit
// affine indices, and affine i64 terms, each moving by a constant stride in
// L or in loops inside it. A term moving in several loops of a nest (a row
// index in the outer loop, a column index in the inner) sweeps each loop's
// stride times that loop's iteration bound; the sums of the lowest and of
// the highest values bound the term, whichever iterations combine.
//
// A zero extension equals its 64-bit sum only where that never wraps
// around 2^32: the conditions say so, for every combination of
// iterations, and the loop's copy then counts the index in 64 bits.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/LoopIndexRanges.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/IR/ConstantRange.h"

#include <algorithm>

namespace w2n::passes {

using namespace llvm;

namespace {
// A non-affine index term is bounded by its value range only below this.
constexpr uint64_t MaxTermRange = uint64_t(1) << 20;
} // namespace

IndexRanges::IndexRanges(ScalarEvolution &SE, const Loop *L,
                         const SCEV *MaxIterations)
    : SE(SE), L(L), MaxIterations(MaxIterations),
      I64(Type::getInt64Ty(L->getHeader()->getContext())) {}

/// A bound on the backedge-taken count of In, L or a loop inside it, that
/// holds over L's whole run: MaxIterations for L itself; for a loop inside
/// it, its own bound, which must be invariant in L (a triangular nest is
/// versioned loop by loop instead). Null: none.
const SCEV *IndexRanges::iterations(const Loop *In) {
  if (In == L)
    return MaxIterations;
  if (auto It = InnerIterations.find(In); It != InnerIterations.end())
    return It->second;
  const SCEV *&Count = InnerIterations[In];
  if (In->getLoopDepth() - L->getLoopDepth() >= MaxNestDepth)
    return Count = nullptr;
  const SCEV *Max = SE.getSymbolicMaxBackedgeTakenCount(In);
  if (isa<SCEVCouldNotCompute>(Max) || !Max->getType()->isIntegerTy() ||
      Max->getType()->getIntegerBitWidth() > 64 || !SE.isLoopInvariant(Max, L))
    return Count = nullptr;
  bool Wide = Max->getType()->getIntegerBitWidth() > 32;
  Max = SE.getNoopOrZeroExtend(Max, I64);
  if (Wide)
    Conditions.push_back(
        {CmpInst::ICMP_ULE, Max, SE.getConstant(I64, UINT32_MAX)});
  return Count = Max;
}

/// Whether an index may move by Step per iteration. Memory offsets are
/// below 2^34 and iteration bounds below 2^32; so, with |Step| < 2^31 in a
/// single loop, or < 2^28 in each loop of a nest (at most MaxNestDepth of
/// them, iterations() sees to that; up to four would do), no bound computed
/// from them wraps in 64 bits.
bool IndexRanges::smallStep(int64_t Step) const {
  int64_t Limit = int64_t(1) << (L->isInnermost() ? 31 : 28);
  return Step > -Limit && Step < Limit;
}

/// Where First + Step * k lies for k in [0, Count], First in a range.
Range IndexRanges::sweep(const Range &First, int64_t Step, const SCEV *Count) {
  const SCEV *Moved = SE.getMulExpr(SE.getConstant(I64, Step, true), Count);
  (Step >= 0 ? Ascending : Descending) = true;
  return Step >= 0 ? Range{First.Lo, SE.getAddExpr(First.Hi, Moved)}
                   : Range{SE.getAddExpr(First.Lo, Moved), First.Hi};
}

bool IndexRanges::rangeOfZExt(const SCEVZeroExtendExpr *Z, Range &R) {
  const auto *AR = dyn_cast<SCEVAddRecExpr>(Z->getOperand());
  if (!AR)
    return false;
  unsigned Width = AR->getType()->getScalarSizeInBits();
  if (Width > 32)
    return false;
  // The loops the index moves in, each inside the one before it, and the
  // value it starts from, invariant in L.
  SmallVector<Stride, 2> Strides;
  const SCEV *Start = AR;
  while (const auto *Rec = dyn_cast<SCEVAddRecExpr>(Start)) {
    const Loop *In = Rec->getLoop();
    if (!L->contains(In))
      break;
    const auto *StepC = dyn_cast<SCEVConstant>(Rec->getStepRecurrence(SE));
    if (!StepC || !Rec->isAffine() ||
        (!Strides.empty() &&
         (In == Strides.back().In || !In->contains(Strides.back().In))))
      return false;
    int64_t Step = StepC->getAPInt().getSExtValue();
    if (!L->isInnermost() && !smallStep(Step))
      return false;
    Strides.push_back({In, Step});
    Start = Rec->getStart();
  }
  if (Strides.empty() || !SE.isLoopInvariant(Start, L))
    return false;
  std::reverse(Strides.begin(), Strides.end());
  SmallVector<const SCEV *, 2> Counts;
  for (const Stride &S : Strides) {
    Counts.push_back(iterations(S.In));
    if (!Counts.back())
      return false;
  }
  // The start, split into a constant taken as signed (so that `p - 8` stays
  // a small negative offset from p) and the rest, zero-extended.
  int64_t Constant = 0;
  const SCEV *Rest = Start;
  if (const auto *C = dyn_cast<SCEVConstant>(Start)) {
    Constant = int64_t(C->getAPInt().getZExtValue());
    Rest = SE.getZero(Start->getType());
  } else if (const auto *Add = dyn_cast<SCEVAddExpr>(Start)) {
    if (const auto *C = dyn_cast<SCEVConstant>(Add->getOperand(0))) {
      Constant = C->getAPInt().getSExtValue();
      Rest = SE.getMinusSCEV(Start, C);
    }
  }
  // Under the conditions below, the index at iterations k1, k2, ... of its
  // loops is exactly zext(Rest) + Constant + Step1 * k1 + Step2 * k2 ...,
  // for every k up to its loop's bound.
  const SCEV *First = SE.getAddExpr(SE.getZeroExtendExpr(Rest, I64),
                                    SE.getConstant(I64, Constant, true));
  // An index a constant D (mod 2^Width) away from one already widened
  // starts D, taken as signed, away from that one's first value: the sum
  // is congruent to the index, and the conditions below keep it within
  // [0, 2^Width), where that makes it equal to the index. Then the copy's
  // accesses are visibly consecutive (b[j] and b[j+1] of an unrolled loop,
  // whose indices clang computed separately), as the vectorisers need.
  // (A constant difference means the same strides.)
  Widening W{First, Strides};
  bool Anchored = false;
  for (auto [Anchor, AnchorFirst] : Anchors) {
    if (Anchor->getType() != AR->getType() ||
        Anchor->getStepRecurrence(SE) != AR->getStepRecurrence(SE))
      continue;
    if (const auto *D = dyn_cast<SCEVConstant>(SE.getMinusSCEV(AR, Anchor))) {
      W = {AnchorFirst, Strides, D->getAPInt().getSExtValue()};
      First = SE.getAddExpr(AnchorFirst, SE.getConstant(I64, W.Delta, true));
      Anchored = true;
      break;
    }
  }
  if (!Anchored)
    Anchors.push_back({AR, First});
  R = {First, First};
  for (unsigned I = 0; I != Strides.size(); ++I)
    R = sweep(R, Strides[I].Step, Counts[I]);
  Conditions.push_back({CmpInst::ICMP_SGE, R.Lo, SE.getZero(I64)});
  Conditions.push_back({CmpInst::ICMP_SLE, R.Hi,
                        SE.getConstant(I64, (int64_t(1) << Width) - 1)});
  Widenings[Z] = W;
  return true;
}

bool IndexRanges::rangeOf(const SCEV *E, Range &R) {
  if (SE.isLoopInvariant(E, L)) {
    R = {E, E};
    return true;
  }
  if (const auto *AR = dyn_cast<SCEVAddRecExpr>(E)) {
    const auto *StepC = dyn_cast<SCEVConstant>(AR->getStepRecurrence(SE));
    if (!L->contains(AR->getLoop()) || !AR->isAffine() || !StepC)
      return false;
    int64_t Step = StepC->getAPInt().getSExtValue();
    Range Start;
    const SCEV *Count = nullptr;
    if (!smallStep(Step) || !(Count = iterations(AR->getLoop())) ||
        !rangeOf(AR->getStart(), Start))
      return false;
    R = sweep(Start, Step, Count);
    return true;
  }
  if (const auto *Z = dyn_cast<SCEVZeroExtendExpr>(E))
    if (rangeOfZExt(Z, R))
      return true;
  if (const auto *Add = dyn_cast<SCEVAddExpr>(E)) {
    Range Sum{SE.getZero(I64), SE.getZero(I64)};
    for (const SCEV *Op : Add->operands()) {
      Range OpRange;
      if (!rangeOf(Op, OpRange))
        return false;
      Sum = {SE.getAddExpr(Sum.Lo, OpRange.Lo),
             SE.getAddExpr(Sum.Hi, OpRange.Hi)};
    }
    R = Sum;
    return true;
  }
  // Any other term (a masked table index, say): SCEV's unsigned range
  // holds in every iteration. Only a small one is worth a test.
  ConstantRange Values = SE.getUnsignedRange(E);
  if (Values.getUnsignedMax().ult(MaxTermRange)) {
    R = {SE.getConstant(Values.getUnsignedMin()),
         SE.getConstant(Values.getUnsignedMax())};
    ValueRanges = true;
    return true;
  }
  return false;
}

} // namespace w2n::passes

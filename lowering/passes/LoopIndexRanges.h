//===- LoopIndexRanges.h - Where a loop's memory offsets lie ----*- C++ -*-===//
//
// For LoopBoundsChecks.cpp: bounds, computed before a loop (or a nest of
// loops), on every value a linear-memory offset takes over all its
// iterations, and the conditions under which each zero-extended 32-bit
// index in it equals a 64-bit induction variable. See LoopIndexRanges.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_LOOPINDEXRANGES_H
#define W2N_PASSES_LOOPINDEXRANGES_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/InstrTypes.h"

#include <utility>

namespace llvm {
class Loop;
class SCEV;
class SCEVAddRecExpr;
class SCEVZeroExtendExpr;
class ScalarEvolution;
class Type;
} // namespace llvm

namespace w2n::passes {

/// The most loops of a nest IndexRanges bounds offsets in: the loop and
/// two levels inside it (its 64-bit arithmetic would hold for four).
constexpr unsigned MaxNestDepth = 3;

/// The lowest and highest value of an i64 expression over a loop.
struct Range {
  const llvm::SCEV *Lo, *Hi;
};

/// One loop an index moves in, and by how much per iteration.
struct Stride {
  const llvm::Loop *In;
  int64_t Step;
};

/// How the fast copy of a zero extension of a 32-bit affine index counts:
/// Delta away from a 64-bit induction variable that starts at Start and
/// moves by each stride in its loop (outermost first; one for an innermost
/// loop; in a nest, the variable of an inner loop starts each run from the
/// current value of the one outside it). Indices a constant apart share
/// one variable, which keeps the loop small for the loop vectoriser's cost
/// model (and its choice to interleave).
struct Widening {
  const llvm::SCEV *Start; // i64, the induction variable's first value
  llvm::SmallVector<Stride, 2> Strides;
  int64_t Delta = 0;
};

/// Something the test before the loop must find true.
struct Condition {
  llvm::CmpInst::Predicate Pred;
  const llvm::SCEV *LHS, *RHS;
};

/// The ranges of the offsets of one loop L, which may hold other loops
/// (a nest): each loop's bound on its backedge-taken count, and for L
/// itself MaxIterations (i64, at most 2^32 - 1).
class IndexRanges {
public:
  IndexRanges(llvm::ScalarEvolution &SE, const llvm::Loop *L,
              const llvm::SCEV *MaxIterations);

  /// Bounds on E (i64) over every iteration of L and the loops inside it,
  /// holding under Conditions; false if there are none this can tell.
  bool rangeOf(const llvm::SCEV *E, Range &R);

  /// What the ranges found so far rest on.
  llvm::SmallVector<Condition, 8> Conditions;
  /// Keyed by the SCEV of a zero extension whose range rangeOf found.
  llvm::DenseMap<const llvm::SCEV *, Widening> Widenings;
  bool Ascending = false, Descending = false; // how the indices move
  bool ValueRanges = false; // some term is bounded by its value range

private:
  const llvm::SCEV *iterations(const llvm::Loop *In);
  bool smallStep(int64_t Step) const;
  Range sweep(const Range &First, int64_t Step, const llvm::SCEV *Count);
  bool rangeOfZExt(const llvm::SCEVZeroExtendExpr *Z, Range &R);

  llvm::ScalarEvolution &SE;
  const llvm::Loop *L;
  const llvm::SCEV *MaxIterations;
  llvm::Type *I64;
  // Of each loop inside L: a bound on its backedge-taken count, i64,
  // invariant in L; null where there is none.
  llvm::DenseMap<const llvm::Loop *, const llvm::SCEV *> InnerIterations;
  // Widened 32-bit indices and their first values, so that an index a
  // constant away from one of them starts that constant away from it.
  llvm::SmallVector<std::pair<const llvm::SCEVAddRecExpr *, const llvm::SCEV *>,
                    8>
      Anchors;
};

} // namespace w2n::passes

#endif

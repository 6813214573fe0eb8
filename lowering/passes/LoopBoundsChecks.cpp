//===- LoopBoundsChecks.cpp - Loops versioned on one bounds check ---------===//
//
// WARNING: subtle, like BoundsChecks.cpp: a wrong decision here lets a guest
// read or write outside its sandbox, or traps a correct program.
//
// Every linear-memory access is addressed as MemoryBase + zext(i32 Index) +
// Offset. In a loop the zero extension hides how the address progresses
// (the 32-bit sum may wrap), so LLVM sees neither consecutive accesses nor a
// 64-bit induction variable; and each access carries its own check (a
// keep-alive in guard mode, a compare and branch in explicit mode), which
// stops vectorisation outright.
//
// For an innermost loop this pass bounds, before the loop, every byte each
// access with an affine index can touch over all iterations (from SCEV's
// bound on the iteration count), and versions the loop on one condition:
// no such index wraps around 2^32, and every such access ends within the
// memory's current size. Memories never shrink, so that stays true for the
// whole loop. In the copy that runs when it holds:
//  - each covered zero extension is a 64-bit induction variable;
//  - guard mode: the keep-alives of covered loads are gone (they cannot
//    fault, so the optimiser may delete the ones whose value is unused),
//    and so are the barriers after stores (every store of the loop must be
//    covered for it to be copied at all);
//  - explicit mode: a compare of a covered end against the memory size has
//    a known result.
// When it does not hold, the original loop runs and traps where it would
// have. Accesses the pass cannot bound stay checked in both copies.
//
// Where the loop stores, the fast copy is copied once more, for when a
// second test shows the footprints of its accesses (the bytes each group
// of accesses a constant apart touches over all iterations) apart; there
// alias scopes tell LLVM that a store does not alias the accesses of
// another footprint, which the vectorisers need (LoopFootprints.cpp).
//
// A nest of up to three loops is versioned as a whole instead, at its
// outermost loop, where its copy has no check left at all and its stored
// footprints are kept apart (versionNest): the ranges then cover every
// iteration of every loop of it (LoopIndexRanges.cpp), and the test runs
// once for the nest rather than once per run of the innermost loop.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/LoopBoundsChecks.h"

#include "lowering/passes/LoopCopy.h"
#include "lowering/passes/LoopFootprints.h"
#include "lowering/passes/LoopIndexRanges.h"
#include "lowering/WasmIR.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/LoopSimplify.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"
#include "llvm/Transforms/Utils/ValueMapper.h"
#include "llvm/Support/CommandLine.h"

#include <optional>

namespace w2n::passes {

using namespace llvm;

namespace {

cl::opt<unsigned> MaxLoopInstructions(
    "w2n-loop-bounds-max-instructions", cl::Hidden, cl::init(400),
    cl::desc("Loops larger than this are not copied: the copy costs code "
             "size, and the loops that gain are small"));
cl::opt<unsigned> MaxConditions(
    "w2n-loop-bounds-max-conditions", cl::Hidden, cl::init(24),
    cl::desc("Nor are loops needing more conditions than this before they "
             "start"));
// Each pair costs two compares on every entry, and a loop entered for few
// iterations pays them each time (bench/README.md has fft's case).
cl::opt<unsigned> MaxTestedPairs(
    "w2n-loop-bounds-max-tested-pairs", cl::Hidden, cl::init(3),
    cl::desc("Nor are footprints tested apart in more pairs than this"));

/// An access end, or a compare's bound, that must not exceed a size.
struct EndBound {
  const SCEV *End;
  Value *Size; // a value the loop compares against; null: the current size
};

struct Plan {
  Loop *L = nullptr;
  std::optional<IndexRanges> Indices; // with the conditions they rest on
  SmallVector<EndBound, 8> Ends;
  SmallVector<CallInst *, 8> KeepAlives;
  SmallVector<CallInst *, 8> StoreBarriers; // all stores are in bounds

  SmallVector<LoadInst *, 4> VolatileLoads;
  SmallVector<std::pair<ICmpInst *, bool>, 8> KnownCompares;
  SmallVector<Footprint, 4> Footprints;
  // Pairs of footprints, one of them stored to, known or tested apart.
  SmallVector<Separation, 4> Apart;
};

class LoopVersioner {
public:
  LoopVersioner(Function &F, FunctionAnalysisManager &AM)
      : F(F), SE(AM.getResult<ScalarEvolutionAnalysis>(F)),
        LI(AM.getResult<LoopAnalysis>(F)),
        DT(AM.getResult<DominatorTreeAnalysis>(F)),
        AC(AM.getResult<AssumptionAnalysis>(F)),
        DL(F.getDataLayout()), I64(Type::getInt64Ty(F.getContext())) {}

  bool run();

private:
  bool isMemoryBase(const Value *V) const;
  bool isMemorySize(const Value *V) const;
  const SCEV *memoryOffset(Value *Pointer);
  bool outsideMemory(Value *Pointer) const;
  bool coverLoad(LoadInst *Load, Plan &P);
  const SCEV *endOf(const Range &R, Instruction *Access) const;
  void coverAccess(Plan &P, const Range &R, Instruction *Access);
  unsigned countChecks(Loop *L) const;
  bool versionNest(Loop *Inner, SmallPtrSetImpl<Loop *> &Tried,
                   bool &Changed);
  bool plan(Loop *L, Plan &P);
  bool expandable(const Plan &P, Instruction *At);
  void version(Plan &P);

  Function &F;
  ScalarEvolution &SE;
  LoopInfo &LI;
  DominatorTree &DT;
  AssumptionCache &AC;
  const DataLayout &DL;
  Type *I64;
  Value *Instance = nullptr;
};

bool LoopVersioner::isMemoryBase(const Value *V) const {
  return ir::isMemoryBase(V, Instance, DL);
}

bool LoopVersioner::isMemorySize(const Value *V) const {
  return ir::isMemorySize(V, Instance, DL);
}

const SCEV *LoopVersioner::memoryOffset(Value *Pointer) {
  const SCEV *Ptr = SE.getSCEV(Pointer);
  const auto *Base = dyn_cast<SCEVUnknown>(SE.getPointerBase(Ptr));
  if (!Base || !isMemoryBase(Base->getValue()))
    return nullptr;
  const SCEV *Offset = SE.getMinusSCEV(Ptr, Base);
  if (isa<SCEVCouldNotCompute>(Offset) || !Offset->getType()->isIntegerTy(64))
    return nullptr;
  return Offset;
}

bool LoopVersioner::outsideMemory(Value *Pointer) const {
  const Value *Object = getUnderlyingObject(Pointer);
  if (isa<AllocaInst>(Object) || isa<GlobalValue>(Object) ||
      Object == Instance)
    return true;
  // A pointer held in the instance other than the memory base: a global's
  // or a table's storage.
  return ir::isInstanceFieldLoad(Object, Instance, DL) && !isMemoryBase(Object);
}

bool LoopVersioner::coverLoad(LoadInst *Load, Plan &P) {
  if (!P.L->contains(Load))
    return false;
  const SCEV *Offset = memoryOffset(Load->getPointerOperand());
  Range R;
  if (!Offset || !P.Indices->rangeOf(Offset, R))
    return false;
  coverAccess(P, R, Load);
  return true;
}

/// One past the last byte a load or store touches when its address ranges
/// over R.
const SCEV *LoopVersioner::endOf(const Range &R, Instruction *Access) const {
  auto *Store = dyn_cast<StoreInst>(Access);
  Type *Accessed =
      Store ? Store->getValueOperand()->getType() : Access->getType();
  uint64_t Bytes = DL.getTypeStoreSize(Accessed).getFixedValue();
  return SE.getAddExpr(R.Hi, SE.getConstant(I64, Bytes));
}

/// An access the copy leaves unchecked: its end must be within the memory,
/// and it joins a footprint.
void LoopVersioner::coverAccess(Plan &P, const Range &R, Instruction *Access) {
  const SCEV *End = endOf(R, Access);
  P.Ends.push_back({End, nullptr});
  addFootprint(P.Footprints, SE, R.Lo, End, Access);
}

/// Items minus those another item implies (Implies(A, B): B implies A);
/// a loop over arrays checks the same bounds once per access otherwise.
template <typename T, typename Fn>
SmallVector<T, 8> pruneImplied(ArrayRef<T> Items, Fn Implies) {
  SmallVector<T, 8> Kept;
  for (const T &Item : Items) {
    if (llvm::any_of(Kept, [&](const T &K) { return Implies(Item, K); }))
      continue;
    llvm::erase_if(Kept, [&](const T &K) { return Implies(K, Item); });
    Kept.push_back(Item);
  }
  return Kept;
}

bool LoopVersioner::plan(Loop *L, Plan &P) {
  P.L = L;
  if (!L->getLoopPreheader() || !L->getLoopLatch() || !L->hasDedicatedExits())
    return false;
  const SCEV *Max = SE.getSymbolicMaxBackedgeTakenCount(L);
  if (isa<SCEVCouldNotCompute>(Max) || !Max->getType()->isIntegerTy() ||
      Max->getType()->getIntegerBitWidth() > 64)
    return false;
  // At most 2^32 - 1, so that Step * Max (|Step| < 2^31) fits in 64 bits.
  bool Wide = Max->getType()->getIntegerBitWidth() > 32;
  Max = SE.getNoopOrZeroExtend(Max, I64);
  IndexRanges &Indices = P.Indices.emplace(SE, L, Max);
  if (Wide)
    Indices.Conditions.push_back(
        {CmpInst::ICMP_ULE, Max, SE.getConstant(I64, UINT32_MAX)});

  // A load that may still fault in the copy (one of another memory, or
  // not covered) must not move above a store: then the copy keeps its
  // store barriers.
  bool FaultingLoadLeft = false;
  for (BasicBlock *BB : L->blocks())
    for (Instruction &I : *BB) {
      if (ir::isKeepAlive(I)) {
        auto *Call = cast<CallInst>(&I);
        Value *Kept = ir::keptValue(*Call);
        while (auto *Cast = dyn_cast<CastInst>(Kept))
          Kept = Cast->getOperand(0);
        if (auto *Load = dyn_cast<LoadInst>(Kept); Load && coverLoad(Load, P))
          P.KeepAlives.push_back(Call);
        else
          FaultingLoadLeft = true;
      } else if (ir::isStoreBarrier(I)) {
        P.StoreBarriers.push_back(cast<CallInst>(&I));
      } else if (auto *Load = dyn_cast<LoadInst>(&I);
                 Load && ir::isVolatileKeepAlive(*Load)) {
        if (coverLoad(Load, P))
          P.VolatileLoads.push_back(Load);
        else
          FaultingLoadLeft = true;
      } else if (auto *Store = dyn_cast<StoreInst>(&I)) {
        // Every store of the copy must be in bounds: with guard pages a
        // store has no check of its own, and the vectoriser may merge the
        // stores of several iterations into one, which would then fault as
        // a whole and lose the bytes of the iterations before the trap.
        Value *Ptr = Store->getPointerOperand();
        Range R;
        if (const SCEV *Offset = memoryOffset(Ptr)) {
          if (!Indices.rangeOf(Offset, R))
            return false;
          coverAccess(P, R, Store);
        } else if (!outsideMemory(Ptr)) {
          return false;
        }
      } else if (auto *Load = dyn_cast<LoadInst>(&I)) {
        // Loads proven in bounds at compile time gain a 64-bit index too.
        Range R;
        if (const SCEV *Offset = memoryOffset(Load->getPointerOperand());
            Offset && Indices.rangeOf(Offset, R))
          addFootprint(P.Footprints, SE, R.Lo, endOf(R, Load), Load);
      } else if (auto *Cmp = dyn_cast<ICmpInst>(&I); Cmp && Cmp->isUnsigned()) {
        // Normalised to `X Pred Size`.
        Value *X = Cmp->getOperand(0), *Size = Cmp->getOperand(1);
        CmpInst::Predicate Pred = Cmp->getPredicate();
        if (isMemorySize(X)) {
          std::swap(X, Size);
          Pred = CmpInst::getSwappedPredicate(Pred);
        }
        Range R;
        if (!isMemorySize(Size) || !X->getType()->isIntegerTy(64) ||
            !Indices.rangeOf(SE.getSCEV(X), R))
          continue;
        // X <= Size for every X when Hi <= Size; X < Size when Hi + 1 <= Size.
        bool Strict = Pred == CmpInst::ICMP_UGE || Pred == CmpInst::ICMP_ULT;
        const SCEV *End = Strict ? SE.getAddExpr(R.Hi, SE.getOne(I64)) : R.Hi;
        P.Ends.push_back({End, L->contains(cast<Instruction>(Size))
                                   ? nullptr
                                   : Size});
        P.KnownCompares.push_back(
            {Cmp, Pred == CmpInst::ICMP_ULE || Pred == CmpInst::ICMP_ULT});
      }
    }
  if (FaultingLoadLeft)
    P.StoreBarriers.clear();
  if (P.KeepAlives.empty() && P.VolatileLoads.empty() &&
      P.KnownCompares.empty() && P.StoreBarriers.empty())
    return false;
  // Indices moving towards each other (reversing, swapping from both ends)
  // do not vectorise, and such loops are usually short: the test would
  // cost more than the copy saves (fannkuch, bench/README.md).
  if (Indices.Ascending && Indices.Descending)
    return false;
  // Bounding table lookups by their value range pays where it drops
  // compares, not where it only drops keep-alives (crc32 in each mode,
  // bench/README.md).
  if (Indices.ValueRanges && P.KnownCompares.empty())
    return false;
  // A loop that leaves from more than one block (a search: lz77's match
  // loop, `while (l < max && a[l] == b[l])`) does not vectorise either, so
  // with guard pages the copy saves only keep-alives, and the test on each
  // entry costs more, in time and code size (lz77, bench/README.md). With
  // explicit checks the copy drops compares: it stays.
  if (P.KnownCompares.empty() && !L->getExitingBlock())
    return false;
  // Conditions SCEV proves need no code; one it disproves sinks the plan.
  SmallVector<Condition, 8> Needed;
  for (const Condition &C : Indices.Conditions) {
    if (SE.isKnownPredicate(C.Pred, C.LHS, C.RHS))
      continue;
    if (SE.isKnownPredicate(CmpInst::getInversePredicate(C.Pred), C.LHS, C.RHS))
      return false;
    Needed.push_back(C);
  }
  Indices.Conditions = pruneImplied<Condition>(
      Needed, [&](const Condition &C, const Condition &D) {
        return C.Pred == D.Pred && C.RHS == D.RHS &&
               SE.isKnownPredicate(C.Pred, C.LHS, D.LHS);
      });
  P.Ends =
      pruneImplied<EndBound>(P.Ends, [&](const EndBound &E, const EndBound &F) {
        return E.Size == F.Size &&
               SE.isKnownPredicate(CmpInst::ICMP_ULE, E.End, F.End);
      });
  if (Indices.Conditions.size() + P.Ends.size() > MaxConditions)
    return false;
  P.Apart = separateFootprints(
      P.Footprints, SE,
      std::min<unsigned>(MaxTestedPairs, MaxConditions -
                                             Indices.Conditions.size() -
                                             P.Ends.size()));
  return expandable(P, L->getLoopPreheader()->getTerminator());
}

bool LoopVersioner::expandable(const Plan &P, Instruction *At) {
  SCEVExpander Exp(SE, DL, "w2n.bounds");
  auto Safe = [&](const SCEV *S) { return Exp.isSafeToExpandAt(S, At); };
  for (const Condition &C : P.Indices->Conditions)
    if (!Safe(C.LHS) || !Safe(C.RHS))
      return false;
  for (const EndBound &E : P.Ends)
    if (!Safe(E.End))
      return false;
  for (const auto &[Z, W] : P.Indices->Widenings)
    if (!Safe(W.Start))
      return false;
  for (const Separation &S : P.Apart)
    for (unsigned I : {S.First, S.Second})
      if (S.Tested && (!Safe(P.Footprints[I].Lo) || !Safe(P.Footprints[I].End)))
        return false;
  return true;
}

void LoopVersioner::version(Plan &P) {
  Loop *L = P.L;
  BasicBlock *CheckBB = L->getLoopPreheader();
  Instruction *At = CheckBB->getTerminator();
  // Both copies of every loop of the nest are marked, so that a later run
  // leaves them alone.
  for (Loop *In : L->getLoopsInPreorder())
    ir::markVersioned(*In);

  // The zero extensions the fast copy widens, found before anything moves;
  // each inside the loops its index moves in, where their variables are.
  SmallVector<std::pair<ZExtInst *, Widening>, 8> Zexts;
  for (BasicBlock *BB : L->blocks())
    for (Instruction &I : *BB)
      if (auto *Z = dyn_cast<ZExtInst>(&I); Z && Z->getType() == I64)
        if (auto It = P.Indices->Widenings.find(SE.getSCEV(Z));
            It != P.Indices->Widenings.end() &&
            It->second.Strides.back().In->contains(Z))
          Zexts.push_back({Z, It->second});

  // The condition, at the end of the old preheader.
  SCEVExpander Exp(SE, DL, "w2n.bounds");
  IRBuilder<> B(At);
  Value *Ok = B.getTrue();
  for (const Condition &C : P.Indices->Conditions)
    Ok = B.CreateAnd(Ok, B.CreateICmp(C.Pred, Exp.expandCodeFor(C.LHS, I64, At),
                                      Exp.expandCodeFor(C.RHS, I64, At)));
  DenseMap<const SCEV *, Value *> Starts;
  for (auto [Z, W] : Zexts)
    if (!Starts.count(W.Start))
      Starts[W.Start] = Exp.expandCodeFor(W.Start, I64, At);
  Value *CurrentSize = nullptr;
  for (const EndBound &E : P.Ends) {
    Value *Size = E.Size;
    if (!Size) {
      if (!CurrentSize)
        CurrentSize =
            ir::buildMemorySize(B, ir::buildMemoryObject(B, Instance),
                                /*Is64=*/false);
      Size = CurrentSize;
    }
    Ok = B.CreateAnd(Ok,
                     B.CreateICmpULE(Exp.expandCodeFor(E.End, I64, At), Size));
  }
  // Whether the footprints are apart, where SCEV does not know.
  Value *Apart = nullptr;
  for (const Separation &S : P.Apart) {
    if (!S.Tested)
      continue;
    const Footprint &First = P.Footprints[S.First],
                    &Second = P.Footprints[S.Second];
    auto Below = [&](const Footprint &X, const Footprint &Y) {
      return B.CreateICmpULE(Exp.expandCodeFor(X.End, I64, At),
                             Exp.expandCodeFor(Y.Lo, I64, At));
    };
    Value *Pair = B.CreateOr(Below(First, Second), Below(Second, First));
    Apart = Apart ? B.CreateAnd(Apart, Pair) : Pair;
  }

  // Slow: the original loop. Fast: a copy, run when Ok.
  ValueToValueMapTy VMap;
  Loop *Fast = copyLoopWhen(L, Ok, VMap, ".unchecked", ".checked", DT, LI, SE);

  // The fast copy's checks.
  for (CallInst *Call : P.KeepAlives)
    cast<Instruction>(VMap[Call])->eraseFromParent();
  for (CallInst *Call : P.StoreBarriers)
    cast<Instruction>(VMap[Call])->eraseFromParent();
  for (LoadInst *Load : P.VolatileLoads)
    cast<LoadInst>(VMap[Load])->setVolatile(false);
  for (auto [Cmp, Result] : P.KnownCompares) {
    auto *Copy = cast<Instruction>(VMap[Cmp]);
    Copy->replaceAllUsesWith(ConstantInt::getBool(F.getContext(), Result));
    Copy->eraseFromParent();
  }
  // Each widened index is a 64-bit induction variable of the fast copy,
  // starting from a value computed with the condition; in a nest, a
  // variable of each loop the index moves in, starting each run of that
  // loop from the value of the one outside it.
  DenseMap<std::tuple<Value *, const Loop *, int64_t>, PHINode *> Counters;
  auto Counter = [&](Value *From, const Stride &S) {
    PHINode *&Phi = Counters[{From, S.In, S.Step}];
    if (Phi)
      return Phi;
    Loop *Copy = LI.getLoopFor(cast<BasicBlock>(VMap[S.In->getHeader()]));
    Phi = PHINode::Create(I64, 2, "w2n.index",
                          Copy->getHeader()->getFirstNonPHIIt());
    auto *Next = BinaryOperator::Create(
        Instruction::Add, Phi, ConstantInt::get(I64, S.Step, true),
        "w2n.index.next", Copy->getLoopLatch()->getTerminator()->getIterator());
    Next->setHasNoUnsignedWrap(S.Step >= 0);
    Next->setHasNoSignedWrap(true);
    Phi->addIncoming(From, Copy->getLoopPreheader());
    Phi->addIncoming(Next, Copy->getLoopLatch());
    return Phi;
  };
  for (auto [Z, W] : Zexts) {
    Value *Index = Starts.lookup(W.Start);
    for (const Stride &S : W.Strides)
      Index = Counter(Index, S);
    auto *Copy = cast<Instruction>(VMap[Z]);
    if (W.Delta) {
      // Counter + Delta is the index, in [0, 2^32): no signed wrap.
      auto *Add = BinaryOperator::Create(
          Instruction::Add, Index, ConstantInt::get(I64, W.Delta, true),
          "w2n.index.moved", Copy->getIterator());
      Add->setHasNoSignedWrap(true);
      Add->setHasNoUnsignedWrap(W.Delta > 0);
      Index = Add;
    }
    Copy->replaceAllUsesWith(Index);
    Copy->eraseFromParent();
  }

  // Alias scopes: in the fast copy itself where SCEV proves the footprints
  // apart; otherwise in a copy of it, run when the test says so, so that
  // a loop whose footprints overlap (lz77's copy of an earlier match) still
  // runs without checks.
  if (P.Apart.empty())
    return;
  if (!Apart) {
    addAliasScopes(P.Footprints, P.Apart, Fast,
                   [&](Instruction *I) { return cast<Instruction>(VMap[I]); });
    return;
  }
  ValueToValueMapTy ScopedMap;
  Loop *Scoped = copyLoopWhen(Fast, Apart, ScopedMap, ".apart", ".overlapping",
                              DT, LI, SE);
  addAliasScopes(P.Footprints, P.Apart, Scoped, [&](Instruction *I) {
    return cast<Instruction>(ScopedMap[VMap[I]]);
  });
}

/// How many checks the copy of a loop (with the loops inside it) could
/// drop, counted cheaply, before any analysis or canonicalisation (the pass
/// runs at every peephole point). None where a loop of it is versioned
/// already, or the size and call limits, which plan() then takes as given,
/// are not met.
unsigned LoopVersioner::countChecks(Loop *L) const {
  for (Loop *In : L->getLoopsInPreorder())
    if (ir::isVersioned(*In))
      return 0;
  unsigned Count = 0, Checks = 0;
  for (BasicBlock *BB : L->blocks())
    for (Instruction &I : *BB) {
      if (++Count > MaxLoopInstructions)
        return 0;
      if (ir::isKeepAlive(I) || ir::isStoreBarrier(I))
        ++Checks;
      else if (isa<CallBase>(I) && !isa<IntrinsicInst>(I))
        // A loop that calls out is not vectorised, and the call costs more
        // than the checks the copy would save: not worth its code size.
        return 0;
      else if (auto *Load = dyn_cast<LoadInst>(&I))
        Checks += ir::isVolatileKeepAlive(*Load);
      else if (auto *Cmp = dyn_cast<ICmpInst>(&I))
        Checks += Cmp->isUnsigned() && (isMemorySize(Cmp->getOperand(0)) ||
                                        isMemorySize(Cmp->getOperand(1)));
    }
  return Checks;
}

/// Versions a nest around the innermost loop Inner instead of Inner alone,
/// where one is worth it: the outermost enclosing loop (at most
/// MaxNestDepth deep) whose copy has no check left at all and keeps the
/// footprints it stores to apart. The test then runs once for the whole
/// nest, and the alias scopes hold across the runs of the inner loops, so
/// that LICM keeps what an inner loop updates in registers across the
/// outer one (matmul's row of C, c[jj .. jj + 32), over k).
bool LoopVersioner::versionNest(Loop *Inner, SmallPtrSetImpl<Loop *> &Tried,
                                bool &Changed) {
  SmallVector<Loop *, 2> Enclosing;
  for (Loop *A = Inner->getParentLoop();
       A && Enclosing.size() + 1 < MaxNestDepth; A = A->getParentLoop())
    Enclosing.push_back(A);
  for (Loop *A : reverse(Enclosing)) {
    if (!Tried.insert(A).second ||
        any_of(A->getLoopsInPreorder(), [&](const Loop *In) {
          return In->getLoopDepth() - A->getLoopDepth() >= MaxNestDepth;
        }))
      continue;
    unsigned Checks = countChecks(A);
    if (!Checks)
      continue;
    // Every loop of the nest, for the induction variables of its copy.
    Changed |= simplifyLoop(A, &DT, &LI, &SE, &AC, nullptr, false);
    Plan P;
    if (any_of(A->getLoopsInPreorder(),
               [](const Loop *In) { return !In->isLoopSimplifyForm(); }) ||
        !plan(A, P))
      continue;
    unsigned Dropped = P.KeepAlives.size() + P.VolatileLoads.size() +
                       P.KnownCompares.size() + P.StoreBarriers.size();
    if (Dropped != Checks)
      continue;
    if (P.Footprints.size() > 1 && P.Apart.empty() &&
        any_of(P.Footprints, [](const Footprint &F) { return F.Stores; }))
      continue;
    // Recursively: formLCSSA takes the loops inside as in LCSSA form
    // already, and a value of theirs used after the nest must reach the
    // nest's exits through phis for copyLoopWhen to join its copies. Only
    // now: the phis change how a nest left alone is optimised (nbody with
    // explicit checks was slower when every nest tried had them).
    formLCSSARecursively(*A, DT, &LI, &SE);
    version(P);
    return true;
  }
  return false;
}

bool LoopVersioner::run() {
  if (!ir::instanceOf(F))
    return false;
  Instance = F.getArg(0);
  SmallVector<Loop *, 8> Innermost;
  for (Loop *L : LI.getLoopsInPreorder())
    if (L->isInnermost())
      Innermost.push_back(L);
  bool Changed = false;
  SmallPtrSet<Loop *, 4> TriedNests;
  for (Loop *L : Innermost) {
    if (!countChecks(L))
      continue;
    if (versionNest(L, TriedNests, Changed)) {
      Changed = true;
      continue;
    }
    Changed |= simplifyLoop(L, &DT, &LI, &SE, &AC, nullptr, false);
    Changed |= formLCSSA(*L, DT, &LI, &SE);
    Plan P;
    if (!plan(L, P))
      continue;
    version(P);
    Changed = true;
  }
  return Changed;
}

} // namespace

PreservedAnalyses LoopBoundsChecksPass::run(Function &F,
                                            FunctionAnalysisManager &AM) {
  if (!LoopVersioner(F, AM).run())
    return PreservedAnalyses::all();
  return PreservedAnalyses::none();
}

} // namespace w2n::passes

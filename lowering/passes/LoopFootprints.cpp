//===- LoopFootprints.cpp - What a loop's accesses touch, kept apart ------===//
//
// Where a loop stores, LoopBoundsChecks.cpp's test also requires the
// footprints of its accesses apart, and the copy then tells LLVM, with
// alias scopes, that a store does not alias the accesses of another
// footprint. Otherwise only a runtime check of its own lets the loop
// vectoriser reorder them, and it does not always manage one (matmul's
// c[j] += a * b[j], unrolled by two: it compares c[j]'s footprint with
// c[j+1]'s, which always overlap).
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/LoopFootprints.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/MDBuilder.h"

namespace w2n::passes {

using namespace llvm;

void addFootprint(SmallVectorImpl<Footprint> &Prints, ScalarEvolution &SE,
                  const SCEV *Lo, const SCEV *End, Instruction *Access) {
  for (const Footprint &Print : Prints)
    if (is_contained(Print.Accesses, Access))
      return;
  bool Stores = isa<StoreInst>(Access);
  for (Footprint &Print : Prints) {
    const auto *ToLo = dyn_cast<SCEVConstant>(SE.getMinusSCEV(Lo, Print.Lo));
    const auto *ToEnd = dyn_cast<SCEVConstant>(SE.getMinusSCEV(End, Print.End));
    if (!ToLo || !ToEnd)
      continue;
    if (ToLo->getAPInt().isNegative())
      Print.Lo = Lo;
    if (ToEnd->getAPInt().isStrictlyPositive())
      Print.End = End;
    Print.Stores |= Stores;
    Print.Accesses.push_back(Access);
    return;
  }
  Prints.push_back({Lo, End, Stores, {Access}});
}

SmallVector<Separation, 4> separateFootprints(ArrayRef<Footprint> Prints,
                                              ScalarEvolution &SE,
                                              unsigned MaxTested) {
  SmallVector<Separation, 4> Apart;
  if (Prints.size() < 2 ||
      none_of(Prints, [](const Footprint &F) { return F.Stores; }))
    return Apart;
  unsigned Budget = MaxTested;
  for (unsigned A = 0; A != Prints.size(); ++A)
    for (unsigned B = A + 1; B != Prints.size(); ++B) {
      const Footprint &First = Prints[A], &Second = Prints[B];
      if (!First.Stores && !Second.Stores)
        continue;
      bool Known =
          SE.isKnownPredicate(CmpInst::ICMP_ULE, First.End, Second.Lo) ||
          SE.isKnownPredicate(CmpInst::ICMP_ULE, Second.End, First.Lo);
      if (!Known && Budget == 0)
        return {};
      Budget -= !Known;
      Apart.push_back({A, B, !Known});
    }
  return Apart;
}

/// Each access of a footprint in Apart is in that footprint's scope and
/// does not alias the scopes of those it is apart from. The scopes are
/// declared in the copy's preheader: they hold for one run of the loop,
/// not between runs (an outer loop may store in one run what it loads in
/// the next), and a pass that duplicates the declaration (an outer loop
/// unrolled) then gives each duplicate scopes of its own.
void addAliasScopes(ArrayRef<Footprint> Prints, ArrayRef<Separation> Apart,
                    Loop *Scoped,
                    function_ref<Instruction *(Instruction *)> CopyOf) {
  LLVMContext &Context = Scoped->getHeader()->getContext();
  MDBuilder Builder(Context);
  MDNode *Domain = Builder.createAnonymousAliasScopeDomain("w2n.loop");
  SmallVector<MDNode *, 4> Scopes;
  for (unsigned I = 0; I != Prints.size(); ++I)
    Scopes.push_back(Builder.createAnonymousAliasScope(Domain));
  SmallVector<SmallVector<Metadata *, 4>, 4> ApartFrom(Prints.size());
  for (const Separation &S : Apart) {
    ApartFrom[S.First].push_back(Scopes[S.Second]);
    ApartFrom[S.Second].push_back(Scopes[S.First]);
  }
  IRBuilder<> Declare(Scoped->getLoopPreheader()->getTerminator());
  for (unsigned I = 0; I != Prints.size(); ++I) {
    if (ApartFrom[I].empty())
      continue;
    MDNode *Own = MDNode::get(Context, {Scopes[I]});
    MDNode *Others = MDNode::get(Context, ApartFrom[I]);
    Declare.CreateNoAliasScopeDeclaration(Own);
    for (Instruction *Access : Prints[I].Accesses) {
      Instruction *Copied = CopyOf(Access);
      Copied->setMetadata(
          LLVMContext::MD_alias_scope,
          MDNode::concatenate(Copied->getMetadata(LLVMContext::MD_alias_scope),
                              Own));
      Copied->setMetadata(
          LLVMContext::MD_noalias,
          MDNode::concatenate(Copied->getMetadata(LLVMContext::MD_noalias),
                              Others));
    }
  }
}

} // namespace w2n::passes

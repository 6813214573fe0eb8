//===- MemorySize.h - Which values are the memory size ----------*- C++ -*-===//
//
// The passes that reason about explicit bounds checks (LoopBoundsChecks.cpp,
// RedundantBoundsChecks.cpp) recognise the memory size the lowering loads
// (FunctionLowerer::memorySize) after the optimiser has moved and merged
// those loads.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_LOWERING_MEMORYSIZE_H
#define W2N_LOWERING_MEMORYSIZE_H

#include "lowering/InstanceLayout.h"
#include "lowering/PhiSources.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"

namespace w2n::lowering {

/// Whether V is a load of the size field of the memory object that the
/// instance Instance points to.
inline bool isMemorySizeLoad(const llvm::Value *V, const llvm::Value *Instance,
                             const llvm::DataLayout &DL) {
  const auto *Load = llvm::dyn_cast<llvm::LoadInst>(V);
  if (!Load || !Load->getType()->isIntegerTy(64))
    return false;
  int64_t Offset = 0;
  const llvm::Value *Memory = llvm::GetPointerBaseWithConstantOffset(
      Load->getPointerOperand(), Offset, DL);
  const auto *MemoryLoad = llvm::dyn_cast<llvm::LoadInst>(Memory);
  if (Offset != InstanceLayout::MemoryFieldSize || !MemoryLoad)
    return false;
  const llvm::Value *Inst = llvm::GetPointerBaseWithConstantOffset(
      MemoryLoad->getPointerOperand(), Offset, DL);
  return Inst == Instance && Offset == InstanceLayout::Memory;
}

/// Whether V is the memory size: such a load or, through phis, only such
/// loads. Stores to linear memory do not clobber the size (they have an
/// alias tag of their own), so GVN forwards one load of it to later checks,
/// through phis where paths meet (the exits of a loop versioned earlier,
/// say). Every value such a phi takes was loaded from the size field with
/// nothing between that could change it: a memory size as much as a load.
inline bool isMemorySize(const llvm::Value *V, const llvm::Value *Instance,
                         const llvm::DataLayout &DL) {
  return holdsThroughPhis(V, [&](const llvm::Value *Item) {
    return isMemorySizeLoad(Item, Instance, DL);
  });
}

} // namespace w2n::lowering

#endif

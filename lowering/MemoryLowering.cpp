//===- MemoryLowering.cpp - Loads, stores and the memory instructions -----===//
#include "lowering/FunctionLowering.h"

namespace w2n::lowering {

using namespace llvm;

namespace {

/// What a scalar load or store moves: the type in memory and, for loads,
/// how it widens to the operand type.
struct Access {
  Type *InMemory;
  enum { None, Sign, Zero } Extend;
};

} // namespace

void FunctionLowerer::emitLoad(Opcode Op, MemArg MA) {
  Type *I8 = MC.I8Ty, *I16 = MC.I16Ty, *I32 = MC.I32Ty, *I64 = MC.I64Ty;
  Type *Result = nullptr;
  Access A{nullptr, Access::None};
  // SIMD loads that are not a plain v128.load: a narrower load, then a
  // vector built from it.
  enum { Plain, ExtendVec, Splat, Zero } Shape = Plain;
  bool ExtendSigned = false;
  switch (Op) {
  case Opcode::I32Load: A = {I32, Access::None}; Result = I32; break;
  case Opcode::I64Load: A = {I64, Access::None}; Result = I64; break;
  case Opcode::F32Load: A = {MC.F32Ty, Access::None}; Result = MC.F32Ty; break;
  case Opcode::F64Load: A = {MC.F64Ty, Access::None}; Result = MC.F64Ty; break;
  case Opcode::I32Load8S: A = {I8, Access::Sign}; Result = I32; break;
  case Opcode::I32Load8U: A = {I8, Access::Zero}; Result = I32; break;
  case Opcode::I32Load16S: A = {I16, Access::Sign}; Result = I32; break;
  case Opcode::I32Load16U: A = {I16, Access::Zero}; Result = I32; break;
  case Opcode::I64Load8S: A = {I8, Access::Sign}; Result = I64; break;
  case Opcode::I64Load8U: A = {I8, Access::Zero}; Result = I64; break;
  case Opcode::I64Load16S: A = {I16, Access::Sign}; Result = I64; break;
  case Opcode::I64Load16U: A = {I16, Access::Zero}; Result = I64; break;
  case Opcode::I64Load32S: A = {I32, Access::Sign}; Result = I64; break;
  case Opcode::I64Load32U: A = {I32, Access::Zero}; Result = I64; break;
  case Opcode::V128Load: A = {MC.V128Ty, Access::None}; Result = MC.V128Ty; break;
  case Opcode::V128Load8x8S: ExtendSigned = true; [[fallthrough]];
  case Opcode::V128Load8x8U:
    A = {FixedVectorType::get(I8, 8), Access::None}; Shape = ExtendVec; break;
  case Opcode::V128Load16x4S: ExtendSigned = true; [[fallthrough]];
  case Opcode::V128Load16x4U:
    A = {FixedVectorType::get(I16, 4), Access::None}; Shape = ExtendVec; break;
  case Opcode::V128Load32x2S: ExtendSigned = true; [[fallthrough]];
  case Opcode::V128Load32x2U:
    A = {FixedVectorType::get(I32, 2), Access::None}; Shape = ExtendVec; break;
  case Opcode::V128Load8Splat: A = {I8, Access::None}; Shape = Splat; break;
  case Opcode::V128Load16Splat: A = {I16, Access::None}; Shape = Splat; break;
  case Opcode::V128Load32Splat: A = {I32, Access::None}; Shape = Splat; break;
  case Opcode::V128Load64Splat: A = {I64, Access::None}; Shape = Splat; break;
  case Opcode::V128Load32Zero: A = {I32, Access::None}; Shape = Zero; break;
  case Opcode::V128Load64Zero: A = {I64, Access::None}; Shape = Zero; break;
  default: llvm_unreachable("not a load");
  }
  unsigned Bytes = unsigned(MC.LM.getDataLayout().getTypeStoreSize(A.InMemory));
  Value *Addr = memoryAddress(pop(), MA.Offset, Bytes);
  LoadInst *Load = B.CreateAlignedLoad(A.InMemory, Addr, Align(1));
  Load->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  Value *V = Load;
  switch (Shape) {
  case Plain:
    if (A.Extend == Access::Sign)
      V = B.CreateSExt(V, Result);
    else if (A.Extend == Access::Zero)
      V = B.CreateZExt(V, Result);
    break;
  case ExtendVec: {
    auto *Narrow = cast<FixedVectorType>(A.InMemory);
    auto *Wide = FixedVectorType::get(
        B.getIntNTy(Narrow->getScalarSizeInBits() * 2), Narrow->getNumElements());
    V = toV128(ExtendSigned ? B.CreateSExt(V, Wide) : B.CreateZExt(V, Wide));
    break;
  }
  case Splat: {
    unsigned Lanes = 16 / Bytes;
    V = toV128(B.CreateVectorSplat(Lanes, V));
    break;
  }
  case Zero: {
    auto *Vec = FixedVectorType::get(A.InMemory, 16 / Bytes);
    V = toV128(B.CreateInsertElement(Constant::getNullValue(Vec), V,
                                     uint64_t(0)));
    break;
  }
  }
  push(keepLoad(V, Load));
}

void FunctionLowerer::emitStore(Opcode Op, MemArg MA) {
  Type *Narrow = nullptr; // truncate the operand to this first
  switch (Op) {
  case Opcode::I32Store: case Opcode::I64Store: case Opcode::F32Store:
  case Opcode::F64Store: case Opcode::V128Store:
    break;
  case Opcode::I32Store8: case Opcode::I64Store8: Narrow = MC.I8Ty; break;
  case Opcode::I32Store16: case Opcode::I64Store16: Narrow = MC.I16Ty; break;
  case Opcode::I64Store32: Narrow = MC.I32Ty; break;
  default: llvm_unreachable("not a store");
  }
  Value *Val = pop();
  if (Narrow)
    Val = B.CreateTrunc(Val, Narrow);
  unsigned Bytes =
      unsigned(MC.LM.getDataLayout().getTypeStoreSize(Val->getType()));
  Value *Index = pop();
  Value *Addr = storeAddress(Index, MA.Offset, Bytes);
  B.CreateAlignedStore(Val, Addr, Align(1))
      ->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  orderStore(Index, MA.Offset, Bytes);
}

void FunctionLowerer::emitSimdLoadLane(Opcode Op, MemArg MA, uint8_t Lane) {
  unsigned Bytes = 1u << frontend::opcodeInfo(Op).Param;
  Type *LaneTy = B.getIntNTy(8 * Bytes);
  auto *Vec = FixedVectorType::get(LaneTy, 16 / Bytes);
  Value *V = fromV128(pop(), Vec);
  Value *Addr = memoryAddress(pop(), MA.Offset, Bytes);
  LoadInst *Loaded = B.CreateAlignedLoad(LaneTy, Addr, Align(1));
  Loaded->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  push(keepLoad(toV128(B.CreateInsertElement(V, Loaded, uint64_t(Lane))),
                Loaded));
}

void FunctionLowerer::emitSimdStoreLane(Opcode Op, MemArg MA, uint8_t Lane) {
  unsigned Bytes = 1u << frontend::opcodeInfo(Op).Param;
  Type *LaneTy = B.getIntNTy(8 * Bytes);
  auto *Vec = FixedVectorType::get(LaneTy, 16 / Bytes);
  Value *V = fromV128(pop(), Vec);
  Value *Index = pop();
  Value *Addr = storeAddress(Index, MA.Offset, Bytes);
  B.CreateAlignedStore(B.CreateExtractElement(V, uint64_t(Lane)), Addr,
                       Align(1))
      ->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  orderStore(Index, MA.Offset, Bytes);
}

Error FunctionLowerer::visitLoad(Opcode Op, MemArg MA) {
  W2N_VALIDATE_OP(V.visitLoad(Op, MA));
  if (Reachable)
    emitLoad(Op, MA);
  return Error::success();
}

Error FunctionLowerer::visitStore(Opcode Op, MemArg MA) {
  W2N_VALIDATE_OP(V.visitStore(Op, MA));
  if (Reachable)
    emitStore(Op, MA);
  return Error::success();
}

Error FunctionLowerer::visitLoadLane(Opcode Op, MemArg MA, uint8_t Lane) {
  W2N_VALIDATE_OP(V.visitLoadLane(Op, MA, Lane));
  if (Reachable)
    emitSimdLoadLane(Op, MA, Lane);
  return Error::success();
}

Error FunctionLowerer::visitStoreLane(Opcode Op, MemArg MA, uint8_t Lane) {
  W2N_VALIDATE_OP(V.visitStoreLane(Op, MA, Lane));
  if (Reachable)
    emitSimdStoreLane(Op, MA, Lane);
  return Error::success();
}

Error FunctionLowerer::visitMemorySize(uint32_t Memory) {
  W2N_VALIDATE_REACHABLE(V.visitMemorySize(Memory));
  Value *Size = memorySize();
  push(B.CreateTrunc(B.CreateLShr(Size, 16), MC.I32Ty));
  return Error::success();
}

Error FunctionLowerer::visitMemoryGrow(uint32_t Memory) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryGrow(Memory));
  Value *Delta = pop();
  push(B.CreateCall(MC.MemoryGrow, {memoryObject(), Delta}));
  forgetMemorySize();
  return Error::success();
}

Error FunctionLowerer::visitMemoryFill(uint32_t Memory) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryFill(Memory));
  auto Ops = popN(3); // d, val, n
  B.CreateCall(MC.MemoryFill, {memoryObject(), Ops[0], Ops[1], Ops[2]});
  return Error::success();
}

Error FunctionLowerer::visitMemoryCopy(uint32_t Dst, uint32_t Src) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryCopy(Dst, Src));
  auto Ops = popN(3); // d, s, n
  B.CreateCall(MC.MemoryCopy, {memoryObject(), Ops[0], Ops[1], Ops[2]});
  return Error::success();
}

Error FunctionLowerer::visitMemoryInit(uint32_t Data, uint32_t Memory) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryInit(Data, Memory));
  auto Ops = popN(3); // d, s, n
  B.CreateCall(MC.MemoryInit, {memoryObject(), instanceField(MC.Layout.data(Data)),
                               Ops[0], Ops[1], Ops[2]});
  return Error::success();
}

Error FunctionLowerer::visitDataDrop(uint32_t Data) {
  W2N_VALIDATE_REACHABLE(V.visitDataDrop(Data));
  B.CreateStore(B.getInt32(0),
                instanceField(MC.Layout.data(Data) + InstanceLayout::SegmentFieldSize));
  return Error::success();
}

} // namespace w2n::lowering

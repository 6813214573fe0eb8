//===- MemoryLowering.cpp - Loads, stores and the memory instructions -----===//
#include "lowering/FunctionLowering.h"

namespace w2n::lowering {

using namespace llvm;

void FunctionLowerer::emitLoad(Opcode Op, MemArg MA) {
  // What the load reads and what it pushes, from Opcodes.def.
  const frontend::OpcodeInfo &Info = frontend::opcodeInfo(Op);
  Type *Result = MC.type(Info.Sig.Result);
  FixedVectorType *Shape = MC.vectorType(Info.Lanes);
  Type *InMemory = nullptr;
  switch (Info.Access) {
  case frontend::MemoryAccess::Plain: InMemory = Result; break;
  case frontend::MemoryAccess::SExt:
  case frontend::MemoryAccess::ZExt:
    InMemory = B.getIntNTy(8u << Info.Param);
    break;
  case frontend::MemoryAccess::VecSExt:
  case frontend::MemoryAccess::VecZExt:
    // Half-width lanes, as many as the v128 it makes.
    InMemory = FixedVectorType::get(
        B.getIntNTy(Shape->getScalarSizeInBits() / 2), Shape->getNumElements());
    break;
  case frontend::MemoryAccess::Splat:
  case frontend::MemoryAccess::Zero:
    InMemory = Shape->getElementType();
    break;
  default: llvm_unreachable("not a load");
  }
  unsigned Bytes = unsigned(MC.LM.getDataLayout().getTypeStoreSize(InMemory));
  Value *Addr = memoryAddress(MA.Memory, pop(), MA.Offset, Bytes);
  LoadInst *Load = B.CreateAlignedLoad(InMemory, Addr, Align(1));
  Load->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  Value *V = Load;
  switch (Info.Access) {
  case frontend::MemoryAccess::SExt: V = B.CreateSExt(V, Result); break;
  case frontend::MemoryAccess::ZExt: V = B.CreateZExt(V, Result); break;
  case frontend::MemoryAccess::VecSExt: V = toV128(B.CreateSExt(V, Shape)); break;
  case frontend::MemoryAccess::VecZExt: V = toV128(B.CreateZExt(V, Shape)); break;
  case frontend::MemoryAccess::Splat:
    V = toV128(B.CreateVectorSplat(Shape->getNumElements(), V));
    break;
  case frontend::MemoryAccess::Zero:
    V = toV128(B.CreateInsertElement(Constant::getNullValue(Shape), V,
                                     uint64_t(0)));
    break;
  default: break;
  }
  push(keepLoad(MA.Memory, V, Load));
}

void FunctionLowerer::emitStore(Opcode Op, MemArg MA) {
  const frontend::OpcodeInfo &Info = frontend::opcodeInfo(Op);
  assert(Info.Kind == frontend::OpcodeKind::Store && "not a store");
  Value *Val = pop();
  if (Info.Access == frontend::MemoryAccess::Trunc)
    Val = B.CreateTrunc(Val, B.getIntNTy(8u << Info.Param));
  unsigned Bytes =
      unsigned(MC.LM.getDataLayout().getTypeStoreSize(Val->getType()));
  Value *Index = pop();
  Value *Addr = storeAddress(MA.Memory, Index, MA.Offset, Bytes);
  B.CreateAlignedStore(Val, Addr, Align(1))
      ->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  orderStore();
}

void FunctionLowerer::emitSimdLoadLane(Opcode Op, MemArg MA, uint8_t Lane) {
  unsigned Bytes = 1u << frontend::opcodeInfo(Op).Param;
  Type *LaneTy = B.getIntNTy(8 * Bytes);
  auto *Vec = FixedVectorType::get(LaneTy, 16 / Bytes);
  Value *V = fromV128(pop(), Vec);
  Value *Addr = memoryAddress(MA.Memory, pop(), MA.Offset, Bytes);
  LoadInst *Loaded = B.CreateAlignedLoad(LaneTy, Addr, Align(1));
  Loaded->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  push(keepLoad(MA.Memory,
                toV128(B.CreateInsertElement(V, Loaded, uint64_t(Lane))),
                Loaded));
}

void FunctionLowerer::emitSimdStoreLane(Opcode Op, MemArg MA, uint8_t Lane) {
  unsigned Bytes = 1u << frontend::opcodeInfo(Op).Param;
  Type *LaneTy = B.getIntNTy(8 * Bytes);
  auto *Vec = FixedVectorType::get(LaneTy, 16 / Bytes);
  Value *V = fromV128(pop(), Vec);
  Value *Index = pop();
  Value *Addr = storeAddress(MA.Memory, Index, MA.Offset, Bytes);
  B.CreateAlignedStore(B.CreateExtractElement(V, uint64_t(Lane)), Addr,
                       Align(1))
      ->setMetadata(LLVMContext::MD_tbaa, MC.LinearMemoryTBAA);
  orderStore();
}

void FunctionLowerer::emitAtomic(Opcode Op, MemArg MA) {
  using frontend::MemoryAccess;
  const frontend::OpcodeInfo &Info = frontend::opcodeInfo(Op);
  unsigned Bytes = 1u << Info.Param;
  constexpr AtomicOrdering SeqCst = AtomicOrdering::SequentiallyConsistent;
  if (Op == Opcode::MemoryAtomicNotify) {
    Value *Count = pop();
    Value *Addr = atomicAddress(MA.Memory, pop(), MA.Offset, Bytes);
    push(B.CreateCall(MC.AtomicNotify, {memoryObject(MA.Memory), Addr, Count}));
    return;
  }
  if (Op == Opcode::MemoryAtomicWait32 || Op == Opcode::MemoryAtomicWait64) {
    Value *Timeout = pop();
    Value *Expected = pop();
    Value *Addr = atomicAddress(MA.Memory, pop(), MA.Offset, Bytes);
    // Imports match in shared-ness, so this is known here: the trap then
    // names the function, as other traps do.
    if (!WM.Memories[MA.Memory].Shared) {
      trapIf(B.getTrue(), W2N_TRAP_EXPECTED_SHARED_MEMORY);
      push(B.getInt32(0));
      return;
    }
    push(B.CreateCall(Op == Opcode::MemoryAtomicWait32 ? MC.AtomicWait32
                                                       : MC.AtomicWait64,
                      {memoryObject(MA.Memory), Addr, Expected, Timeout}));
    return;
  }
  // Every atomic access is sequentially consistent; a narrower one
  // truncates its operands and zero-extends what it reads.
  Type *InMemory = B.getIntNTy(8 * Bytes);
  auto Widen = [&](Value *V) {
    return B.CreateZExt(V, MC.type(Info.Sig.Result));
  };
  if (Info.Sig.NumParams == 1) { // a load
    Value *Addr = atomicAddress(MA.Memory, pop(), MA.Offset, Bytes);
    LoadInst *Load = B.CreateAlignedLoad(InMemory, Addr, Align(Bytes));
    Load->setAtomic(SeqCst);
    push(Widen(Load));
    return;
  }
  if (Info.Sig.Result == frontend::ValType::Void) { // a store
    Value *Val = B.CreateTrunc(pop(), InMemory);
    Value *Addr = atomicAddress(MA.Memory, pop(), MA.Offset, Bytes);
    B.CreateAlignedStore(Val, Addr, Align(Bytes))->setAtomic(SeqCst);
    orderStore();
    return;
  }
  if (Info.Access == MemoryAccess::RmwCmpxchg) {
    Value *Replacement = B.CreateTrunc(pop(), InMemory);
    Value *Expected = B.CreateTrunc(pop(), InMemory);
    Value *Addr = atomicAddress(MA.Memory, pop(), MA.Offset, Bytes);
    Value *Pair = B.CreateAtomicCmpXchg(Addr, Expected, Replacement,
                                        MaybeAlign(Bytes), SeqCst, SeqCst);
    push(Widen(B.CreateExtractValue(Pair, 0)));
    orderStore();
    return;
  }
  AtomicRMWInst::BinOp Operation;
  switch (Info.Access) {
  case MemoryAccess::RmwAdd: Operation = AtomicRMWInst::Add; break;
  case MemoryAccess::RmwSub: Operation = AtomicRMWInst::Sub; break;
  case MemoryAccess::RmwAnd: Operation = AtomicRMWInst::And; break;
  case MemoryAccess::RmwOr: Operation = AtomicRMWInst::Or; break;
  case MemoryAccess::RmwXor: Operation = AtomicRMWInst::Xor; break;
  case MemoryAccess::RmwXchg: Operation = AtomicRMWInst::Xchg; break;
  default: llvm_unreachable("not an atomic read-modify-write");
  }
  Value *Val = B.CreateTrunc(pop(), InMemory);
  Value *Addr = atomicAddress(MA.Memory, pop(), MA.Offset, Bytes);
  push(Widen(B.CreateAtomicRMW(Operation, Addr, Val, MaybeAlign(Bytes), SeqCst)));
  orderStore();
}

Error FunctionLowerer::visitAtomic(Opcode Op, MemArg MA) {
  W2N_VALIDATE_OP(V.visitAtomic(Op, MA));
  if (Reachable)
    emitAtomic(Op, MA);
  return Error::success();
}

Error FunctionLowerer::visitAtomicFence() {
  W2N_VALIDATE_REACHABLE(V.visitAtomicFence());
  B.CreateFence(AtomicOrdering::SequentiallyConsistent);
  return Error::success();
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
  Value *Pages = B.CreateLShr(memorySize(Memory), 16);
  push(B.CreateTrunc(Pages, memoryIndexType(Memory)));
  return Error::success();
}

Error FunctionLowerer::visitMemoryGrow(uint32_t Memory) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryGrow(Memory));
  Value *Delta = toIndex64(pop());
  Value *Old = B.CreateCall(MC.MemoryGrow, {memoryObject(Memory), Delta});
  push(B.CreateTrunc(Old, memoryIndexType(Memory)));
  forgetMemorySize();
  return Error::success();
}

Error FunctionLowerer::visitMemoryFill(uint32_t Memory) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryFill(Memory));
  auto Ops = popN(3); // d, val, n
  B.CreateCall(MC.MemoryFill, {memoryObject(Memory), toIndex64(Ops[0]), Ops[1],
                               toIndex64(Ops[2])});
  return Error::success();
}

Error FunctionLowerer::visitMemoryCopy(uint32_t Dst, uint32_t Src) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryCopy(Dst, Src));
  auto Ops = popN(3); // d, s, n
  B.CreateCall(MC.MemoryCopy,
               {memoryObject(Dst), memoryObject(Src), toIndex64(Ops[0]),
                toIndex64(Ops[1]), toIndex64(Ops[2])});
  return Error::success();
}

Error FunctionLowerer::visitMemoryInit(uint32_t Data, uint32_t Memory) {
  W2N_VALIDATE_REACHABLE(V.visitMemoryInit(Data, Memory));
  auto Ops = popN(3); // d, s, n
  B.CreateCall(MC.MemoryInit,
               {memoryObject(Memory), instanceField(MC.Layout.data(Data)),
                toIndex64(Ops[0]), Ops[1], Ops[2]});
  return Error::success();
}

Error FunctionLowerer::visitDataDrop(uint32_t Data) {
  W2N_VALIDATE_REACHABLE(V.visitDataDrop(Data));
  B.CreateStore(B.getInt32(0),
                instanceField(MC.Layout.data(Data) + InstanceLayout::SegmentFieldSize));
  return Error::success();
}

} // namespace w2n::lowering

//===- SimdLowering.cpp - Fixed-width SIMD operators ----------------------===//
//
// v128 travels between operators as <4 x i32>; each operator views it as the
// lane shape it works on (a bitcast, free in the generated code).
//
//===----------------------------------------------------------------------===//
#include "lowering/FunctionLowering.h"

namespace w2n::lowering {

using namespace llvm;

Value *FunctionLowerer::toV128(Value *V) {
  return V->getType() == MC.V128Ty ? V : B.CreateBitCast(V, MC.V128Ty);
}

Value *FunctionLowerer::fromV128(Value *V, Type *T) {
  return V->getType() == T ? V : B.CreateBitCast(V, T);
}

Error FunctionLowerer::visitV128Const(const V128 &Value) {
  V.OpOffset = OpOffset;
  if (Error E = V.visitV128Const(Value))
    return E;
  if (!Reachable)
    return Error::success();
  uint32_t Words[4];
  std::memcpy(Words, Value.data(), 16);
  push(ConstantDataVector::get(MC.Ctx, ArrayRef<uint32_t>(Words, 4)));
  return Error::success();
}

Error FunctionLowerer::emitSimd(Opcode Op) {
  return frontend::makeInvalid(OpOffset, "SIMD operator " +
                                             frontend::opcodeName(Op) +
                                             " is not lowered yet");
}

Error FunctionLowerer::visitExtractLane(Opcode Op, uint8_t Lane) {
  V.OpOffset = OpOffset;
  if (Error E = V.visitExtractLane(Op, Lane))
    return E;
  if (!Reachable)
    return Error::success();
  return emitSimdLane(Op, Lane);
}

Error FunctionLowerer::visitReplaceLane(Opcode Op, uint8_t Lane) {
  V.OpOffset = OpOffset;
  if (Error E = V.visitReplaceLane(Op, Lane))
    return E;
  if (!Reachable)
    return Error::success();
  return emitSimdLane(Op, Lane);
}

Error FunctionLowerer::emitSimdLane(Opcode Op, uint8_t Lane) {
  return emitSimd(Op);
}

Error FunctionLowerer::visitI8x16Shuffle(const V128 &Lanes) {
  V.OpOffset = OpOffset;
  if (Error E = V.visitI8x16Shuffle(Lanes))
    return E;
  if (!Reachable)
    return Error::success();
  return emitSimdShuffle(Lanes);
}

Error FunctionLowerer::emitSimdShuffle(const V128 &Lanes) {
  return emitSimd(Opcode::I8x16Shuffle);
}

} // namespace w2n::lowering

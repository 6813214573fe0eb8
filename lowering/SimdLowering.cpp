//===- SimdLowering.cpp - Fixed-width SIMD operators ----------------------===//
//
// v128 travels between operators as <4 x i32>; each operator views it as the
// lane shape it works on (a bitcast, free in the generated code).
//
// Everything here is target-independent IR and generic intrinsics, so that
// one lowering serves x86-64 (baseline SSE2), AArch64 (NEON) and riscv64gc
// (no vector unit: LLVM scalarises). Where LLVM leaves a result poison or
// loosely specified and WebAssembly defines it (shift counts past the lane
// width, swizzle indices past the last lane, abs of the minimum integer,
// signalling NaNs out of min, max and rounding), the lowering spells the
// defined result out.
//
// Relaxed SIMD (3.0) lets each operator give one of a few results. Here it
// gives the same one on every target and every run: that of the
// deterministic operator it relaxes (swizzle, trunc_sat, bitselect, min,
// max, q15mulr_sat_s), the unfused multiply-add (fmul then fadd, which
// LLVM does not contract without fast-math flags), and for the dot
// products signed i8 lanes, pairs summed in i16 with wrapping, then (for
// the _add form) widened pairwise to i32 and added to the accumulator.
//
//===----------------------------------------------------------------------===//
#include "lowering/FunctionLowering.h"

namespace w2n::lowering {

using namespace llvm;

namespace {

/// The lane shape an operator works on (Opcodes.def); v128.* operators
/// see the bits as the canonical <4 x i32>.
FixedVectorType *laneShape(const ModuleContext &MC, Opcode Op) {
  return MC.vectorType(frontend::opcodeInfo(Op).Lanes);
}

/// The same number of lanes, each twice as wide (room for a sum or a
/// product that must not wrap).
FixedVectorType *wideLanes(FixedVectorType *T) {
  return FixedVectorType::get(
      IntegerType::get(T->getContext(), 2 * T->getScalarSizeInBits()),
      T->getNumElements());
}

/// The 128-bit shape with lanes half as wide, twice as many: what an
/// extending operator reads (i8x16 for i16x8.extend_low_i8x16_s).
FixedVectorType *narrowerShape(FixedVectorType *T) {
  return FixedVectorType::get(
      IntegerType::get(T->getContext(), T->getScalarSizeInBits() / 2),
      2 * T->getNumElements());
}

/// The 128-bit shape with lanes twice as wide, half as many: what a
/// narrowing operator reads (i16x8 for i8x16.narrow_i16x8_s).
FixedVectorType *widerShape(FixedVectorType *T) {
  return FixedVectorType::get(
      IntegerType::get(T->getContext(), 2 * T->getScalarSizeInBits()),
      T->getNumElements() / 2);
}

/// Count lanes of V from First on, Stride apart.
Value *lanes(IRBuilderBase &B, Value *V, unsigned First, unsigned Count,
             unsigned Stride = 1) {
  SmallVector<int, 16> Mask;
  for (unsigned I = 0; I < Count; ++I)
    Mask.push_back(int(First + I * Stride));
  return B.CreateShuffleVector(V, Mask);
}

/// The low or high half of V's lanes.
Value *half(IRBuilderBase &B, Value *V, bool High) {
  unsigned N = cast<FixedVectorType>(V->getType())->getNumElements() / 2;
  return lanes(B, V, High ? N : 0, N);
}

/// X's lanes followed by Y's.
Value *concat(IRBuilderBase &B, Value *X, Value *Y) {
  unsigned N = cast<FixedVectorType>(X->getType())->getNumElements();
  SmallVector<int, 32> Mask;
  for (unsigned I = 0; I < 2 * N; ++I)
    Mask.push_back(int(I));
  return B.CreateShuffleVector(X, Y, Mask);
}

/// Every lane of V extended to twice its width.
Value *extend(IRBuilderBase &B, Value *V, bool Signed) {
  auto *Wide = wideLanes(cast<FixedVectorType>(V->getType()));
  return Signed ? B.CreateSExt(V, Wide) : B.CreateZExt(V, Wide);
}

/// Lane I of the result is V[2I] + V[2I+1].
Value *addPairs(IRBuilderBase &B, Value *V) {
  unsigned N = cast<FixedVectorType>(V->getType())->getNumElements() / 2;
  return B.CreateAdd(lanes(B, V, 0, N, 2), lanes(B, V, 1, N, 2));
}

} // namespace

Value *FunctionLowerer::toV128(Value *V) {
  return V->getType() == MC.V128Ty ? V : B.CreateBitCast(V, MC.V128Ty);
}

Value *FunctionLowerer::fromV128(Value *V, Type *T) {
  return V->getType() == T ? V : B.CreateBitCast(V, T);
}

Error FunctionLowerer::visitV128Const(const V128 &Value) {
  W2N_VALIDATE_REACHABLE(V.visitV128Const(Value));
  uint32_t Words[4];
  std::memcpy(Words, Value.data(), 16);
  push(ConstantDataVector::get(MC.Ctx, ArrayRef<uint32_t>(Words, 4)));
  return Error::success();
}

Error FunctionLowerer::emitSimd(Opcode Op) {
  FixedVectorType *Ty = laneShape(MC, Op);
  unsigned N = Ty->getNumElements();
  Type *LaneTy = Ty->getElementType();

  // Operands are viewed as OperandTy (Ty unless the operator changes
  // shape); vector results go back to v128.
  auto UnaryFrom = [&](Type *OperandTy, auto Fn) {
    Value *X = fromV128(pop(), OperandTy);
    push(toV128(Fn(X)));
  };
  auto BinaryFrom = [&](Type *OperandTy, auto Fn) {
    Value *Y = fromV128(pop(), OperandTy);
    Value *X = fromV128(pop(), OperandTy);
    push(toV128(Fn(X, Y)));
  };
  auto Unary = [&](auto Fn) { UnaryFrom(Ty, Fn); };
  auto Binary = [&](auto Fn) { BinaryFrom(Ty, Fn); };
  auto BinOp = [&](Instruction::BinaryOps Opc) {
    Binary([&](Value *X, Value *Y) { return B.CreateBinOp(Opc, X, Y); });
  };
  auto Intrinsic1 = [&](Intrinsic::ID ID) {
    Unary([&](Value *X) { return B.CreateUnaryIntrinsic(ID, X); });
  };
  auto Intrinsic2 = [&](Intrinsic::ID ID) {
    Binary([&](Value *X, Value *Y) {
      return B.CreateBinaryIntrinsic(ID, X, Y);
    });
  };
  auto Compare = [&](CmpInst::Predicate P) {
    // A true lane is all ones: the i1 sign-extended to the lane width.
    Binary([&](Value *X, Value *Y) {
      return B.CreateSExt(B.CreateCmp(P, X, Y), VectorType::getInteger(Ty));
    });
  };
  auto Shift = [&](Instruction::BinaryOps Opc) {
    // The count is taken modulo the lane width; LLVM makes a shift by the
    // width or more poison.
    Value *Count = pop();
    Value *X = fromV128(pop(), Ty);
    Count = B.CreateAnd(Count, Ty->getScalarSizeInBits() - 1);
    Count = B.CreateZExtOrTrunc(Count, LaneTy);
    push(toV128(B.CreateBinOp(Opc, X, B.CreateVectorSplat(N, Count))));
  };
  auto AllTrue = [&] {
    Value *X = fromV128(pop(), Ty);
    Value *NonZero = B.CreateICmpNE(X, Constant::getNullValue(Ty));
    push(B.CreateZExt(B.CreateAndReduce(NonZero), MC.I32Ty));
  };
  auto Bitmask = [&] {
    // Bit I of the result is the sign of lane I: an <N x i1> is an iN whose
    // bit I is lane I on these (little-endian) targets.
    Value *X = fromV128(pop(), Ty);
    Value *Signs = B.CreateICmpSLT(X, Constant::getNullValue(Ty));
    push(B.CreateZExt(B.CreateBitCast(Signs, B.getIntNTy(N)), MC.I32Ty));
  };
  auto Narrow = [&](bool Signed) {
    // Both narrowings read their operands' lanes as signed and saturate to
    // the result lane's signed or unsigned range; the first operand gives
    // the low lanes.
    BinaryFrom(widerShape(Ty), [&](Value *X, Value *Y) {
      Value *Both = concat(B, X, Y);
      unsigned Bits = Ty->getScalarSizeInBits();
      APInt Min = Signed ? APInt::getSignedMinValue(Bits).sext(2 * Bits)
                         : APInt::getZero(2 * Bits);
      APInt Max = Signed ? APInt::getSignedMaxValue(Bits).sext(2 * Bits)
                         : APInt::getMaxValue(Bits).zext(2 * Bits);
      Type *BothTy = Both->getType();
      Value *Clamped = B.CreateBinaryIntrinsic(
          Intrinsic::smax, Both, ConstantInt::get(BothTy, Min));
      Clamped = B.CreateBinaryIntrinsic(Intrinsic::smin, Clamped,
                                        ConstantInt::get(BothTy, Max));
      return B.CreateTrunc(Clamped, Ty);
    });
  };
  auto Extend = [&](bool High, bool Signed) {
    UnaryFrom(narrowerShape(Ty), [&](Value *X) {
      return extend(B, half(B, X, High), Signed);
    });
  };
  auto ExtMul = [&](bool High, bool Signed) {
    BinaryFrom(narrowerShape(Ty), [&](Value *X, Value *Y) {
      return B.CreateMul(extend(B, half(B, X, High), Signed),
                         extend(B, half(B, Y, High), Signed));
    });
  };
  auto ExtAddPairwise = [&](bool Signed) {
    UnaryFrom(narrowerShape(Ty),
              [&](Value *X) { return addPairs(B, extend(B, X, Signed)); });
  };
  // Float operators that LLVM may let return a signalling NaN operand.
  auto Rounding = [&](Intrinsic::ID ID) {
    Unary([&](Value *X) {
      return quietNaNs(B, B.CreateUnaryIntrinsic(ID, X), X, X);
    });
  };
  auto MinMax = [&](Intrinsic::ID ID) {
    // llvm.minimum/maximum propagate NaNs and order -0 below +0, as
    // WebAssembly's min and max do.
    Binary([&](Value *X, Value *Y) {
      return quietNaNs(B, B.CreateBinaryIntrinsic(ID, X, Y), X, Y);
    });
  };
  auto *F32x4 = FixedVectorType::get(MC.F32Ty, 4);
  auto *F64x2 = FixedVectorType::get(MC.F64Ty, 2);
  auto *I32x4 = FixedVectorType::get(MC.I32Ty, 4);
  // Conversions between i32x4 or f32x4 and f64x2 use the low two lanes of
  // the narrower-laned side; results of two lanes get two zero lanes above.
  auto ZeroHigh = [&](Value *Low) {
    return concat(B, Low, Constant::getNullValue(Low->getType()));
  };
  auto TruncSat = [&](Value *X, FixedVectorType *To, bool Signed) {
    return B.CreateIntrinsic(Signed ? Intrinsic::fptosi_sat
                                    : Intrinsic::fptoui_sat,
                             {To, X->getType()}, {X});
  };

  switch (Op) {
  // --- Building vectors. ----------------------------------------------------
  case Opcode::I8x16Splat: case Opcode::I16x8Splat: case Opcode::I32x4Splat:
  case Opcode::I64x2Splat: case Opcode::F32x4Splat: case Opcode::F64x2Splat: {
    // i8 and i16 lanes take the low bits of the i32 operand.
    Value *X = pop();
    if (X->getType() != LaneTy)
      X = B.CreateTrunc(X, LaneTy);
    push(toV128(B.CreateVectorSplat(N, X)));
    break;
  }
  case Opcode::I8x16Swizzle:
  case Opcode::I8x16RelaxedSwizzle:
    // Lane I is X[S[I]], or 0 where S[I] >= 16. extractelement past the
    // last lane is poison, so gather with the index masked to the lanes
    // there are, then zero the lanes whose index was out of range.
    Binary([&](Value *X, Value *S) {
      Value *Sixteen = ConstantInt::get(Ty, 16);
      Value *Masked = B.CreateAnd(S, ConstantInt::get(Ty, 15));
      Value *Gathered = PoisonValue::get(Ty);
      for (unsigned I = 0; I < N; ++I)
        Gathered = B.CreateInsertElement(
            Gathered,
            B.CreateExtractElement(X, B.CreateExtractElement(Masked, I)), I);
      return B.CreateSelect(B.CreateICmpULT(S, Sixteen), Gathered,
                            Constant::getNullValue(Ty));
    });
    break;

  // --- Bitwise: v128.* on the bits. ----------------------------------------
  case Opcode::V128Not: Unary([&](Value *X) { return B.CreateNot(X); }); break;
  case Opcode::V128And: BinOp(Instruction::And); break;
  case Opcode::V128Or: BinOp(Instruction::Or); break;
  case Opcode::V128Xor: BinOp(Instruction::Xor); break;
  case Opcode::V128Andnot:
    Binary([&](Value *X, Value *Y) { return B.CreateAnd(X, B.CreateNot(Y)); });
    break;
  case Opcode::V128Bitselect:
  case Opcode::I8x16RelaxedLaneselect:
  case Opcode::I16x8RelaxedLaneselect:
  case Opcode::I32x4RelaxedLaneselect:
  case Opcode::I64x2RelaxedLaneselect: {
    // Bits of V1 where C is 1, of V2 where it is 0.
    Value *C = pop();
    Value *V2 = pop();
    Value *V1 = pop();
    push(B.CreateOr(B.CreateAnd(V1, C), B.CreateAnd(V2, B.CreateNot(C))));
    break;
  }
  case Opcode::V128AnyTrue: {
    Value *Bits = B.CreateBitCast(pop(), B.getIntNTy(128));
    push(B.CreateZExt(B.CreateICmpNE(Bits, B.getIntN(128, 0)), MC.I32Ty));
    break;
  }

  // --- Comparisons: all ones or all zeros per lane. ------------------------
  case Opcode::I8x16Eq: case Opcode::I16x8Eq: case Opcode::I32x4Eq:
  case Opcode::I64x2Eq: Compare(CmpInst::ICMP_EQ); break;
  case Opcode::I8x16Ne: case Opcode::I16x8Ne: case Opcode::I32x4Ne:
  case Opcode::I64x2Ne: Compare(CmpInst::ICMP_NE); break;
  case Opcode::I8x16LtS: case Opcode::I16x8LtS: case Opcode::I32x4LtS:
  case Opcode::I64x2LtS: Compare(CmpInst::ICMP_SLT); break;
  case Opcode::I8x16GtS: case Opcode::I16x8GtS: case Opcode::I32x4GtS:
  case Opcode::I64x2GtS: Compare(CmpInst::ICMP_SGT); break;
  case Opcode::I8x16LeS: case Opcode::I16x8LeS: case Opcode::I32x4LeS:
  case Opcode::I64x2LeS: Compare(CmpInst::ICMP_SLE); break;
  case Opcode::I8x16GeS: case Opcode::I16x8GeS: case Opcode::I32x4GeS:
  case Opcode::I64x2GeS: Compare(CmpInst::ICMP_SGE); break;
  case Opcode::I8x16LtU: case Opcode::I16x8LtU: case Opcode::I32x4LtU:
    Compare(CmpInst::ICMP_ULT); break;
  case Opcode::I8x16GtU: case Opcode::I16x8GtU: case Opcode::I32x4GtU:
    Compare(CmpInst::ICMP_UGT); break;
  case Opcode::I8x16LeU: case Opcode::I16x8LeU: case Opcode::I32x4LeU:
    Compare(CmpInst::ICMP_ULE); break;
  case Opcode::I8x16GeU: case Opcode::I16x8GeU: case Opcode::I32x4GeU:
    Compare(CmpInst::ICMP_UGE); break;
  case Opcode::F32x4Eq: case Opcode::F64x2Eq: Compare(CmpInst::FCMP_OEQ); break;
  case Opcode::F32x4Ne: case Opcode::F64x2Ne: Compare(CmpInst::FCMP_UNE); break;
  case Opcode::F32x4Lt: case Opcode::F64x2Lt: Compare(CmpInst::FCMP_OLT); break;
  case Opcode::F32x4Gt: case Opcode::F64x2Gt: Compare(CmpInst::FCMP_OGT); break;
  case Opcode::F32x4Le: case Opcode::F64x2Le: Compare(CmpInst::FCMP_OLE); break;
  case Opcode::F32x4Ge: case Opcode::F64x2Ge: Compare(CmpInst::FCMP_OGE); break;

  // --- Integer arithmetic, wrapping unless named _sat. ---------------------
  case Opcode::I8x16Add: case Opcode::I16x8Add: case Opcode::I32x4Add:
  case Opcode::I64x2Add: BinOp(Instruction::Add); break;
  case Opcode::I8x16Sub: case Opcode::I16x8Sub: case Opcode::I32x4Sub:
  case Opcode::I64x2Sub: BinOp(Instruction::Sub); break;
  case Opcode::I16x8Mul: case Opcode::I32x4Mul: case Opcode::I64x2Mul:
    BinOp(Instruction::Mul); break;
  case Opcode::I8x16Neg: case Opcode::I16x8Neg: case Opcode::I32x4Neg:
  case Opcode::I64x2Neg: Unary([&](Value *X) { return B.CreateNeg(X); }); break;
  case Opcode::I8x16Abs: case Opcode::I16x8Abs: case Opcode::I32x4Abs:
  case Opcode::I64x2Abs:
    // The minimum integer is its own absolute value, not poison.
    Unary([&](Value *X) {
      return B.CreateIntrinsic(Intrinsic::abs, {Ty}, {X, B.getFalse()});
    });
    break;
  case Opcode::I8x16AddSatS: case Opcode::I16x8AddSatS:
    Intrinsic2(Intrinsic::sadd_sat); break;
  case Opcode::I8x16AddSatU: case Opcode::I16x8AddSatU:
    Intrinsic2(Intrinsic::uadd_sat); break;
  case Opcode::I8x16SubSatS: case Opcode::I16x8SubSatS:
    Intrinsic2(Intrinsic::ssub_sat); break;
  case Opcode::I8x16SubSatU: case Opcode::I16x8SubSatU:
    Intrinsic2(Intrinsic::usub_sat); break;
  case Opcode::I8x16MinS: case Opcode::I16x8MinS: case Opcode::I32x4MinS:
    Intrinsic2(Intrinsic::smin); break;
  case Opcode::I8x16MinU: case Opcode::I16x8MinU: case Opcode::I32x4MinU:
    Intrinsic2(Intrinsic::umin); break;
  case Opcode::I8x16MaxS: case Opcode::I16x8MaxS: case Opcode::I32x4MaxS:
    Intrinsic2(Intrinsic::smax); break;
  case Opcode::I8x16MaxU: case Opcode::I16x8MaxU: case Opcode::I32x4MaxU:
    Intrinsic2(Intrinsic::umax); break;
  case Opcode::I8x16AvgrU: case Opcode::I16x8AvgrU:
    // (X + Y + 1) >> 1 in lanes twice as wide, where the sum cannot wrap.
    Binary([&](Value *X, Value *Y) {
      auto *Wide = wideLanes(Ty);
      Value *Sum = B.CreateAdd(B.CreateZExt(X, Wide), B.CreateZExt(Y, Wide));
      Sum = B.CreateAdd(Sum, ConstantInt::get(Wide, 1));
      return B.CreateTrunc(B.CreateLShr(Sum, 1), Ty);
    });
    break;
  case Opcode::I16x8Q15mulrSatS:
  case Opcode::I16x8RelaxedQ15mulrS:
    // (X * Y + 0x4000) >> 15 in i32 lanes. Only -0x8000 * -0x8000 leaves
    // the i16 range, giving 0x8000, so saturating means clamping from above.
    Binary([&](Value *X, Value *Y) {
      auto *Wide = wideLanes(Ty);
      Value *Product =
          B.CreateMul(B.CreateSExt(X, Wide), B.CreateSExt(Y, Wide));
      Value *Rounded = B.CreateAShr(
          B.CreateAdd(Product, ConstantInt::get(Wide, 0x4000)), 15);
      return B.CreateTrunc(
          B.CreateBinaryIntrinsic(Intrinsic::smin, Rounded,
                                  ConstantInt::get(Wide, 0x7fff)),
          Ty);
    });
    break;
  case Opcode::I8x16Popcnt: Intrinsic1(Intrinsic::ctpop); break;

  case Opcode::I8x16Shl: case Opcode::I16x8Shl: case Opcode::I32x4Shl:
  case Opcode::I64x2Shl: Shift(Instruction::Shl); break;
  case Opcode::I8x16ShrS: case Opcode::I16x8ShrS: case Opcode::I32x4ShrS:
  case Opcode::I64x2ShrS: Shift(Instruction::AShr); break;
  case Opcode::I8x16ShrU: case Opcode::I16x8ShrU: case Opcode::I32x4ShrU:
  case Opcode::I64x2ShrU: Shift(Instruction::LShr); break;

  // --- Reductions to an i32. -----------------------------------------------
  case Opcode::I8x16AllTrue: case Opcode::I16x8AllTrue:
  case Opcode::I32x4AllTrue: case Opcode::I64x2AllTrue: AllTrue(); break;
  case Opcode::I8x16Bitmask: case Opcode::I16x8Bitmask:
  case Opcode::I32x4Bitmask: case Opcode::I64x2Bitmask: Bitmask(); break;

  // --- Changing the lane width. --------------------------------------------
  case Opcode::I8x16NarrowI16x8S: case Opcode::I16x8NarrowI32x4S:
    Narrow(/*Signed=*/true); break;
  case Opcode::I8x16NarrowI16x8U: case Opcode::I16x8NarrowI32x4U:
    Narrow(/*Signed=*/false); break;
  case Opcode::I16x8ExtendLowI8x16S: case Opcode::I32x4ExtendLowI16x8S:
  case Opcode::I64x2ExtendLowI32x4S:
    Extend(/*High=*/false, /*Signed=*/true); break;
  case Opcode::I16x8ExtendHighI8x16S: case Opcode::I32x4ExtendHighI16x8S:
  case Opcode::I64x2ExtendHighI32x4S:
    Extend(/*High=*/true, /*Signed=*/true); break;
  case Opcode::I16x8ExtendLowI8x16U: case Opcode::I32x4ExtendLowI16x8U:
  case Opcode::I64x2ExtendLowI32x4U:
    Extend(/*High=*/false, /*Signed=*/false); break;
  case Opcode::I16x8ExtendHighI8x16U: case Opcode::I32x4ExtendHighI16x8U:
  case Opcode::I64x2ExtendHighI32x4U:
    Extend(/*High=*/true, /*Signed=*/false); break;
  case Opcode::I16x8ExtmulLowI8x16S: case Opcode::I32x4ExtmulLowI16x8S:
  case Opcode::I64x2ExtmulLowI32x4S:
    ExtMul(/*High=*/false, /*Signed=*/true); break;
  case Opcode::I16x8ExtmulHighI8x16S: case Opcode::I32x4ExtmulHighI16x8S:
  case Opcode::I64x2ExtmulHighI32x4S:
    ExtMul(/*High=*/true, /*Signed=*/true); break;
  case Opcode::I16x8ExtmulLowI8x16U: case Opcode::I32x4ExtmulLowI16x8U:
  case Opcode::I64x2ExtmulLowI32x4U:
    ExtMul(/*High=*/false, /*Signed=*/false); break;
  case Opcode::I16x8ExtmulHighI8x16U: case Opcode::I32x4ExtmulHighI16x8U:
  case Opcode::I64x2ExtmulHighI32x4U:
    ExtMul(/*High=*/true, /*Signed=*/false); break;
  case Opcode::I16x8ExtaddPairwiseI8x16S:
  case Opcode::I32x4ExtaddPairwiseI16x8S:
    ExtAddPairwise(/*Signed=*/true); break;
  case Opcode::I16x8ExtaddPairwiseI8x16U:
  case Opcode::I32x4ExtaddPairwiseI16x8U:
    ExtAddPairwise(/*Signed=*/false); break;
  case Opcode::I16x8RelaxedDotI8x16I7x16S:
    BinaryFrom(narrowerShape(Ty), [&](Value *X, Value *Y) {
      return addPairs(B, B.CreateMul(extend(B, X, true), extend(B, Y, true)));
    });
    break;
  case Opcode::I32x4RelaxedDotI8x16I7x16AddS: {
    Value *Acc = fromV128(pop(), Ty);
    auto *I8x16 = narrowerShape(narrowerShape(Ty));
    Value *Y = fromV128(pop(), I8x16);
    Value *X = fromV128(pop(), I8x16);
    Value *Dot16 =
        addPairs(B, B.CreateMul(extend(B, X, true), extend(B, Y, true)));
    push(toV128(B.CreateAdd(addPairs(B, extend(B, Dot16, true)), Acc)));
    break;
  }
  case Opcode::I32x4DotI16x8S:
    // Products of the i16 lanes in i32, summed in pairs (wrapping: only
    // two -0x8000 * -0x8000 products overflow, to 0x80000000).
    BinaryFrom(narrowerShape(Ty), [&](Value *X, Value *Y) {
      return addPairs(B, B.CreateMul(extend(B, X, true), extend(B, Y, true)));
    });
    break;

  // --- Float arithmetic. ---------------------------------------------------
  // abs and neg act on the sign bit alone, NaNs included, as fabs and fneg do.
  case Opcode::F32x4Abs: case Opcode::F64x2Abs:
    Intrinsic1(Intrinsic::fabs); break;
  case Opcode::F32x4Neg: case Opcode::F64x2Neg:
    Unary([&](Value *X) { return B.CreateFNeg(X); }); break;
  case Opcode::F32x4Sqrt: case Opcode::F64x2Sqrt:
    Intrinsic1(Intrinsic::sqrt); break;
  case Opcode::F32x4Ceil: case Opcode::F64x2Ceil:
    Rounding(Intrinsic::ceil); break;
  case Opcode::F32x4Floor: case Opcode::F64x2Floor:
    Rounding(Intrinsic::floor); break;
  case Opcode::F32x4Trunc: case Opcode::F64x2Trunc:
    Rounding(Intrinsic::trunc); break;
  case Opcode::F32x4Nearest: case Opcode::F64x2Nearest:
    Rounding(Intrinsic::roundeven); break;
  case Opcode::F32x4Add: case Opcode::F64x2Add: BinOp(Instruction::FAdd); break;
  case Opcode::F32x4Sub: case Opcode::F64x2Sub: BinOp(Instruction::FSub); break;
  case Opcode::F32x4Mul: case Opcode::F64x2Mul: BinOp(Instruction::FMul); break;
  case Opcode::F32x4Div: case Opcode::F64x2Div: BinOp(Instruction::FDiv); break;
  case Opcode::F32x4Min: case Opcode::F64x2Min:
  case Opcode::F32x4RelaxedMin: case Opcode::F64x2RelaxedMin:
    MinMax(Intrinsic::minimum); break;
  case Opcode::F32x4Max: case Opcode::F64x2Max:
  case Opcode::F32x4RelaxedMax: case Opcode::F64x2RelaxedMax:
    MinMax(Intrinsic::maximum); break;
  case Opcode::F32x4RelaxedMadd: case Opcode::F64x2RelaxedMadd:
  case Opcode::F32x4RelaxedNmadd: case Opcode::F64x2RelaxedNmadd: {
    bool Negate = Op == Opcode::F32x4RelaxedNmadd ||
                  Op == Opcode::F64x2RelaxedNmadd;
    Value *C = fromV128(pop(), Ty);
    Value *Y = fromV128(pop(), Ty);
    Value *X = fromV128(pop(), Ty);
    Value *Product = B.CreateFMul(X, Y);
    push(toV128(B.CreateFAdd(Negate ? B.CreateFNeg(Product) : Product, C)));
    break;
  }
  // The pseudo-min/max are C's `b < a ? b : a` and `a < b ? b : a`: one of
  // the operands, bit for bit, and the first one unless the compare holds.
  case Opcode::F32x4Pmin: case Opcode::F64x2Pmin:
    Binary([&](Value *X, Value *Y) {
      return B.CreateSelect(B.CreateFCmpOLT(Y, X), Y, X);
    });
    break;
  case Opcode::F32x4Pmax: case Opcode::F64x2Pmax:
    Binary([&](Value *X, Value *Y) {
      return B.CreateSelect(B.CreateFCmpOLT(X, Y), Y, X);
    });
    break;

  // --- Conversions. --------------------------------------------------------
  case Opcode::F32x4ConvertI32x4S: case Opcode::F32x4ConvertI32x4U: {
    bool Signed = Op == Opcode::F32x4ConvertI32x4S;
    UnaryFrom(I32x4, [&](Value *X) {
      return Signed ? B.CreateSIToFP(X, Ty) : B.CreateUIToFP(X, Ty);
    });
    break;
  }
  case Opcode::F64x2ConvertLowI32x4S: case Opcode::F64x2ConvertLowI32x4U: {
    bool Signed = Op == Opcode::F64x2ConvertLowI32x4S;
    UnaryFrom(I32x4, [&](Value *X) {
      Value *Low = half(B, X, /*High=*/false);
      return Signed ? B.CreateSIToFP(Low, Ty) : B.CreateUIToFP(Low, Ty);
    });
    break;
  }
  case Opcode::I32x4TruncSatF32x4S: case Opcode::I32x4TruncSatF32x4U:
  case Opcode::I32x4RelaxedTruncF32x4S: case Opcode::I32x4RelaxedTruncF32x4U: {
    bool Signed = Op == Opcode::I32x4TruncSatF32x4S ||
                  Op == Opcode::I32x4RelaxedTruncF32x4S;
    UnaryFrom(F32x4, [&](Value *X) { return TruncSat(X, Ty, Signed); });
    break;
  }
  case Opcode::I32x4TruncSatF64x2SZero: case Opcode::I32x4TruncSatF64x2UZero:
  case Opcode::I32x4RelaxedTruncF64x2SZero:
  case Opcode::I32x4RelaxedTruncF64x2UZero: {
    bool Signed = Op == Opcode::I32x4TruncSatF64x2SZero ||
                  Op == Opcode::I32x4RelaxedTruncF64x2SZero;
    UnaryFrom(F64x2, [&](Value *X) {
      return ZeroHigh(TruncSat(X, FixedVectorType::get(MC.I32Ty, 2), Signed));
    });
    break;
  }
  case Opcode::F32x4DemoteF64x2Zero:
    UnaryFrom(F64x2, [&](Value *X) {
      return ZeroHigh(B.CreateFPTrunc(X, FixedVectorType::get(MC.F32Ty, 2)));
    });
    break;
  case Opcode::F64x2PromoteLowF32x4:
    UnaryFrom(F32x4, [&](Value *X) {
      return B.CreateFPExt(half(B, X, /*High=*/false), Ty);
    });
    break;
  default:
    llvm_unreachable("not a SIMD operator of Kind Simple");
  }
  return Error::success();
}

Error FunctionLowerer::visitExtractLane(Opcode Op, uint8_t Lane) {
  W2N_VALIDATE_REACHABLE(V.visitExtractLane(Op, Lane));
  return emitSimdLane(Op, Lane);
}

Error FunctionLowerer::visitReplaceLane(Opcode Op, uint8_t Lane) {
  W2N_VALIDATE_REACHABLE(V.visitReplaceLane(Op, Lane));
  return emitSimdLane(Op, Lane);
}

// The validator has checked Lane against the lane count.
Error FunctionLowerer::emitSimdLane(Opcode Op, uint8_t Lane) {
  FixedVectorType *Ty = laneShape(MC, Op);
  switch (Op) {
  case Opcode::I8x16ExtractLaneS: case Opcode::I16x8ExtractLaneS:
    push(B.CreateSExt(B.CreateExtractElement(fromV128(pop(), Ty), Lane),
                      MC.I32Ty));
    break;
  case Opcode::I8x16ExtractLaneU: case Opcode::I16x8ExtractLaneU:
    push(B.CreateZExt(B.CreateExtractElement(fromV128(pop(), Ty), Lane),
                      MC.I32Ty));
    break;
  case Opcode::I32x4ExtractLane: case Opcode::I64x2ExtractLane:
  case Opcode::F32x4ExtractLane: case Opcode::F64x2ExtractLane:
    push(B.CreateExtractElement(fromV128(pop(), Ty), Lane));
    break;
  case Opcode::I8x16ReplaceLane: case Opcode::I16x8ReplaceLane:
  case Opcode::I32x4ReplaceLane: case Opcode::I64x2ReplaceLane:
  case Opcode::F32x4ReplaceLane: case Opcode::F64x2ReplaceLane: {
    // i8 and i16 lanes take the low bits of the i32 operand.
    Value *X = pop();
    Value *Vec = fromV128(pop(), Ty);
    if (X->getType() != Ty->getElementType())
      X = B.CreateTrunc(X, Ty->getElementType());
    push(toV128(B.CreateInsertElement(Vec, X, Lane)));
    break;
  }
  default:
    llvm_unreachable("not a lane operator");
  }
  return Error::success();
}

Error FunctionLowerer::visitI8x16Shuffle(const V128 &Lanes) {
  W2N_VALIDATE_REACHABLE(V.visitI8x16Shuffle(Lanes));
  return emitSimdShuffle(Lanes);
}

// Lane indices 0-15 pick from the first operand, 16-31 from the second
// (the validator has checked they are below 32), as in shufflevector.
Error FunctionLowerer::emitSimdShuffle(const V128 &Lanes) {
  auto *Ty = FixedVectorType::get(MC.I8Ty, 16);
  Value *Y = fromV128(pop(), Ty);
  Value *X = fromV128(pop(), Ty);
  int Mask[16];
  for (unsigned I = 0; I < 16; ++I)
    Mask[I] = Lanes[I];
  push(toV128(B.CreateShuffleVector(X, Y, Mask)));
  return Error::success();
}

} // namespace w2n::lowering

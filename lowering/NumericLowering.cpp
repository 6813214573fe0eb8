//===- NumericLowering.cpp - Scalar integer and float operators -----------===//
//
// WebAssembly's scalar operators map onto LLVM's almost one to one; what
// needs care is where LLVM has undefined behaviour or poison and WebAssembly
// has a trap or a defined result: division, remainder, shifts and rotates,
// and float-to-integer conversions. Float min/max follow IEEE 754-2019
// minimum/maximum (NaN wins, -0 < +0), as llvm.minimum/maximum do, except
// that a NaN result must be quiet.
//
//===----------------------------------------------------------------------===//
#include "lowering/FunctionLowering.h"

#include "llvm/ADT/APFloat.h"

namespace w2n::lowering {

using namespace llvm;

namespace {

/// Bounds that a float must lie strictly between for its truncation to fit
/// an integer of Bits bits: the nearest representable values outside the
/// range, so that each test is exact.
struct TruncBounds {
  double Low, High;
};

TruncBounds truncBounds(bool IsF32, unsigned Bits, bool Signed) {
  // 2^(Bits-1) and 2^Bits are representable in both float formats.
  double Pow = Bits == 32 ? 4294967296.0 : 18446744073709551616.0;
  if (!Signed)
    return {-1.0, Pow};
  double Half = Pow / 2;
  // -Half - 1 is representable in f64 for 32-bit integers only; elsewhere
  // the next float below -Half is further away, and -Half itself is in
  // range, so compare against the next float down.
  if (!IsF32 && Bits == 32)
    return {-Half - 1.0, Half};
  APFloat Low(-Half);
  bool LosesInfo;
  if (IsF32)
    Low.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven,
                &LosesInfo);
  Low.next(/*nextDown=*/true);
  if (IsF32)
    Low.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                &LosesInfo);
  return {Low.convertToDouble(), Half};
}

} // namespace

Error FunctionLowerer::emitNumeric(Opcode Op) {
  auto Unary = [&](auto Fn) {
    Value *X = pop();
    push(Fn(X));
  };
  auto Binary = [&](auto Fn) {
    Value *Y = pop();
    Value *X = pop();
    push(Fn(X, Y));
  };
  auto Compare = [&](CmpInst::Predicate P) {
    Binary([&](Value *X, Value *Y) {
      return B.CreateZExt(B.CreateCmp(P, X, Y), MC.I32Ty);
    });
  };
  auto Intrinsic1 = [&](Intrinsic::ID ID) {
    Unary([&](Value *X) { return B.CreateUnaryIntrinsic(ID, X); });
  };
  auto Intrinsic2 = [&](Intrinsic::ID ID) {
    Binary([&](Value *X, Value *Y) { return B.CreateBinaryIntrinsic(ID, X, Y); });
  };
  auto CountBits = [&](Intrinsic::ID ID) {
    // ctlz/cttz of zero is the width, not poison.
    Unary([&](Value *X) {
      return B.CreateIntrinsic(ID, {X->getType()}, {X, B.getFalse()});
    });
  };
  auto Shift = [&](Instruction::BinaryOps Opc) {
    Binary([&](Value *X, Value *Y) {
      unsigned Bits = X->getType()->getIntegerBitWidth();
      Value *Count = B.CreateAnd(Y, ConstantInt::get(Y->getType(), Bits - 1));
      return B.CreateBinOp(Opc, X, Count);
    });
  };
  auto Rotate = [&](Intrinsic::ID ID) {
    // The funnel shifts take the count modulo the width, as rotl/rotr do.
    Binary([&](Value *X, Value *Y) {
      return B.CreateIntrinsic(ID, {X->getType()}, {X, X, Y});
    });
  };
  auto Divide = [&](bool Signed, bool Remainder) {
    Value *Y = pop();
    Value *X = pop();
    Type *T = X->getType();
    trapIf(B.CreateICmpEQ(Y, ConstantInt::get(T, 0)),
           W2N_TRAP_INTEGER_DIVIDE_BY_ZERO);
    if (!Signed) {
      push(Remainder ? B.CreateURem(X, Y) : B.CreateUDiv(X, Y));
      return;
    }
    Value *MinusOne = ConstantInt::getSigned(T, -1);
    Value *IsMinusOne = B.CreateICmpEQ(Y, MinusOne);
    if (Remainder) {
      // INT_MIN rem -1 is 0 in WebAssembly and overflow in LLVM: divide by
      // 1 instead, which gives the same 0 for every dividend.
      Value *Divisor = B.CreateSelect(IsMinusOne, ConstantInt::get(T, 1), Y);
      push(B.CreateSRem(X, Divisor));
      return;
    }
    Value *IsMin = B.CreateICmpEQ(
        X, ConstantInt::get(T, APInt::getSignedMinValue(T->getIntegerBitWidth())));
    trapIf(B.CreateAnd(IsMin, IsMinusOne), W2N_TRAP_INTEGER_OVERFLOW);
    push(B.CreateSDiv(X, Y));
  };
  auto ExtendFrom = [&](Type *Narrow) {
    Unary([&](Value *X) {
      return B.CreateSExt(B.CreateTrunc(X, Narrow), X->getType());
    });
  };
  auto TruncTrapping = [&](Type *To, bool Signed) {
    Value *X = pop();
    bool IsF32 = X->getType()->isFloatTy();
    TruncBounds Bounds =
        truncBounds(IsF32, To->getIntegerBitWidth(), Signed);
    trapIf(B.CreateFCmpUNO(X, X), W2N_TRAP_INVALID_CONVERSION_TO_INTEGER);
    Value *InRange = B.CreateAnd(
        B.CreateFCmpOGT(X, ConstantFP::get(X->getType(), Bounds.Low)),
        B.CreateFCmpOLT(X, ConstantFP::get(X->getType(), Bounds.High)));
    trapIf(B.CreateNot(InRange), W2N_TRAP_INTEGER_OVERFLOW);
    push(Signed ? B.CreateFPToSI(X, To) : B.CreateFPToUI(X, To));
  };
  auto TruncSat = [&](Type *To, bool Signed) {
    Value *X = pop();
    push(B.CreateIntrinsic(Signed ? Intrinsic::fptosi_sat
                                  : Intrinsic::fptoui_sat,
                           {To, X->getType()}, {X}));
  };
  // llvm.minimum/maximum may return a NaN operand as it is, signalling.
  auto MinMax = [&](Intrinsic::ID ID) {
    Binary([&](Value *X, Value *Y) {
      return quietNaNs(B, B.CreateBinaryIntrinsic(ID, X, Y), X, Y);
    });
  };
  // LLVM folds x + -0, x - 0, -0 - x, x * 1, x * -1, x / 1 and x / -1 to x
  // or -x, which returns a signalling NaN x as it is; WebAssembly wants it
  // quiet. Where a constant operand in such a position makes the fold
  // possible, a NaN result is quietened; other constants (1 / x, x + 2)
  // cannot fold away the operation and cost nothing. (Code from compilers
  // has these folded already, so this is rare.)
  auto QuietNaN = [&](Value *R) { return quietNaNs(B, R, R, R); };
  auto IsConst = [](Value *V, std::initializer_list<double> Values) {
    auto *C = dyn_cast<ConstantFP>(V);
    if (!C)
      return false;
    for (double D : Values)
      if (C->isExactlyValue(D))
        return true;
    return false;
  };
  auto Arithmetic = [&](Instruction::BinaryOps Opc) {
    Binary([&](Value *X, Value *Y) {
      Value *R = B.CreateBinOp(Opc, X, Y);
      bool Foldable = false;
      switch (Opc) {
      case Instruction::FAdd:
      case Instruction::FSub: // x - 0, -0 - x, and their +0/-0 cousins
        Foldable = IsConst(X, {0.0, -0.0}) || IsConst(Y, {0.0, -0.0});
        break;
      case Instruction::FMul:
        Foldable = IsConst(X, {1.0, -1.0}) || IsConst(Y, {1.0, -1.0});
        break;
      case Instruction::FDiv:
        Foldable = IsConst(Y, {1.0, -1.0});
        break;
      default:
        break;
      }
      return Foldable ? QuietNaN(R) : R;
    });
  };
  // The riscv64 lowering of the rounding intrinsics hands a NaN operand
  // back as it is, signalling or not; elsewhere the instruction (or libm)
  // quietens it.
  bool RoundingKeepsNaN = MC.TT.isRISCV();
  auto Rounding = [&](Intrinsic::ID ID) {
    Unary([&](Value *X) {
      Value *R = B.CreateUnaryIntrinsic(ID, X);
      if (!RoundingKeepsNaN)
        return R;
      return quietNaNs(B, R, X, X);
    });
  };
  Type *I32 = MC.I32Ty, *I64 = MC.I64Ty, *F32 = MC.F32Ty, *F64 = MC.F64Ty;

  switch (Op) {
  case Opcode::I32Eqz:
  case Opcode::I64Eqz:
    Unary([&](Value *X) {
      return B.CreateZExt(B.CreateICmpEQ(X, ConstantInt::get(X->getType(), 0)),
                          I32);
    });
    break;
  case Opcode::I32Eq: case Opcode::I64Eq: Compare(CmpInst::ICMP_EQ); break;
  case Opcode::I32Ne: case Opcode::I64Ne: Compare(CmpInst::ICMP_NE); break;
  case Opcode::I32LtS: case Opcode::I64LtS: Compare(CmpInst::ICMP_SLT); break;
  case Opcode::I32LtU: case Opcode::I64LtU: Compare(CmpInst::ICMP_ULT); break;
  case Opcode::I32GtS: case Opcode::I64GtS: Compare(CmpInst::ICMP_SGT); break;
  case Opcode::I32GtU: case Opcode::I64GtU: Compare(CmpInst::ICMP_UGT); break;
  case Opcode::I32LeS: case Opcode::I64LeS: Compare(CmpInst::ICMP_SLE); break;
  case Opcode::I32LeU: case Opcode::I64LeU: Compare(CmpInst::ICMP_ULE); break;
  case Opcode::I32GeS: case Opcode::I64GeS: Compare(CmpInst::ICMP_SGE); break;
  case Opcode::I32GeU: case Opcode::I64GeU: Compare(CmpInst::ICMP_UGE); break;
  case Opcode::F32Eq: case Opcode::F64Eq: Compare(CmpInst::FCMP_OEQ); break;
  case Opcode::F32Ne: case Opcode::F64Ne: Compare(CmpInst::FCMP_UNE); break;
  case Opcode::F32Lt: case Opcode::F64Lt: Compare(CmpInst::FCMP_OLT); break;
  case Opcode::F32Gt: case Opcode::F64Gt: Compare(CmpInst::FCMP_OGT); break;
  case Opcode::F32Le: case Opcode::F64Le: Compare(CmpInst::FCMP_OLE); break;
  case Opcode::F32Ge: case Opcode::F64Ge: Compare(CmpInst::FCMP_OGE); break;

  case Opcode::I32Clz: case Opcode::I64Clz: CountBits(Intrinsic::ctlz); break;
  case Opcode::I32Ctz: case Opcode::I64Ctz: CountBits(Intrinsic::cttz); break;
  case Opcode::I32Popcnt: case Opcode::I64Popcnt: Intrinsic1(Intrinsic::ctpop); break;
  case Opcode::I32Add: case Opcode::I64Add:
    Binary([&](Value *X, Value *Y) { return B.CreateAdd(X, Y); }); break;
  case Opcode::I32Sub: case Opcode::I64Sub:
    Binary([&](Value *X, Value *Y) { return B.CreateSub(X, Y); }); break;
  case Opcode::I32Mul: case Opcode::I64Mul:
    Binary([&](Value *X, Value *Y) { return B.CreateMul(X, Y); }); break;
  case Opcode::I32DivS: case Opcode::I64DivS: Divide(true, false); break;
  case Opcode::I32DivU: case Opcode::I64DivU: Divide(false, false); break;
  case Opcode::I32RemS: case Opcode::I64RemS: Divide(true, true); break;
  case Opcode::I32RemU: case Opcode::I64RemU: Divide(false, true); break;
  case Opcode::I32And: case Opcode::I64And:
    Binary([&](Value *X, Value *Y) { return B.CreateAnd(X, Y); }); break;
  case Opcode::I32Or: case Opcode::I64Or:
    Binary([&](Value *X, Value *Y) { return B.CreateOr(X, Y); }); break;
  case Opcode::I32Xor: case Opcode::I64Xor:
    Binary([&](Value *X, Value *Y) { return B.CreateXor(X, Y); }); break;
  case Opcode::I32Shl: case Opcode::I64Shl: Shift(Instruction::Shl); break;
  case Opcode::I32ShrS: case Opcode::I64ShrS: Shift(Instruction::AShr); break;
  case Opcode::I32ShrU: case Opcode::I64ShrU: Shift(Instruction::LShr); break;
  case Opcode::I32Rotl: case Opcode::I64Rotl: Rotate(Intrinsic::fshl); break;
  case Opcode::I32Rotr: case Opcode::I64Rotr: Rotate(Intrinsic::fshr); break;

  case Opcode::F32Abs: case Opcode::F64Abs: Intrinsic1(Intrinsic::fabs); break;
  case Opcode::F32Neg: case Opcode::F64Neg:
    Unary([&](Value *X) { return B.CreateFNeg(X); }); break;
  case Opcode::F32Ceil: case Opcode::F64Ceil: Rounding(Intrinsic::ceil); break;
  case Opcode::F32Floor: case Opcode::F64Floor: Rounding(Intrinsic::floor); break;
  case Opcode::F32Trunc: case Opcode::F64Trunc: Rounding(Intrinsic::trunc); break;
  case Opcode::F32Nearest: case Opcode::F64Nearest:
    Rounding(Intrinsic::roundeven); break;
  case Opcode::F32Sqrt: case Opcode::F64Sqrt: Intrinsic1(Intrinsic::sqrt); break;
  case Opcode::F32Add: case Opcode::F64Add:
    Arithmetic(Instruction::FAdd); break;
  case Opcode::F32Sub: case Opcode::F64Sub:
    Arithmetic(Instruction::FSub); break;
  case Opcode::F32Mul: case Opcode::F64Mul:
    Arithmetic(Instruction::FMul); break;
  case Opcode::F32Div: case Opcode::F64Div:
    Arithmetic(Instruction::FDiv); break;
  case Opcode::F32Min: case Opcode::F64Min: MinMax(Intrinsic::minimum); break;
  case Opcode::F32Max: case Opcode::F64Max: MinMax(Intrinsic::maximum); break;
  case Opcode::F32Copysign: case Opcode::F64Copysign:
    Intrinsic2(Intrinsic::copysign); break;

  case Opcode::I32WrapI64:
    Unary([&](Value *X) { return B.CreateTrunc(X, I32); }); break;
  case Opcode::I64ExtendI32S:
    Unary([&](Value *X) { return B.CreateSExt(X, I64); }); break;
  case Opcode::I64ExtendI32U:
    Unary([&](Value *X) { return B.CreateZExt(X, I64); }); break;
  case Opcode::I32TruncF32S: case Opcode::I32TruncF64S: TruncTrapping(I32, true); break;
  case Opcode::I32TruncF32U: case Opcode::I32TruncF64U: TruncTrapping(I32, false); break;
  case Opcode::I64TruncF32S: case Opcode::I64TruncF64S: TruncTrapping(I64, true); break;
  case Opcode::I64TruncF32U: case Opcode::I64TruncF64U: TruncTrapping(I64, false); break;
  case Opcode::I32TruncSatF32S: case Opcode::I32TruncSatF64S: TruncSat(I32, true); break;
  case Opcode::I32TruncSatF32U: case Opcode::I32TruncSatF64U: TruncSat(I32, false); break;
  case Opcode::I64TruncSatF32S: case Opcode::I64TruncSatF64S: TruncSat(I64, true); break;
  case Opcode::I64TruncSatF32U: case Opcode::I64TruncSatF64U: TruncSat(I64, false); break;
  case Opcode::F32ConvertI32S: case Opcode::F32ConvertI64S:
    Unary([&](Value *X) { return B.CreateSIToFP(X, F32); }); break;
  case Opcode::F32ConvertI32U: case Opcode::F32ConvertI64U:
    Unary([&](Value *X) { return B.CreateUIToFP(X, F32); }); break;
  case Opcode::F64ConvertI32S: case Opcode::F64ConvertI64S:
    Unary([&](Value *X) { return B.CreateSIToFP(X, F64); }); break;
  case Opcode::F64ConvertI32U: case Opcode::F64ConvertI64U:
    Unary([&](Value *X) { return B.CreateUIToFP(X, F64); }); break;
  case Opcode::F32DemoteF64:
    // demote(promote(x)) folds to x, which must not keep a signalling NaN.
    Unary([&](Value *X) {
      Value *R = B.CreateFPTrunc(X, F32);
      return isa<FPExtInst>(X) ? QuietNaN(R) : R;
    });
    break;
  case Opcode::F64PromoteF32:
    Unary([&](Value *X) { return B.CreateFPExt(X, F64); }); break;
  case Opcode::I32ReinterpretF32:
    Unary([&](Value *X) { return B.CreateBitCast(X, I32); }); break;
  case Opcode::I64ReinterpretF64:
    Unary([&](Value *X) { return B.CreateBitCast(X, I64); }); break;
  case Opcode::F32ReinterpretI32:
    Unary([&](Value *X) { return B.CreateBitCast(X, F32); }); break;
  case Opcode::F64ReinterpretI64:
    Unary([&](Value *X) { return B.CreateBitCast(X, F64); }); break;
  case Opcode::I32Extend8S: case Opcode::I64Extend8S: ExtendFrom(MC.I8Ty); break;
  case Opcode::I32Extend16S: case Opcode::I64Extend16S: ExtendFrom(MC.I16Ty); break;
  case Opcode::I64Extend32S: ExtendFrom(I32); break;
  default:
    llvm_unreachable("not a scalar numeric operator");
  }
  return Error::success();
}

Error FunctionLowerer::visitSimple(Opcode Op) {
  W2N_VALIDATE_REACHABLE(V.visitSimple(Op));
  if (frontend::opcodeInfo(Op).Prefix == 0xfd)
    return emitSimd(Op);
  return emitNumeric(Op);
}

Error FunctionLowerer::visitI32Const(int32_t Value) {
  W2N_VALIDATE_OP(V.visitI32Const(Value));
  if (Reachable)
    push(B.getInt32(uint32_t(Value)));
  return Error::success();
}

Error FunctionLowerer::visitI64Const(int64_t Value) {
  W2N_VALIDATE_OP(V.visitI64Const(Value));
  if (Reachable)
    push(B.getInt64(uint64_t(Value)));
  return Error::success();
}

// Float constants keep their exact bits, NaN payloads included.
Error FunctionLowerer::visitF32Const(uint32_t Bits) {
  W2N_VALIDATE_OP(V.visitF32Const(Bits));
  if (Reachable)
    push(ConstantFP::get(MC.Ctx, APFloat(APFloat::IEEEsingle(), APInt(32, Bits))));
  return Error::success();
}

Error FunctionLowerer::visitF64Const(uint64_t Bits) {
  W2N_VALIDATE_OP(V.visitF64Const(Bits));
  if (Reachable)
    push(ConstantFP::get(MC.Ctx, APFloat(APFloat::IEEEdouble(), APInt(64, Bits))));
  return Error::success();
}

} // namespace w2n::lowering

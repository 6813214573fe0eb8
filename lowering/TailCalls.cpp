//===- TailCalls.cpp - return_call and return_call_indirect ---------------===//
//
// A tail call must not grow the native stack, whatever the signatures of
// caller and callee. LLVM guarantees that only for a `musttail` call whose
// callee has the caller's prototype, in the C convention (tailcc, which
// lifts that rule, does not exist for riscv64 in LLVM 19). So every
// function that makes tail calls has a second entry, its tail-call entry,
// of one prototype for all: `void f.tail(ptr instance, ptr results)`. It
// holds the function's body; it reads its parameters from its instance's
// tail-argument buffer (w2n_instance.tail_args) and stores its results at
// `results`. Its ordinary entry, `R f(ptr instance, params...)`, which
// calls and funcref records use, stores the arguments in that buffer,
// calls the tail-call entry with a results area of its own frame, and
// returns what it finds there.
//
// A tail call from f.tail to a function g with a tail-call entry stores the
// arguments in g's instance's buffer and jumps to g.tail with f's own
// `results`: the chain ends in the first function that returns, which
// writes the results where the ordinary entry at the start of the chain
// reads them. A function without one (it makes no tail calls, so no chain
// goes on from it) is called as usual and its results stored at
// `results`: one frame more, while it runs, never a growing stack. Callees
// behind a funcref record (imports, tables) have their tail-call entry in
// the record's tail_fn, or NULL.
//
//===----------------------------------------------------------------------===//
#include "lowering/FunctionLowering.h"

namespace w2n::lowering {

using namespace llvm;

namespace {

/// The address of slot I of an array of w2n_value at Base.
Value *valueSlot(IRBuilder<> &B, Value *Base, size_t I) {
  return B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Base,
                                      InstanceLayout::ValueSize * I);
}

} // namespace

void emitOrdinaryEntry(ModuleContext &MC, uint32_t Index) {
  const frontend::FuncType &FT = MC.WM.funcType(Index);
  Function *Fn = MC.function(Index);
  IRBuilder<> B(BasicBlock::Create(MC.Ctx, "entry", Fn));
  Value *Inst = Fn->getArg(0);
  for (size_t I = 0; I < FT.Params.size(); ++I)
    B.CreateStore(Fn->getArg(unsigned(I + 1)),
                  MC.fieldPtr(B, Inst, MC.Layout.tailArg(uint32_t(I))));
  Value *Results = B.CreateAlloca(
      ArrayType::get(MC.V128Ty, std::max<size_t>(1, FT.Results.size())));
  B.CreateCall(MC.tailFunction(Index), {Inst, Results});
  SmallVector<Value *, 4> Out;
  for (size_t I = 0; I < FT.Results.size(); ++I)
    Out.push_back(
        B.CreateLoad(MC.type(FT.Results[I]), valueSlot(B, Results, I)));
  if (Out.empty()) {
    B.CreateRetVoid();
  } else if (Out.size() == 1) {
    B.CreateRet(Out[0]);
  } else {
    Value *Agg = PoisonValue::get(MC.returnType(FT));
    for (size_t I = 0; I < Out.size(); ++I)
      Agg = B.CreateInsertValue(Agg, Out[I], {unsigned(I)});
    B.CreateRet(Agg);
  }
}

Value *FunctionLowerer::tailParam(size_t I) {
  return B.CreateLoad(MC.type(LocalTypes[I]),
                      MC.fieldPtr(B, Inst, MC.Layout.tailArg(uint32_t(I))));
}

void FunctionLowerer::storeResults(ArrayRef<Value *> Values) {
  Value *Results = F->getArg(1);
  for (size_t I = 0; I < Values.size(); ++I)
    B.CreateStore(Values[I], valueSlot(B, Results, I));
}

void FunctionLowerer::storeCallResults(Value *Call,
                                       const frontend::FuncType &T) {
  if (T.Results.size() == 1) {
    storeResults(Call);
    return;
  }
  SmallVector<Value *, 4> Values;
  for (unsigned I = 0; I < T.Results.size(); ++I)
    Values.push_back(B.CreateExtractValue(Call, {I}));
  storeResults(Values);
}

void FunctionLowerer::callAndReturn(Value *Callee, Value *Ctx,
                                    const frontend::FuncType &T,
                                    ArrayRef<Value *> Args) {
  SmallVector<Value *, 8> CallArgs{Ctx};
  CallArgs.append(Args.begin(), Args.end());
  FunctionType *CalleeTy = MC.functionType(T);
  CallInst *Call = B.CreateCall(CalleeTy, Callee, CallArgs);
  Call->setAttributes(MC.abiAttributes(CalleeTy));
  Call->setTailCallKind(CallInst::TCK_NoTail);
  if (!T.Results.empty())
    storeCallResults(Call, T);
  B.CreateRetVoid();
}

void FunctionLowerer::tailCallThroughRecord(Value *Record,
                                            const frontend::FuncType &T,
                                            ArrayRef<Value *> Args) {
  Value *Ctx = B.CreateLoad(
      MC.PtrTy, B.CreateConstInBoundsGEP1_64(MC.I8Ty, Record,
                                             InstanceLayout::FuncRefFieldCtx));
  Value *TailFn = B.CreateLoad(
      MC.PtrTy, B.CreateConstInBoundsGEP1_64(
                    MC.I8Ty, Record, InstanceLayout::FuncRefFieldTailFn));
  BasicBlock *Jump = BasicBlock::Create(MC.Ctx, "tail.jump", F);
  BasicBlock *Call = BasicBlock::Create(MC.Ctx, "tail.call", F);
  B.CreateCondBr(B.CreateIsNotNull(TailFn), Jump, Call);

  // The callee's own instance holds its arguments.
  B.SetInsertPoint(Jump);
  Value *Buffer = B.CreateLoad(
      MC.PtrTy,
      B.CreateConstInBoundsGEP1_64(MC.I8Ty, Ctx, InstanceLayout::TailArgs));
  for (size_t I = 0; I < Args.size(); ++I)
    B.CreateStore(Args[I], valueSlot(B, Buffer, I));
  CallInst *Tail =
      B.CreateCall(MC.tailFunctionType(), TailFn, {Ctx, F->getArg(1)});
  Tail->setTailCallKind(CallInst::TCK_MustTail);
  B.CreateRetVoid();

  B.SetInsertPoint(Call);
  Value *Fn = B.CreateLoad(
      MC.PtrTy, B.CreateConstInBoundsGEP1_64(MC.I8Ty, Record,
                                             InstanceLayout::FuncRefFieldFn));
  callAndReturn(Fn, Ctx, T, Args);
}

Error FunctionLowerer::visitReturnCall(uint32_t Func) {
  W2N_VALIDATE_REACHABLE(V.visitReturnCall(Func));
  HasCalls = true;
  const frontend::FuncType &T = WM.funcType(Func);
  SmallVector<Value *, 8> Args = popN(T.Params.size());
  if (MC.hasTailEntry(Func)) {
    // Of this module, so of this instance: its buffer is at a known place.
    for (size_t I = 0; I < Args.size(); ++I)
      B.CreateStore(Args[I],
                    MC.fieldPtr(B, Inst, MC.Layout.tailArg(uint32_t(I))));
    CallInst *Tail =
        B.CreateCall(MC.tailFunction(Func), {Inst, F->getArg(1)});
    Tail->setTailCallKind(CallInst::TCK_MustTail);
    B.CreateRetVoid();
  } else if (Func >= WM.NumImportedFuncs) {
    callAndReturn(MC.function(Func), Inst, T, Args);
  } else {
    tailCallThroughRecord(funcRefAddress(Func), T, Args);
  }
  setUnreachable();
  return Error::success();
}

Error FunctionLowerer::visitReturnCallIndirect(uint32_t TypeIndex,
                                               uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitReturnCallIndirect(TypeIndex, Table));
  HasCalls = true;
  Value *Record = checkedTableCallee(TypeIndex, Table, pop());
  const frontend::FuncType &T = WM.Types[TypeIndex];
  SmallVector<Value *, 8> Args = popN(T.Params.size());
  tailCallThroughRecord(Record, T, Args);
  setUnreachable();
  return Error::success();
}

Error FunctionLowerer::visitReturnCallRef(uint32_t TypeIndex) {
  W2N_VALIDATE_REACHABLE(V.visitReturnCallRef(TypeIndex));
  HasCalls = true;
  Value *Record = popCheckedCallRef();
  const frontend::FuncType &T = WM.Types[TypeIndex];
  SmallVector<Value *, 8> Args = popN(T.Params.size());
  tailCallThroughRecord(Record, T, Args);
  setUnreachable();
  return Error::success();
}

} // namespace w2n::lowering

//===- VariableLowering.cpp - Locals, globals, calls, tables, references --===//
#include "lowering/FunctionLowering.h"

#include "llvm/IR/MDBuilder.h"

namespace w2n::lowering {

using namespace llvm;

Error FunctionLowerer::visitLocalGet(uint32_t Index) {
  W2N_VALIDATE_REACHABLE(V.visitLocalGet(Index));
  push(B.CreateLoad(MC.type(LocalTypes[Index]), Locals[Index]));
  return Error::success();
}

Error FunctionLowerer::visitLocalSet(uint32_t Index) {
  W2N_VALIDATE_REACHABLE(V.visitLocalSet(Index));
  B.CreateStore(pop(), Locals[Index]);
  return Error::success();
}

Error FunctionLowerer::visitLocalTee(uint32_t Index) {
  W2N_VALIDATE_REACHABLE(V.visitLocalTee(Index));
  B.CreateStore(top(), Locals[Index]);
  return Error::success();
}

Value *FunctionLowerer::globalAddress(uint32_t Global) {
  if (Global < WM.NumImportedGlobals)
    return MC.loadInvariant(B, MC.PtrTy,
                            instanceField(MC.Layout.globalPtr(Global)));
  return instanceField(
      MC.Layout.globalStorage(Global - WM.NumImportedGlobals));
}

Error FunctionLowerer::visitGlobalGet(uint32_t Index) {
  W2N_VALIDATE_REACHABLE(V.visitGlobalGet(Index));
  const frontend::GlobalType &GT = WM.Globals[Index];
  Value *Addr = globalAddress(Index);
  // An immutable global is written once, at instantiation, before any
  // function can run.
  if (GT.Mutable) {
    LoadInst *Load = B.CreateLoad(MC.type(GT.Type), Addr);
    Load->setMetadata(LLVMContext::MD_tbaa, MC.InstanceTBAA);
    push(Load);
  } else {
    push(MC.loadInvariant(B, MC.type(GT.Type), Addr));
  }
  return Error::success();
}

Error FunctionLowerer::visitGlobalSet(uint32_t Index) {
  W2N_VALIDATE_REACHABLE(V.visitGlobalSet(Index));
  B.CreateStore(pop(), globalAddress(Index))
      ->setMetadata(LLVMContext::MD_tbaa, MC.InstanceTBAA);
  return Error::success();
}

Error FunctionLowerer::visitDrop() {
  W2N_VALIDATE_REACHABLE(V.visitDrop());
  pop();
  return Error::success();
}

Error FunctionLowerer::visitSelect() {
  W2N_VALIDATE_REACHABLE(V.visitSelect());
  Value *Cond = pop();
  Value *IfFalse = pop();
  Value *IfTrue = pop();
  push(B.CreateSelect(B.CreateICmpNE(Cond, B.getInt32(0)), IfTrue, IfFalse));
  return Error::success();
}

Error FunctionLowerer::visitSelectT(ArrayRef<ValType> Types) {
  W2N_VALIDATE_REACHABLE(V.visitSelectT(Types));
  Value *Cond = pop();
  Value *IfFalse = pop();
  Value *IfTrue = pop();
  push(B.CreateSelect(B.CreateICmpNE(Cond, B.getInt32(0)), IfTrue, IfFalse));
  return Error::success();
}

void FunctionLowerer::pushResults(Value *Call, const frontend::FuncType &T) {
  if (T.Results.size() == 1) {
    push(Call);
    return;
  }
  for (unsigned I = 0; I < T.Results.size(); ++I)
    push(B.CreateExtractValue(Call, {I}));
}

void FunctionLowerer::emitCall(Value *Callee, Value *Ctx,
                               const frontend::FuncType &T) {
  HasCalls = true;
  SmallVector<Value *, 8> Args;
  Args.push_back(Ctx);
  auto Params = popN(T.Params.size());
  Args.append(Params.begin(), Params.end());
  FunctionType *CalleeTy = MC.functionType(T);
  CallBase *Call;
  int Handler = MC.MayUnwind ? handlerBelow(IRFrames.size()) : -1;
  if (Handler >= 0) {
    // Inside a try: an exception the callee throws comes to the handler.
    BasicBlock *Cont = BasicBlock::Create(MC.Ctx, "invoke.cont", F);
    Call = B.CreateInvoke(CalleeTy, Callee, Cont, landingPad(Handler), Args);
    B.SetInsertPoint(Cont);
  } else {
    CallInst *CI = B.CreateCall(CalleeTy, Callee, Args);
    // Every call takes a frame: LLVM must not turn a recursive call into a
    // loop (or a jump), or unbounded recursion would spin forever instead
    // of exhausting the stack ("call stack exhausted").
    CI->setTailCallKind(CallInst::TCK_NoTail);
    Call = CI;
  }
  forgetMemorySize(); // the callee may grow the memory
  Call->setAttributes(MC.abiAttributes(CalleeTy));
  pushResults(Call, T);
}

Error FunctionLowerer::visitCall(uint32_t Func) {
  W2N_VALIDATE_REACHABLE(V.visitCall(Func));
  const frontend::FuncType &T = WM.funcType(Func);
  if (Func >= WM.NumImportedFuncs) {
    emitCall(MC.function(Func), Inst, T);
    return Error::success();
  }
  // An import is called through its funcref record, which the runtime
  // fills at instantiation and never changes.
  Value *Record = funcRefAddress(Func);
  Value *Fn = MC.loadInvariant(
      B, MC.PtrTy,
      B.CreateConstInBoundsGEP1_64(MC.I8Ty, Record, InstanceLayout::FuncRefFieldFn));
  Value *Ctx = MC.loadInvariant(
      B, MC.PtrTy,
      B.CreateConstInBoundsGEP1_64(MC.I8Ty, Record, InstanceLayout::FuncRefFieldCtx));
  emitCall(Fn, Ctx, T);
  return Error::success();
}

Value *FunctionLowerer::tableObject(uint32_t Table) {
  return MC.loadInvariant(B, MC.PtrTy, instanceField(MC.Layout.table(Table)));
}

Value *FunctionLowerer::tableSize(Value *Obj) {
  return B.CreateLoad(MC.I32Ty, B.CreateConstInBoundsGEP1_64(
                                    MC.I8Ty, Obj, InstanceLayout::TableFieldSize));
}

Value *FunctionLowerer::tableSlot(uint32_t Table, Value *Index,
                                  w2n_trap_kind Kind) {
  // The element array moves when the table grows: load it after the check.
  // A table64's index is compared in 64 bits (sizes fit in 32).
  Value *Obj = tableObject(Table);
  Value *Size = tableSize(Obj);
  if (WM.Tables[Table].Is64)
    Size = B.CreateZExt(Size, MC.I64Ty);
  trapIf(B.CreateICmpUGE(Index, Size), Kind);
  Value *Elems = B.CreateLoad(MC.PtrTy, Obj);
  return B.CreateInBoundsGEP(MC.PtrTy, Elems, toIndex64(Index));
}

Value *FunctionLowerer::checkedTableCallee(uint32_t TypeIndex, uint32_t Table,
                                           Value *Index) {
  Value *Record = B.CreateLoad(
      MC.PtrTy, tableSlot(Table, Index, W2N_TRAP_UNDEFINED_ELEMENT));
  trapIf(B.CreateIsNull(Record), W2N_TRAP_UNINITIALIZED_ELEMENT);
  // Signatures match by canonical identity: the runtime gives structurally
  // equal types, from any module, the same id.
  Value *TypeIds =
      MC.loadInvariant(B, MC.PtrTy, instanceField(InstanceLayout::TypeIds));
  Value *Expected = MC.loadInvariant(
      B, MC.I32Ty, B.CreateConstInBoundsGEP1_64(MC.I32Ty, TypeIds, TypeIndex));
  Value *Actual = B.CreateLoad(MC.I32Ty, Record);
  Value *Mismatch = B.CreateICmpNE(Actual, Expected);
  if (WM.TypeInfos[TypeIndex].Final) {
    trapIf(Mismatch, W2N_TRAP_INDIRECT_CALL_TYPE_MISMATCH);
    return Record;
  }
  // A type declared with `sub` may have subtypes, whose ids differ from
  // its own: on a mismatch, the runtime walks the callee's supertypes.
  BasicBlock *Before = B.GetInsertBlock();
  BasicBlock *Slow = BasicBlock::Create(MC.Ctx, "subtype.check", F);
  BasicBlock *Join = BasicBlock::Create(MC.Ctx, "subtype.ok", F);
  B.CreateCondBr(Mismatch, Slow, Join,
                 MDBuilder(MC.Ctx).createUnlikelyBranchWeights());
  B.SetInsertPoint(Slow);
  Value *IsSubtype = B.CreateCall(MC.TypeIsSubtype, {Actual, Expected});
  trapIf(B.CreateICmpEQ(IsSubtype, B.getInt32(0)),
         W2N_TRAP_INDIRECT_CALL_TYPE_MISMATCH);
  B.CreateBr(Join);
  B.SetInsertPoint(Join);
  for (KnownMemorySize &K : KnownSizes)
    if (K.Block == Before)
      K.Block = Join; // dominated by it, and the check grows no memory
  return Record;
}

Error FunctionLowerer::visitCallIndirect(uint32_t TypeIndex, uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitCallIndirect(TypeIndex, Table));
  callThroughRecord(checkedTableCallee(TypeIndex, Table, pop()), TypeIndex);
  return Error::success();
}

void FunctionLowerer::callThroughRecord(Value *Record, uint32_t TypeIndex) {
  Value *Fn = B.CreateLoad(
      MC.PtrTy,
      B.CreateConstInBoundsGEP1_64(MC.I8Ty, Record, InstanceLayout::FuncRefFieldFn));
  Value *Ctx = B.CreateLoad(
      MC.PtrTy,
      B.CreateConstInBoundsGEP1_64(MC.I8Ty, Record, InstanceLayout::FuncRefFieldCtx));
  emitCall(Fn, Ctx, WM.Types[TypeIndex]);
}

Value *FunctionLowerer::popCheckedCallRef() {
  Value *Record = pop();
  if (V.lastRef().isNullable())
    trapIf(B.CreateIsNull(Record), W2N_TRAP_NULL_FUNCTION_REFERENCE);
  return Record;
}

Error FunctionLowerer::visitCallRef(uint32_t TypeIndex) {
  W2N_VALIDATE_REACHABLE(V.visitCallRef(TypeIndex));
  // Validation proves the record's type: no type check, as for call.
  callThroughRecord(popCheckedCallRef(), TypeIndex);
  return Error::success();
}

Error FunctionLowerer::visitRefAsNonNull() {
  W2N_VALIDATE_REACHABLE(V.visitRefAsNonNull());
  if (V.lastRef().isNullable())
    trapIf(B.CreateIsNull(top()), W2N_TRAP_NULL_REFERENCE);
  return Error::success();
}

Error FunctionLowerer::visitTableGet(uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitTableGet(Table));
  push(B.CreateLoad(MC.PtrTy,
                    tableSlot(Table, pop(), W2N_TRAP_TABLE_OUT_OF_BOUNDS)));
  return Error::success();
}

Error FunctionLowerer::visitTableSet(uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitTableSet(Table));
  Value *Ref = pop();
  B.CreateStore(Ref, tableSlot(Table, pop(), W2N_TRAP_TABLE_OUT_OF_BOUNDS));
  return Error::success();
}

Error FunctionLowerer::visitTableSize(uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitTableSize(Table));
  push(B.CreateZExt(tableSize(tableObject(Table)), tableIndexType(Table)));
  return Error::success();
}

Error FunctionLowerer::visitTableGrow(uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitTableGrow(Table));
  Value *Delta = toIndex64(pop());
  Value *Init = pop();
  Value *Old = B.CreateCall(MC.TableGrow, {tableObject(Table), Init, Delta});
  push(B.CreateTrunc(Old, tableIndexType(Table)));
  return Error::success();
}

Error FunctionLowerer::visitTableFill(uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitTableFill(Table));
  auto Ops = popN(3); // i, val, n
  B.CreateCall(MC.TableFill, {tableObject(Table), toIndex64(Ops[0]), Ops[1],
                              toIndex64(Ops[2])});
  return Error::success();
}

Error FunctionLowerer::visitTableCopy(uint32_t Dst, uint32_t Src) {
  W2N_VALIDATE_REACHABLE(V.visitTableCopy(Dst, Src));
  auto Ops = popN(3); // d, s, n
  B.CreateCall(MC.TableCopy,
               {tableObject(Dst), tableObject(Src), toIndex64(Ops[0]),
                toIndex64(Ops[1]), toIndex64(Ops[2])});
  return Error::success();
}

Error FunctionLowerer::visitTableInit(uint32_t Elem, uint32_t Table) {
  W2N_VALIDATE_REACHABLE(V.visitTableInit(Elem, Table));
  auto Ops = popN(3); // d, s, n
  B.CreateCall(MC.TableInit, {tableObject(Table),
                              instanceField(MC.Layout.elem(Elem)),
                              toIndex64(Ops[0]), Ops[1], Ops[2]});
  return Error::success();
}

Error FunctionLowerer::visitElemDrop(uint32_t Elem) {
  W2N_VALIDATE_REACHABLE(V.visitElemDrop(Elem));
  B.CreateStore(B.getInt32(0), instanceField(MC.Layout.elem(Elem) +
                                             InstanceLayout::SegmentFieldSize));
  return Error::success();
}

Error FunctionLowerer::visitRefNull(ValType T) {
  W2N_VALIDATE_REACHABLE(V.visitRefNull(T));
  push(ConstantPointerNull::get(MC.PtrTy));
  return Error::success();
}

Error FunctionLowerer::visitRefIsNull() {
  W2N_VALIDATE_REACHABLE(V.visitRefIsNull());
  push(B.CreateZExt(B.CreateIsNull(pop()), MC.I32Ty));
  return Error::success();
}

Error FunctionLowerer::visitRefFunc(uint32_t Func) {
  W2N_VALIDATE_REACHABLE(V.visitRefFunc(Func));
  push(funcRefAddress(Func));
  return Error::success();
}

} // namespace w2n::lowering

//===- ExceptionLowering.cpp - try_table, throw and the legacy try --------===//
//
// Exceptions are zero-cost: a call inside a try is an invoke (the same
// machine code as a call) whose landing pad catches everything, and the
// runtime's unwinder (wasi-libc-shim/core/unwind.c) finds it by the unwind
// tables. What the landing pad receives is the exception's pointer; the
// dispatch block after it compares the tag with each clause's and branches
// to the clause's label with the values, or sends the exception on to the
// next handler. A throw whose handler is in the same function branches to
// that dispatch directly, without unwinding. So a try costs nothing until
// something is thrown.
//
// A return_call inside a try is a plain tail call (TailCalls.cpp): the
// frame, and with it the try, is gone before the callee runs, which is
// what the spec says.
//
//===----------------------------------------------------------------------===//
#include "lowering/FunctionLowering.h"

namespace w2n::lowering {

using llvm::BasicBlock;
using llvm::Error;
using llvm::Value;

int FunctionLowerer::handlerBelow(size_t Limit) const {
  for (size_t I = Handlers.size(); I-- > 0;)
    if (Handlers[I] < Limit)
      return int(Handlers[I]);
  return -1;
}

Value *FunctionLowerer::tagPointer(uint32_t Tag) {
  // A defined tag lives in the instance; an imported one is its
  // provider's, so that re-exports of one tag are one tag.
  if (Tag >= WM.NumImportedTags)
    return instanceField(MC.Layout.tagStorage(Tag - WM.NumImportedTags));
  return MC.loadInvariant(B, MC.PtrTy, instanceField(MC.Layout.tag(Tag)));
}

Value *FunctionLowerer::exnValueSlot(Value *Exn, size_t I) {
  return B.CreateConstInBoundsGEP1_64(
      MC.I8Ty, Exn, InstanceLayout::ExnValues + InstanceLayout::ValueSize * I);
}

void FunctionLowerer::pushExnValues(Value *Exn, uint32_t Tag) {
  llvm::ArrayRef<ValType> Params = V.tagParams(Tag);
  for (size_t I = 0; I < Params.size(); ++I)
    push(B.CreateLoad(MC.type(Params[I]), exnValueSlot(Exn, I)));
}

void FunctionLowerer::throwExn(Value *Exn, size_t Limit) {
  int Handler = handlerBelow(Limit);
  if (Handler < 0) {
    B.CreateCall(MC.Throw, {Exn});
    B.CreateUnreachable();
    return;
  }
  ensureDispatch(size_t(Handler));
  IRFrame &H = IRFrames[size_t(Handler)];
  H.DispatchExn->addIncoming(Exn, B.GetInsertBlock());
  B.CreateBr(H.Dispatch);
}

// The runtime's unwinder always passes selector 1. It is read all the
// same: LLVM 19's fast register allocator on AArch64 (-O0, GlobalISel) may
// keep a value in x0 or x1 across a landing pad that reads only one of
// them, and lose it (llvm-project issue 216477); a pad that reads both is
// compiled right. Pads are cold: the compare costs nothing that matters.
Value *landingPadException(llvm::IRBuilderBase &B, llvm::LandingPadInst *LP) {
  Value *Exn = B.CreateExtractValue(LP, {0u});
  Value *Selector = B.CreateExtractValue(LP, {1u});
  return B.CreateSelect(B.CreateICmpEQ(Selector, B.getInt32(0)),
                        llvm::ConstantPointerNull::get(B.getPtrTy()), Exn);
}

BasicBlock *FunctionLowerer::landingPad(size_t Index) {
  if (IRFrames[Index].LandingPad)
    return IRFrames[Index].LandingPad;
  ensureDispatch(Index);
  IRFrame &H = IRFrames[Index];
  llvm::IRBuilderBase::InsertPointGuard Guard(B);
  H.LandingPad = BasicBlock::Create(MC.Ctx, "lpad", F);
  B.SetInsertPoint(H.LandingPad);
  llvm::LandingPadInst *LP = B.CreateLandingPad(
      llvm::StructType::get(MC.Ctx, {MC.PtrTy, MC.I32Ty}), 1);
  LP->addClause(llvm::ConstantPointerNull::get(MC.PtrTy));
  H.DispatchExn->addIncoming(landingPadException(B, LP), H.LandingPad);
  B.CreateBr(H.Dispatch);
  return H.LandingPad;
}

void FunctionLowerer::ensureDispatch(size_t Index) {
  if (IRFrames[Index].Dispatch)
    return;
  if (!F->hasPersonalityFn())
    F->setPersonalityFn(MC.personality());
  llvm::IRBuilderBase::InsertPointGuard Guard(B);
  BasicBlock *Dispatch = BasicBlock::Create(MC.Ctx, "catch.dispatch", F);
  B.SetInsertPoint(Dispatch);
  llvm::PHINode *Exn = B.CreatePHI(MC.PtrTy, 2, "exn");
  IRFrame &H = IRFrames[Index];
  H.Dispatch = Dispatch;
  H.DispatchExn = Exn;
  if (H.Legacy) {
    // The tests come with the catches.
    H.NoMatch = Dispatch;
    return;
  }
  // A try_table: its clauses in order, the first that matches wins.
  llvm::SmallVector<IRFrame::Clause, 2> Catches = H.Catches;
  Value *Tag = nullptr;
  for (const IRFrame::Clause &Clause : Catches) {
    size_t Base = Stack.size();
    BasicBlock *Next = nullptr;
    if (Clause.C.hasTag()) {
      if (!Tag)
        Tag = B.CreateLoad(MC.PtrTy, Exn, "tag");
      BasicBlock *Match = BasicBlock::Create(MC.Ctx, "catch", F);
      Next = BasicBlock::Create(MC.Ctx, "catch.next", F);
      B.CreateCondBr(B.CreateICmpEQ(Tag, tagPointer(Clause.C.Tag)), Match,
                     Next);
      B.SetInsertPoint(Match);
      pushExnValues(Exn, Clause.C.Tag);
    }
    if (Clause.C.passesRef())
      push(Exn);
    branchTo(IRFrames[Clause.Target]);
    Stack.resize(Base);
    if (!Next)
      return; // a catch_all: the clauses after it never run
    B.SetInsertPoint(Next);
  }
  throwExn(Exn, Index);
}

void FunctionLowerer::stopHandler(IRFrame &C) {
  if (C.Handler) {
    Handlers.pop_back();
    C.Handler = false;
  }
}

void FunctionLowerer::endHandler(IRFrame &C, size_t Limit) {
  stopHandler(C);
  if (C.NoMatch) {
    llvm::IRBuilderBase::InsertPointGuard Guard(B);
    B.SetInsertPoint(C.NoMatch);
    C.NoMatch = nullptr;
    throwExn(C.DispatchExn, Limit);
  }
}

Error FunctionLowerer::visitTryTable(BlockType BT,
                                     llvm::ArrayRef<CatchClause> Clauses) {
  W2N_VALIDATE_OP(V.visitTryTable(BT, Clauses));
  // The clauses' labels count from outside the try_table.
  llvm::SmallVector<IRFrame::Clause, 2> Catches;
  for (const CatchClause &C : Clauses)
    Catches.push_back({C, IRFrames.size() - 1 - C.Label});
  pushIRFrame(Opcode::TryTable, BT);
  IRFrame &C = IRFrames.back();
  if (C.EnteredReachable && !Catches.empty()) {
    C.Catches = std::move(Catches);
    C.Handler = true;
    Handlers.push_back(uint32_t(IRFrames.size() - 1));
  }
  return Error::success();
}

Error FunctionLowerer::visitThrow(uint32_t Tag) {
  W2N_VALIDATE_REACHABLE(V.visitThrow(Tag));
  llvm::ArrayRef<ValType> Params = V.tagParams(Tag);
  llvm::SmallVector<Value *, 4> Values = popN(Params.size());
  Value *Exn = B.CreateCall(MC.ExnNew, {Inst, tagPointer(Tag)}, "exn");
  for (size_t I = 0; I < Values.size(); ++I)
    B.CreateStore(Values[I], exnValueSlot(Exn, I));
  throwExn(Exn, IRFrames.size());
  setUnreachable();
  return Error::success();
}

Error FunctionLowerer::visitThrowRef() {
  W2N_VALIDATE_REACHABLE(V.visitThrowRef());
  Value *Exn = pop();
  if (V.lastRef().isNullable())
    trapIf(B.CreateIsNull(Exn), W2N_TRAP_NULL_EXCEPTION_REFERENCE);
  throwExn(Exn, IRFrames.size());
  setUnreachable();
  return Error::success();
}

// The legacy instructions. A try is a handler until its first catch; each
// catch tests the tag where the previous test failed (NoMatch), and what
// no catch takes goes on outward at the end, or at a delegate, to the
// handlers inside the delegate's label.

Error FunctionLowerer::visitTry(BlockType BT) {
  W2N_VALIDATE_OP(V.visitTry(BT));
  pushIRFrame(Opcode::Try, BT);
  IRFrame &C = IRFrames.back();
  C.Legacy = true;
  if (C.EnteredReachable) {
    C.Handler = true;
    Handlers.push_back(uint32_t(IRFrames.size() - 1));
  }
  return Error::success();
}

bool FunctionLowerer::beginLegacyHandler(IRFrame &C) {
  if (!C.EnteredReachable)
    return false;
  stopHandler(C);
  if (Reachable)
    fallThroughToEnd(C);
  Stack.resize(V.frame(0).Height);
  if (!C.NoMatch) { // nothing in the try throws, or a catch_all took all
    setUnreachable();
    return false;
  }
  B.SetInsertPoint(C.NoMatch);
  C.CaughtExn = C.DispatchExn;
  Reachable = true;
  return true;
}

Error FunctionLowerer::visitCatch(uint32_t Tag) {
  W2N_VALIDATE_OP(V.visitCatch(Tag));
  IRFrame &C = IRFrames.back();
  if (!beginLegacyHandler(C))
    return Error::success();
  BasicBlock *Match = BasicBlock::Create(MC.Ctx, "catch", F);
  C.NoMatch = BasicBlock::Create(MC.Ctx, "catch.next", F);
  Value *ExnTag = B.CreateLoad(MC.PtrTy, C.DispatchExn, "tag");
  B.CreateCondBr(B.CreateICmpEQ(ExnTag, tagPointer(Tag)), Match, C.NoMatch);
  B.SetInsertPoint(Match);
  pushExnValues(C.DispatchExn, Tag);
  return Error::success();
}

Error FunctionLowerer::visitCatchAll() {
  W2N_VALIDATE_OP(V.visitCatchAll());
  IRFrame &C = IRFrames.back();
  if (beginLegacyHandler(C))
    C.NoMatch = nullptr; // it takes every exception
  return Error::success();
}

Error FunctionLowerer::visitDelegate(uint32_t Depth) {
  size_t Height = V.frame(0).Height;
  W2N_VALIDATE_OP(V.visitDelegate(Depth));
  IRFrame C = IRFrames.pop_back_val();
  // What the try's body throws goes to the handlers inside label Depth
  // (counted from outside the try): a try there still in its body catches
  // it, the function's own frame means the caller.
  if (C.EnteredReachable)
    endHandler(C, IRFrames.size() - Depth);
  closeFrame(C, Height, /*FunctionEnd=*/false);
  return Error::success();
}

Error FunctionLowerer::visitRethrow(uint32_t Depth) {
  W2N_VALIDATE_REACHABLE(V.visitRethrow(Depth));
  throwExn(irFrame(Depth).CaughtExn, IRFrames.size());
  setUnreachable();
  return Error::success();
}

} // namespace w2n::lowering

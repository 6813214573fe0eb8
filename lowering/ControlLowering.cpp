//===- ControlLowering.cpp - Blocks, branches, traps, the function frame --===//
#include "lowering/FunctionLowering.h"
#include "lowering/WasmIR.h"

#include "frontend/BinaryReader.h"
#include "frontend/OperatorDecoder.h"

#include "llvm/IR/MDBuilder.h"
#include "llvm/Support/CommandLine.h"

namespace w2n::lowering {

using namespace llvm;

namespace {

// Below it the blocks cost more time than they save (bench/README.md has
// the measurements).
cl::opt<uint64_t> TrapBlockPerCheckBodySize(
    "w2n-trap-block-per-check-size", cl::Hidden, cl::init(32 * 1024),
    cl::desc("Above this body size in bytes, each check has a trap block of "
             "its own until the optimiser merges them (MergeTrapBlocks.cpp)"));
cl::opt<unsigned> LeafStackCheckLocals(
    "w2n-leaf-stack-check-locals", cl::Hidden, cl::init(256),
    cl::desc("A function with no calls and at most this many locals may "
             "drop its call-stack check (with a small enough body)"));
cl::opt<uint64_t> LeafStackCheckBodySize(
    "w2n-leaf-stack-check-size", cl::Hidden, cl::init(16 * 1024),
    cl::desc("A function with no calls and a body of at most this many "
             "bytes may drop its call-stack check (with few enough locals)"));

} // namespace

FunctionLowerer::FunctionLowerer(ModuleContext &MC, uint32_t DefinedIndex)
    : MC(MC), WM(MC.WM), DefinedIndex(DefinedIndex),
      FuncIndex(WM.NumImportedFuncs + DefinedIndex), FT(WM.funcType(FuncIndex)),
      V(WM), TailEntry(MC.hasTailEntry(FuncIndex)),
      F(TailEntry ? MC.tailFunction(FuncIndex) : MC.function(FuncIndex)),
      B(MC.Ctx) {}

Error FunctionLowerer::run() {
  const frontend::FunctionBody &Body = WM.Bodies[DefinedIndex];
  const uint8_t *Begin = WM.Bytes.data();
  frontend::BinaryReader R(Begin, Begin + Body.Offset,
                           Begin + Body.Offset + Body.Size);
  if (Error E = V.begin(DefinedIndex, R))
    return E;

  // GVN's cost in a large function (MergeTrapBlocks.cpp); a small one keeps
  // one trap block per kind from the start.
  TrapBlockPerCheck = Body.Size > TrapBlockPerCheckBodySize;
  if (TrapBlockPerCheck)
    ir::markTrapBlockPerCheck(*F);

  EntryBlock = BasicBlock::Create(MC.Ctx, "entry", F);
  B.SetInsertPoint(EntryBlock);
  Inst = F->getArg(0);
  Inst->setName("instance");

  // Locals: parameters first, then the declared ones, zero-initialised.
  for (const frontend::LocalTypes::Run &Run : V.locals().runs())
    for (uint64_t I = LocalTypes.size(); I < Run.End; ++I)
      LocalTypes.push_back(Run.Type);
  Locals.reserve(LocalTypes.size());
  for (size_t I = 0; I < LocalTypes.size(); ++I) {
    AllocaInst *Slot = B.CreateAlloca(MC.type(LocalTypes[I]), nullptr,
                                      "local" + Twine(I));
    Locals.push_back(Slot);
  }
  for (size_t I = 0; I < LocalTypes.size(); ++I) {
    Value *Init = I >= FT.Params.size() ? zeroValue(LocalTypes[I])
                  : TailEntry           ? tailParam(I)
                                        : F->getArg(unsigned(I + 1));
    B.CreateStore(Init, Locals[I]);
  }

  // Memory 0 of 32 bits, the common case, through the instance's head,
  // where the Wasm passes recognise it; every other memory through its
  // memory object (its base never moves either).
  KnownSizes.resize(WM.Memories.size());
  for (uint32_t M = 0; M < WM.Memories.size(); ++M)
    MemoryBases.push_back(
        M == 0 && !WM.Memories[0].Is64
            ? ir::buildMemoryBase(B, Inst)
            : MC.loadInvariant(B, MC.PtrTy,
                               MC.fieldPtr(B, memoryObject(M),
                                           InstanceLayout::MemoryFieldBase)));

  // Call-stack exhaustion: the runtime sets a limit below which no function
  // may start.
  StackCheck = ir::buildStackCheck(B, Inst);
  trapIf(StackCheck, W2N_TRAP_CALL_STACK_EXHAUSTED);

  // The function's own frame: `return` and the final `end` branch to it.
  IRFrame Fn;
  Fn.EndBlock = BasicBlock::Create(MC.Ctx, "return", F);
  Fn.EndPhis = makePhis(Fn.EndBlock, FT.Results);
  Fn.Label = Fn.EndBlock;
  Fn.LabelPhis = Fn.EndPhis;
  Fn.EnteredReachable = true;
  IRFrames.push_back(std::move(Fn));

  SmallVector<uint32_t, 0> Scratch;
  if (Error E = frontend::decodeOperators(
          R, *this, frontend::bodyDecoderOptions(WM), Scratch))
    return E;
  if (!R.atEnd())
    return frontend::makeMalformed(R.offset(),
                                   "section size mismatch: operators "
                                   "remaining after the end of the function");
  dropLeafStackCheck(Body.Size);
  return Error::success();
}

// A function that calls no other wasm function cannot recurse: its own frame
// is all it adds to the stack. When that frame is small (few locals, a
// short body) it fits in the margin the runtime leaves below the limit (256
// KiB), and a fault there is reported as call-stack exhaustion anyway, so
// the entry check can go: the check and the stack-pointer read fold away
// (bench/README.md, "Kept").
void FunctionLowerer::dropLeafStackCheck(uint64_t BodySize) {
  if (HasCalls || LocalTypes.size() > LeafStackCheckLocals ||
      BodySize > LeafStackCheckBodySize)
    return;
  StackCheck->replaceAllUsesWith(B.getFalse());
  StackCheck->eraseFromParent();
  StackCheck = nullptr;
}

Value *FunctionLowerer::zeroValue(ValType T) {
  switch (T.code()) {
  case ValType::I32.code(): return B.getInt32(0);
  case ValType::I64.code(): return B.getInt64(0);
  case ValType::F32.code(): return ConstantFP::get(MC.F32Ty, 0.0);
  case ValType::F64.code(): return ConstantFP::get(MC.F64Ty, 0.0);
  case ValType::V128.code(): return Constant::getNullValue(MC.V128Ty);
  default: return ConstantPointerNull::get(MC.PtrTy);
  }
}

SmallVector<PHINode *, 2> FunctionLowerer::makePhis(BasicBlock *BB,
                                                    ArrayRef<ValType> Types) {
  SmallVector<PHINode *, 2> Phis;
  for (ValType T : Types)
    Phis.push_back(PHINode::Create(MC.type(T), 2, "", BB));
  return Phis;
}

SmallVector<Value *, 4> FunctionLowerer::popN(size_t N) {
  SmallVector<Value *, 4> Values(Stack.end() - N, Stack.end());
  Stack.resize(Stack.size() - N);
  return Values;
}

void FunctionLowerer::addBranchOperands(IRFrame &Target) {
  size_t Arity = Target.LabelPhis.size();
  BasicBlock *From = B.GetInsertBlock();
  for (size_t I = 0; I < Arity; ++I)
    Target.LabelPhis[I]->addIncoming(Stack[Stack.size() - Arity + I], From);
}

void FunctionLowerer::fallThroughToEnd(IRFrame &C) {
  size_t Arity = C.EndPhis.size();
  BasicBlock *From = B.GetInsertBlock();
  for (size_t I = 0; I < Arity; ++I)
    C.EndPhis[I]->addIncoming(Stack[Stack.size() - Arity + I], From);
  B.CreateBr(C.EndBlock);
}

void FunctionLowerer::branchTo(IRFrame &Target) {
  addBranchOperands(Target);
  B.CreateBr(Target.Label);
}

void FunctionLowerer::setUnreachable() {
  Reachable = false;
  B.ClearInsertionPoint();
}

// In code the IR does not reach nothing is lowered, and the operand stack
// is left as it is; the validator's frames still say where each frame's
// operands begin, and the stack is cut back to that where the IR is reached
// again, at an else or an end.
void FunctionLowerer::pushIRFrame(Opcode Kind, BlockType BT) {
  IRFrame C;
  C.EnteredReachable = Reachable;
  if (!Reachable) {
    IRFrames.push_back(std::move(C));
    return;
  }
  ArrayRef<ValType> Params = V.blockParams(BT);
  size_t Height = V.frame(0).Height;
  assert(Stack.size() == V.stackHeight() &&
         "where the IR is reached, its operands are the validator's");
  C.EndBlock = BasicBlock::Create(MC.Ctx, "end", F);
  C.EndPhis = makePhis(C.EndBlock, V.blockResults(BT));
  if (Kind == Opcode::Loop) {
    BasicBlock *Header = BasicBlock::Create(MC.Ctx, "loop", F);
    C.Label = Header;
    C.LabelPhis = makePhis(Header, Params);
    branchTo(C);
    B.SetInsertPoint(Header);
    for (size_t I = 0; I < Params.size(); ++I)
      Stack[Height + I] = C.LabelPhis[I];
  } else {
    C.Label = C.EndBlock;
    C.LabelPhis = C.EndPhis;
  }
  IRFrames.push_back(std::move(C));
}

Error FunctionLowerer::visitBlock(BlockType BT) {
  W2N_VALIDATE_OP(V.visitBlock(BT));
  pushIRFrame(Opcode::Block, BT);
  return Error::success();
}

Error FunctionLowerer::visitLoop(BlockType BT) {
  W2N_VALIDATE_OP(V.visitLoop(BT));
  pushIRFrame(Opcode::Loop, BT);
  return Error::success();
}

Error FunctionLowerer::visitIf(BlockType BT) {
  W2N_VALIDATE_OP(V.visitIf(BT));
  Value *Cond = Reachable ? pop() : nullptr;
  pushIRFrame(Opcode::If, BT);
  IRFrame &C = IRFrames.back();
  if (!C.EnteredReachable)
    return Error::success();
  BasicBlock *Then = BasicBlock::Create(MC.Ctx, "then", F);
  C.ElseBlock = BasicBlock::Create(MC.Ctx, "else", F);
  B.CreateCondBr(B.CreateICmpNE(Cond, B.getInt32(0)), Then, C.ElseBlock);
  C.Params.assign(Stack.begin() + V.frame(0).Height, Stack.end());
  B.SetInsertPoint(Then);
  return Error::success();
}

Error FunctionLowerer::visitElse() {
  W2N_VALIDATE_OP(V.visitElse());
  IRFrame &C = IRFrames.back();
  if (!C.EnteredReachable)
    return Error::success();
  if (Reachable)
    fallThroughToEnd(C);
  Stack.resize(V.frame(0).Height);
  Stack.append(C.Params.begin(), C.Params.end());
  B.SetInsertPoint(C.ElseBlock);
  C.ElseBlock = nullptr;
  Reachable = true;
  return Error::success();
}

Error FunctionLowerer::visitEnd() {
  // The validator pops the frame: what the lowering needs of it, first.
  bool FunctionEnd = V.frameDepth() == 1;
  size_t Height = V.frameDepth() ? V.frame(0).Height : 0;
  W2N_VALIDATE_OP(V.visitEnd());
  IRFrame C = IRFrames.pop_back_val();
  if (C.EnteredReachable)
    endHandler(C, IRFrames.size());
  closeFrame(C, Height, FunctionEnd);
  return Error::success();
}

void FunctionLowerer::closeFrame(IRFrame &C, size_t Height, bool FunctionEnd) {
  if (!C.EnteredReachable) {
    Stack.resize(Height);
    return;
  }
  if (Reachable)
    fallThroughToEnd(C);
  // An `if` without `else` passes its parameters through the empty branch.
  if (C.ElseBlock) {
    B.SetInsertPoint(C.ElseBlock);
    Stack.resize(Height);
    Stack.append(C.Params.begin(), C.Params.end());
    fallThroughToEnd(C);
  }
  Stack.resize(Height);
  if (pred_empty(C.EndBlock)) {
    for (PHINode *Phi : C.EndPhis)
      Phi->eraseFromParent();
    C.EndBlock->eraseFromParent();
    setUnreachable();
  } else {
    B.SetInsertPoint(C.EndBlock);
    Reachable = true;
    Stack.append(C.EndPhis.begin(), C.EndPhis.end());
  }
  if (FunctionEnd)
    finishFunction();
}

void FunctionLowerer::finishFunction() {
  if (!Reachable)
    return;
  if (TailEntry) {
    storeResults(ArrayRef(Stack).take_back(FT.Results.size()));
    B.CreateRetVoid();
  } else if (FT.Results.empty()) {
    B.CreateRetVoid();
  } else if (FT.Results.size() == 1) {
    B.CreateRet(Stack.back());
  } else {
    Value *Agg = PoisonValue::get(MC.returnType(FT));
    for (size_t I = 0; I < FT.Results.size(); ++I)
      Agg = B.CreateInsertValue(Agg, Stack[Stack.size() - FT.Results.size() + I],
                                {unsigned(I)});
    B.CreateRet(Agg);
  }
  Stack.clear();
  setUnreachable();
}

Error FunctionLowerer::visitBr(uint32_t Depth) {
  W2N_VALIDATE_REACHABLE(V.visitBr(Depth));
  branchTo(irFrame(Depth));
  setUnreachable();
  return Error::success();
}

Error FunctionLowerer::visitBrIf(uint32_t Depth) {
  W2N_VALIDATE_REACHABLE(V.visitBrIf(Depth));
  Value *Cond = B.CreateICmpNE(pop(), B.getInt32(0));
  IRFrame &Target = irFrame(Depth);
  addBranchOperands(Target);
  BasicBlock *Cont = BasicBlock::Create(MC.Ctx, "br_if.cont", F);
  B.CreateCondBr(Cond, Target.Label, Cont);
  B.SetInsertPoint(Cont);
  return Error::success();
}

Error FunctionLowerer::visitBrOnNull(uint32_t Depth) {
  W2N_VALIDATE_REACHABLE(V.visitBrOnNull(Depth));
  Value *Ref = pop();
  IRFrame &Target = irFrame(Depth);
  addBranchOperands(Target);
  BasicBlock *Cont = BasicBlock::Create(MC.Ctx, "br_on_null.cont", F);
  B.CreateCondBr(B.CreateIsNull(Ref), Target.Label, Cont);
  B.SetInsertPoint(Cont);
  push(Ref);
  return Error::success();
}

Error FunctionLowerer::visitBrOnNonNull(uint32_t Depth) {
  W2N_VALIDATE_REACHABLE(V.visitBrOnNonNull(Depth));
  // The reference is the label's last value: it goes with the branch.
  Value *Ref = top();
  IRFrame &Target = irFrame(Depth);
  addBranchOperands(Target);
  BasicBlock *Cont = BasicBlock::Create(MC.Ctx, "br_on_non_null.cont", F);
  B.CreateCondBr(B.CreateIsNotNull(Ref), Target.Label, Cont);
  B.SetInsertPoint(Cont);
  pop();
  return Error::success();
}

Error FunctionLowerer::visitBrTable(ArrayRef<uint32_t> Targets,
                                   uint32_t Default) {
  W2N_VALIDATE_REACHABLE(V.visitBrTable(Targets, Default));
  Value *Index = pop();
  IRFrame &DefaultTarget = irFrame(Default);
  // Every edge, repeated targets included, needs its own PHI entries.
  addBranchOperands(DefaultTarget);
  SwitchInst *Switch =
      B.CreateSwitch(Index, DefaultTarget.Label, unsigned(Targets.size()));
  for (size_t I = 0; I < Targets.size(); ++I) {
    IRFrame &Target = irFrame(Targets[I]);
    addBranchOperands(Target);
    Switch->addCase(B.getInt32(uint32_t(I)), Target.Label);
  }
  setUnreachable();
  return Error::success();
}

Error FunctionLowerer::visitReturn() {
  W2N_VALIDATE_REACHABLE(V.visitReturn());
  branchTo(IRFrames.front());
  setUnreachable();
  return Error::success();
}

Error FunctionLowerer::visitUnreachable() {
  W2N_VALIDATE_REACHABLE(V.visitUnreachable());
  emitTrap(W2N_TRAP_UNREACHABLE);
  setUnreachable();
  return Error::success();
}

BasicBlock *FunctionLowerer::newTrapBlock(w2n_trap_kind Kind) {
  return ir::buildTrapBlock(*F, *MC.Trap, Kind);
}

void FunctionLowerer::trapIf(Value *Cond, w2n_trap_kind Kind) {
  BasicBlock *Cont = BasicBlock::Create(MC.Ctx, "ok", F);
  MDBuilder MDB(MC.Ctx);
  BasicBlock *Trap = TrapBlockPerCheck ? newTrapBlock(Kind) : trapBlock(Kind);
  B.CreateCondBr(Cond, Trap, Cont, MDB.createUnlikelyBranchWeights());
  for (KnownMemorySize &K : KnownSizes)
    if (K.Block == B.GetInsertBlock())
      K.Block = Cont; // its only predecessor
  B.SetInsertPoint(Cont);
}

void FunctionLowerer::emitTrap(w2n_trap_kind Kind) {
  B.CreateBr(trapBlock(Kind));
}

BasicBlock *FunctionLowerer::trapBlock(w2n_trap_kind Kind) {
  BasicBlock *&BB = TrapBlocks[Kind];
  if (!BB)
    BB = newTrapBlock(Kind);
  return BB;
}

} // namespace w2n::lowering

//===- ModuleLowering.cpp - The module: functions, init, descriptor -------===//
//
// Besides the functions, a lowered module holds what the runtime needs to
// instantiate it without knowing anything else about it (w2n/abi.h):
//   - `init`, which evaluates the globals and element segments and applies
//     the active segments, in the spec's order;
//   - an entry trampoline per signature, through which a host calls any
//     export with an array of values;
//   - an adapter per imported signature, through which generated code calls
//     a host function;
//   - the descriptor, `<prefix>_module`, the only symbol with external
//     linkage.
//
//===----------------------------------------------------------------------===//
#include "lowering/FunctionLowering.h"
#include "lowering/WasmIR.h"

#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Verifier.h"

#include <map>
#include <string>

namespace w2n::lowering {

using namespace llvm;
using frontend::ConstExpr;
using frontend::ConstInstr;
using frontend::FuncType;

namespace {

/// The most parameters of a function with a tail-call entry. The tail calls
/// to it come from functions of any type, so every parameter list a tail
/// call in this module passes must fit too.
uint32_t maxTailArgs(const frontend::Module &WM,
                     const std::vector<bool> &TailCallers) {
  if (llvm::none_of(TailCallers, [](bool B) { return B; }))
    return 0;
  size_t Max = 0;
  for (const FuncType &FT : WM.Types)
    Max = std::max(Max, FT.Params.size());
  return uint32_t(Max);
}

} // namespace

ModuleContext::ModuleContext(const frontend::Module &WM, Module &LM,
                             const LoweringOptions &Opts)
    : WM(WM), LM(LM), Ctx(LM.getContext()), Opts(Opts),
      TT(LM.getTargetTriple()), TailCallers(frontend::findTailCallers(WM)),
      Layout(WM, maxTailArgs(WM, TailCallers)),
      MayUnwind(mayUnwind(WM, Opts)) {
  VoidTy = Type::getVoidTy(Ctx);
  I8Ty = Type::getInt8Ty(Ctx);
  I16Ty = Type::getInt16Ty(Ctx);
  I32Ty = Type::getInt32Ty(Ctx);
  I64Ty = Type::getInt64Ty(Ctx);
  F32Ty = Type::getFloatTy(Ctx);
  F64Ty = Type::getDoubleTy(Ctx);
  V128Ty = FixedVectorType::get(I32Ty, 4);
  PtrTy = PointerType::get(Ctx, 0);
  LinearMemoryTBAA = ir::linearMemoryTBAA(Ctx);
  InstanceTBAA = ir::instanceTBAA(Ctx);

  auto Declare = [&](const char *Name, Type *Ret, ArrayRef<Type *> Params) {
    FunctionType *FT = FunctionType::get(Ret, Params, false);
    Function *Fn =
        Function::Create(FT, GlobalValue::ExternalLinkage, Name, LM);
    Fn->setAttributes(abiAttributes(FT));
    Fn->setDoesNotThrow();
    return Fn;
  };
  Trap = Declare(W2N_RT_TRAP, VoidTy, {I32Ty});
  Trap->setDoesNotReturn();
  Trap->addFnAttr(Attribute::Cold);
  MemoryGrow = Declare(W2N_RT_MEMORY_GROW, I64Ty, {PtrTy, I64Ty});
  MemoryFill = Declare("w2n_memory_fill", VoidTy, {PtrTy, I64Ty, I32Ty, I64Ty});
  MemoryCopy =
      Declare("w2n_memory_copy", VoidTy, {PtrTy, PtrTy, I64Ty, I64Ty, I64Ty});
  MemoryInit =
      Declare("w2n_memory_init", VoidTy, {PtrTy, PtrTy, I64Ty, I32Ty, I32Ty});
  TableGrow = Declare(W2N_RT_TABLE_GROW, I64Ty, {PtrTy, PtrTy, I64Ty});
  TableFill = Declare("w2n_table_fill", VoidTy, {PtrTy, I64Ty, PtrTy, I64Ty});
  TableCopy =
      Declare("w2n_table_copy", VoidTy, {PtrTy, PtrTy, I64Ty, I64Ty, I64Ty});
  TableInit =
      Declare("w2n_table_init", VoidTy, {PtrTy, PtrTy, I64Ty, I32Ty, I32Ty});
  TypeIsSubtype = Declare(W2N_RT_TYPE_IS_SUBTYPE, I32Ty, {I32Ty, I32Ty});
  TypeIsSubtype->setOnlyReadsMemory();
  AtomicNotify = Declare("w2n_memory_atomic_notify", I32Ty, {PtrTy, PtrTy, I32Ty});
  AtomicWait32 =
      Declare("w2n_memory_atomic_wait32", I32Ty, {PtrTy, PtrTy, I32Ty, I64Ty});
  AtomicWait64 =
      Declare("w2n_memory_atomic_wait64", I32Ty, {PtrTy, PtrTy, I64Ty, I64Ty});
  ExnNew = Declare(W2N_RT_EXN_NEW, PtrTy, {PtrTy, PtrTy});
  ExnNew->setReturnDoesNotAlias();
  Throw = Declare(W2N_RT_THROW, VoidTy, {PtrTy});
  Throw->removeFnAttr(Attribute::NoUnwind);
  Throw->setDoesNotReturn();
  Throw->addFnAttr(Attribute::Cold);
  HostTakeException = Declare(W2N_RT_HOST_TAKE_EXCEPTION, PtrTy, {});
}

// The personality only marks the landing pads as the runtime's: its
// unwinder never calls it, and tells other unwinders to pass by
// (_URC_CONTINUE_UNWIND). One per module, under the module's prefix: the
// unwind tables reach it through a weak DW.ref.<name> slot, which a JIT
// that shares one slot among all its modules could place beyond the 32-bit
// reach of later modules' tables.
Function *ModuleContext::personality() {
  if (Personality)
    return Personality;
  Personality = Function::Create(
      FunctionType::get(I32Ty, {I32Ty, I32Ty, I64Ty, PtrTy, PtrTy}, false),
      GlobalValue::InternalLinkage, Opts.SymbolPrefix + "_eh_personality", LM);
  Personality->setDoesNotThrow();
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", Personality));
  B.CreateRet(ConstantInt::get(I32Ty, 8));
  return Personality;
}

Type *ModuleContext::type(frontend::ValType T) const {
  using frontend::ValType;
  switch (T.code()) {
  case ValType::I32.code(): return I32Ty;
  case ValType::I64.code(): return I64Ty;
  case ValType::F32.code(): return F32Ty;
  case ValType::F64.code(): return F64Ty;
  case ValType::V128.code(): return V128Ty;
  default: return PtrTy;
  }
}

FixedVectorType *ModuleContext::vectorType(frontend::LaneShape S) const {
  using frontend::LaneShape;
  switch (S) {
  case LaneShape::I8x16: return FixedVectorType::get(I8Ty, 16);
  case LaneShape::I16x8: return FixedVectorType::get(I16Ty, 8);
  case LaneShape::I32x4: return FixedVectorType::get(I32Ty, 4);
  case LaneShape::I64x2: return FixedVectorType::get(I64Ty, 2);
  case LaneShape::F32x4: return FixedVectorType::get(F32Ty, 4);
  case LaneShape::F64x2: return FixedVectorType::get(F64Ty, 2);
  case LaneShape::None: break;
  }
  return V128Ty;
}

Type *ModuleContext::returnType(const FuncType &FT) const {
  if (FT.Results.empty())
    return VoidTy;
  if (FT.Results.size() == 1)
    return type(FT.Results[0]);
  SmallVector<Type *, 4> Fields;
  for (frontend::ValType T : FT.Results)
    Fields.push_back(type(T));
  return StructType::get(Ctx, Fields);
}

FunctionType *ModuleContext::functionType(const FuncType &FT) const {
  SmallVector<Type *, 8> Params{PtrTy};
  for (frontend::ValType T : FT.Params)
    Params.push_back(type(T));
  return FunctionType::get(returnType(FT), Params, false);
}

AttributeList ModuleContext::abiAttributes(FunctionType *FT) const {
  AttributeList Attrs;
  if (!TT.isRISCV64())
    return Attrs;
  if (FT->getReturnType() == I32Ty)
    Attrs = Attrs.addRetAttribute(Ctx, Attribute::SExt);
  for (unsigned I = 0; I < FT->getNumParams(); ++I)
    if (FT->getParamType(I) == I32Ty)
      Attrs = Attrs.addParamAttribute(Ctx, I, Attribute::SExt);
  return Attrs;
}

LoadInst *ModuleContext::loadInvariant(IRBuilderBase &B, Type *T,
                                       Value *Ptr) const {
  return ir::loadInvariant(B, T, Ptr);
}

namespace {

/// The symbol of function Index: unique, since the index comes first, and
/// the same in every piece.
std::string functionSymbol(const frontend::Module &WM, uint32_t Index) {
  StringRef Name = WM.functionName(Index);
  return (Name.empty() ? "f" + Twine(Index) : "f" + Twine(Index) + "." + Name)
      .str();
}

} // namespace

Function *ModuleContext::function(uint32_t Index) {
  Function *&Fn = Functions[Index];
  if (Fn)
    return Fn;
  FunctionType *FT = functionType(WM.funcType(Index));
  // Internal, unless the module is lowered in pieces: then run() makes
  // what pieces share hidden globals.
  Fn = Function::Create(FT, GlobalValue::InternalLinkage,
                        functionSymbol(WM, Index), LM);
  Fn->setAttributes(abiAttributes(FT));
  if (!MayUnwind)
    Fn->setDoesNotThrow();
  return Fn;
}

FunctionType *ModuleContext::tailFunctionType() const {
  return FunctionType::get(VoidTy, {PtrTy, PtrTy}, false);
}

Function *ModuleContext::tailFunction(uint32_t Index) {
  assert(hasTailEntry(Index) && "a function without a tail-call entry");
  Function *&Fn = TailFunctions[Index];
  if (Fn)
    return Fn;
  Fn = Function::Create(tailFunctionType(), GlobalValue::InternalLinkage,
                        functionSymbol(WM, Index) + ".tail", LM);
  if (!MayUnwind)
    Fn->setDoesNotThrow();
  return Fn;
}

namespace {

class ModuleLowerer {
public:
  ModuleLowerer(const frontend::Module &WM, Module &LM,
                const LoweringOptions &Opts)
      : MC(WM, LM, Opts), WM(WM), LM(LM), Ctx(LM.getContext()) {}

  Error run();

private:
  /// Defined functions [Begin, End), counted among the defined ones.
  void declareFunctions(uint32_t Begin, uint32_t End);
  Function *makeInit();
  Value *evalConstExpr(IRBuilder<> &B, Value *Inst, const ConstExpr &E);
  Function *entryTrampoline(const FuncType &FT);
  Function *hostAdapter(const FuncType &FT);
  void makeDescriptor(Function *Init);

  // Helpers for the descriptor's constant data.
  Constant *string(StringRef S, const Twine &Name);
  Constant *array(Type *ElemTy, ArrayRef<Constant *> Elems, const Twine &Name);
  Constant *i8(uint64_t V) { return ConstantInt::get(MC.I8Ty, V); }
  Constant *i32(uint64_t V) { return ConstantInt::get(MC.I32Ty, V); }
  Constant *i64(uint64_t V) { return ConstantInt::get(MC.I64Ty, V); }

  ModuleContext MC;
  const frontend::Module &WM;
  Module &LM;
  LLVMContext &Ctx;
  /// Trampolines and adapters are shared by structurally equal signatures.
  std::map<std::string, Function *> Entries, Adapters;
};

/// What trampolines and adapters of a signature depend on: the native
/// types of its values (every reference is a pointer).
std::string signatureKey(const FuncType &FT) {
  auto Code = [](frontend::ValType T) {
    return T.isRef() ? 'p' : char(T.code());
  };
  std::string Key;
  for (frontend::ValType T : FT.Params)
    Key += Code(T);
  Key += ':';
  for (frontend::ValType T : FT.Results)
    Key += Code(T);
  return Key;
}

void ModuleLowerer::declareFunctions(uint32_t Begin, uint32_t End) {
  MC.Functions.assign(WM.numFunctions(), nullptr);
  MC.TailFunctions.assign(WM.numFunctions(), nullptr);
  // In index order, before any body is lowered: a call would otherwise
  // declare its callee first, and the executable runtime finds the function
  // a trap is in by the order of their code. A function's tail-call entry,
  // which holds its body, comes right after its ordinary entry.
  for (uint32_t I = Begin; I < End; ++I) {
    MC.function(WM.NumImportedFuncs + I);
    if (MC.hasTailEntry(WM.NumImportedFuncs + I))
      MC.tailFunction(WM.NumImportedFuncs + I);
  }
}

Value *ModuleLowerer::evalConstExpr(IRBuilder<> &B, Value *Inst,
                                    const ConstExpr &E) {
  SmallVector<Value *, 2> Stack;
  for (const ConstInstr &I : E.Instrs) {
    switch (I.Op) {
    case Opcode::I32Const: Stack.push_back(B.getInt32(I.i32())); break;
    case Opcode::I64Const: Stack.push_back(B.getInt64(I.i64())); break;
    case Opcode::F32Const:
      Stack.push_back(ConstantFP::get(
          Ctx, APFloat(APFloat::IEEEsingle(), APInt(32, I.i32()))));
      break;
    case Opcode::F64Const:
      Stack.push_back(ConstantFP::get(
          Ctx, APFloat(APFloat::IEEEdouble(), APInt(64, I.i64()))));
      break;
    case Opcode::V128Const: {
      uint32_t Words[4];
      std::memcpy(Words, I.Bits.data(), 16);
      Stack.push_back(ConstantDataVector::get(Ctx, ArrayRef<uint32_t>(Words, 4)));
      break;
    }
    case Opcode::RefNull: Stack.push_back(ConstantPointerNull::get(MC.PtrTy)); break;
    case Opcode::RefFunc:
      Stack.push_back(MC.fieldPtr(B, Inst, MC.Layout.funcRef(I.Index)));
      break;
    case Opcode::GlobalGet: {
      // Imported globals, and defined ones that init has evaluated before.
      Value *Addr = B.CreateLoad(
          MC.PtrTy, MC.fieldPtr(B, Inst, MC.Layout.globalPtr(I.Index)));
      Stack.push_back(B.CreateLoad(MC.type(WM.Globals[I.Index].Type), Addr));
      break;
    }
    case Opcode::I32Add:
    case Opcode::I64Add:
    case Opcode::I32Sub:
    case Opcode::I64Sub:
    case Opcode::I32Mul:
    case Opcode::I64Mul: {
      Value *Y = Stack.pop_back_val();
      Value *X = Stack.pop_back_val();
      bool Add = I.Op == Opcode::I32Add || I.Op == Opcode::I64Add;
      bool Sub = I.Op == Opcode::I32Sub || I.Op == Opcode::I64Sub;
      Stack.push_back(Add   ? B.CreateAdd(X, Y)
                      : Sub ? B.CreateSub(X, Y)
                            : B.CreateMul(X, Y));
      break;
    }
    default: llvm_unreachable("validated constant expressions only");
    }
  }
  assert(Stack.size() == 1 && "validated constant expressions only");
  return Stack.back();
}

/// V, an index of a memory or table (i32 or i64), as the runtime takes it.
static Value *toIndex64(IRBuilder<> &B, Value *V) {
  return B.CreateZExt(V, B.getInt64Ty());
}

Function *ModuleLowerer::makeInit() {
  Function *Init = Function::Create(
      FunctionType::get(MC.VoidTy, {MC.PtrTy}, false),
      GlobalValue::InternalLinkage, "init", LM);
  Init->setDoesNotThrow();
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", Init));
  Value *Inst = Init->getArg(0);

  for (size_t I = 0; I < WM.GlobalInits.size(); ++I)
    B.CreateStore(evalConstExpr(B, Inst, WM.GlobalInits[I]),
                  MC.fieldPtr(B, Inst, MC.Layout.globalStorage(uint32_t(I))));

  // Tables with an initialiser: the runtime made them null-filled. An
  // initialiser reads imported globals only, so its place after the
  // defined globals is not observable.
  for (size_t T = 0; T < WM.TableInits.size(); ++T) {
    if (!WM.TableInits[T] || WM.TableInits[T]->Instrs.front().Op == Opcode::RefNull)
      continue;
    uint32_t Table = WM.NumImportedTables + uint32_t(T);
    Value *Obj = B.CreateLoad(MC.PtrTy,
                              MC.fieldPtr(B, Inst, MC.Layout.table(Table)));
    B.CreateCall(MC.TableFill, {Obj, i64(0),
                                evalConstExpr(B, Inst, *WM.TableInits[T]),
                                i64(WM.Tables[Table].Size.Min)});
  }

  // Element segment items, into the arrays the runtime allocated.
  for (size_t S = 0; S < WM.Elems.size(); ++S) {
    const frontend::ElemSegment &Seg = WM.Elems[S];
    if (Seg.Items.empty())
      continue;
    Value *Items = B.CreateLoad(MC.PtrTy, MC.fieldPtr(B, Inst, MC.Layout.elem(uint32_t(S))));
    bool AllFuncs = llvm::all_of(Seg.Items, [](const ConstExpr &E) {
      return E.Instrs.front().Op == Opcode::RefFunc;
    });
    if (!AllFuncs || Seg.Items.size() < 8) {
      for (size_t J = 0; J < Seg.Items.size(); ++J)
        B.CreateStore(evalConstExpr(B, Inst, Seg.Items[J]),
                      B.CreateConstInBoundsGEP1_64(MC.PtrTy, Items, J));
      continue;
    }
    // Long lists of functions (C's function-pointer tables): a loop over a
    // constant array of indices rather than a store per item.
    SmallVector<uint32_t, 64> Indices;
    for (const ConstExpr &E : Seg.Items)
      Indices.push_back(E.Instrs.front().Index);
    auto *IndexArray = new GlobalVariable(
        LM, ArrayType::get(MC.I32Ty, Indices.size()), true,
        GlobalValue::PrivateLinkage, ConstantDataArray::get(Ctx, Indices),
        "elem" + Twine(S) + ".funcs");
    BasicBlock *Pre = B.GetInsertBlock();
    BasicBlock *Loop = BasicBlock::Create(Ctx, "elem.loop", Init);
    BasicBlock *Done = BasicBlock::Create(Ctx, "elem.done", Init);
    B.CreateBr(Loop);
    B.SetInsertPoint(Loop);
    PHINode *J = B.CreatePHI(MC.I64Ty, 2);
    J->addIncoming(B.getInt64(0), Pre);
    Value *Func = B.CreateZExt(
        B.CreateLoad(MC.I32Ty, B.CreateInBoundsGEP(MC.I32Ty, IndexArray, J)),
        MC.I64Ty);
    Value *Record = B.CreateInBoundsGEP(
        MC.I8Ty, Inst,
        B.CreateAdd(B.getInt64(MC.Layout.FuncRefs),
                    B.CreateMul(Func, B.getInt64(InstanceLayout::FuncRefSize))));
    B.CreateStore(Record, B.CreateInBoundsGEP(MC.PtrTy, Items, J));
    Value *Next = B.CreateAdd(J, B.getInt64(1));
    J->addIncoming(Next, Loop);
    B.CreateCondBr(B.CreateICmpULT(Next, B.getInt64(Indices.size())), Loop, Done);
    B.SetInsertPoint(Done);
  }

  // Active element segments are applied, then every non-passive one is
  // dropped; then the same for data segments.
  for (size_t S = 0; S < WM.Elems.size(); ++S) {
    const frontend::ElemSegment &Seg = WM.Elems[S];
    Value *SegPtr = MC.fieldPtr(B, Inst, MC.Layout.elem(uint32_t(S)));
    if (Seg.Mode == frontend::SegmentMode::Passive)
      continue;
    if (Seg.Mode == frontend::SegmentMode::Active) {
      Value *Table = B.CreateLoad(MC.PtrTy, MC.fieldPtr(B, Inst, MC.Layout.table(Seg.Table)));
      B.CreateCall(MC.TableInit,
                   {Table, SegPtr, toIndex64(B, evalConstExpr(B, Inst, Seg.OffsetExpr)),
                    B.getInt32(0), B.getInt32(uint32_t(Seg.Items.size()))});
    }
    B.CreateStore(B.getInt32(0), B.CreateConstInBoundsGEP1_64(
                                     MC.I8Ty, SegPtr, InstanceLayout::SegmentFieldSize));
  }
  for (size_t S = 0; S < WM.Datas.size(); ++S) {
    const frontend::DataSegment &Seg = WM.Datas[S];
    if (Seg.Mode != frontend::SegmentMode::Active)
      continue;
    Value *SegPtr = MC.fieldPtr(B, Inst, MC.Layout.data(uint32_t(S)));
    Value *Memory = B.CreateLoad(
        MC.PtrTy, MC.fieldPtr(B, Inst, MC.Layout.memory(Seg.Memory)));
    B.CreateCall(MC.MemoryInit,
                 {Memory, SegPtr, toIndex64(B, evalConstExpr(B, Inst, Seg.OffsetExpr)),
                  B.getInt32(0), B.getInt32(uint32_t(Seg.Bytes.size()))});
    B.CreateStore(B.getInt32(0), B.CreateConstInBoundsGEP1_64(
                                     MC.I8Ty, SegPtr, InstanceLayout::SegmentFieldSize));
  }
  B.CreateRetVoid();
  return Init;
}

// w2n_entry_fn: the host's way in. An exception the callee does not catch
// stops here and is returned, so that no unwinding crosses host frames.
Function *ModuleLowerer::entryTrampoline(const FuncType &FT) {
  Function *&Fn = Entries[signatureKey(FT)];
  if (Fn)
    return Fn;
  Fn = Function::Create(
      FunctionType::get(MC.PtrTy, {MC.PtrTy, MC.PtrTy, MC.PtrTy, MC.PtrTy}, false),
      GlobalValue::InternalLinkage, "entry", LM);
  Fn->setDoesNotThrow();
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", Fn));
  SmallVector<Value *, 8> Args{Fn->getArg(1)};
  for (size_t I = 0; I < FT.Params.size(); ++I)
    Args.push_back(B.CreateLoad(
        MC.type(FT.Params[I]),
        B.CreateConstInBoundsGEP1_64(MC.I8Ty, Fn->getArg(2),
                                     InstanceLayout::ValueSize * I)));
  FunctionType *CalleeTy = MC.functionType(FT);
  CallBase *Call;
  if (MC.MayUnwind) {
    BasicBlock *Returned = BasicBlock::Create(Ctx, "returned", Fn);
    BasicBlock *Threw = BasicBlock::Create(Ctx, "threw", Fn);
    Call = B.CreateInvoke(CalleeTy, Fn->getArg(0), Returned, Threw, Args);
    Fn->setPersonalityFn(MC.personality());
    B.SetInsertPoint(Threw);
    LandingPadInst *LP =
        B.CreateLandingPad(StructType::get(Ctx, {MC.PtrTy, MC.I32Ty}), 1);
    LP->addClause(ConstantPointerNull::get(MC.PtrTy));
    B.CreateRet(landingPadException(B, LP));
    B.SetInsertPoint(Returned);
  } else {
    Call = B.CreateCall(CalleeTy, Fn->getArg(0), Args);
  }
  Call->setAttributes(MC.abiAttributes(CalleeTy));
  for (size_t I = 0; I < FT.Results.size(); ++I) {
    Value *R = FT.Results.size() == 1 ? Call : B.CreateExtractValue(Call, {unsigned(I)});
    B.CreateStore(R, B.CreateConstInBoundsGEP1_64(MC.I8Ty, Fn->getArg(3),
                                                  InstanceLayout::ValueSize * I));
  }
  B.CreateRet(ConstantPointerNull::get(MC.PtrTy));
  return Fn;
}

Function *ModuleLowerer::hostAdapter(const FuncType &FT) {
  Function *&Fn = Adapters[signatureKey(FT)];
  if (Fn)
    return Fn;
  Fn = Function::Create(MC.functionType(FT), GlobalValue::InternalLinkage,
                        "host.adapter", LM);
  Fn->setAttributes(MC.abiAttributes(Fn->getFunctionType()));
  Fn->setDoesNotThrow();
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", Fn));
  Type *Values = ArrayType::get(MC.V128Ty, std::max<size_t>(1, FT.Params.size()));
  Type *Results = ArrayType::get(MC.V128Ty, std::max<size_t>(1, FT.Results.size()));
  Value *Args = B.CreateAlloca(Values);
  Value *Res = B.CreateAlloca(Results);
  for (size_t I = 0; I < FT.Params.size(); ++I)
    B.CreateStore(Fn->getArg(unsigned(I + 1)),
                  B.CreateConstInBoundsGEP1_64(MC.I8Ty, Args,
                                               InstanceLayout::ValueSize * I));
  // The context is a w2n_host_func: { fn, env }.
  Value *HostFunc = Fn->getArg(0);
  Value *HostFn = B.CreateLoad(MC.PtrTy, HostFunc);
  Value *Env = B.CreateLoad(MC.PtrTy, B.CreateConstInBoundsGEP1_64(MC.I8Ty, HostFunc, 8));
  B.CreateCall(FunctionType::get(MC.VoidTy, {MC.PtrTy, MC.PtrTy, MC.PtrTy}, false),
               HostFn, {Env, Args, Res});
  if (MC.MayUnwind) {
    // The host function may have thrown (w2n_host_throw): throw it here,
    // in the WebAssembly code that called it.
    Fn->removeFnAttr(Attribute::NoUnwind);
    Value *Exn = B.CreateCall(MC.HostTakeException, {});
    BasicBlock *Throws = BasicBlock::Create(Ctx, "host.threw", Fn);
    BasicBlock *Returns = BasicBlock::Create(Ctx, "host.returned", Fn);
    B.CreateCondBr(B.CreateIsNotNull(Exn), Throws, Returns);
    B.SetInsertPoint(Throws);
    B.CreateCall(MC.Throw, {Exn});
    B.CreateUnreachable();
    B.SetInsertPoint(Returns);
  }
  SmallVector<Value *, 4> Out;
  for (size_t I = 0; I < FT.Results.size(); ++I)
    Out.push_back(B.CreateLoad(MC.type(FT.Results[I]),
                               B.CreateConstInBoundsGEP1_64(
                                   MC.I8Ty, Res, InstanceLayout::ValueSize * I)));
  if (Out.empty())
    B.CreateRetVoid();
  else if (Out.size() == 1)
    B.CreateRet(Out[0]);
  else {
    Value *Agg = PoisonValue::get(MC.returnType(FT));
    for (size_t I = 0; I < Out.size(); ++I)
      Agg = B.CreateInsertValue(Agg, Out[I], {unsigned(I)});
    B.CreateRet(Agg);
  }
  return Fn;
}

Constant *ModuleLowerer::string(StringRef S, const Twine &Name) {
  auto *GV = new GlobalVariable(LM, ArrayType::get(MC.I8Ty, S.size() + 1), true,
                                GlobalValue::PrivateLinkage,
                                ConstantDataArray::getString(Ctx, S, true), Name);
  GV->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  return GV;
}

Constant *ModuleLowerer::array(Type *ElemTy, ArrayRef<Constant *> Elems,
                               const Twine &Name) {
  if (Elems.empty())
    return ConstantPointerNull::get(MC.PtrTy);
  auto *GV = new GlobalVariable(LM, ArrayType::get(ElemTy, Elems.size()), true,
                                GlobalValue::PrivateLinkage,
                                ConstantArray::get(ArrayType::get(ElemTy, Elems.size()), Elems),
                                Name);
  return GV;
}

void ModuleLowerer::makeDescriptor(Function *Init) {
  PointerType *Ptr = MC.PtrTy;
  Type *I8 = MC.I8Ty, *I32 = MC.I32Ty, *I64 = MC.I64Ty;
  auto *LimitsTy = StructType::get(Ctx, {I64, I64, I8, I8, I8});
  auto Limits = [&](const frontend::Limits &L, bool Is64, bool Shared = false) {
    return ConstantStruct::get(LimitsTy, {i64(L.Min), i64(L.Max.value_or(0)),
                                          i8(L.Max.has_value()), i8(Is64),
                                          i8(Shared)});
  };
  // A constant array of integers (bytes, words), or null when empty.
  auto Integers = [&](auto Data, const Twine &Name) -> Constant * {
    if (Data.empty())
      return ConstantPointerNull::get(Ptr);
    Constant *Init = ConstantDataArray::get(Ctx, Data);
    return new GlobalVariable(LM, Init->getType(), true,
                              GlobalValue::PrivateLinkage, Init, Name);
  };

  // Types and their entry trampolines.
  auto *TypeDescTy = StructType::get(Ctx, {I32, I32, Ptr, I32, I32, I8});
  SmallVector<Constant *, 16> TypeDescs, EntryPtrs, AdapterPtrs;
  for (size_t T = 0; T < WM.Types.size(); ++T) {
    const FuncType &FT = WM.Types[T];
    SmallVector<uint32_t, 8> Codes;
    for (frontend::ValType V : FT.Params) Codes.push_back(V.bits());
    for (frontend::ValType V : FT.Results) Codes.push_back(V.bits());
    const frontend::SubTypeInfo &Info = WM.TypeInfos[T];
    uint32_t GroupSize = Info.GroupBegin == T ? Info.GroupSize : 0;
    uint32_t SuperPlus1 =
        Info.Super == frontend::SubTypeInfo::NoSuper ? 0 : Info.Super + 1;
    TypeDescs.push_back(ConstantStruct::get(
        TypeDescTy, {i32(FT.Params.size()), i32(FT.Results.size()),
                     Integers(ArrayRef<uint32_t>(Codes), "type" + Twine(T)), i32(GroupSize),
                     i32(SuperPlus1), i8(!Info.Final)}));
    EntryPtrs.push_back(entryTrampoline(FT));
  }
  // Adapters for the signatures of imported functions.
  SmallVector<bool, 16> Imported(WM.Types.size(), false);
  for (uint32_t F = 0; F < WM.NumImportedFuncs; ++F)
    Imported[WM.FuncTypeIndices[F]] = true;
  for (size_t T = 0; T < WM.Types.size(); ++T)
    AdapterPtrs.push_back(Imported[T] ? (Constant *)hostAdapter(WM.Types[T])
                                      : ConstantPointerNull::get(Ptr));

  auto *ImportTy = StructType::get(Ctx, {Ptr, Ptr, I32, I32, I8, I8, I32, I32, LimitsTy});
  SmallVector<Constant *, 16> Imports;
  uint32_t Counts[5] = {0, 0, 0, 0, 0};
  for (const frontend::Import &Imp : WM.Imports) {
    uint32_t Index = Counts[unsigned(Imp.Kind)]++;
    uint32_t Type = 0;
    uint8_t Mutable = 0;
    frontend::Limits L;
    bool Is64 = false, Shared = false;
    switch (Imp.Kind) {
    case frontend::ExternalKind::Func: Index = Imp.FuncTypeIndex; break;
    case frontend::ExternalKind::Table:
      Type = Imp.Table.Elem.bits();
      L = Imp.Table.Size;
      Is64 = Imp.Table.Is64;
      break;
    case frontend::ExternalKind::Memory:
      L = Imp.Memory.Pages;
      Is64 = Imp.Memory.Is64;
      Shared = Imp.Memory.Shared;
      break;
    case frontend::ExternalKind::Global:
      Type = Imp.Global.Type.bits();
      Mutable = Imp.Global.Mutable;
      break;
    case frontend::ExternalKind::Tag: Index = Imp.TagTypeIndex; break;
    }
    Imports.push_back(ConstantStruct::get(
        ImportTy, {string(Imp.Module, "import.module"), string(Imp.Field, "import.name"),
                   i32(Imp.Module.size()), i32(Imp.Field.size()),
                   i8(uint8_t(Imp.Kind)), i8(Mutable), i32(Type), i32(Index), Limits(L, Is64, Shared)}));
  }

  auto *ExportTy = StructType::get(Ctx, {Ptr, I32, I8, I32});
  SmallVector<Constant *, 16> Exports;
  for (const frontend::Export &Exp : WM.Exports)
    Exports.push_back(ConstantStruct::get(
        ExportTy, {string(Exp.Name, "export.name"), i32(Exp.Name.size()),
                   i8(uint8_t(Exp.Kind)), i32(Exp.Index)}));

  SmallVector<Constant *, 64> FuncTypes, FuncPtrs, FuncTailPtrs, FuncNames;
  bool HaveNames = !WM.FunctionNames.empty();
  bool HaveTailEntries = llvm::is_contained(MC.TailCallers, true);
  for (uint32_t F = 0; F < WM.numFunctions(); ++F) {
    FuncTypes.push_back(i32(WM.FuncTypeIndices[F]));
    if (F >= WM.NumImportedFuncs) {
      FuncPtrs.push_back(MC.function(F));
      FuncTailPtrs.push_back(MC.hasTailEntry(F)
                                 ? (Constant *)MC.tailFunction(F)
                                 : ConstantPointerNull::get(Ptr));
    }
    if (HaveNames) {
      StringRef Name = WM.functionName(F);
      FuncNames.push_back(Name.empty() ? ConstantPointerNull::get(Ptr)
                                       : string(Name, "func.name"));
    }
  }

  SmallVector<Constant *, 4> TableLimits, TableTypes, MemoryLimits;
  for (const frontend::TableType &T : WM.Tables) {
    TableLimits.push_back(Limits(T.Size, T.Is64));
    TableTypes.push_back(i32(T.Elem.bits()));
  }
  for (const frontend::MemoryType &M : WM.Memories)
    MemoryLimits.push_back(Limits(M.Pages, M.Is64, M.Shared));
  SmallVector<Constant *, 16> GlobalTypes, GlobalMut;
  for (const frontend::GlobalType &G : WM.Globals) {
    GlobalTypes.push_back(i32(G.Type.bits()));
    GlobalMut.push_back(i8(G.Mutable));
  }
  auto *SegTy = StructType::get(Ctx, {Ptr, I32});
  SmallVector<Constant *, 16> DataInit, ElemSizes;
  for (size_t S = 0; S < WM.Datas.size(); ++S)
    DataInit.push_back(ConstantStruct::get(
        SegTy, {Integers(WM.Datas[S].Bytes, "data" + Twine(S)),
                i32(WM.Datas[S].Bytes.size())}));
  for (const frontend::ElemSegment &Seg : WM.Elems)
    ElemSizes.push_back(i32(Seg.Items.size()));
  SmallVector<Constant *, 4> TagTypes;
  for (uint32_t T : WM.TagTypes)
    TagTypes.push_back(i32(T));

  const InstanceLayout &L = MC.Layout;
  // Field for field, struct w2n_module_desc.
  SmallVector<Constant *, 48> Fields = {
      i32(W2N_ABI_VERSION), i32(L.Size),
      i32(WM.Types.size()), array(TypeDescTy, TypeDescs, "types"),
      array(Ptr, EntryPtrs, "entries"),
      i32(Imports.size()), array(ImportTy, Imports, "imports"),
      i32(Exports.size()), array(ExportTy, Exports, "exports"),
      i32(WM.numFunctions()), i32(WM.NumImportedFuncs),
      array(I32, FuncTypes, "func.types"), array(Ptr, FuncPtrs, "func.ptrs"),
      HaveTailEntries ? array(Ptr, FuncTailPtrs, "func.tail.ptrs")
                      : ConstantPointerNull::get(Ptr),
      i32(L.TailArgBuffer),
      array(Ptr, AdapterPtrs, "host.adapters"),
      HaveNames ? array(Ptr, FuncNames, "func.names") : ConstantPointerNull::get(Ptr),
      i32(L.FuncRefs),
      i32(WM.Tables.size()), i32(WM.NumImportedTables),
      array(LimitsTy, TableLimits, "table.limits"), array(I32, TableTypes, "table.types"),
      i32(L.Tables),
      i32(WM.Memories.size()), i32(WM.NumImportedMemories),
      array(LimitsTy, MemoryLimits, "memory.limits"), i32(L.Memories),
      i32(WM.Globals.size()), i32(WM.NumImportedGlobals),
      array(I32, GlobalTypes, "global.types"), array(I8, GlobalMut, "global.mutability"),
      i32(L.Globals), i32(L.GlobalStorage),
      i32(WM.Datas.size()), i32(WM.Elems.size()),
      i32(L.Datas), i32(L.Elems),
      array(SegTy, DataInit, "data.init"), array(I32, ElemSizes, "elem.sizes"),
      Init,
      i64(WM.Start ? int64_t(*WM.Start) : -1),
      i32(WM.TagTypes.size()), i32(WM.NumImportedTags),
      array(I32, TagTypes, "tag.types"),
      i32(L.Tags), i32(L.TagStorage),
  };
  SmallVector<Type *, 48> FieldTypes;
  for (Constant *C : Fields)
    FieldTypes.push_back(C->getType());
  auto *DescTy = StructType::create(Ctx, FieldTypes, "w2n_module_desc");
  new GlobalVariable(LM, DescTy, true, GlobalValue::ExternalLinkage,
                     ConstantStruct::get(DescTy, Fields),
                     MC.Opts.SymbolPrefix + "_module");
}

Error ModuleLowerer::run() {
  const std::optional<PieceRange> &Piece = MC.Opts.Piece;
  uint32_t Begin = Piece ? Piece->Begin : 0;
  uint32_t End = Piece ? Piece->End : WM.numDefinedFunctions();
  declareFunctions(Begin, End);
  for (uint32_t I = Begin; I < End; ++I) {
    FunctionLowerer FL(MC, I);
    if (Error E = FL.run())
      return E;
    if (MC.hasTailEntry(WM.NumImportedFuncs + I))
      emitOrdinaryEntry(MC, WM.NumImportedFuncs + I);
    if (MC.Opts.OnFunctionLowered)
      MC.Opts.OnFunctionLowered(I + 1 - Begin, End - Begin);
  }
  if (!Piece || Piece->HoldsDescriptor)
    makeDescriptor(makeInit());
  // In a piece, every function is shared: other pieces call this piece's,
  // the descriptor's piece lists them all, and what this piece only
  // declares is defined in another.
  if (Piece)
    for (auto *List : {&MC.Functions, &MC.TailFunctions})
      for (Function *Fn : *List)
        if (Fn) {
          Fn->setLinkage(GlobalValue::ExternalLinkage);
          Fn->setVisibility(GlobalValue::HiddenVisibility);
        }
  return Error::success();
}

} // namespace

bool mayUnwind(const frontend::Module &M, const LoweringOptions &Opts) {
  return !Opts.Executable || !M.TagTypes.empty();
}

Expected<std::unique_ptr<Module>> lowerModule(const frontend::Module &M,
                                              LLVMContext &Ctx,
                                              const LoweringOptions &Opts) {
  auto LM = std::make_unique<Module>("wasm", Ctx);
  LM->setTargetTriple(Opts.TargetTriple);
  if (Error E = ModuleLowerer(M, *LM, Opts).run())
    return E;
  return LM;
}

} // namespace w2n::lowering

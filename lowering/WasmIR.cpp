//===- WasmIR.cpp - Builders and matchers of the lowered IR ---------------===//
#include "lowering/WasmIR.h"
#include "lowering/PhiSources.h"

#include "w2n/abi.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/Transforms/Utils/LoopUtils.h"

#include <cstddef>

namespace w2n::ir {

using namespace llvm;
using namespace llvm::PatternMatch;

namespace {

constexpr uint64_t InstanceMemoryBase = offsetof(w2n_instance, memory_base);
constexpr uint64_t InstanceMemory = offsetof(w2n_instance, memory);
constexpr uint64_t InstanceStackLimit = offsetof(w2n_instance, stack_limit);
constexpr uint64_t MemorySizeField = offsetof(w2n_memory, size);

constexpr const char KeepAliveTag[] = "w2n.keep_alive";
constexpr const char StoreBarrierTag[] = "w2n.store_barrier";
constexpr const char TrapBlockPerCheckAttr[] = "w2n-trap-block-per-check";
constexpr const char VersionedLoopTag[] = "w2n.loop.versioned";

MDNode *tbaaTag(LLVMContext &Ctx, StringRef Name) {
  MDBuilder MDB(Ctx);
  MDNode *Root = MDB.createTBAARoot("w2n");
  MDNode *Type = MDB.createTBAAScalarTypeNode(Name, Root);
  return MDB.createTBAAStructTagNode(Type, Type, 0);
}

Value *fieldPtr(IRBuilderBase &B, Value *Object, uint64_t Offset) {
  return B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Object, Offset);
}

/// An empty asm statement with side effects, ArgCount operands and Tag.
bool isTaggedEmptyAsm(const Instruction &I, unsigned ArgCount,
                      const char *Tag) {
  const auto *Call = dyn_cast<CallInst>(&I);
  if (!Call || !Call->getMetadata(Tag))
    return false;
  const auto *Asm = dyn_cast<InlineAsm>(Call->getCalledOperand());
  return Asm && Asm->getAsmString().empty() && Asm->hasSideEffects() &&
         Call->arg_size() == ArgCount && Call->getType()->isVoidTy();
}

} // namespace

const Argument *instanceOf(const Function &F) {
  if (F.arg_empty() || !F.getArg(0)->getType()->isPointerTy())
    return nullptr;
  return F.getArg(0);
}

MDNode *linearMemoryTBAA(LLVMContext &Ctx) {
  return tbaaTag(Ctx, "linear memory");
}

MDNode *instanceTBAA(LLVMContext &Ctx) { return tbaaTag(Ctx, "instance"); }

LoadInst *loadInvariant(IRBuilderBase &B, Type *T, Value *Ptr) {
  LoadInst *L = B.CreateLoad(T, Ptr);
  L->setMetadata(LLVMContext::MD_invariant_load,
                 MDNode::get(B.getContext(), {}));
  return L;
}

bool isInstanceFieldLoad(const Value *V, const Value *Instance,
                         const DataLayout &DL) {
  const auto *Load = dyn_cast<LoadInst>(V);
  int64_t Offset = 0;
  return Load && GetPointerBaseWithConstantOffset(Load->getPointerOperand(),
                                                  Offset, DL) == Instance;
}

LoadInst *buildMemoryBase(IRBuilderBase &B, Value *Instance) {
  return loadInvariant(B, B.getPtrTy(),
                       fieldPtr(B, Instance, InstanceMemoryBase));
}

bool isMemoryBase(const Value *V, const Value *Instance, const DataLayout &DL) {
  const auto *Load = dyn_cast<LoadInst>(V);
  if (!Load || !Load->getType()->isPointerTy() ||
      !Load->hasMetadata(LLVMContext::MD_invariant_load))
    return false;
  int64_t Offset = 0;
  return GetPointerBaseWithConstantOffset(Load->getPointerOperand(), Offset,
                                          DL) == Instance &&
         Offset == int64_t(InstanceMemoryBase);
}

LoadInst *buildMemoryObject(IRBuilderBase &B, Value *Instance) {
  return loadInvariant(B, B.getPtrTy(), fieldPtr(B, Instance, InstanceMemory));
}

LoadInst *buildMemorySize(IRBuilderBase &B, Value *MemoryObject, bool Is64) {
  LLVMContext &Ctx = B.getContext();
  LoadInst *Size =
      B.CreateLoad(B.getInt64Ty(), fieldPtr(B, MemoryObject, MemorySizeField));
  Size->setMetadata(LLVMContext::MD_tbaa, instanceTBAA(Ctx));
  if (!Is64)
    Size->setMetadata(
      LLVMContext::MD_range,
      MDBuilder(Ctx).createRange(APInt(64, 0), APInt(64, MaxMemoryBytes + 1)));
  return Size;
}

bool isMemorySizeLoad(const Value *V, const Value *Instance,
                      const DataLayout &DL) {
  const auto *Load = dyn_cast<LoadInst>(V);
  if (!Load || !Load->getType()->isIntegerTy(64))
    return false;
  int64_t Offset = 0;
  const Value *Memory =
      GetPointerBaseWithConstantOffset(Load->getPointerOperand(), Offset, DL);
  const auto *MemoryLoad = dyn_cast<LoadInst>(Memory);
  if (Offset != int64_t(MemorySizeField) || !MemoryLoad)
    return false;
  const Value *Inst = GetPointerBaseWithConstantOffset(
      MemoryLoad->getPointerOperand(), Offset, DL);
  return Inst == Instance && Offset == int64_t(InstanceMemory);
}

bool isMemorySize(const Value *V, const Value *Instance, const DataLayout &DL) {
  return holdsThroughPhis(V, [&](const Value *Item) {
    return isMemorySizeLoad(Item, Instance, DL);
  });
}

Value *buildOutOfBounds(IRBuilderBase &B, Value *EA, unsigned Bytes,
                        Value *Size) {
  Value *End = B.CreateAdd(EA, B.getInt64(Bytes), "", /*HasNUW=*/true);
  return B.CreateICmpUGT(End, Size);
}

std::optional<OffsetCompare> matchOffsetCompare(const ICmpInst &Cmp) {
  auto &Mutable = const_cast<ICmpInst &>(Cmp);
  OffsetCompare OC;
  if (!Cmp.isUnsigned() || !Cmp.getType()->isIntegerTy(1) ||
      !match(&Mutable,
             m_c_ICmp(OC.Pred, m_NUWAddLike(m_Value(OC.X), m_APInt(OC.C)),
                      m_Value(OC.Bound))))
    return std::nullopt;
  return OC;
}

std::optional<BoundsCompare> matchBoundsCompare(const ICmpInst &Cmp) {
  std::optional<OffsetCompare> OC = matchOffsetCompare(Cmp);
  if (!OC || OC->C->getActiveBits() > 62)
    return std::nullopt;
  uint64_t End = OC->C->getZExtValue();
  Value *X = OC->X, *Y;
  const APInt *C;
  while (match(X, m_NUWAddLike(m_Value(Y), m_APInt(C))) &&
         C->getActiveBits() <= 62 && End + C->getZExtValue() < (1ull << 62)) {
    End += C->getZExtValue();
    X = Y;
  }
  bool OutOfBoundsWhenTrue;
  switch (OC->Pred) {
  case ICmpInst::ICMP_UGT:
    OutOfBoundsWhenTrue = true;
    break;
  case ICmpInst::ICMP_UGE:
    OutOfBoundsWhenTrue = true;
    ++End;
    break;
  case ICmpInst::ICMP_ULE:
    OutOfBoundsWhenTrue = false;
    break;
  case ICmpInst::ICMP_ULT:
    OutOfBoundsWhenTrue = false;
    ++End;
    break;
  default:
    return std::nullopt;
  }
  return BoundsCompare{X, End, OutOfBoundsWhenTrue, OC->Bound};
}

void buildKeepAlive(IRBuilderBase &B, Value *Loaded, LoadInst *Load,
                    const Triple &TT) {
  Type *T = Loaded->getType();
  const char *Constraint = "r";
  if (!T->isIntegerTy()) {
    if (TT.isX86())
      Constraint = "x";
    else if (TT.isAArch64())
      Constraint = "w";
    else if (T->isFloatingPointTy())
      Constraint = "f";
    else {
      Load->setVolatile(true);
      return;
    }
  }
  FunctionType *AsmTy = FunctionType::get(B.getVoidTy(), {T}, false);
  InlineAsm *Use =
      InlineAsm::get(AsmTy, "", Constraint, /*hasSideEffects=*/true);
  B.CreateCall(Use, {Loaded})
      ->setMetadata(KeepAliveTag, MDNode::get(B.getContext(), {}));
}

bool isKeepAlive(const Instruction &I) {
  return isTaggedEmptyAsm(I, 1, KeepAliveTag);
}

Value *keptValue(const CallInst &KeepAlive) {
  return KeepAlive.getArgOperand(0);
}

bool isVolatileKeepAlive(const LoadInst &Load) { return Load.isVolatile(); }

CallInst *buildStoreBarrier(IRBuilderBase &B) {
  InlineAsm *Barrier = InlineAsm::get(FunctionType::get(B.getVoidTy(), false),
                                      "", "", /*hasSideEffects=*/true);
  CallInst *Call = B.CreateCall(Barrier);
  Call->setOnlyReadsMemory();
  Call->setMetadata(StoreBarrierTag, MDNode::get(B.getContext(), {}));
  return Call;
}

bool isStoreBarrier(const Instruction &I) {
  return isTaggedEmptyAsm(I, 0, StoreBarrierTag);
}

void buildStoreProbe(IRBuilderBase &B, Value *Addr, unsigned Bytes,
                     const Triple &TT) {
  LoadInst *Probe = B.CreateAlignedLoad(
      B.getInt8Ty(),
      B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Addr, Bytes - 1), Align(1));
  buildKeepAlive(B, Probe, Probe, TT);
}

ICmpInst *buildStackCheck(IRBuilderBase &B, Value *Instance) {
  Value *SP = B.CreatePtrToInt(
      B.CreateIntrinsic(Intrinsic::stacksave, {B.getPtrTy()}, {}),
      B.getInt64Ty());
  Value *Limit =
      B.CreateLoad(B.getInt64Ty(), fieldPtr(B, Instance, InstanceStackLimit));
  return cast<ICmpInst>(B.CreateICmpULT(SP, Limit));
}

bool isStackCheck(const ICmpInst &Cmp) {
  auto ReadsStackPointer = [](const Value *V) {
    const auto *Cast = dyn_cast<PtrToIntInst>(V);
    const auto *Save =
        Cast ? dyn_cast<IntrinsicInst>(Cast->getOperand(0)) : nullptr;
    return Save && Save->getIntrinsicID() == Intrinsic::stacksave;
  };
  if (Cmp.getPredicate() == ICmpInst::ICMP_ULT)
    return ReadsStackPointer(Cmp.getOperand(0));
  if (Cmp.getPredicate() == ICmpInst::ICMP_UGT)
    return ReadsStackPointer(Cmp.getOperand(1));
  return false;
}

BasicBlock *buildTrapBlock(Function &F, Function &TrapFn, uint32_t Kind) {
  BasicBlock *BB = BasicBlock::Create(F.getContext(), "trap", &F);
  IRBuilder<> TB(BB);
  CallInst *Call = TB.CreateCall(&TrapFn, {TB.getInt32(Kind)});
  Call->setDoesNotReturn();
  TB.CreateUnreachable();
  return BB;
}

const ConstantInt *trapBlockKind(const BasicBlock &BB) {
  const auto *Call = dyn_cast<CallInst>(&BB.front());
  if (!Call || !isa<UnreachableInst>(Call->getNextNode()))
    return nullptr;
  const Function *Callee = Call->getCalledFunction();
  if (!Callee || Callee->getName() != W2N_RT_TRAP || Call->arg_size() != 1)
    return nullptr;
  return dyn_cast<ConstantInt>(Call->getArgOperand(0));
}

bool endsInTrap(const BasicBlock &BB) {
  return isa<UnreachableInst>(BB.getTerminator());
}

void markTrapBlockPerCheck(Function &F) { F.addFnAttr(TrapBlockPerCheckAttr); }

bool hasTrapBlockPerCheck(const Function &F) {
  return F.hasFnAttribute(TrapBlockPerCheckAttr);
}

void markVersioned(Loop &L) { addStringMetadataToLoop(&L, VersionedLoopTag); }

bool isVersioned(const Loop &L) {
  return findStringMetadataForLoop(&L, VersionedLoopTag).has_value();
}

} // namespace w2n::ir

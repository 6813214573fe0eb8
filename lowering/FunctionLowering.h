//===- FunctionLowering.h - One function body to LLVM IR --------*- C++ -*-===//
//
// An operator visitor that runs the validator on each operator first, so it
// only ever lowers valid code, then emits IR for it. Operand values live on
// a stack of llvm::Value; locals are allocas (mem2reg turns them into SSA);
// blocks, loops and ifs become basic blocks whose results meet in PHI nodes.
//
// Code the validator still calls reachable can be dead for the IR (after a
// block that nothing branches out of); `Reachable` is the IR's view, and
// nothing is emitted while it is false.
//
// The emitters are split by operator family: control (ControlLowering.cpp),
// scalar numeric (NumericLowering.cpp), memory (MemoryLowering.cpp, with
// every bounds-check decision in BoundsChecks.cpp), variables, calls, tables
// and references (VariableLowering.cpp), and SIMD (SimdLowering.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef W2N_LOWERING_FUNCTIONLOWERING_H
#define W2N_LOWERING_FUNCTIONLOWERING_H

#include "frontend/FunctionValidator.h"
#include "lowering/ModuleContext.h"

#include "llvm/IR/IRBuilder.h"

#include <array>

namespace w2n::lowering {

using frontend::BlockType;
using frontend::CatchClause;
using frontend::MemArg;
using frontend::Opcode;
using frontend::V128;
using frontend::ValType;

class FunctionLowerer : public frontend::OperatorVisitor<FunctionLowerer> {
public:
  FunctionLowerer(ModuleContext &MC, uint32_t DefinedIndex);

  /// Decodes, validates and lowers the body into MC.Functions[index].
  llvm::Error run();

  // --- The visitor: validate, then lower. ----------------------------------
  llvm::Error visitSimple(Opcode Op);
  llvm::Error visitLoad(Opcode Op, MemArg MA);
  llvm::Error visitStore(Opcode Op, MemArg MA);
  llvm::Error visitLoadLane(Opcode Op, MemArg MA, uint8_t Lane);
  llvm::Error visitStoreLane(Opcode Op, MemArg MA, uint8_t Lane);
  llvm::Error visitAtomic(Opcode Op, MemArg MA);
  llvm::Error visitAtomicFence();
  llvm::Error visitExtractLane(Opcode Op, uint8_t Lane);
  llvm::Error visitReplaceLane(Opcode Op, uint8_t Lane);

  llvm::Error visitUnreachable();
  llvm::Error visitNop() { return llvm::Error::success(); }
  llvm::Error visitBlock(BlockType BT);
  llvm::Error visitLoop(BlockType BT);
  llvm::Error visitIf(BlockType BT);
  llvm::Error visitElse();
  llvm::Error visitEnd();
  llvm::Error visitBr(uint32_t Depth);
  llvm::Error visitBrIf(uint32_t Depth);
  llvm::Error visitBrTable(llvm::ArrayRef<uint32_t> Targets, uint32_t Default);
  llvm::Error visitReturn();
  llvm::Error visitCall(uint32_t Func);
  llvm::Error visitCallIndirect(uint32_t TypeIndex, uint32_t Table);
  llvm::Error visitReturnCall(uint32_t Func);          // TailCalls.cpp
  llvm::Error visitReturnCallIndirect(uint32_t TypeIndex, uint32_t Table);
  llvm::Error visitCallRef(uint32_t TypeIndex);
  llvm::Error visitReturnCallRef(uint32_t TypeIndex);
  llvm::Error visitRefAsNonNull();
  llvm::Error visitBrOnNull(uint32_t Depth);
  llvm::Error visitBrOnNonNull(uint32_t Depth);
  // Exception handling (ExceptionLowering.cpp).
  llvm::Error visitTryTable(BlockType BT, llvm::ArrayRef<CatchClause> Clauses);
  llvm::Error visitThrow(uint32_t Tag);
  llvm::Error visitThrowRef();
  llvm::Error visitTry(BlockType BT);
  llvm::Error visitCatch(uint32_t Tag);
  llvm::Error visitCatchAll();
  llvm::Error visitDelegate(uint32_t Depth);
  llvm::Error visitRethrow(uint32_t Depth);
  llvm::Error visitDrop();
  llvm::Error visitSelect();
  llvm::Error visitSelectT(llvm::ArrayRef<ValType> Types);
  llvm::Error visitLocalGet(uint32_t Index);
  llvm::Error visitLocalSet(uint32_t Index);
  llvm::Error visitLocalTee(uint32_t Index);
  llvm::Error visitGlobalGet(uint32_t Index);
  llvm::Error visitGlobalSet(uint32_t Index);
  llvm::Error visitTableGet(uint32_t Table);
  llvm::Error visitTableSet(uint32_t Table);
  llvm::Error visitMemorySize(uint32_t Memory);
  llvm::Error visitMemoryGrow(uint32_t Memory);
  llvm::Error visitI32Const(int32_t Value);
  llvm::Error visitI64Const(int64_t Value);
  llvm::Error visitF32Const(uint32_t Bits);
  llvm::Error visitF64Const(uint64_t Bits);
  llvm::Error visitV128Const(const V128 &Value);
  llvm::Error visitRefNull(ValType T);
  llvm::Error visitRefIsNull();
  llvm::Error visitRefFunc(uint32_t Func);
  llvm::Error visitMemoryInit(uint32_t Data, uint32_t Memory);
  llvm::Error visitDataDrop(uint32_t Data);
  llvm::Error visitMemoryCopy(uint32_t Dst, uint32_t Src);
  llvm::Error visitMemoryFill(uint32_t Memory);
  llvm::Error visitTableInit(uint32_t Elem, uint32_t Table);
  llvm::Error visitElemDrop(uint32_t Elem);
  llvm::Error visitTableCopy(uint32_t Dst, uint32_t Src);
  llvm::Error visitTableGrow(uint32_t Table);
  llvm::Error visitTableSize(uint32_t Table);
  llvm::Error visitTableFill(uint32_t Table);
  llvm::Error visitI8x16Shuffle(const V128 &Lanes);

private:
  /// The lowering's state of one control frame: the payload of the
  /// validator's frame at the same depth (frontend::ControlFrame), which
  /// holds its kind, block type and operand stack height.
  struct IRFrame {
    llvm::BasicBlock *Label = nullptr;     // where a branch to the frame goes
    llvm::BasicBlock *ElseBlock = nullptr; // If: the else branch, until then
    llvm::BasicBlock *EndBlock = nullptr;  // where the frame's results meet
    llvm::SmallVector<llvm::PHINode *, 2> LabelPhis; // at Label
    llvm::SmallVector<llvm::PHINode *, 2> EndPhis;   // at EndBlock
    llvm::SmallVector<llvm::Value *, 2> Params; // If: for the else branch
    bool EnteredReachable = false; // whether the IR reached the frame's start
    // Exception handling (ExceptionLowering.cpp). A handler is a try_table
    // with clauses, or a legacy try until its first catch: exceptions
    // thrown inside go to its dispatch, from its landing pad (calls) or by
    // a branch (throws in the function itself).
    bool Handler = false;
    bool Legacy = false; // a legacy try
    struct Clause {
      CatchClause C;
      size_t Target; // index of the clause's label frame in IRFrames
    };
    llvm::SmallVector<Clause, 2> Catches; // a try_table's
    llvm::BasicBlock *LandingPad = nullptr;
    llvm::BasicBlock *Dispatch = nullptr; // the exception arrives here
    llvm::PHINode *DispatchExn = nullptr;
    // A legacy try: where the next catch's test goes (none after a
    // catch_all), and in its catches, the exception, for rethrow.
    llvm::BasicBlock *NoMatch = nullptr;
    llvm::Value *CaughtExn = nullptr;
  };

  // Blocks and branches (ControlLowering.cpp).
  /// After the validator pushed a frame for a block, loop or if.
  void pushIRFrame(Opcode Kind, BlockType BT);
  IRFrame &irFrame(uint32_t Depth) {
    return IRFrames[IRFrames.size() - 1 - Depth];
  }
  llvm::SmallVector<llvm::PHINode *, 2>
  makePhis(llvm::BasicBlock *BB, llvm::ArrayRef<ValType> Types);
  /// Adds the top operands as incoming values of Target's label from the
  /// current block (operands stay on the stack).
  void addBranchOperands(IRFrame &Target);
  void branchTo(IRFrame &Target);
  /// Ends the current block with a branch to C's end, passing the top
  /// operands as C's results.
  void fallThroughToEnd(IRFrame &C);
  /// The rest of `end` once the frame C (at height Height) is popped.
  void closeFrame(IRFrame &C, size_t Height, bool FunctionEnd);
  void finishFunction();
  void setUnreachable();

  // Exceptions (ExceptionLowering.cpp).
  /// The innermost handler among IRFrames[0, Limit), or -1.
  int handlerBelow(size_t Limit) const;
  /// Sends Exn to the innermost handler below Limit: a branch to its
  /// dispatch, or with none in this function, a throw to the caller.
  void throwExn(llvm::Value *Exn, size_t Limit);
  void ensureDispatch(size_t Index);
  llvm::BasicBlock *landingPad(size_t Index);
  /// The w2n_tag * of Tag.
  llvm::Value *tagPointer(uint32_t Tag);
  /// The address of value I of exception Exn (a w2n_exn *).
  llvm::Value *exnValueSlot(llvm::Value *Exn, size_t I);
  /// Pushes the values exception Exn carries for Tag.
  void pushExnValues(llvm::Value *Exn, uint32_t Tag);
  /// Ends a handler frame C at index Index: it stops being one, and a
  /// legacy try's exceptions that no catch matched go on outward, to the
  /// handlers below Limit.
  void endHandler(IRFrame &C, size_t Limit);
  /// C, a handler, stops being one (its try's body has ended).
  void stopHandler(IRFrame &C);
  /// At a catch or catch_all of the legacy try C: ends the previous part
  /// and, when some exception can still reach this handler, starts it
  /// where the previous test failed; else its code is dead (false).
  bool beginLegacyHandler(IRFrame &C);

  // Operand stack.
  void push(llvm::Value *V) { Stack.push_back(V); }
  llvm::Value *pop() { return Stack.pop_back_val(); }
  llvm::Value *top() const { return Stack.back(); }
  llvm::SmallVector<llvm::Value *, 4> popN(size_t N);
  void pushResults(llvm::Value *Call, const frontend::FuncType &FT);

  // Emitters.
  llvm::Error emitNumeric(Opcode Op);             // NumericLowering.cpp
  llvm::Error emitSimd(Opcode Op);                // SimdLowering.cpp
  llvm::Error emitSimdLane(Opcode Op, uint8_t Lane);
  llvm::Error emitSimdShuffle(const V128 &Lanes);
  void emitLoad(Opcode Op, MemArg MA);            // MemoryLowering.cpp
  void emitStore(Opcode Op, MemArg MA);
  void emitAtomic(Opcode Op, MemArg MA);
  void emitSimdLoadLane(Opcode Op, MemArg MA, uint8_t Lane);
  void emitSimdStoreLane(Opcode Op, MemArg MA, uint8_t Lane);
  void emitCall(llvm::Value *Callee, llvm::Value *Ctx,
                const frontend::FuncType &FT);    // VariableLowering.cpp
  /// The funcref record of element Index of Table, after the checks of
  /// call_indirect (bounds, null, signature TypeIndex).
  /// Calls the function of funcref record Record, of type TypeIndex.
  void callThroughRecord(llvm::Value *Record, uint32_t TypeIndex);
  /// The funcref record on top of the stack, popped, for call_ref and
  /// return_call_ref: checked for null when its type allows null.
  llvm::Value *popCheckedCallRef();
  llvm::Value *checkedTableCallee(uint32_t TypeIndex, uint32_t Table,
                                  llvm::Value *Index);

  // Tail calls (TailCalls.cpp); only in a function's tail-call entry.
  /// Parameter I, from the instance's tail-argument buffer.
  llvm::Value *tailParam(size_t I);
  /// Stores the function's results where its caller wants them.
  void storeResults(llvm::ArrayRef<llvm::Value *> Values);
  void storeCallResults(llvm::Value *Call, const frontend::FuncType &T);
  /// Calls Callee (a function of type T) as usual, stores its results and
  /// returns.
  void callAndReturn(llvm::Value *Callee, llvm::Value *Ctx,
                     const frontend::FuncType &T,
                     llvm::ArrayRef<llvm::Value *> Args);
  /// A tail call through a funcref record: a jump to its tail-call entry,
  /// or a call of its ordinary one when it has none.
  void tailCallThroughRecord(llvm::Value *Record, const frontend::FuncType &T,
                             llvm::ArrayRef<llvm::Value *> Args);

  // Memory addressing (BoundsChecks.cpp): the address of an access of
  // Bytes bytes at Index + Offset in Memory, checked as the bounds-check
  // mode says.
  /// The address of an atomic access of Bytes bytes at Index + Offset,
  /// checked explicitly in both modes (out of bounds traps before
  /// misaligned), then for its natural alignment ("unaligned atomic").
  llvm::Value *atomicAddress(uint32_t Memory, llvm::Value *Index,
                             uint64_t Offset, unsigned Bytes);
  llvm::Value *memoryAddress(uint32_t Memory, llvm::Value *Index,
                             uint64_t Offset, unsigned Bytes);
  /// The same for a 64-bit memory (memory64), always checked explicitly.
  llvm::Value *memory64Address(uint32_t Memory, llvm::Value *Index,
                               uint64_t Offset, unsigned Bytes);
  /// Rung 2 of the ladder: a constant Index whose access ends within the
  /// memory's minimum size needs no check.
  bool withinMinimumSize(uint32_t Memory, llvm::Value *Index, uint64_t Offset,
                         unsigned Bytes) const;
  /// memoryAddress for a store: also makes sure that a store which would
  /// fault on its last bytes writes none of its first.
  llvm::Value *storeAddress(uint32_t Memory, llvm::Value *Index,
                            uint64_t Offset, unsigned Bytes);
  /// After a store: keeps the optimiser from merging it with the next one
  /// into a wider store that would fault as a whole, and a later access
  /// that faults from moving above it.
  void orderStore();
  /// Removes the entry's stack check of a small function with no calls.
  void dropLeafStackCheck(uint64_t BodySize);
  /// Keeps Load, whose value (Loaded, after any widening) may go unused:
  /// with guard pages its fault is the bounds check, so the optimiser must
  /// not delete it.
  llvm::Value *keepLoad(uint32_t Memory, llvm::Value *Loaded,
                        llvm::LoadInst *Load);
  /// Whether Memory's accesses are checked by guard pages: a 32-bit memory
  /// in guard mode. Every other access is checked explicitly.
  bool guarded(uint32_t Memory) const {
    return MC.Opts.BoundsChecks == BoundsCheckMode::Guard &&
           !WM.Memories[Memory].Is64;
  }

  // Traps.
  /// Branches to a trap block of Kind when Cond is true: the function's
  /// one, or in a large function one of the check's own.
  void trapIf(llvm::Value *Cond, w2n_trap_kind Kind);
  void emitTrap(w2n_trap_kind Kind);
  llvm::BasicBlock *trapBlock(w2n_trap_kind Kind); // the function's one
  llvm::BasicBlock *newTrapBlock(w2n_trap_kind Kind);

  // The instance and what hangs off it.
  llvm::Value *instanceField(uint64_t Offset) {
    return MC.fieldPtr(B, Inst, Offset);
  }
  /// The w2n_memory * of Memory.
  llvm::Value *memoryObject(uint32_t Memory);
  /// Its current size in bytes, an i64.
  llvm::Value *memorySize(uint32_t Memory);
  void forgetMemorySize() {
    for (KnownMemorySize &K : KnownSizes)
      K = {};
  }
  /// Memory's index type as an LLVM type, and V (of that type) widened to
  /// the runtime's 64-bit indices.
  llvm::Type *memoryIndexType(uint32_t Memory) const {
    return WM.Memories[Memory].Is64 ? MC.I64Ty : MC.I32Ty;
  }
  llvm::Type *tableIndexType(uint32_t Table) const {
    return WM.Tables[Table].Is64 ? MC.I64Ty : MC.I32Ty;
  }
  llvm::Value *toIndex64(llvm::Value *V) {
    return B.CreateZExt(V, MC.I64Ty);
  }
  llvm::Value *tableObject(uint32_t Table); // the w2n_table *
  llvm::Value *tableSize(llvm::Value *TableObject);
  /// The address of element Index of Table, trapping with Kind when Index
  /// is out of bounds.
  llvm::Value *tableSlot(uint32_t Table, llvm::Value *Index, w2n_trap_kind Kind);
  llvm::Value *globalAddress(uint32_t Global);
  llvm::Value *funcRefAddress(uint32_t Func) {
    return instanceField(MC.Layout.funcRef(Func));
  }

  llvm::Value *toV128(llvm::Value *V);
  llvm::Value *fromV128(llvm::Value *V, llvm::Type *T);
  llvm::Value *zeroValue(ValType T);

  ModuleContext &MC;
  const frontend::Module &WM;
  uint32_t DefinedIndex;
  uint32_t FuncIndex;
  const frontend::FuncType &FT;
  frontend::FunctionValidator V;
  /// Whether the body is lowered into the function's tail-call entry
  /// (TailCalls.cpp), as it makes tail calls.
  bool TailEntry;
  llvm::Function *F;
  llvm::IRBuilder<> B;
  llvm::Value *Inst = nullptr;
  /// The base of every memory, loaded once, in the entry block.
  llvm::SmallVector<llvm::Value *, 1> MemoryBases;
  // Each memory's size as last loaded, and the block it holds in: it holds
  // until a call or memory.grow (forgetMemorySize), and through the no-trap
  // edge of a check (trapIf), but no further, as other paths join there.
  struct KnownMemorySize {
    llvm::Value *Size = nullptr;
    llvm::BasicBlock *Block = nullptr;
  };
  llvm::SmallVector<KnownMemorySize, 1> KnownSizes;
  llvm::Instruction *StackCheck = nullptr; // the entry's call-stack check
  bool HasCalls = false; // whether a call or call_indirect was lowered
  llvm::BasicBlock *EntryBlock = nullptr;
  std::vector<llvm::AllocaInst *> Locals;
  std::vector<ValType> LocalTypes;
  llvm::SmallVector<llvm::Value *, 32> Stack;
  /// One per frame of the validator, the function's own first.
  llvm::SmallVector<IRFrame, 16> IRFrames;
  /// The indices in IRFrames of the frames that are handlers, ascending.
  llvm::SmallVector<uint32_t, 4> Handlers;
  std::array<llvm::BasicBlock *, W2N_TRAP_COUNT> TrapBlocks{};
  bool TrapBlockPerCheck = false; // else the blocks above, one per kind
  bool Reachable = true;
};

/// The ordinary entry of function Index, which has a tail-call entry: it
/// passes its arguments and results through that (TailCalls.cpp).
void emitOrdinaryEntry(ModuleContext &MC, uint32_t Index);

/// R, computed from X and Y (scalars or vectors), with every lane where X
/// or Y is a NaN replaced by a quiet NaN made from them. WebAssembly's
/// float arithmetic never returns a signalling NaN, but LLVM lets
/// operations pass a NaN operand through unchanged, and targets do: x86 for
/// llvm.minimum/maximum, riscv64 for llvm.ceil/floor/trunc/roundeven, and
/// the optimiser when it folds x * 1 to x. An fadd quietens it everywhere.
/// (llvm.canonicalize would say this, but LLVM 19's x86 back end cannot
/// select it.)
inline llvm::Value *quietNaNs(llvm::IRBuilderBase &B, llvm::Value *R,
                              llvm::Value *X, llvm::Value *Y) {
  return B.CreateSelect(B.CreateFCmpUNO(X, Y), B.CreateFAdd(X, Y), R);
}

/// The exception a landing pad of the runtime's unwinder receives
/// (ExceptionLowering.cpp).
llvm::Value *landingPadException(llvm::IRBuilderBase &B,
                                 llvm::LandingPadInst *LP);

/// Runs the validator on the operator being lowered, returning its error.
#define W2N_VALIDATE_OP(Call)                                                  \
  do {                                                                         \
    V.OpOffset = OpOffset;                                                     \
    if (llvm::Error E = (Call))                                                \
      return E;                                                                \
  } while (0)
/// The same, then returns early when the code is dead for the IR: for the
/// operators that need nothing done in dead code.
#define W2N_VALIDATE_REACHABLE(Call)                                           \
  do {                                                                         \
    W2N_VALIDATE_OP(Call);                                                     \
    if (!Reachable)                                                            \
      return llvm::Error::success();                                           \
  } while (0)


} // namespace w2n::lowering

#endif

//===- FunctionValidator.h - Validation of one function body ----*- C++ -*-===//
//
// The validation algorithm of the spec's appendix, as an operator visitor: an
// operand stack of value types (Unknown for operands of unreachable code) and
// a stack of control frames. The lowering runs this visitor first on every
// operator, so it only ever sees valid code, and asks it whether the current
// code is reachable.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_FUNCTIONVALIDATOR_H
#define W2N_FRONTEND_FUNCTIONVALIDATOR_H

#include "frontend/BinaryReader.h"
#include "frontend/Module.h"
#include "frontend/OperatorDecoder.h"
#include "frontend/OperatorVisitor.h"

namespace w2n::frontend {

/// The locals of a function (parameters first), as runs of one type, so
/// that a declaration of 2^32-1 locals costs nothing.
class LocalTypes {
public:
  void reset() {
    Runs.clear();
    Total = 0;
  }
  void append(uint64_t Count, ValType T) {
    if (Count == 0)
      return;
    Total += Count;
    Runs.push_back({Total, T});
  }
  uint64_t size() const { return Total; }
  /// The type of local Index, or Void when there is no such local.
  ValType typeOf(uint32_t Index) const {
    if (Index >= Total)
      return ValType::Void;
    if (Runs.size() < 8) {
      for (const Run &R : Runs)
        if (Index < R.End)
          return R.Type;
    }
    auto It = std::upper_bound(
        Runs.begin(), Runs.end(), uint64_t(Index),
        [](uint64_t I, const Run &R) { return I < R.End; });
    return It->Type;
  }
  struct Run {
    uint64_t End; // one past the last local of the run
    ValType Type;
  };
  llvm::ArrayRef<Run> runs() const { return Runs; }

private:
  llvm::SmallVector<Run, 8> Runs;
  uint64_t Total = 0;
};

/// A block, loop, if or the function itself, as the validator tracks it.
/// The one control stack of a function: the lowering reads these frames
/// (kind, block type, parameters and results through the validator, the
/// operand stack height) and keeps only its IR state per frame, indexed by
/// the same depth.
struct ControlFrame {
  Opcode Kind; // Block, Loop, If, Else (an if past its else), TryTable,
               // Try, Catch or CatchAll (a legacy try past a catch or
               // catch_all), or End (the function itself)
  BlockType Type;
  uint32_t Height;  // of the operand stack below the frame's parameters
  bool Unreachable; // the rest of the frame is unreachable (stack-polymorphic)
  uint32_t InitHeight = 0; // of the validator's log of initialised locals
};

class FunctionValidator : public OperatorVisitor<FunctionValidator> {
public:
  /// The deepest operand stack a function may build (an implementation
  /// limit, far beyond what compilers emit).
  static constexpr size_t MaxOperandStack = 1u << 20;
  /// The deepest nesting of blocks, loops and ifs (an implementation
  /// limit). The format allows any depth, but LLVM's optimiser is
  /// quadratic or worse in it (README.md has the figures), and nothing a
  /// compiler emits comes close: a C switch nests one block per case.
  static constexpr size_t MaxControlDepth = 16384;
  /// The most locals, parameters included (an implementation limit, as in
  /// other engines; the format allows 2^32-1).
  static constexpr uint64_t MaxLocals = 50000;
  /// The largest function body in bytes, locals included: the limit the
  /// JavaScript API sets and other engines share. It bounds the unit LLVM
  /// optimises whole.
  static constexpr uint64_t MaxBodySize = 7654321;

  explicit FunctionValidator(const Module &M) : M(M) {}

  /// Reads the local declarations of defined function DefinedIndex from R
  /// and starts the function's outermost frame. Returns a malformed error
  /// for bad declarations, an invalid one for a bad function type.
  llvm::Error begin(uint32_t DefinedIndex, BinaryReader &R);

  const LocalTypes &locals() const { return Locals; }
  /// Whether the code being visited is reachable (before visiting it).
  bool isReachable() const { return !Frames.back().Unreachable; }
  size_t frameDepth() const { return Frames.size(); }
  /// The frame Depth levels out from the innermost (0), as a branch counts.
  const ControlFrame &frame(uint32_t Depth) const {
    return Frames[Frames.size() - 1 - Depth];
  }
  /// The outermost frame: the function's own.
  const ControlFrame &functionFrame() const { return Frames.front(); }
  /// How many values are on the operand stack.
  size_t stackHeight() const { return Stack.size(); }
  llvm::ArrayRef<ValType> blockParams(const BlockType &BT) const;
  llvm::ArrayRef<ValType> blockResults(const BlockType &BT) const;
  /// The types a branch to F carries: a loop's parameters, else results.
  llvm::ArrayRef<ValType> labelTypes(const ControlFrame &F) const {
    return F.Kind == Opcode::Loop ? blockParams(F.Type) : blockResults(F.Type);
  }

  // Operators (see OperatorVisitor.h for the non-Special ones).
  llvm::Error visitSimple(Opcode Op) {
    const OpcodeSignature &S = opcodeInfo(Op).Sig;
    for (int I = S.NumParams - 1; I >= 0; --I)
      if (llvm::Error E = popExpect(S.Params[I]))
        return E;
    if (S.Result != ValType::Void)
      push(S.Result);
    return llvm::Error::success();
  }
  /// visitSimple for a memory access: its address operand (the first) is
  /// of the memory's index type.
  llvm::Error visitMemoryAccess(Opcode Op, uint32_t Memory) {
    const OpcodeSignature &S = opcodeInfo(Op).Sig;
    for (int I = S.NumParams - 1; I >= 0; --I)
      if (llvm::Error E = popExpect(I == 0 ? M.Memories[Memory].indexType()
                                           : S.Params[I]))
        return E;
    if (S.Result != ValType::Void)
      push(S.Result);
    return llvm::Error::success();
  }
  llvm::Error visitLoad(Opcode Op, MemArg MA);
  llvm::Error visitStore(Opcode Op, MemArg MA);
  llvm::Error visitLoadLane(Opcode Op, MemArg MA, uint8_t Lane);
  llvm::Error visitStoreLane(Opcode Op, MemArg MA, uint8_t Lane);
  llvm::Error visitExtractLane(Opcode Op, uint8_t Lane);
  llvm::Error visitAtomic(Opcode Op, MemArg MA);
  llvm::Error visitAtomicFence() { return llvm::Error::success(); }
  llvm::Error visitReplaceLane(Opcode Op, uint8_t Lane);

  llvm::Error visitUnreachable();
  llvm::Error visitNop() { return llvm::Error::success(); }
  llvm::Error visitBlock(BlockType BT) { return pushBlock(Opcode::Block, BT); }
  llvm::Error visitLoop(BlockType BT) { return pushBlock(Opcode::Loop, BT); }
  llvm::Error visitIf(BlockType BT);
  llvm::Error visitElse();
  llvm::Error visitEnd();
  llvm::Error visitBr(uint32_t Depth);
  llvm::Error visitBrIf(uint32_t Depth);
  llvm::Error visitBrTable(llvm::ArrayRef<uint32_t> Targets, uint32_t Default);
  llvm::Error visitReturn();
  llvm::Error visitCall(uint32_t Func);
  llvm::Error visitCallIndirect(uint32_t TypeIndex, uint32_t Table);
  llvm::Error visitReturnCall(uint32_t Func);
  llvm::Error visitReturnCallIndirect(uint32_t TypeIndex, uint32_t Table);
  llvm::Error visitCallRef(uint32_t TypeIndex);
  llvm::Error visitReturnCallRef(uint32_t TypeIndex);
  llvm::Error visitRefAsNonNull();
  llvm::Error visitBrOnNull(uint32_t Depth);
  llvm::Error visitBrOnNonNull(uint32_t Depth);
  // Exception handling (FunctionValidatorExceptions.cpp).
  llvm::Error visitTryTable(BlockType BT, llvm::ArrayRef<CatchClause> Clauses);
  llvm::Error visitThrow(uint32_t Tag);
  llvm::Error visitThrowRef();
  llvm::Error visitTry(BlockType BT) { return pushBlock(Opcode::Try, BT); }
  llvm::Error visitCatch(uint32_t Tag);
  llvm::Error visitCatchAll();
  llvm::Error visitDelegate(uint32_t Depth);
  llvm::Error visitRethrow(uint32_t Depth);
  /// The parameters of tag Tag's type (checkTag has checked both).
  llvm::ArrayRef<ValType> tagParams(uint32_t Tag) const {
    return M.Types[M.TagTypes[Tag]].Params;
  }
  /// The reference the last operator that takes one popped (call_ref,
  /// return_call_ref, ref.as_non_null, br_on_null, br_on_non_null,
  /// throw_ref): the lowering checks it for null only when its type is
  /// nullable.
  ValType lastRef() const { return LastRef; }
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
  llvm::Error visitI32Const(int32_t) { return pushOk(ValType::I32); }
  llvm::Error visitI64Const(int64_t) { return pushOk(ValType::I64); }
  llvm::Error visitF32Const(uint32_t) { return pushOk(ValType::F32); }
  llvm::Error visitF64Const(uint64_t) { return pushOk(ValType::F64); }
  llvm::Error visitV128Const(const V128 &) { return pushOk(ValType::V128); }
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
  using Frame = ControlFrame;

  void push(ValType T) { Stack.push_back(T); }
  llvm::Error pushOk(ValType T) {
    Stack.push_back(T);
    return llvm::Error::success();
  }
  /// Pops one operand; Unknown in unreachable code with nothing left.
  llvm::Error pop(ValType &Out) {
    const Frame &F = Frames.back();
    if (Stack.size() == F.Height) {
      if (F.Unreachable) {
        Out = ValType::Unknown;
        return llvm::Error::success();
      }
      return emptyStack(ValType::Unknown);
    }
    Out = Stack.pop_back_val();
    return llvm::Error::success();
  }
  llvm::Error popExpect(ValType Expected) {
    const Frame &F = Frames.back();
    if (Stack.size() > F.Height) {
      ValType Actual = Stack.pop_back_val();
      if (Actual == Expected || Actual == ValType::Unknown ||
          Expected == ValType::Unknown || M.isSubtype(Actual, Expected))
        return llvm::Error::success();
      return mismatch(Expected, Actual);
    }
    if (F.Unreachable)
      return llvm::Error::success();
    return emptyStack(Expected);
  }
  /// Pops a reference (the spec's pop_ref): in unreachable code with
  /// nothing left, a non-null reference to the bottom heap type.
  llvm::Error popRef(ValType &Out);
  llvm::Error popTypes(llvm::ArrayRef<ValType> Types) {
    for (size_t I = Types.size(); I-- > 0;)
      if (llvm::Error E = popExpect(Types[I]))
        return E;
    return llvm::Error::success();
  }
  /// The operands of memory.copy or table.copy: destination, source and
  /// length, each i64 or i32 as the two memories or tables are indexed.
  llvm::Error popCopyOperands(bool Dst64, bool Src64);
  /// The operands of a tail call to a function of type Callee, which must
  /// return what this function returns; the rest of the block is dead.
  llvm::Error tailCall(const FuncType &Callee);
  /// The checks of call_indirect and return_call_indirect (Operator) on
  /// Table with type TypeIndex, popping the element index.
  llvm::Error checkTableCallee(const char *Operator, uint32_t TypeIndex,
                               uint32_t Table);
  /// The checks of call_ref and return_call_ref: pops the reference, of a
  /// subtype of (ref null TypeIndex), into LastRef.
  llvm::Error popCallRef(uint32_t TypeIndex);
  /// Checks that function Func and its type exist; Type is then its type.
  llvm::Error checkCallee(uint32_t Func, const FuncType *&Type);
  llvm::Error popI32s(int N) {
    for (int I = 0; I < N; ++I)
      if (llvm::Error E = popExpect(ValType::I32))
        return E;
    return llvm::Error::success();
  }
  /// Checks that the operands on top match Types, without popping them.
  llvm::Error checkTopTypes(llvm::ArrayRef<ValType> Types);
  /// Pushes the types of a block's parameters or results, or of a call's
  /// results. One operator can push many values here, so this is where the
  /// operand stack could outgrow the input: it is capped.
  llvm::Error pushTypes(llvm::ArrayRef<ValType> Types) {
    if (Stack.size() + Types.size() > MaxOperandStack)
      return fail("implementation limit: more than " +
                  llvm::Twine(MaxOperandStack) +
                  " values on the operand stack");
    Stack.append(Types.begin(), Types.end());
    return llvm::Error::success();
  }
  void setUnreachable() {
    Frame &F = Frames.back();
    Stack.resize(F.Height);
    F.Unreachable = true;
  }
  llvm::Error pushBlock(Opcode Kind, BlockType BT);
  llvm::Error checkBlockType(const BlockType &BT);
  /// Checks that the type index T names, if any, is a type of the module.
  llvm::Error checkValType(ValType T);
  /// Checks that TypeIndex is a type of the module.
  llvm::Error checkTypeIndex(uint32_t TypeIndex);
  /// Marks local Index as set until the end of the current block.
  void markLocalSet(uint32_t Index) {
    if (Index >= FirstNonDefaultable && !LocalSet.test(Index)) {
      LocalSet.set(Index);
      InitLog.push_back(Index);
    }
  }
  /// Forgets the locals set since the current block began (at its else or
  /// end): 3.0's initialisation is by block.
  void resetLocalInits(uint32_t Height) {
    while (InitLog.size() > Height)
      LocalSet.reset(InitLog.pop_back_val());
  }
  llvm::Error checkMemory(uint32_t Memory);
  llvm::Error checkMemArg(Opcode Op, MemArg MA);
  llvm::Error checkTable(uint32_t Table);
  llvm::Error checkLabel(uint32_t Depth);
  llvm::Error checkTag(uint32_t Tag);
  /// Checks a try_table clause: its tag, its label, and that what it
  /// passes matches the label's types.
  llvm::Error checkCatchClause(const CatchClause &C);
  /// Ends the body or a handler of a legacy try: its results are on the
  /// stack and nothing else.
  llvm::Error endTryPart(const char *Part);

  [[gnu::cold]] llvm::Error fail(const llvm::Twine &Msg) {
    return makeInvalid(OpOffset, Msg);
  }
  [[gnu::cold]] llvm::Error mismatch(ValType Expected, ValType Actual);
  [[gnu::cold]] llvm::Error emptyStack(ValType Expected);

  const Module &M;
  LocalTypes Locals;
  llvm::SmallVector<ValType, 64> Stack;
  llvm::SmallVector<Frame, 16> Frames;
  uint32_t FuncIndex = 0;
  ValType LastRef;
  // 3.0's non-defaultable locals, which must be set before they are read:
  // the first one's index (none: UINT32_MAX, the only cost for other
  // code), which of them are set, and in what order, for resetLocalInits.
  uint32_t FirstNonDefaultable = UINT32_MAX;
  llvm::BitVector LocalSet;
  llvm::SmallVector<uint32_t, 8> InitLog;
};

/// How the bodies of M are decoded (by the validator, and again by the
/// lowering).
OperatorDecoderOptions bodyDecoderOptions(const Module &M);

/// Validates the body of defined function DefinedIndex, reusing V and
/// Scratch across calls.
llvm::Error validateFunctionBody(const Module &M, uint32_t DefinedIndex,
                                 FunctionValidator &V,
                                 llvm::SmallVectorImpl<uint32_t> &Scratch);

/// Which defined functions of a valid module make tail calls
/// (return_call, return_call_indirect, return_call_ref), by defined index.
std::vector<bool> findTailCallers(const Module &M);

/// Decodes the body of defined function DefinedIndex without validating
/// it: finds malformed code only.
llvm::Error decodeFunctionBodyOnly(const Module &M, uint32_t DefinedIndex,
                                   llvm::SmallVectorImpl<uint32_t> &Scratch);

} // namespace w2n::frontend

#endif

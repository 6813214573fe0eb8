//===- FunctionValidator.cpp ----------------------------------------------===//
#include "frontend/FunctionValidator.h"

#include "llvm/ADT/Twine.h"

namespace w2n::frontend {

namespace {

/// Reads the local declarations into Locals (after the parameters, already
/// there). Reports malformed declarations (more than 2^32-1 declared locals,
/// parameters aside, is one) and unsupported types only.
llvm::Error readLocalDecls(BinaryReader &R, LocalTypes &Locals,
                           bool Wasm2Only) {
  uint32_t Groups;
  if (!R.readCount(Groups, 2))
    return R.takeError();
  uint64_t Declared = 0;
  for (uint32_t I = 0; I < Groups; ++I) {
    uint64_t At = R.offset();
    uint32_t Count;
    ValType Type = ValType::Void;
    if (!R.readVarU32(Count))
      return R.takeError();
    Declared += Count;
    if (Declared > 0xffffffffu)
      return makeMalformed(At, "too many locals");
    if (!readValType(R, Type, Wasm2Only))
      return R.takeError();
    Locals.append(Count, Type);
  }
  return llvm::Error::success();
}

BinaryReader bodyReader(const Module &M, uint32_t DefinedIndex) {
  const FunctionBody &Body = M.Bodies[DefinedIndex];
  const uint8_t *Begin = M.Bytes.data();
  return BinaryReader(Begin, Begin + Body.Offset,
                      Begin + Body.Offset + Body.Size);
}

llvm::Error checkBodyEnd(const BinaryReader &R) {
  if (!R.atEnd())
    return makeMalformed(R.offset(), "section size mismatch: operators "
                                     "remaining after the end of the function");
  return llvm::Error::success();
}

} // namespace

llvm::Error FunctionValidator::begin(uint32_t DefinedIndex, BinaryReader &R) {
  FuncIndex = M.NumImportedFuncs + DefinedIndex;
  Locals.reset();
  Stack.clear();
  Frames.clear();
  uint32_t TypeIndex = M.FuncTypeIndices[FuncIndex];
  bool TypeKnown = TypeIndex < M.Types.size();
  if (TypeKnown)
    for (ValType T : M.Types[TypeIndex].Params)
      Locals.append(1, T);
  if (llvm::Error E = readLocalDecls(R, Locals, M.Wasm2Only))
    return E;
  if (!TypeKnown)
    return makeInvalid(M.FuncDeclOffsets[FuncIndex],
                       "unknown type " + llvm::Twine(TypeIndex));
  const FunctionBody &Body = M.Bodies[DefinedIndex];
  FirstNonDefaultable = UINT32_MAX;
  InitLog.clear();
  size_t NumParams = M.Types[TypeIndex].Params.size();
  for (const LocalTypes::Run &Run : Locals.runs()) {
    if (!M.typeIndicesBelow(Run.Type, M.Types.size()))
      return makeInvalid(Body.Offset, "unknown type " +
                                          llvm::Twine(Run.Type.typeIndex()));
    uint64_t First = &Run == Locals.runs().begin() ? 0 : (&Run - 1)->End;
    if (!Run.Type.isDefaultable() && FirstNonDefaultable == UINT32_MAX &&
        First >= NumParams)
      FirstNonDefaultable = uint32_t(First);
  }
  if (Body.Size > MaxBodySize)
    return makeInvalid(Body.Offset,
                       "implementation limit: a function body of " +
                           llvm::Twine(Body.Size) + " bytes (at most " +
                           llvm::Twine(MaxBodySize) + ")");
  if (Locals.size() > MaxLocals)
    return makeInvalid(Body.Offset, "implementation limit: " +
                                        llvm::Twine(Locals.size()) +
                                        " locals (at most " +
                                        llvm::Twine(MaxLocals) + ")");
  if (FirstNonDefaultable != UINT32_MAX) {
    LocalSet.clear();
    LocalSet.resize(uint32_t(Locals.size()));
    // Parameters are set; defaultable locals read as set.
    LocalSet.set(0, FirstNonDefaultable);
    for (const LocalTypes::Run &Run : Locals.runs())
      if (Run.Type.isDefaultable()) {
        uint64_t First = &Run == Locals.runs().begin() ? 0 : (&Run - 1)->End;
        LocalSet.set(uint32_t(First), uint32_t(Run.End));
      }
  }
  Frames.push_back({Opcode::End,
                    {BlockType::Kind::Index, ValType::Void, TypeIndex},
                    0,
                    false});
  return llvm::Error::success();
}

llvm::Error FunctionValidator::mismatch(ValType Expected, ValType Actual) {
  return fail("type mismatch: expected " + valTypeName(Expected) +
              ", found " + valTypeName(Actual));
}

llvm::Error FunctionValidator::emptyStack(ValType Expected) {
  if (Expected == ValType::Unknown)
    return fail("type mismatch: expected a value, found an empty stack");
  return fail("type mismatch: expected " + valTypeName(Expected) +
              ", found an empty stack");
}

llvm::ArrayRef<ValType>
FunctionValidator::blockParams(const BlockType &BT) const {
  if (BT.K == BlockType::Kind::Index)
    return M.Types[BT.TypeIndex].Params;
  return {};
}

llvm::ArrayRef<ValType>
FunctionValidator::blockResults(const BlockType &BT) const {
  switch (BT.K) {
  case BlockType::Kind::Empty: return {};
  case BlockType::Kind::Value: return llvm::ArrayRef<ValType>(BT.Type);
  case BlockType::Kind::Index: return M.Types[BT.TypeIndex].Results;
  }
  return {};
}

llvm::Error FunctionValidator::checkTypeIndex(uint32_t TypeIndex) {
  if (TypeIndex >= M.Types.size())
    return fail("unknown type " + llvm::Twine(TypeIndex));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::checkValType(ValType T) {
  if (!M.typeIndicesBelow(T, M.Types.size()))
    return checkTypeIndex(T.typeIndex());
  return llvm::Error::success();
}

llvm::Error FunctionValidator::checkBlockType(const BlockType &BT) {
  if (BT.K == BlockType::Kind::Index)
    return checkTypeIndex(BT.TypeIndex);
  return checkValType(BT.Type);
}

llvm::Error FunctionValidator::popRef(ValType &Out) {
  if (llvm::Error E = pop(Out))
    return E;
  if (Out == ValType::Unknown)
    Out = ValType::ref(HeapKind::Bot, false);
  else if (!Out.isRef())
    return fail("type mismatch: expected a reference, found " +
                valTypeName(Out));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::pushBlock(Opcode Kind, BlockType BT) {
  if (llvm::Error E = checkBlockType(BT))
    return E;
  llvm::ArrayRef<ValType> Params = blockParams(BT);
  if (llvm::Error E = popTypes(Params))
    return E;
  // The function's own frame is not a nesting level.
  if (Frames.size() > MaxControlDepth)
    return fail("implementation limit: blocks, loops and ifs nested more "
                "than " +
                llvm::Twine(MaxControlDepth) + " deep");
  Frames.push_back(
      {Kind, BT, uint32_t(Stack.size()), false, uint32_t(InitLog.size())});
  return pushTypes(Params);
}

llvm::Error FunctionValidator::visitIf(BlockType BT) {
  if (llvm::Error E = checkBlockType(BT))
    return E;
  if (llvm::Error E = popExpect(ValType::I32))
    return E;
  return pushBlock(Opcode::If, BT);
}

llvm::Error FunctionValidator::visitElse() {
  Frame &F = Frames.back();
  if (F.Kind != Opcode::If)
    return fail("else without a matching if");
  if (llvm::Error E = popTypes(blockResults(F.Type)))
    return E;
  if (Stack.size() != F.Height)
    return fail("type mismatch: values remaining on the stack at the end of "
                "the then branch");
  F.Kind = Opcode::Else;
  F.Unreachable = false;
  resetLocalInits(F.InitHeight);
  return pushTypes(blockParams(F.Type));
}

llvm::Error FunctionValidator::visitEnd() {
  Frame F = Frames.back();
  llvm::ArrayRef<ValType> Results = blockResults(F.Type);
  if (llvm::Error E = popTypes(Results))
    return E;
  if (Stack.size() != F.Height)
    return fail("type mismatch: values remaining on the stack at the end of "
                "the block");
  // An `if` without `else` passes its parameters through the missing
  // branch, so they must be its results.
  if (F.Kind == Opcode::If) {
    llvm::ArrayRef<ValType> Params = blockParams(F.Type);
    bool Match = Params.size() == Results.size();
    for (size_t I = 0; Match && I < Params.size(); ++I)
      Match = M.isSubtype(Params[I], Results[I]);
    if (!Match)
      return fail("type mismatch: if without else must have matching "
                  "parameter and result types");
  }
  resetLocalInits(F.InitHeight);
  Frames.pop_back();
  return pushTypes(Results);
}

llvm::Error FunctionValidator::checkLabel(uint32_t Depth) {
  if (Depth >= Frames.size())
    return fail("unknown label " + llvm::Twine(Depth));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::checkTopTypes(llvm::ArrayRef<ValType> Types) {
  const Frame &F = Frames.back();
  size_t Available = Stack.size() - F.Height;
  for (size_t K = 0; K < Types.size(); ++K) {
    ValType Expected = Types[Types.size() - 1 - K];
    if (K >= Available) {
      if (F.Unreachable)
        return llvm::Error::success();
      return emptyStack(Expected);
    }
    ValType Actual = Stack[Stack.size() - 1 - K];
    if (!M.isSubtype(Actual, Expected))
      return mismatch(Expected, Actual);
  }
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitBr(uint32_t Depth) {
  if (llvm::Error E = checkLabel(Depth))
    return E;
  if (llvm::Error E = popTypes(labelTypes(Frames[Frames.size() - 1 - Depth])))
    return E;
  setUnreachable();
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitBrIf(uint32_t Depth) {
  if (llvm::Error E = checkLabel(Depth))
    return E;
  if (llvm::Error E = popExpect(ValType::I32))
    return E;
  llvm::ArrayRef<ValType> Types = labelTypes(Frames[Frames.size() - 1 - Depth]);
  if (llvm::Error E = popTypes(Types))
    return E;
  return pushTypes(Types);
}

llvm::Error FunctionValidator::visitBrTable(llvm::ArrayRef<uint32_t> Targets,
                                            uint32_t Default) {
  if (llvm::Error E = checkLabel(Default))
    return E;
  if (llvm::Error E = popExpect(ValType::I32))
    return E;
  llvm::ArrayRef<ValType> DefaultTypes =
      labelTypes(Frames[Frames.size() - 1 - Default]);
  size_t Arity = DefaultTypes.size();
  for (uint32_t Depth : Targets) {
    if (llvm::Error E = checkLabel(Depth))
      return E;
    llvm::ArrayRef<ValType> Types = labelTypes(Frames[Frames.size() - 1 - Depth]);
    if (Types.size() != Arity)
      return fail("type mismatch: br_table targets have different arities");
    if (llvm::Error E = checkTopTypes(Types))
      return E;
  }
  if (llvm::Error E = popTypes(DefaultTypes))
    return E;
  setUnreachable();
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitUnreachable() {
  setUnreachable();
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitReturn() {
  if (llvm::Error E = popTypes(blockResults(Frames.front().Type)))
    return E;
  setUnreachable();
  return llvm::Error::success();
}

llvm::Error FunctionValidator::checkCallee(uint32_t Func,
                                           const FuncType *&Type) {
  if (Func >= M.numFunctions())
    return fail("unknown function " + llvm::Twine(Func));
  uint32_t TypeIndex = M.FuncTypeIndices[Func];
  if (TypeIndex >= M.Types.size())
    return fail("unknown type " + llvm::Twine(TypeIndex));
  Type = &M.Types[TypeIndex];
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitCall(uint32_t Func) {
  const FuncType *FT = nullptr;
  if (llvm::Error E = checkCallee(Func, FT))
    return E;
  if (llvm::Error E = popTypes(FT->Params))
    return E;
  return pushTypes(FT->Results);
}

llvm::Error FunctionValidator::checkTableCallee(const char *Operator,
                                                uint32_t TypeIndex,
                                                uint32_t Table) {
  if (llvm::Error E = checkTable(Table))
    return E;
  if (!M.isSubtype(M.Tables[Table].Elem, ValType::FuncRef))
    return fail(llvm::Twine("type mismatch: ") + Operator +
                " on a table of " + valTypeName(M.Tables[Table].Elem));
  if (llvm::Error E = checkTypeIndex(TypeIndex))
    return E;
  return popExpect(M.Tables[Table].indexType());
}

llvm::Error FunctionValidator::visitCallIndirect(uint32_t TypeIndex,
                                                 uint32_t Table) {
  if (llvm::Error E = checkTableCallee("call_indirect", TypeIndex, Table))
    return E;
  const FuncType &FT = M.Types[TypeIndex];
  if (llvm::Error E = popTypes(FT.Params))
    return E;
  return pushTypes(FT.Results);
}

llvm::Error FunctionValidator::tailCall(const FuncType &Callee) {
  // The callee's results become the caller's.
  llvm::ArrayRef<ValType> Results = blockResults(Frames.front().Type);
  bool Match = Callee.Results.size() == Results.size();
  for (size_t I = 0; Match && I < Results.size(); ++I)
    Match = M.isSubtype(Callee.Results[I], Results[I]);
  if (!Match)
    return fail("type mismatch: a tail call's callee must return the "
                "caller's results");
  if (llvm::Error E = popTypes(Callee.Params))
    return E;
  setUnreachable();
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitReturnCall(uint32_t Func) {
  const FuncType *FT = nullptr;
  if (llvm::Error E = checkCallee(Func, FT))
    return E;
  return tailCall(*FT);
}

llvm::Error FunctionValidator::visitReturnCallIndirect(uint32_t TypeIndex,
                                                       uint32_t Table) {
  if (llvm::Error E =
          checkTableCallee("return_call_indirect", TypeIndex, Table))
    return E;
  return tailCall(M.Types[TypeIndex]);
}

llvm::Error FunctionValidator::popCallRef(uint32_t TypeIndex) {
  if (llvm::Error E = checkTypeIndex(TypeIndex))
    return E;
  if (llvm::Error E = popRef(LastRef))
    return E;
  ValType Expected = ValType::ref(HeapKind::Concrete, true, TypeIndex);
  if (!M.isSubtype(LastRef, Expected))
    return mismatch(Expected, LastRef);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitCallRef(uint32_t TypeIndex) {
  if (llvm::Error E = popCallRef(TypeIndex))
    return E;
  const FuncType &FT = M.Types[TypeIndex];
  if (llvm::Error E = popTypes(FT.Params))
    return E;
  return pushTypes(FT.Results);
}

llvm::Error FunctionValidator::visitReturnCallRef(uint32_t TypeIndex) {
  if (llvm::Error E = popCallRef(TypeIndex))
    return E;
  return tailCall(M.Types[TypeIndex]);
}

llvm::Error FunctionValidator::visitRefAsNonNull() {
  if (llvm::Error E = popRef(LastRef))
    return E;
  push(LastRef.asNonNull());
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitBrOnNull(uint32_t Depth) {
  if (llvm::Error E = checkLabel(Depth))
    return E;
  if (llvm::Error E = popRef(LastRef))
    return E;
  llvm::ArrayRef<ValType> Types = labelTypes(Frames[Frames.size() - 1 - Depth]);
  if (llvm::Error E = popTypes(Types))
    return E;
  if (llvm::Error E = pushTypes(Types))
    return E;
  push(LastRef.asNonNull());
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitBrOnNonNull(uint32_t Depth) {
  if (llvm::Error E = checkLabel(Depth))
    return E;
  llvm::ArrayRef<ValType> Types = labelTypes(Frames[Frames.size() - 1 - Depth]);
  if (Types.empty() || !Types.back().isRef())
    return fail("type mismatch: br_on_non_null needs a label whose last "
                "value is a reference");
  if (llvm::Error E = popRef(LastRef))
    return E;
  if (!M.isSubtype(LastRef.asNonNull(), Types.back()))
    return mismatch(Types.back(), LastRef.asNonNull());
  if (llvm::Error E = popTypes(Types.drop_back()))
    return E;
  return pushTypes(Types.drop_back());
}

llvm::Error FunctionValidator::visitDrop() {
  ValType T = ValType::Unknown;
  return pop(T);
}

llvm::Error FunctionValidator::visitSelect() {
  if (llvm::Error E = popExpect(ValType::I32))
    return E;
  ValType T1 = ValType::Unknown, T2 = ValType::Unknown;
  if (llvm::Error E = pop(T1))
    return E;
  if (llvm::Error E = pop(T2))
    return E;
  // Without a type annotation, select takes numeric or vector operands.
  if (isReference(T1) || isReference(T2))
    return fail("type mismatch: select without a type needs numeric or "
                "vector operands");
  if (T1 != T2 && T1 != ValType::Unknown && T2 != ValType::Unknown)
    return mismatch(T1, T2);
  push(T1 == ValType::Unknown ? T2 : T1);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitSelectT(llvm::ArrayRef<ValType> Types) {
  if (Types.size() != 1)
    return fail("invalid result arity: select takes exactly one type");
  ValType T = Types[0];
  if (llvm::Error E = checkValType(T))
    return E;
  if (llvm::Error E = popExpect(ValType::I32))
    return E;
  if (llvm::Error E = popExpect(T))
    return E;
  if (llvm::Error E = popExpect(T))
    return E;
  push(T);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitLocalGet(uint32_t Index) {
  ValType T = Locals.typeOf(Index);
  if (T == ValType::Void)
    return fail("unknown local " + llvm::Twine(Index));
  if (Index >= FirstNonDefaultable && !LocalSet.test(Index))
    return fail("uninitialized local " + llvm::Twine(Index));
  push(T);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitLocalSet(uint32_t Index) {
  ValType T = Locals.typeOf(Index);
  if (T == ValType::Void)
    return fail("unknown local " + llvm::Twine(Index));
  markLocalSet(Index);
  return popExpect(T);
}

llvm::Error FunctionValidator::visitLocalTee(uint32_t Index) {
  ValType T = Locals.typeOf(Index);
  if (T == ValType::Void)
    return fail("unknown local " + llvm::Twine(Index));
  if (llvm::Error E = popExpect(T))
    return E;
  markLocalSet(Index);
  push(T);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitGlobalGet(uint32_t Index) {
  if (Index >= M.Globals.size())
    return fail("unknown global " + llvm::Twine(Index));
  push(M.Globals[Index].Type);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitGlobalSet(uint32_t Index) {
  if (Index >= M.Globals.size())
    return fail("unknown global " + llvm::Twine(Index));
  if (!M.Globals[Index].Mutable)
    return fail("global is immutable: global " + llvm::Twine(Index));
  return popExpect(M.Globals[Index].Type);
}

llvm::Error FunctionValidator::visitExtractLane(Opcode Op, uint8_t Lane) {
  if (Lane >= opcodeInfo(Op).Param)
    return fail("invalid lane index " + llvm::Twine(unsigned(Lane)));
  return visitSimple(Op);
}

llvm::Error FunctionValidator::visitReplaceLane(Opcode Op, uint8_t Lane) {
  return visitExtractLane(Op, Lane);
}

llvm::Error FunctionValidator::visitI8x16Shuffle(const V128 &Lanes) {
  for (uint8_t Lane : Lanes)
    if (Lane >= 32)
      return fail("invalid lane index " + llvm::Twine(unsigned(Lane)));
  if (llvm::Error E = popExpect(ValType::V128))
    return E;
  if (llvm::Error E = popExpect(ValType::V128))
    return E;
  push(ValType::V128);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitRefNull(ValType T) {
  if (llvm::Error E = checkValType(T))
    return E;
  push(T);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitRefIsNull() {
  ValType T;
  if (llvm::Error E = popRef(T))
    return E;
  push(ValType::I32);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitRefFunc(uint32_t Func) {
  if (Func >= M.numFunctions())
    return fail("unknown function " + llvm::Twine(Func));
  if (!M.DeclaredFuncRefs.test(Func))
    return fail("undeclared function reference " + llvm::Twine(Func));
  uint32_t TypeIndex = M.FuncTypeIndices[Func];
  if (llvm::Error E = checkTypeIndex(TypeIndex))
    return E;
  push(ValType::ref(HeapKind::Concrete, false, TypeIndex));
  return llvm::Error::success();
}

OperatorDecoderOptions bodyDecoderOptions(const Module &M) {
  OperatorDecoderOptions Opts;
  Opts.MissingDataCount = !M.DataCount && !M.Datas.empty();
  Opts.Wasm2Only = M.Wasm2Only;
  return Opts;
}

llvm::Error validateFunctionBody(const Module &M, uint32_t DefinedIndex,
                                 FunctionValidator &V,
                                 llvm::SmallVectorImpl<uint32_t> &Scratch) {
  BinaryReader R = bodyReader(M, DefinedIndex);
  if (llvm::Error E = V.begin(DefinedIndex, R))
    return E;
  if (llvm::Error E = decodeOperators(R, V, bodyDecoderOptions(M), Scratch))
    return E;
  return checkBodyEnd(R);
}

llvm::Error decodeFunctionBodyOnly(const Module &M, uint32_t DefinedIndex,
                                   llvm::SmallVectorImpl<uint32_t> &Scratch) {
  BinaryReader R = bodyReader(M, DefinedIndex);
  LocalTypes Locals;
  uint32_t TypeIndex = M.FuncTypeIndices[M.NumImportedFuncs + DefinedIndex];
  if (TypeIndex < M.Types.size())
    Locals.append(M.Types[TypeIndex].Params.size(), ValType::I32);
  if (llvm::Error E = readLocalDecls(R, Locals, M.Wasm2Only))
    return E;
  DecodeOnlyVisitor V;
  if (llvm::Error E = decodeOperators(R, V, bodyDecoderOptions(M), Scratch))
    return E;
  return checkBodyEnd(R);
}

namespace {

/// Stops at the first tail call.
class TailCallFinder : public PermissiveOperatorVisitor<TailCallFinder> {
public:
  bool Found = false;
  llvm::Error visitUnhandled(Opcode Op) {
    if (Op == Opcode::ReturnCall || Op == Opcode::ReturnCallIndirect ||
        Op == Opcode::ReturnCallRef) {
      Found = true;
      return llvm::make_error<llvm::StringError>(
          "found", llvm::inconvertibleErrorCode());
    }
    return llvm::Error::success();
  }
};

} // namespace

std::vector<bool> findTailCallers(const Module &M) {
  std::vector<bool> Callers(M.Bodies.size(), false);
  llvm::SmallVector<uint32_t, 0> Scratch;
  for (uint32_t I = 0; I < M.Bodies.size(); ++I) {
    BinaryReader R = bodyReader(M, I);
    LocalTypes Locals;
    TailCallFinder V;
    llvm::Error E = readLocalDecls(R, Locals, M.Wasm2Only);
    if (!E)
      E = decodeOperators(R, V, bodyDecoderOptions(M), Scratch);
    llvm::consumeError(std::move(E));
    Callers[I] = V.Found;
  }
  return Callers;
}

} // namespace w2n::frontend

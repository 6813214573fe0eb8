//===- FunctionValidatorMemory.cpp - Memory and table operators ----------===//
//
// The validation of the operators that access memories and tables: loads,
// stores and atomics with their memargs, the bulk memory and table
// operators, and table.get/set/grow/size/fill. Indices are typed by the
// memory's or table's index type (3.0's memory64 and table64).
//
//===----------------------------------------------------------------------===//
#include "frontend/FunctionValidator.h"

#include "llvm/ADT/Twine.h"

namespace w2n::frontend {

llvm::Error FunctionValidator::checkTable(uint32_t Table) {
  if (Table >= M.Tables.size())
    return fail("unknown table " + llvm::Twine(Table));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitTableGet(uint32_t Table) {
  if (llvm::Error E = checkTable(Table))
    return E;
  if (llvm::Error E = popExpect(M.Tables[Table].indexType()))
    return E;
  push(M.Tables[Table].Elem);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitTableSet(uint32_t Table) {
  if (llvm::Error E = checkTable(Table))
    return E;
  if (llvm::Error E = popExpect(M.Tables[Table].Elem))
    return E;
  return popExpect(M.Tables[Table].indexType());
}

llvm::Error FunctionValidator::checkMemory(uint32_t Memory) {
  if (Memory >= M.Memories.size())
    return fail("unknown memory " + llvm::Twine(Memory));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::checkMemArg(Opcode Op, MemArg MA) {
  if (llvm::Error E = checkMemory(MA.Memory))
    return E;
  const OpcodeInfo &Info = opcodeInfo(Op);
  // Atomic accesses are naturally aligned, or trap; others may be less.
  if (Info.Kind == OpcodeKind::Atomic && MA.AlignLog2 != Info.Param)
    return fail("alignment must be equal to natural");
  if (MA.AlignLog2 > Info.Param)
    return fail("alignment must not be larger than natural");
  // Only 3.0's 64-bit offsets can be larger; a 32-bit memory's are not.
  if (MA.Offset > 0xffffffffu && !M.Memories[MA.Memory].Is64)
    return fail("offset out of range");
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitAtomic(Opcode Op, MemArg MA) {
  if (llvm::Error E = checkMemArg(Op, MA))
    return E;
  return visitMemoryAccess(Op, MA.Memory);
}

llvm::Error FunctionValidator::visitLoad(Opcode Op, MemArg MA) {
  if (llvm::Error E = checkMemArg(Op, MA))
    return E;
  return visitMemoryAccess(Op, MA.Memory);
}

llvm::Error FunctionValidator::visitStore(Opcode Op, MemArg MA) {
  if (llvm::Error E = checkMemArg(Op, MA))
    return E;
  return visitMemoryAccess(Op, MA.Memory);
}

llvm::Error FunctionValidator::visitLoadLane(Opcode Op, MemArg MA,
                                             uint8_t Lane) {
  if (llvm::Error E = checkMemArg(Op, MA))
    return E;
  if (Lane >= (16u >> opcodeInfo(Op).Param))
    return fail("invalid lane index " + llvm::Twine(unsigned(Lane)));
  return visitMemoryAccess(Op, MA.Memory);
}

llvm::Error FunctionValidator::visitStoreLane(Opcode Op, MemArg MA,
                                              uint8_t Lane) {
  return visitLoadLane(Op, MA, Lane);
}

llvm::Error FunctionValidator::visitMemorySize(uint32_t Memory) {
  if (llvm::Error E = checkMemory(Memory))
    return E;
  push(M.Memories[Memory].indexType());
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitMemoryGrow(uint32_t Memory) {
  if (llvm::Error E = checkMemory(Memory))
    return E;
  ValType Index = M.Memories[Memory].indexType();
  if (llvm::Error E = popExpect(Index))
    return E;
  push(Index);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitMemoryInit(uint32_t Data, uint32_t Memory) {
  if (llvm::Error E = checkMemory(Memory))
    return E;
  if (Data >= M.DataCount.value_or(0))
    return fail("unknown data segment " + llvm::Twine(Data));
  if (llvm::Error E = popI32s(2)) // source offset, length
    return E;
  return popExpect(M.Memories[Memory].indexType());
}

llvm::Error FunctionValidator::visitDataDrop(uint32_t Data) {
  if (Data >= M.DataCount.value_or(0))
    return fail("unknown data segment " + llvm::Twine(Data));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitMemoryCopy(uint32_t Dst, uint32_t Src) {
  if (llvm::Error E = checkMemory(Dst))
    return E;
  if (llvm::Error E = checkMemory(Src))
    return E;
  return popCopyOperands(M.Memories[Dst].Is64, M.Memories[Src].Is64);
}

llvm::Error FunctionValidator::visitMemoryFill(uint32_t Memory) {
  if (llvm::Error E = checkMemory(Memory))
    return E;
  ValType Index = M.Memories[Memory].indexType();
  if (llvm::Error E = popExpect(Index)) // length
    return E;
  if (llvm::Error E = popExpect(ValType::I32))
    return E;
  return popExpect(Index);
}

llvm::Error FunctionValidator::popCopyOperands(bool Dst64, bool Src64) {
  // The length is i64 only when both are: it is bounded by both.
  ValType Length = Dst64 && Src64 ? ValType::I64 : ValType::I32;
  if (llvm::Error E = popExpect(Length))
    return E;
  if (llvm::Error E = popExpect(Src64 ? ValType::I64 : ValType::I32))
    return E;
  return popExpect(Dst64 ? ValType::I64 : ValType::I32);
}

llvm::Error FunctionValidator::visitTableInit(uint32_t Elem, uint32_t Table) {
  if (llvm::Error E = checkTable(Table))
    return E;
  if (Elem >= M.Elems.size())
    return fail("unknown elem segment " + llvm::Twine(Elem));
  if (!M.isSubtype(M.Elems[Elem].Type, M.Tables[Table].Elem))
    return fail("type mismatch: element segment of " +
                valTypeName(M.Elems[Elem].Type) + " into a table of " +
                valTypeName(M.Tables[Table].Elem));
  if (llvm::Error E = popI32s(2)) // source offset, length
    return E;
  return popExpect(M.Tables[Table].indexType());
}

llvm::Error FunctionValidator::visitElemDrop(uint32_t Elem) {
  if (Elem >= M.Elems.size())
    return fail("unknown elem segment " + llvm::Twine(Elem));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitTableCopy(uint32_t Dst, uint32_t Src) {
  if (llvm::Error E = checkTable(Dst))
    return E;
  if (llvm::Error E = checkTable(Src))
    return E;
  if (!M.isSubtype(M.Tables[Src].Elem, M.Tables[Dst].Elem))
    return fail("type mismatch: table.copy to a table of " +
                valTypeName(M.Tables[Dst].Elem) + " from a table of " +
                valTypeName(M.Tables[Src].Elem));
  return popCopyOperands(M.Tables[Dst].Is64, M.Tables[Src].Is64);
}

llvm::Error FunctionValidator::visitTableGrow(uint32_t Table) {
  if (llvm::Error E = checkTable(Table))
    return E;
  ValType Index = M.Tables[Table].indexType();
  if (llvm::Error E = popExpect(Index))
    return E;
  if (llvm::Error E = popExpect(M.Tables[Table].Elem))
    return E;
  push(Index);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitTableSize(uint32_t Table) {
  if (llvm::Error E = checkTable(Table))
    return E;
  push(M.Tables[Table].indexType());
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitTableFill(uint32_t Table) {
  if (llvm::Error E = checkTable(Table))
    return E;
  ValType Index = M.Tables[Table].indexType();
  if (llvm::Error E = popExpect(Index))
    return E;
  if (llvm::Error E = popExpect(M.Tables[Table].Elem))
    return E;
  return popExpect(Index);
}

} // namespace w2n::frontend

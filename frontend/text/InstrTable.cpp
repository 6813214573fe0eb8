//===- InstrTable.cpp - Operator keywords of the text format --------------===//
//
// Built from the opcode tables, so that an operator added to Opcodes.def
// can be written in text at once: the operators the compiler supports
// (W2N_OPCODE) and those of GC, which it does not support yet
// (W2N_PROPOSAL_OPCODE).
//
//===----------------------------------------------------------------------===//
#include "frontend/text/ModuleParser.h"

namespace w2n::frontend::text {

namespace {

/// The immediates of an operator that Opcodes.def decodes by hand.
ImmediateKind specialImmediates(Opcode Op) {
  switch (Op) {
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If:
  case Opcode::Try:
    return ImmediateKind::BlockType;
  case Opcode::TryTable:
    return ImmediateKind::TryTable;
  case Opcode::Throw:
  case Opcode::Catch:
    return ImmediateKind::Tag;
  case Opcode::Rethrow:
  case Opcode::Delegate:
  case Opcode::Br:
  case Opcode::BrIf:
  case Opcode::BrOnNull:
  case Opcode::BrOnNonNull:
    return ImmediateKind::Label;
  case Opcode::CallRef:
  case Opcode::ReturnCallRef:
    return ImmediateKind::Type;
  case Opcode::BrTable:
    return ImmediateKind::LabelTable;
  case Opcode::Call:
  case Opcode::ReturnCall:
  case Opcode::RefFunc:
    return ImmediateKind::Func;
  case Opcode::CallIndirect:
  case Opcode::ReturnCallIndirect:
    return ImmediateKind::TypeUseTable;
  case Opcode::LocalGet:
  case Opcode::LocalSet:
  case Opcode::LocalTee:
    return ImmediateKind::Local;
  case Opcode::GlobalGet:
  case Opcode::GlobalSet:
    return ImmediateKind::Global;
  case Opcode::TableGet:
  case Opcode::TableSet:
  case Opcode::TableGrow:
  case Opcode::TableSize:
  case Opcode::TableFill:
    return ImmediateKind::Table;
  case Opcode::MemorySize:
  case Opcode::MemoryGrow:
  case Opcode::MemoryFill:
    return ImmediateKind::Memory;
  case Opcode::I32Const:
    return ImmediateKind::I32;
  case Opcode::I64Const:
    return ImmediateKind::I64;
  case Opcode::F32Const:
    return ImmediateKind::F32;
  case Opcode::F64Const:
    return ImmediateKind::F64;
  case Opcode::RefNull:
    return ImmediateKind::HeapType;
  case Opcode::MemoryInit:
    return ImmediateKind::DataMemory;
  case Opcode::DataDrop:
    return ImmediateKind::Data;
  case Opcode::MemoryCopy:
    return ImmediateKind::MemoryMemory;
  case Opcode::TableInit:
    return ImmediateKind::ElemTable;
  case Opcode::ElemDrop:
    return ImmediateKind::Elem;
  case Opcode::TableCopy:
    return ImmediateKind::TableTable;
  case Opcode::V128Const:
    return ImmediateKind::V128;
  case Opcode::I8x16Shuffle:
    return ImmediateKind::Shuffle;
  case Opcode::AtomicFence:
    return ImmediateKind::ZeroByte;
  default:
    return ImmediateKind::None;
  }
}

ImmediateKind immediatesOf(OpcodeKind K, Opcode Op) {
  switch (K) {
  case OpcodeKind::Special:
    return specialImmediates(Op);
  case OpcodeKind::Simple:
    return ImmediateKind::None;
  case OpcodeKind::Load:
  case OpcodeKind::Store:
  case OpcodeKind::Atomic:
    return ImmediateKind::MemArg;
  case OpcodeKind::LoadLane:
  case OpcodeKind::StoreLane:
    return ImmediateKind::MemArgLane;
  case OpcodeKind::ExtractLane:
  case OpcodeKind::ReplaceLane:
    return ImmediateKind::Lane;
  }
  return ImmediateKind::None;
}

llvm::StringMap<InstrInfo> buildTable() {
  llvm::StringMap<InstrInfo> Table;
  // The first row of a name wins: `select` is 0x1b (0x1c when it has
  // result types), ref.test and ref.cast the non-null variant.
  auto Add = [&](llvm::StringRef Text, uint8_t Prefix, uint32_t Code,
                 ImmediateKind Imm, uint8_t Param) {
    // Parts of structured instructions, not instructions of their own.
    if (Text == "else" || Text == "end" || Text == "catch" ||
        Text == "catch_all" || Text == "delegate")
      return;
    bool Structured = Imm == ImmediateKind::BlockType ||
                      Imm == ImmediateKind::TryTable;
    Table.try_emplace(Text, InstrInfo{Prefix, Code, Imm, Param, Structured});
  };
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  Add(Text, Prefix, Code, immediatesOf(OpcodeKind::Kind, Opcode::Name), Param);
#include "frontend/Opcodes.def"
#define W2N_PROPOSAL_OPCODE(Name, Prefix, Code, Text, Immediates, Param,       \
                            Proposal)                                          \
  Add(Text, Prefix, Code, ImmediateKind::Immediates, Param);
#include "frontend/Opcodes.def"
  return Table;
}

} // namespace

const InstrInfo *lookupInstr(llvm::StringRef Keyword) {
  static const llvm::StringMap<InstrInfo> Table = buildTable();
  auto It = Table.find(Keyword);
  return It == Table.end() ? nullptr : &It->second;
}

} // namespace w2n::frontend::text

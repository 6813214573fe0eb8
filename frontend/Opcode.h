//===- Opcode.h - The opcode enum and per-opcode facts ----------*- C++ -*-===//
#ifndef W2N_FRONTEND_OPCODE_H
#define W2N_FRONTEND_OPCODE_H

#include "frontend/Types.h"

namespace w2n::frontend {

enum class Opcode : uint16_t {
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  Name,
#include "frontend/Opcodes.def"
};

enum class OpcodeKind : uint8_t {
  Special,
  Simple,
  Load,
  Store,
  LoadLane,
  StoreLane,
  ExtractLane,
  ReplaceLane,
  Atomic,
};

/// The lanes a SIMD operator works on (Opcodes.def, Lanes); None for
/// everything else, and for v128.* operations on the bits.
enum class LaneShape : uint8_t {
  None,
  I8x16,
  I16x8,
  I32x4,
  I64x2,
  F32x4,
  F64x2
};

/// How a load or store moves its value between memory and the operand
/// stack (Opcodes.def, Access).
enum class MemoryAccess : uint8_t {
  None,
  Plain,
  SExt,
  ZExt,
  Trunc,
  VecSExt,
  VecZExt,
  Splat,
  Zero,
  Lane,
  RmwAdd,
  RmwSub,
  RmwAnd,
  RmwOr,
  RmwXor,
  RmwXchg,
  RmwCmpxchg,
};

/// The fixed operand and result types of a non-Special operator.
struct OpcodeSignature {
  uint8_t NumParams;
  ValType Params[3];
  ValType Result; // Void when nothing is pushed
};

struct OpcodeInfo {
  const char *Text;
  uint8_t Prefix;
  uint32_t Code;
  OpcodeKind Kind;
  OpcodeSignature Sig;
  uint8_t Param;
  LaneShape Lanes;
  MemoryAccess Access;
};

const OpcodeInfo &opcodeInfo(Opcode Op);

/// The proposals of WebAssembly 3.0 (and threads) whose constructs the
/// frontend knows how to read and write but the compiler does not support
/// yet: the decoder reports them as such, by name (proposalName).
enum class Proposal : uint8_t {
  TailCall,
  Exceptions,       ///< try_table, throw, throw_ref, exnref, tags
  LegacyExceptions, ///< try, catch, catch_all, delegate, rethrow
  MultiMemory,
  Memory64,
  FunctionReferences,
  GC,
  ExtendedConst,
  RelaxedSimd,
  Threads,
};
llvm::StringRef proposalName(Proposal P);

/// How the immediates of an operator are laid out in the binary format
/// after its opcode (and, for the text format, which operands its text
/// form takes). Index immediates are u32 LEB128 unless said otherwise.
enum class ImmediateKind : uint8_t {
  None,
  MemArg,       ///< flags (alignment, memory index bit 6), offset; the
                ///< opcode table's Param is log2 of the natural alignment
  MemArgLane,   ///< a memarg, then a lane byte
  Lane,         ///< a lane byte
  BlockType,    ///< block, loop, if, try
  Label,        ///< a label depth
  LabelTable,   ///< a vector of label depths, then the default
  Func,         ///< a function index
  TypeUseTable, ///< a type index, then a table index (call_indirect)
  Type,         ///< a type index
  TypeField,    ///< a type index, then a field index
  TypeSize,     ///< a type index, then a u32 count (array.new_fixed)
  TypeData,     ///< a type index, then a data index
  TypeElem,     ///< a type index, then an element segment index
  TypeType,     ///< two type indices (array.copy)
  Local,
  Global,
  Table,
  Memory,
  Tag,
  Elem,
  Data,
  TableTable,   ///< destination table, then source table (table.copy)
  MemoryMemory, ///< destination memory, then source memory (memory.copy)
  ElemTable,    ///< an element segment, then a table (table.init)
  DataMemory,   ///< a data segment, then a memory (memory.init)
  HeapType,     ///< ref.null
  CastHeapType, ///< ref.test / ref.cast: a heap type; the opcode after
                ///< this one in the table is the nullable variant
  BrOnCast,     ///< a flags byte, a label, two heap types
  TryTable,     ///< a block type, then a vector of catch clauses
  SelectTypes,  ///< a vector of value types (select t*)
  I32,          ///< signed LEB128
  I64,          ///< signed LEB128
  F32,          ///< 4 bytes
  F64,          ///< 8 bytes
  V128,         ///< 16 bytes
  Shuffle,      ///< 16 lane bytes
  ZeroByte,     ///< a reserved 0x00 byte (atomic.fence)
};

/// An operator of a proposal the compiler does not support yet
/// (Opcodes.def, W2N_PROPOSAL_OPCODE): enough to read and write it.
struct ProposalOpcodeInfo {
  const char *Text;
  uint8_t Prefix;
  uint32_t Code;
  ImmediateKind Immediates;
  uint8_t Param; ///< as for MemArg above; 0 otherwise
  Proposal Of;
};
llvm::ArrayRef<ProposalOpcodeInfo> proposalOpcodes();
/// The proposal operator with this opcode (Code after Prefix; Prefix 0 for
/// single-byte opcodes), or null. For ref.test and ref.cast, the row of the
/// opcode itself (the nullable one for 21 and 23).
const ProposalOpcodeInfo *findProposalOpcode(uint8_t Prefix, uint32_t Code);
inline llvm::StringRef opcodeName(Opcode Op) { return opcodeInfo(Op).Text; }

} // namespace w2n::frontend

#endif

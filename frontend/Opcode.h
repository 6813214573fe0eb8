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
inline llvm::StringRef opcodeName(Opcode Op) { return opcodeInfo(Op).Text; }

} // namespace w2n::frontend

#endif

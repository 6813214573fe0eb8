//===- OperatorDecoder.h - One-pass decoder of operator sequences -*- C++ -*-=//
//
// decodeOperators reads operators up to and including the `end` that closes
// the sequence (a function body or a constant expression) and calls the
// visitor for each, with its immediates decoded. It reports malformed code
// only: unknown opcodes, bad immediates, `else` outside `if`, a missing
// `end`; and, under 3.0, the operators and immediates of proposals the
// compiler does not support yet. Whether the code is valid is the
// visitor's business.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_OPERATORDECODER_H
#define W2N_FRONTEND_OPERATORDECODER_H

#include "frontend/BinaryReader.h"
#include "frontend/OperatorVisitor.h"
#include "frontend/TypeReader.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace w2n::frontend {

struct OperatorDecoderOptions {
  /// Whether memory.init and data.drop are malformed: the binary format
  /// wants a data count section before code that names data segments. When
  /// the module has no data segments at all, a missing data count is left
  /// to the validator, which reports the index as an unknown data segment:
  /// that is how the spec suite classifies such modules (its text modules
  /// without data are encoded without a data count section).
  bool MissingDataCount = false;
  /// Decode WebAssembly 2.0 exactly (FrontendOptions::Wasm2Only).
  bool Wasm2Only = false;
};

namespace detail {

inline bool readMemArg(BinaryReader &R, MemArg &MA, bool Wasm2Only) {
  // 2.0: the alignment exponent (of a 32-bit memory: below 32), then a
  // 32-bit offset. 3.0: bits 0-5 the exponent (one too large is invalid),
  // bit 6 a memory index follows (multi-memory), then a 64-bit offset (one
  // too large for a 32-bit memory is invalid).
  uint64_t At = R.offset();
  uint32_t Flags;
  if (!R.readVarU32(Flags))
    return false;
  if (Flags >= (Wasm2Only ? 32u : 128u))
    return R.fail(At, "malformed memop flags");
  uint32_t Memory = 0;
  if ((Flags & 64) && !R.readVarU32(Memory))
    return false;
  uint64_t Offset;
  if (Wasm2Only) {
    uint32_t Offset32;
    if (!R.readVarU32(Offset32))
      return false;
    Offset = Offset32;
  } else if (!R.readVarU64(Offset)) {
    return false;
  }
  MA = {Flags & 63, Memory, Offset};
  return true;
}

/// The memory an operator names after its opcode: a reserved zero byte in
/// 2.0, a memory index in 3.0.
inline bool readMemoryIndex(BinaryReader &R, uint32_t &Index, bool Wasm2Only) {
  uint64_t At = R.offset();
  if (Wasm2Only) {
    uint8_t B;
    if (!R.readU8(B))
      return false;
    if (B != 0)
      return R.fail(At, "zero byte expected");
    Index = 0;
    return true;
  }
  return R.readVarU32(Index);
}

[[gnu::cold]] inline llvm::Error illegalOpcode(uint64_t At, unsigned Prefix,
                                               uint64_t Code) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "illegal opcode ";
  if (Prefix)
    OS << llvm::format_hex(Prefix, 4) << ' ';
  OS << llvm::format_hex(Code, 4);
  return makeMalformed(At, OS.str());
}

/// An opcode that is no 2.0 operator (Code after Prefix; Prefix 0 for one
/// byte): under 3.0, an operator of a proposal the compiler does not
/// support yet is reported as such, by name; anything else is illegal.
[[gnu::cold]] inline llvm::Error unknownOpcode(uint64_t At, unsigned Prefix,
                                               uint32_t Code, bool Wasm2Only) {
  if (!Wasm2Only)
    if (const ProposalOpcodeInfo *Info = findProposalOpcode(Prefix, Code))
      return makeUnsupported(At, Info->Of, Info->Text);
  return illegalOpcode(At, Prefix, Code);
}

} // namespace detail

#define W2N_TRY_READ(Expr)                                                     \
  do {                                                                         \
    if (!(Expr))                                                               \
      return R.takeError();                                                    \
  } while (0)
#define W2N_TRY_VISIT(Expr)                                                    \
  do {                                                                         \
    if (llvm::Error E = (Expr))                                                \
      return E;                                                                \
  } while (0)

// The generated cases of one switch: operators of kind other than Special
// whose prefix is `P` (0x00, 0xfc or 0xfd).
#define W2N_CASE_Special(Code, Name, Param)
#define W2N_CASE_Simple(Code, Name, Param)                                     \
  case Code:                                                                   \
    W2N_TRY_VISIT(V.visit##Name());                                            \
    break;
#define W2N_CASE_Load(Code, Name, Param)                                       \
  case Code: {                                                                 \
    MemArg MA;                                                                 \
    W2N_TRY_READ(detail::readMemArg(R, MA, Opts.Wasm2Only));                   \
    W2N_TRY_VISIT(V.visit##Name(MA));                                          \
    break;                                                                     \
  }
#define W2N_CASE_Store(Code, Name, Param) W2N_CASE_Load(Code, Name, Param)
#define W2N_CASE_LoadLane(Code, Name, Param)                                   \
  case Code: {                                                                 \
    MemArg MA;                                                                 \
    uint8_t Lane;                                                              \
    W2N_TRY_READ(detail::readMemArg(R, MA, Opts.Wasm2Only));                   \
    W2N_TRY_READ(R.readU8(Lane));                                              \
    W2N_TRY_VISIT(V.visit##Name(MA, Lane));                                    \
    break;                                                                     \
  }
#define W2N_CASE_StoreLane(Code, Name, Param)                                  \
  W2N_CASE_LoadLane(Code, Name, Param)
#define W2N_CASE_ExtractLane(Code, Name, Param)                                \
  case Code: {                                                                 \
    uint8_t Lane;                                                              \
    W2N_TRY_READ(R.readU8(Lane));                                              \
    W2N_TRY_VISIT(V.visit##Name(Lane));                                        \
    break;                                                                     \
  }
#define W2N_CASE_ReplaceLane(Code, Name, Param)                                \
  W2N_CASE_ExtractLane(Code, Name, Param)
#define W2N_CASE_Atomic(Code, Name, Param) W2N_CASE_Load(Code, Name, Param)

/// Decodes operators until the `end` closing the sequence. Scratch holds
/// br_table targets; pass the same one to successive calls to reuse it.
template <typename Visitor>
llvm::Error decodeOperators(BinaryReader &R, Visitor &V,
                            const OperatorDecoderOptions &Opts,
                            llvm::SmallVectorImpl<uint32_t> &Scratch) {
  // One entry per open block: what may still follow inside it (else after
  // an if's then branch; catch, catch_all or delegate in a legacy try).
  enum class Open : uint8_t { Block, IfThen, Try, TryCatch, TryCatchAll };
  llvm::SmallVector<Open, 32> OpenBlocks;
  for (;;) {
    uint64_t At = R.offset();
    V.OpOffset = At;
    uint8_t Byte;
    if (!R.readU8(Byte))
      return makeMalformed(At, "unexpected end of function or expression: "
                               "END opcode expected");
    switch (Byte) {
    case 0x00: W2N_TRY_VISIT(V.visitUnreachable()); break;
    case 0x01: W2N_TRY_VISIT(V.visitNop()); break;
    case 0x02:
    case 0x03:
    case 0x04:
    case 0x06: { // 3.0 (legacy exceptions)
      if (Byte == 0x06 && Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      BlockType BT;
      W2N_TRY_READ(readBlockType(R, BT, Opts.Wasm2Only));
      OpenBlocks.push_back(Byte == 0x04   ? Open::IfThen
                           : Byte == 0x06 ? Open::Try
                                          : Open::Block);
      if (Byte == 0x02)
        W2N_TRY_VISIT(V.visitBlock(BT));
      else if (Byte == 0x03)
        W2N_TRY_VISIT(V.visitLoop(BT));
      else if (Byte == 0x04)
        W2N_TRY_VISIT(V.visitIf(BT));
      else
        W2N_TRY_VISIT(V.visitTry(BT));
      break;
    }
    case 0x05:
      if (OpenBlocks.empty() || OpenBlocks.back() != Open::IfThen)
        return makeMalformed(At, "else without a matching if");
      OpenBlocks.back() = Open::Block;
      W2N_TRY_VISIT(V.visitElse());
      break;
    case 0x07:   // 3.0 (legacy exceptions)
    case 0x19: { // 3.0 (legacy exceptions)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      if (OpenBlocks.empty() || (OpenBlocks.back() != Open::Try &&
                                 OpenBlocks.back() != Open::TryCatch))
        return makeMalformed(At, Byte == 0x07
                                     ? "catch without a matching try"
                                     : "catch_all without a matching try");
      if (Byte == 0x07) {
        uint32_t Tag;
        W2N_TRY_READ(R.readVarU32(Tag));
        OpenBlocks.back() = Open::TryCatch;
        W2N_TRY_VISIT(V.visitCatch(Tag));
      } else {
        OpenBlocks.back() = Open::TryCatchAll;
        W2N_TRY_VISIT(V.visitCatchAll());
      }
      break;
    }
    case 0x18: { // 3.0 (legacy exceptions)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      if (OpenBlocks.empty() || OpenBlocks.back() != Open::Try)
        return makeMalformed(At, "delegate without a matching try");
      uint32_t Depth;
      W2N_TRY_READ(R.readVarU32(Depth));
      OpenBlocks.pop_back();
      W2N_TRY_VISIT(V.visitDelegate(Depth));
      break;
    }
    case 0x1f: { // 3.0 (exceptions)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      BlockType BT;
      W2N_TRY_READ(readBlockType(R, BT, Opts.Wasm2Only));
      uint32_t Count;
      W2N_TRY_READ(R.readCount(Count, 2));
      llvm::SmallVector<CatchClause, 4> Clauses(Count);
      for (CatchClause &C : Clauses) {
        uint64_t KindAt = R.offset();
        uint8_t Kind;
        W2N_TRY_READ(R.readU8(Kind));
        if (Kind > 3)
          return makeMalformed(KindAt, "malformed catch clause");
        C.K = CatchClause::Kind(Kind);
        if (C.hasTag())
          W2N_TRY_READ(R.readVarU32(C.Tag));
        W2N_TRY_READ(R.readVarU32(C.Label));
      }
      OpenBlocks.push_back(Open::Block);
      W2N_TRY_VISIT(V.visitTryTable(BT, llvm::ArrayRef<CatchClause>(Clauses)));
      break;
    }
    case 0x08: { // 3.0 (exceptions)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      uint32_t Tag;
      W2N_TRY_READ(R.readVarU32(Tag));
      W2N_TRY_VISIT(V.visitThrow(Tag));
      break;
    }
    case 0x09: { // 3.0 (legacy exceptions)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      uint32_t Depth;
      W2N_TRY_READ(R.readVarU32(Depth));
      W2N_TRY_VISIT(V.visitRethrow(Depth));
      break;
    }
    case 0x0a: // 3.0 (exceptions)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      W2N_TRY_VISIT(V.visitThrowRef());
      break;
    case 0x0b:
      W2N_TRY_VISIT(V.visitEnd());
      if (OpenBlocks.empty())
        return llvm::Error::success();
      OpenBlocks.pop_back();
      break;
    case 0x0c: {
      uint32_t Depth;
      W2N_TRY_READ(R.readVarU32(Depth));
      W2N_TRY_VISIT(V.visitBr(Depth));
      break;
    }
    case 0x0d: {
      uint32_t Depth;
      W2N_TRY_READ(R.readVarU32(Depth));
      W2N_TRY_VISIT(V.visitBrIf(Depth));
      break;
    }
    case 0x0e: {
      uint32_t Count, Default;
      W2N_TRY_READ(R.readCount(Count));
      Scratch.resize(Count);
      for (uint32_t I = 0; I < Count; ++I)
        W2N_TRY_READ(R.readVarU32(Scratch[I]));
      W2N_TRY_READ(R.readVarU32(Default));
      W2N_TRY_VISIT(V.visitBrTable(llvm::ArrayRef<uint32_t>(Scratch), Default));
      break;
    }
    case 0x0f: W2N_TRY_VISIT(V.visitReturn()); break;
    case 0x10: {
      uint32_t Func;
      W2N_TRY_READ(R.readVarU32(Func));
      W2N_TRY_VISIT(V.visitCall(Func));
      break;
    }
    case 0x11: {
      uint32_t TypeIndex, Table;
      W2N_TRY_READ(R.readVarU32(TypeIndex));
      W2N_TRY_READ(R.readVarU32(Table));
      W2N_TRY_VISIT(V.visitCallIndirect(TypeIndex, Table));
      break;
    }
    case 0x12: { // 3.0 (tail calls)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      uint32_t Func;
      W2N_TRY_READ(R.readVarU32(Func));
      W2N_TRY_VISIT(V.visitReturnCall(Func));
      break;
    }
    case 0x13: { // 3.0 (tail calls)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      uint32_t TypeIndex, Table;
      W2N_TRY_READ(R.readVarU32(TypeIndex));
      W2N_TRY_READ(R.readVarU32(Table));
      W2N_TRY_VISIT(V.visitReturnCallIndirect(TypeIndex, Table));
      break;
    }
    case 0x14:   // 3.0 (typed function references)
    case 0x15: { // 3.0 (typed function references, tail calls)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      uint32_t TypeIndex;
      W2N_TRY_READ(R.readVarU32(TypeIndex));
      if (Byte == 0x14)
        W2N_TRY_VISIT(V.visitCallRef(TypeIndex));
      else
        W2N_TRY_VISIT(V.visitReturnCallRef(TypeIndex));
      break;
    }
    case 0x1a: W2N_TRY_VISIT(V.visitDrop()); break;
    case 0x1b: W2N_TRY_VISIT(V.visitSelect()); break;
    case 0x1c: {
      uint32_t Count;
      W2N_TRY_READ(R.readCount(Count));
      llvm::SmallVector<ValType, 1> Types;
      for (uint32_t I = 0; I < Count; ++I)
        W2N_TRY_READ(readValType(R, Types.emplace_back(), Opts.Wasm2Only));
      W2N_TRY_VISIT(V.visitSelectT(llvm::ArrayRef<ValType>(Types)));
      break;
    }
    case 0x20:
    case 0x21:
    case 0x22:
    case 0x23:
    case 0x24:
    case 0x25:
    case 0x26: {
      uint32_t Index;
      W2N_TRY_READ(R.readVarU32(Index));
      switch (Byte) {
      case 0x20: W2N_TRY_VISIT(V.visitLocalGet(Index)); break;
      case 0x21: W2N_TRY_VISIT(V.visitLocalSet(Index)); break;
      case 0x22: W2N_TRY_VISIT(V.visitLocalTee(Index)); break;
      case 0x23: W2N_TRY_VISIT(V.visitGlobalGet(Index)); break;
      case 0x24: W2N_TRY_VISIT(V.visitGlobalSet(Index)); break;
      case 0x25: W2N_TRY_VISIT(V.visitTableGet(Index)); break;
      default: W2N_TRY_VISIT(V.visitTableSet(Index)); break;
      }
      break;
    }
    case 0x3f: {
      uint32_t Memory;
      W2N_TRY_READ(detail::readMemoryIndex(R, Memory, Opts.Wasm2Only));
      W2N_TRY_VISIT(V.visitMemorySize(Memory));
      break;
    }
    case 0x40: {
      uint32_t Memory;
      W2N_TRY_READ(detail::readMemoryIndex(R, Memory, Opts.Wasm2Only));
      W2N_TRY_VISIT(V.visitMemoryGrow(Memory));
      break;
    }
    case 0x41: {
      int32_t Value;
      W2N_TRY_READ(R.readVarS32(Value));
      W2N_TRY_VISIT(V.visitI32Const(Value));
      break;
    }
    case 0x42: {
      int64_t Value;
      W2N_TRY_READ(R.readVarS64(Value));
      W2N_TRY_VISIT(V.visitI64Const(Value));
      break;
    }
    case 0x43: {
      uint32_t Bits;
      W2N_TRY_READ(R.readFixedU32(Bits));
      W2N_TRY_VISIT(V.visitF32Const(Bits));
      break;
    }
    case 0x44: {
      uint64_t Bits;
      W2N_TRY_READ(R.readFixedU64(Bits));
      W2N_TRY_VISIT(V.visitF64Const(Bits));
      break;
    }
    case 0xd0: {
      ValType T = ValType::Void;
      W2N_TRY_READ(readRefNullType(R, T, Opts.Wasm2Only));
      W2N_TRY_VISIT(V.visitRefNull(T));
      break;
    }
    case 0xd1: W2N_TRY_VISIT(V.visitRefIsNull()); break;
    case 0xd2: {
      uint32_t Func;
      W2N_TRY_READ(R.readVarU32(Func));
      W2N_TRY_VISIT(V.visitRefFunc(Func));
      break;
    }
    case 0xd4: // 3.0 (typed function references)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      W2N_TRY_VISIT(V.visitRefAsNonNull());
      break;
    case 0xd5:   // 3.0 (typed function references)
    case 0xd6: { // 3.0 (typed function references)
      if (Opts.Wasm2Only)
        return detail::illegalOpcode(At, 0, Byte);
      uint32_t Depth;
      W2N_TRY_READ(R.readVarU32(Depth));
      if (Byte == 0xd5)
        W2N_TRY_VISIT(V.visitBrOnNull(Depth));
      else
        W2N_TRY_VISIT(V.visitBrOnNonNull(Depth));
      break;
    }
#define W2N_IN_PREFIX_0x00(X) X
#define W2N_IN_PREFIX_0xfc(X)
#define W2N_IN_PREFIX_0xfd(X)
#define W2N_IN_PREFIX_0xfe(X)
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  W2N_IN_PREFIX_##Prefix(W2N_CASE_##Kind(Code, Name, Param))
#include "frontend/Opcodes.def"
#undef W2N_IN_PREFIX_0x00
#undef W2N_IN_PREFIX_0xfc
#undef W2N_IN_PREFIX_0xfd
#undef W2N_IN_PREFIX_0xfe

    case 0xfc: {
      uint32_t Sub;
      W2N_TRY_READ(R.readVarU32(Sub));
      switch (Sub) {
#define W2N_IN_PREFIX_0x00(X)
#define W2N_IN_PREFIX_0xfc(X) X
#define W2N_IN_PREFIX_0xfd(X)
#define W2N_IN_PREFIX_0xfe(X)
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  W2N_IN_PREFIX_##Prefix(W2N_CASE_##Kind(Code, Name, Param))
#include "frontend/Opcodes.def"
#undef W2N_IN_PREFIX_0x00
#undef W2N_IN_PREFIX_0xfc
#undef W2N_IN_PREFIX_0xfd
#undef W2N_IN_PREFIX_0xfe
      case 8: { // memory.init
        uint32_t Data, Memory;
        W2N_TRY_READ(R.readVarU32(Data));
        W2N_TRY_READ(detail::readMemoryIndex(R, Memory, Opts.Wasm2Only));
        if (Opts.MissingDataCount)
          return makeMalformed(At, "data count section required");
        W2N_TRY_VISIT(V.visitMemoryInit(Data, Memory));
        break;
      }
      case 9: { // data.drop
        uint32_t Data;
        W2N_TRY_READ(R.readVarU32(Data));
        if (Opts.MissingDataCount)
          return makeMalformed(At, "data count section required");
        W2N_TRY_VISIT(V.visitDataDrop(Data));
        break;
      }
      case 10: { // memory.copy
        uint32_t Dst, Src;
        W2N_TRY_READ(detail::readMemoryIndex(R, Dst, Opts.Wasm2Only));
        W2N_TRY_READ(detail::readMemoryIndex(R, Src, Opts.Wasm2Only));
        W2N_TRY_VISIT(V.visitMemoryCopy(Dst, Src));
        break;
      }
      case 11: { // memory.fill
        uint32_t Memory;
        W2N_TRY_READ(detail::readMemoryIndex(R, Memory, Opts.Wasm2Only));
        W2N_TRY_VISIT(V.visitMemoryFill(Memory));
        break;
      }
      case 12: { // table.init
        uint32_t Elem, Table;
        W2N_TRY_READ(R.readVarU32(Elem));
        W2N_TRY_READ(R.readVarU32(Table));
        W2N_TRY_VISIT(V.visitTableInit(Elem, Table));
        break;
      }
      case 13: { // elem.drop
        uint32_t Elem;
        W2N_TRY_READ(R.readVarU32(Elem));
        W2N_TRY_VISIT(V.visitElemDrop(Elem));
        break;
      }
      case 14: { // table.copy
        uint32_t Dst, Src;
        W2N_TRY_READ(R.readVarU32(Dst));
        W2N_TRY_READ(R.readVarU32(Src));
        W2N_TRY_VISIT(V.visitTableCopy(Dst, Src));
        break;
      }
      case 15:
      case 16:
      case 17: { // table.grow, table.size, table.fill
        uint32_t Table;
        W2N_TRY_READ(R.readVarU32(Table));
        if (Sub == 15)
          W2N_TRY_VISIT(V.visitTableGrow(Table));
        else if (Sub == 16)
          W2N_TRY_VISIT(V.visitTableSize(Table));
        else
          W2N_TRY_VISIT(V.visitTableFill(Table));
        break;
      }
      default:
        return detail::unknownOpcode(At, 0xfc, Sub, Opts.Wasm2Only);
      }
      break;
    }

    case 0xfd: {
      uint32_t Sub;
      W2N_TRY_READ(R.readVarU32(Sub));
      // 2.0's SIMD operators end at 0xff; relaxed SIMD (3.0) follows.
      if (Opts.Wasm2Only && Sub > 0xff)
        return detail::illegalOpcode(At, 0xfd, Sub);
      switch (Sub) {
#define W2N_IN_PREFIX_0x00(X)
#define W2N_IN_PREFIX_0xfc(X)
#define W2N_IN_PREFIX_0xfd(X) X
#define W2N_IN_PREFIX_0xfe(X)
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  W2N_IN_PREFIX_##Prefix(W2N_CASE_##Kind(Code, Name, Param))
#include "frontend/Opcodes.def"
#undef W2N_IN_PREFIX_0x00
#undef W2N_IN_PREFIX_0xfc
#undef W2N_IN_PREFIX_0xfd
#undef W2N_IN_PREFIX_0xfe
      case 0x0c: { // v128.const
        V128 Value;
        W2N_TRY_READ(R.readV128(Value));
        W2N_TRY_VISIT(V.visitV128Const(Value));
        break;
      }
      case 0x0d: { // i8x16.shuffle
        V128 Lanes;
        W2N_TRY_READ(R.readV128(Lanes));
        W2N_TRY_VISIT(V.visitI8x16Shuffle(Lanes));
        break;
      }
      default:
        return detail::unknownOpcode(At, 0xfd, Sub, Opts.Wasm2Only);
      }
      break;
    }

    case 0xfe: { // threads
      if (Opts.Wasm2Only)
        return detail::unknownOpcode(At, 0, Byte, true);
      uint32_t Sub;
      W2N_TRY_READ(R.readVarU32(Sub));
      switch (Sub) {
#define W2N_IN_PREFIX_0x00(X)
#define W2N_IN_PREFIX_0xfc(X)
#define W2N_IN_PREFIX_0xfd(X)
#define W2N_IN_PREFIX_0xfe(X) X
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  W2N_IN_PREFIX_##Prefix(W2N_CASE_##Kind(Code, Name, Param))
#include "frontend/Opcodes.def"
#undef W2N_IN_PREFIX_0x00
#undef W2N_IN_PREFIX_0xfc
#undef W2N_IN_PREFIX_0xfd
#undef W2N_IN_PREFIX_0xfe
      case 0x03: { // atomic.fence
        uint64_t ZeroAt = R.offset();
        uint8_t Zero;
        W2N_TRY_READ(R.readU8(Zero));
        if (Zero != 0)
          return makeMalformed(ZeroAt, "malformed atomic.fence: expected a "
                                       "zero byte");
        W2N_TRY_VISIT(V.visitAtomicFence());
        break;
      }
      default:
        return detail::unknownOpcode(At, 0xfe, Sub, false);
      }
      break;
    }

    default:
      // Under 3.0, the prefix of GC (0xfb) operators.
      if (!Opts.Wasm2Only && Byte == 0xfb) {
        uint32_t Sub;
        W2N_TRY_READ(R.readVarU32(Sub));
        return detail::unknownOpcode(At, Byte, Sub, false);
      }
      return detail::unknownOpcode(At, 0, Byte, Opts.Wasm2Only);
    }
  }
}

#undef W2N_CASE_Special
#undef W2N_CASE_Simple
#undef W2N_CASE_Load
#undef W2N_CASE_Store
#undef W2N_CASE_LoadLane
#undef W2N_CASE_StoreLane
#undef W2N_CASE_ExtractLane
#undef W2N_CASE_ReplaceLane
#undef W2N_CASE_Atomic
#undef W2N_TRY_READ
#undef W2N_TRY_VISIT

} // namespace w2n::frontend

#endif

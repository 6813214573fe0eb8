//===- Types.h - WebAssembly types and immediates ---------------*- C++ -*-===//
#ifndef W2N_FRONTEND_TYPES_H
#define W2N_FRONTEND_TYPES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <optional>

namespace w2n::frontend {

/// A value type, encoded as in the binary format. Unknown is the bottom type
/// the validator uses for operands produced by unreachable code; Void marks
/// "no type" in the opcode table and in block types.
enum class ValType : uint8_t {
  Unknown = 0x00,
  Void = 0x40,
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b,
  FuncRef = 0x70,
  ExternRef = 0x6f,
};

inline bool isNumericOrVector(ValType T) {
  return T == ValType::I32 || T == ValType::I64 || T == ValType::F32 ||
         T == ValType::F64 || T == ValType::V128;
}
inline bool isReference(ValType T) {
  return T == ValType::FuncRef || T == ValType::ExternRef;
}
/// Whether a byte of the binary format names a value type.
inline bool isValTypeByte(uint8_t B) {
  return isNumericOrVector(ValType(B)) || isReference(ValType(B));
}
llvm::StringRef valTypeName(ValType T);

struct FuncType {
  llvm::SmallVector<ValType, 4> Params;
  llvm::SmallVector<ValType, 2> Results;
  friend bool operator==(const FuncType &A, const FuncType &B) {
    return A.Params == B.Params && A.Results == B.Results;
  }
};

struct Limits {
  uint64_t Min = 0;
  std::optional<uint64_t> Max;
};

/// Memories and tables are indexed by i32, or with 3.0's memory64 and
/// table64 by i64.
struct TableType {
  ValType Elem = ValType::FuncRef;
  Limits Size;
  bool Is64 = false;
  ValType indexType() const { return Is64 ? ValType::I64 : ValType::I32; }
};

struct MemoryType {
  Limits Pages;
  bool Is64 = false;
  ValType indexType() const { return Is64 ? ValType::I64 : ValType::I32; }
};

struct GlobalType {
  ValType Type = ValType::I32;
  bool Mutable = false;
};

enum class ExternalKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3 };
llvm::StringRef externalKindName(ExternalKind K);

/// The type of a block, loop or if: nothing, one result, or an index into
/// the type section (multi-value).
struct BlockType {
  enum class Kind : uint8_t { Empty, Value, Index };
  Kind K = Kind::Empty;
  ValType Type = ValType::Void;
  uint32_t TypeIndex = 0;
};

struct MemArg {
  uint32_t AlignLog2 = 0;
  uint32_t Memory = 0;
  uint64_t Offset = 0;
};

using V128 = std::array<uint8_t, 16>;

/// Largest memory of a 32-bit address space, in 64 KiB pages; of a 64-bit
/// one (memory64), 2^48 pages, the whole 2^64-byte space.
constexpr uint64_t MaxMemoryPages = 65536;
constexpr uint64_t MaxMemory64Pages = uint64_t(1) << 48;
/// Largest number of elements of a table indexed by i32 and by i64.
constexpr uint64_t MaxTableSize = 0xffffffffu;
constexpr uint64_t MaxTable64Size = UINT64_MAX;
constexpr uint64_t PageSize = 65536;

} // namespace w2n::frontend

#endif

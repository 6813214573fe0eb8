//===- Types.h - WebAssembly types and immediates ---------------*- C++ -*-===//
#ifndef W2N_FRONTEND_TYPES_H
#define W2N_FRONTEND_TYPES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace w2n::frontend {

/// The heap type of a reference type: an abstract one, by its byte in the
/// binary format, or Concrete (a type index of the module). Bot is the
/// validator's bottom heap type, of references popped from unreachable code;
/// it is never encoded.
enum class HeapKind : uint8_t {
  Bot = 0x01,
  Concrete = 0x64,
  Exn = 0x69,
  Array = 0x6a,
  Struct = 0x6b,
  I31 = 0x6c,
  Eq = 0x6d,
  Any = 0x6e,
  Extern = 0x6f,
  Func = 0x70,
  None = 0x71,
  NoExtern = 0x72,
  NoFunc = 0x73,
  NoExn = 0x74,
};

/// A value type, packed in 32 bits the way the runtime's w2n_valtype is:
/// bits 0-7 a code (the binary format's byte of a number or vector type, or
/// the HeapKind of a reference), bits 8-30 a concrete heap type's type
/// index, bit 31 set for a non-nullable reference. So the 2.0 types keep
/// their bytes (funcref is 0x70, (ref func) 0x80000070) and equality is one
/// compare; concrete indices stay the module's, compared canonically by
/// Module::isSubtype. Unknown (0) is the validator's bottom value type for
/// operands of unreachable code; Void marks "no type" in the opcode table
/// and in block types.
class ValType {
public:
  constexpr ValType() = default;
  constexpr explicit ValType(uint32_t Bits) : Bits(Bits) {}

  static const ValType Unknown, Void, I32, I64, F32, F64, V128, FuncRef,
      ExternRef, ExnRef;
  /// The largest type index a concrete heap type can carry; larger ones
  /// read as MaxTypeIndex, which no module has (an implementation limit).
  static constexpr uint32_t MaxTypeIndex = (1u << 23) - 1;
  static constexpr uint32_t NonNullBit = 0x80000000u;

  static constexpr ValType ref(HeapKind H, bool Nullable,
                               uint32_t TypeIndex = 0) {
    if (TypeIndex > MaxTypeIndex)
      TypeIndex = MaxTypeIndex;
    return ValType(uint32_t(H) | TypeIndex << 8 | (Nullable ? 0 : NonNullBit));
  }

  constexpr uint32_t bits() const { return Bits; }
  /// The low byte: a number or vector type's byte, a reference's HeapKind.
  constexpr uint8_t code() const { return uint8_t(Bits); }
  constexpr bool isRef() const {
    return code() != 0 && code() != 0x40 && code() < 0x7b;
  }
  constexpr bool isNumOrVec() const { return code() >= 0x7b; }
  constexpr bool isNullable() const { return isRef() && !(Bits & NonNullBit); }
  constexpr HeapKind heap() const { return HeapKind(code()); }
  constexpr uint32_t typeIndex() const { return (Bits >> 8) & MaxTypeIndex; }
  constexpr ValType asNonNull() const { return ValType(Bits | NonNullBit); }
  /// A local of this type can start at its default value.
  constexpr bool isDefaultable() const { return !isRef() || isNullable(); }
  /// Whether this is a reference in the function hierarchy (func, nofunc,
  /// a concrete function type), the one a funcref record carries.
  constexpr bool isFuncRef() const {
    return isRef() && (heap() == HeapKind::Func || heap() == HeapKind::NoFunc ||
                       heap() == HeapKind::Concrete);
  }

  friend constexpr bool operator==(ValType A, ValType B) {
    return A.Bits == B.Bits;
  }
  friend constexpr bool operator!=(ValType A, ValType B) {
    return A.Bits != B.Bits;
  }

private:
  uint32_t Bits = 0;
};

inline constexpr ValType ValType::Unknown{0x00};
inline constexpr ValType ValType::Void{0x40};
inline constexpr ValType ValType::I32{0x7f};
inline constexpr ValType ValType::I64{0x7e};
inline constexpr ValType ValType::F32{0x7d};
inline constexpr ValType ValType::F64{0x7c};
inline constexpr ValType ValType::V128{0x7b};
inline constexpr ValType ValType::FuncRef{0x70};
inline constexpr ValType ValType::ExternRef{0x6f};
inline constexpr ValType ValType::ExnRef{0x69};
static_assert(sizeof(ValType) == 4);

inline bool isNumericOrVector(ValType T) { return T.isNumOrVec(); }
inline bool isReference(ValType T) { return T.isRef(); }
/// Whether a byte of the binary format names a value type of 2.0.
inline bool isValTypeByte(uint8_t B) {
  return (B >= 0x7b && B <= 0x7f) || B == 0x70 || B == 0x6f;
}
/// The text form of a type, e.g. "i32", "funcref", "(ref null 3)".
std::string valTypeName(ValType T);

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
  bool Shared = false; ///< threads: shared between threads
  ValType indexType() const { return Is64 ? ValType::I64 : ValType::I32; }
};

struct GlobalType {
  ValType Type = ValType::I32;
  bool Mutable = false;
};

enum class ExternalKind : uint8_t {
  Func = 0,
  Table = 1,
  Memory = 2,
  Global = 3,
  Tag = 4, ///< 3.0: exception tags
};
llvm::StringRef externalKindName(ExternalKind K);

/// The type of a block, loop or if: nothing, one result, or an index into
/// the type section (multi-value).
struct BlockType {
  enum class Kind : uint8_t { Empty, Value, Index };
  Kind K = Kind::Empty;
  ValType Type = ValType::Void;
  uint32_t TypeIndex = 0;
};

/// One clause of a try_table: which exceptions it catches (a tag's, or
/// all), whether it passes the exception reference on, and the label it
/// branches to.
struct CatchClause {
  enum class Kind : uint8_t { Catch = 0, CatchRef = 1, CatchAll = 2, CatchAllRef = 3 };
  Kind K = Kind::Catch;
  uint32_t Tag = 0; ///< Catch and CatchRef only
  uint32_t Label = 0;
  bool hasTag() const { return K == Kind::Catch || K == Kind::CatchRef; }
  bool passesRef() const { return K == Kind::CatchRef || K == Kind::CatchAllRef; }
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

//===- Module.h - A decoded WebAssembly module ------------------*- C++ -*-===//
//
// The in-memory form of a module after decoding: the sections as tables of
// index spaces, with function bodies kept as byte ranges into the input (they
// are decoded, validated and lowered one function at a time). The bytes of
// the input must outlive the Module.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_MODULE_H
#define W2N_FRONTEND_MODULE_H

#include "frontend/Opcode.h"
#include "frontend/Types.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace w2n::frontend {

/// Fills M.CanonicalTypes from M.Types and M.TypeInfos.
void canonicalizeTypes(struct Module &M);

/// How a type was declared: its recursion group (rec; a type outside one
/// is a group of its own) and its declared supertype (sub). A type without
/// `sub`, or with `sub final`, is final: it has no subtypes.
struct SubTypeInfo {
  static constexpr uint32_t NoSuper = UINT32_MAX;
  uint32_t GroupBegin = 0;
  uint32_t GroupSize = 1;
  uint32_t Super = NoSuper; ///< the first declared supertype
  uint32_t NumSupers = 0;   ///< as declared; 3.0 allows at most one
  bool Final = true;
};

/// One instruction of a constant expression.
struct ConstInstr {
  Opcode Op = Opcode::End;
  ValType RefType = ValType::Void; // ref.null
  uint32_t Index = 0;              // global.get, ref.func
  V128 Bits{};                     // i32/i64/f32/f64/v128 constants, little-endian
  uint64_t Offset = 0;

  uint32_t i32() const { return uint32_t(i64()); }
  uint64_t i64() const {
    uint64_t V;
    std::memcpy(&V, Bits.data(), 8);
    return V;
  }
};

/// A constant expression (global initialisers, segment offsets, element
/// items): its constant instructions in order, a stack machine as any code
/// (3.0's extended constant expressions add i32/i64 add, sub and mul). The
/// decoder keeps what it read, and the validator says why anything is
/// invalid.
struct ConstExpr {
  llvm::SmallVector<ConstInstr, 1> Instrs;
  uint64_t Offset = 0;
  /// Offset of the first instruction that is not constant, if any.
  std::optional<uint64_t> NonConstantAt;
};

struct Import {
  llvm::StringRef Module;
  llvm::StringRef Field;
  ExternalKind Kind = ExternalKind::Func;
  uint32_t FuncTypeIndex = 0;
  TableType Table;
  MemoryType Memory;
  GlobalType Global;
  uint32_t TagTypeIndex = 0;
  uint64_t Offset = 0;
};

struct Export {
  llvm::StringRef Name;
  ExternalKind Kind = ExternalKind::Func;
  uint32_t Index = 0;
  uint64_t Offset = 0;
};

enum class SegmentMode : uint8_t { Active, Passive, Declarative };

struct ElemSegment {
  SegmentMode Mode = SegmentMode::Active;
  uint32_t Table = 0;
  ConstExpr OffsetExpr; // Active only
  ValType Type = ValType::FuncRef;
  std::vector<ConstExpr> Items;
  uint64_t Offset = 0;
};

struct DataSegment {
  SegmentMode Mode = SegmentMode::Active;
  uint32_t Memory = 0;
  ConstExpr OffsetExpr; // Active only
  llvm::ArrayRef<uint8_t> Bytes;
  uint64_t Offset = 0;
};

struct FunctionBody {
  uint64_t Offset = 0; // of the first byte after the size
  uint32_t Size = 0;
};

struct Module {
  llvm::ArrayRef<uint8_t> Bytes; // the whole input
  /// Decoded as WebAssembly 2.0 exactly (FrontendOptions): function bodies
  /// are decoded again, by the validator and the lowering, the same way.
  bool Wasm2Only = false;

  std::vector<FuncType> Types;
  std::vector<SubTypeInfo> TypeInfos; // for each type
  /// For each type index, the smallest index of an equivalent type (3.0
  /// compares types structurally, a type's references to itself included):
  /// equivalent types are interchangeable wherever a type is expected.
  std::vector<uint32_t> CanonicalTypes;
  std::vector<uint64_t> TypeOffsets; // where each type was read
  std::vector<Import> Imports;

  // Index spaces, imports first.
  std::vector<uint32_t> FuncTypeIndices;
  std::vector<uint64_t> FuncDeclOffsets; // where each type index was read
  uint32_t NumImportedFuncs = 0;
  std::vector<TableType> Tables;
  std::vector<uint64_t> TableOffsets;
  /// 3.0's table initialisers, of defined tables (none: null elements).
  std::vector<std::optional<ConstExpr>> TableInits;
  uint32_t NumImportedTables = 0;
  std::vector<MemoryType> Memories;
  std::vector<uint64_t> MemoryOffsets;
  uint32_t NumImportedMemories = 0;
  std::vector<GlobalType> Globals;
  std::vector<ConstExpr> GlobalInits; // defined globals only
  uint32_t NumImportedGlobals = 0;
  std::vector<uint32_t> TagTypes; ///< the type index of each tag
  std::vector<uint64_t> TagOffsets;
  uint32_t NumImportedTags = 0;

  std::vector<Export> Exports;
  std::optional<uint32_t> Start;
  uint64_t StartOffset = 0;
  std::vector<ElemSegment> Elems;
  std::optional<uint32_t> DataCount;
  std::vector<FunctionBody> Bodies; // defined functions
  std::vector<DataSegment> Datas;

  /// Functions that may be named by ref.func in a function body: those
  /// referenced from element segments, exports and global initialisers.
  llvm::BitVector DeclaredFuncRefs;

  // From the "name" custom section, when it is well formed.
  std::optional<llvm::StringRef> ModuleName;
  llvm::DenseMap<uint32_t, llvm::StringRef> FunctionNames;
  llvm::DenseMap<uint32_t, llvm::DenseMap<uint32_t, llvm::StringRef>> LocalNames;

  struct CustomSection {
    llvm::StringRef Name;
    llvm::ArrayRef<uint8_t> Contents;
    uint64_t Offset;
  };
  std::vector<CustomSection> CustomSections;

  uint32_t numFunctions() const { return uint32_t(FuncTypeIndices.size()); }
  uint32_t numDefinedFunctions() const {
    return numFunctions() - NumImportedFuncs;
  }
  /// The type of function Index; the caller has checked the index and the
  /// validator has checked the type index.
  const FuncType &funcType(uint32_t Index) const {
    return Types[FuncTypeIndices[Index]];
  }
  /// Whether a value of type A may be used where B is expected (3.0's
  /// subtyping of value types; Unknown, the bottom, matches everything).
  bool isSubtype(ValType A, ValType B) const;
  /// Whether the type index T names, if any, is below Limit.
  bool typeIndicesBelow(ValType T, size_t Limit) const {
    return !T.isRef() || T.heap() != HeapKind::Concrete ||
           T.typeIndex() < Limit;
  }
  llvm::StringRef functionName(uint32_t Index) const {
    auto It = FunctionNames.find(Index);
    return It == FunctionNames.end() ? llvm::StringRef() : It->second;
  }
};

} // namespace w2n::frontend

#endif

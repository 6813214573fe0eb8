//===- ModuleDecoder.cpp - Sections of the binary format ------------------===//
//
// Decoding reports malformed input, and (outside Wasm2Only) the constructs
// of proposals the compiler does not support yet. Anything that decodes but
// breaks a validation rule (an index out of range, a type mismatch in a
// constant expression, too many memories in 2.0) is kept as read and left
// to the validator, so that malformed and invalid modules are told apart as
// the spec does.
//
//===----------------------------------------------------------------------===//
#include "frontend/Frontend.h"

#include "frontend/BinaryReader.h"
#include "frontend/NameSection.h"
#include "frontend/OperatorDecoder.h"
#include "frontend/TypeReader.h"

namespace w2n::frontend {

namespace {

/// Collects the instructions of a constant expression. Non-constant
/// operators are decoded (to find malformed code) and remembered as such.
class ConstExprVisitor : public PermissiveOperatorVisitor<ConstExprVisitor> {
public:
  ConstExprVisitor(ConstExpr &Out, bool Wasm2Only)
      : Out(Out), Wasm2Only(Wasm2Only) {}

  llvm::Error visitUnhandled(Opcode Op) {
    // 3.0's extended constant expressions add these.
    if (!Wasm2Only &&
        (Op == Opcode::I32Add || Op == Opcode::I32Sub || Op == Opcode::I32Mul ||
         Op == Opcode::I64Add || Op == Opcode::I64Sub || Op == Opcode::I64Mul)) {
      push(Op);
      return llvm::Error::success();
    }
    if (!Out.NonConstantAt)
      Out.NonConstantAt = OpOffset;
    return llvm::Error::success();
  }
  llvm::Error visitEnd() { return llvm::Error::success(); }
  llvm::Error visitI32Const(int32_t V) {
    return add(Opcode::I32Const, uint64_t(int64_t(V)));
  }
  llvm::Error visitI64Const(int64_t V) {
    return add(Opcode::I64Const, uint64_t(V));
  }
  llvm::Error visitF32Const(uint32_t Bits) {
    return add(Opcode::F32Const, Bits);
  }
  llvm::Error visitF64Const(uint64_t Bits) {
    return add(Opcode::F64Const, Bits);
  }
  llvm::Error visitV128Const(const V128 &V) {
    ConstInstr &I = push(Opcode::V128Const);
    I.Bits = V;
    return llvm::Error::success();
  }
  llvm::Error visitRefNull(ValType T) {
    push(Opcode::RefNull).RefType = T;
    return llvm::Error::success();
  }
  llvm::Error visitRefFunc(uint32_t Func) {
    push(Opcode::RefFunc).Index = Func;
    return llvm::Error::success();
  }
  llvm::Error visitGlobalGet(uint32_t Global) {
    push(Opcode::GlobalGet).Index = Global;
    return llvm::Error::success();
  }

private:
  ConstInstr &push(Opcode Op) {
    ConstInstr &I = Out.Instrs.emplace_back();
    I.Op = Op;
    I.Offset = OpOffset;
    return I;
  }
  llvm::Error add(Opcode Op, uint64_t Bits) {
    ConstInstr &I = push(Op);
    std::memcpy(I.Bits.data(), &Bits, 8);
    return llvm::Error::success();
  }
  ConstExpr &Out;
  bool Wasm2Only;
};

// The order sections must come in (custom sections aside); the data count
// section sits between element and code, 3.0's tag section between memory
// and global.
int sectionRank(uint8_t Id, bool Wasm2Only) {
  switch (Id) {
  case 1: return 1;   // type
  case 2: return 2;   // import
  case 3: return 3;   // function
  case 4: return 4;   // table
  case 5: return 5;   // memory
  case 13: return Wasm2Only ? -1 : 6; // tag
  case 6: return 7;   // global
  case 7: return 8;   // export
  case 8: return 9;   // start
  case 9: return 10;  // element
  case 12: return 11; // data count
  case 10: return 12; // code
  case 11: return 13; // data
  default: return -1;
  }
}

/// The GC proposal's composite types, by their first byte.
const char *gcTypeForm(uint8_t Form) {
  switch (Form) {
  case 0x5e: return "array type";
  case 0x5f: return "struct type";
  default: return nullptr;
  }
}

class ModuleDecoder {
public:
  ModuleDecoder(llvm::ArrayRef<uint8_t> Bytes, const FrontendOptions &Opts)
      : Bytes(Bytes), M(std::make_unique<Module>()),
        Wasm2Only(Opts.Wasm2Only) {
    M->Bytes = Bytes;
    M->Wasm2Only = Wasm2Only;
  }

  llvm::Expected<std::unique_ptr<Module>> decode();

private:
  llvm::Error decodeSection(uint8_t Id, BinaryReader &R);
  llvm::Error decodeTypeSection(BinaryReader &R);
  /// One type of a recursion group of GroupSize types from GroupBegin.
  llvm::Error readSubType(BinaryReader &R, uint32_t GroupBegin,
                          uint32_t GroupSize);
  /// The most types a module may have (an implementation limit, as in
  /// other engines).
  static constexpr uint32_t MaxTypes = 1000000;
  llvm::Error decodeImportSection(BinaryReader &R);
  llvm::Error decodeFunctionSection(BinaryReader &R);
  llvm::Error decodeTableSection(BinaryReader &R);
  llvm::Error decodeMemorySection(BinaryReader &R);
  llvm::Error decodeGlobalSection(BinaryReader &R);
  llvm::Error decodeExportSection(BinaryReader &R);
  llvm::Error decodeStartSection(BinaryReader &R);
  llvm::Error decodeElementSection(BinaryReader &R);
  llvm::Error decodeDataCountSection(BinaryReader &R);
  llvm::Error decodeTagSection(BinaryReader &R);
  llvm::Error decodeCodeSection(BinaryReader &R);
  llvm::Error decodeDataSection(BinaryReader &R);
  void decodeCustomSection(BinaryReader &R);
  void collectDeclaredFuncRefs();

  bool readLimits(BinaryReader &R, Limits &L, bool &Is64, bool OfMemory,
                  bool *Shared = nullptr);
  bool readTableType(BinaryReader &R, TableType &T);
  bool readGlobalType(BinaryReader &R, GlobalType &T);
  /// A tag's type: the attribute byte (0, an exception) and a type index.
  bool readTagType(BinaryReader &R, uint32_t &TypeIndex);
  llvm::Error readConstExpr(BinaryReader &R, ConstExpr &E);
  void addMemory(const MemoryType &T, uint64_t At);

  llvm::ArrayRef<uint8_t> Bytes;
  std::unique_ptr<Module> M;
  llvm::SmallVector<uint32_t, 0> Scratch;
  std::optional<uint32_t> FunctionCount; // from the function section
  bool SawCode = false;
  bool SawData = false;
  bool Wasm2Only;
};

bool ModuleDecoder::readLimits(BinaryReader &R, Limits &L, bool &Is64,
                               bool OfMemory, bool *Shared) {
  uint64_t At = R.offset();
  uint8_t Flags;
  if (!R.readU8(Flags))
    return false;
  // Bit 0: a maximum follows; 2.0 has no other flag. 3.0 adds bit 2, 64-bit
  // addresses (memory64), and threads bit 1, a shared memory.
  uint8_t Known = Wasm2Only ? 1 : OfMemory ? 7 : 5;
  if (Flags & ~Known)
    return R.fail(At, "malformed limits flags");
  Is64 = Flags & 4;
  if (Shared)
    *Shared = Flags & 2;
  // The bounds are u32 in 2.0; u64 in 3.0, where too large is invalid.
  auto ReadBound = [&](uint64_t &Out) {
    uint32_t Bound32;
    if (!Wasm2Only)
      return R.readVarU64(Out);
    if (!R.readVarU32(Bound32))
      return false;
    Out = Bound32;
    return true;
  };
  L.Max.reset();
  if (!ReadBound(L.Min))
    return false;
  if (Flags & 1)
    return ReadBound(L.Max.emplace());
  return true;
}

bool ModuleDecoder::readTableType(BinaryReader &R, TableType &T) {
  return readRefType(R, T.Elem, Wasm2Only) &&
         readLimits(R, T.Size, T.Is64, false);
}

bool ModuleDecoder::readGlobalType(BinaryReader &R, GlobalType &T) {
  if (!readValType(R, T.Type, Wasm2Only))
    return false;
  uint64_t At = R.offset();
  uint8_t Mut;
  if (!R.readU8(Mut))
    return false;
  if (Mut > 1)
    return R.fail(At, "malformed mutability");
  T.Mutable = Mut == 1;
  return true;
}

llvm::Error ModuleDecoder::readConstExpr(BinaryReader &R, ConstExpr &E) {
  E.Offset = R.offset();
  ConstExprVisitor V(E, Wasm2Only);
  // memory.init and data.drop are not constant: the validator says so.
  OperatorDecoderOptions Opts;
  Opts.Wasm2Only = Wasm2Only;
  return decodeOperators(R, V, Opts, Scratch);
}

void ModuleDecoder::addMemory(const MemoryType &T, uint64_t At) {
  // More than one is invalid in 2.0 (the validator says so).
  M->Memories.push_back(T);
  M->MemoryOffsets.push_back(At);
}

llvm::Expected<std::unique_ptr<Module>> ModuleDecoder::decode() {
  BinaryReader R(Bytes.data(), Bytes.data(), Bytes.data() + Bytes.size());
  uint32_t Magic, Version;
  if (Bytes.size() < 4 || !R.readFixedU32(Magic) || Magic != 0x6d736100)
    return makeMalformed(0, "magic header not detected");
  if (!R.readFixedU32(Version))
    return makeMalformed(4, "unexpected end: unknown binary version");
  if (Version != 1)
    return makeMalformed(4, "unknown binary version");

  int LastRank = 0;
  while (!R.atEnd()) {
    uint64_t SectionAt = R.offset();
    uint8_t Id;
    uint32_t Size;
    R.readU8(Id);
    int Rank = sectionRank(Id, Wasm2Only);
    if (Id != 0 && Rank < 0)
      return makeMalformed(SectionAt, "malformed section id " + llvm::Twine(unsigned(Id)));
    if (!R.readVarU32(Size))
      return R.takeError();
    BinaryReader Sub(nullptr, nullptr, nullptr);
    if (!R.readSubReader(Size, Sub))
      return makeMalformed(SectionAt, "unexpected end: section size " +
                                          llvm::Twine(Size) +
                                          " exceeds the bytes that remain");
    if (Id == 0) {
      decodeCustomSection(Sub);
      if (Sub.hasError())
        return Sub.takeError();
      continue;
    }
    if (Rank <= LastRank)
      return makeMalformed(SectionAt, Rank == LastRank
                                          ? "duplicate section"
                                          : "unexpected content after last "
                                            "section: section out of order");
    LastRank = Rank;
    if (llvm::Error E = decodeSection(Id, Sub))
      return E;
    if (!Sub.atEnd())
      return makeMalformed(Sub.offset(), "section size mismatch: " +
                                             llvm::Twine(Sub.remaining()) +
                                             " byte(s) left unread");
  }

  uint32_t Declared = FunctionCount.value_or(0);
  if (!SawCode && Declared != 0)
    return makeMalformed(Bytes.size(),
                         "function and code section have inconsistent lengths");
  if (!SawData && M->DataCount.value_or(0) != 0)
    return makeMalformed(Bytes.size(), "data count and data section have "
                                       "inconsistent lengths");
  collectDeclaredFuncRefs();
  return std::move(M);
}

llvm::Error ModuleDecoder::decodeSection(uint8_t Id, BinaryReader &R) {
  switch (Id) {
  case 1: return decodeTypeSection(R);
  case 2: return decodeImportSection(R);
  case 3: return decodeFunctionSection(R);
  case 4: return decodeTableSection(R);
  case 5: return decodeMemorySection(R);
  case 6: return decodeGlobalSection(R);
  case 7: return decodeExportSection(R);
  case 8: return decodeStartSection(R);
  case 9: return decodeElementSection(R);
  case 10: return decodeCodeSection(R);
  case 11: return decodeDataSection(R);
  case 12: return decodeDataCountSection(R);
  case 13: return decodeTagSection(R);
  }
  llvm_unreachable("section ids are checked by the caller");
}

void ModuleDecoder::decodeCustomSection(BinaryReader &R) {
  uint64_t At = R.offset();
  llvm::StringRef Name;
  if (!R.readName(Name))
    return;
  llvm::ArrayRef<uint8_t> Contents;
  R.readBytes(R.remaining(), Contents);
  M->CustomSections.push_back({Name, Contents, At});
  if (Name == "name")
    readNameSection(*M, Bytes.data(), Contents);
}

llvm::Error ModuleDecoder::readSubType(BinaryReader &R, uint32_t GroupBegin,
                                       uint32_t GroupSize) {
  if (M->Types.size() >= MaxTypes)
    return makeInvalid(R.offset(), "implementation limit: more than " +
                                       llvm::Twine(MaxTypes) + " types");
  uint64_t At = R.offset();
  M->TypeOffsets.push_back(At);
  SubTypeInfo &Info = M->TypeInfos.emplace_back();
  Info.GroupBegin = GroupBegin;
  Info.GroupSize = GroupSize;
  FuncType &FT = M->Types.emplace_back();
  uint8_t Form;
  if (!R.readU8(Form))
    return R.takeError();
  // sub (0x50) or sub final (0x4f): the declared supertypes, then the
  // composite type. Without them, a type is final.
  if (!Wasm2Only && (Form == 0x50 || Form == 0x4f)) {
    Info.Final = Form == 0x4f;
    if (!R.readCount(Info.NumSupers))
      return R.takeError();
    for (uint32_t I = 0; I < Info.NumSupers; ++I) {
      uint32_t Super;
      if (!R.readVarU32(Super))
        return R.takeError();
      if (I == 0)
        Info.Super = Super;
    }
    At = R.offset();
    if (!R.readU8(Form))
      return R.takeError();
  }
  if (Form != 0x60) {
    if (!Wasm2Only)
      if (const char *What = gcTypeForm(Form))
        return makeUnsupported(At, Proposal::GC, What);
    return makeMalformed(At, "malformed function type: expected 0x60");
  }
  auto ReadTypes = [&](auto &List) {
    uint32_t N;
    if (!R.readCount(N))
      return false;
    List.resize(N);
    for (ValType &T : List)
      if (!readValType(R, T, Wasm2Only))
        return false;
    return true;
  };
  if (!ReadTypes(FT.Params) || !ReadTypes(FT.Results))
    return R.takeError();
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeTypeSection(BinaryReader &R) {
  // Counts recursion groups (3.0); a type outside `rec` is a group of one.
  // The smallest group is `rec` of nothing, the smallest type an empty
  // struct: two bytes each.
  uint32_t Count;
  if (!R.readCount(Count, Wasm2Only ? 3 : 2))
    return R.takeError();
  for (uint32_t G = 0; G < Count; ++G) {
    uint8_t Form;
    uint32_t Begin = uint32_t(M->Types.size());
    if (!Wasm2Only && R.peekU8(Form) && Form == 0x4e) {
      R.readU8(Form);
      uint32_t Size;
      if (!R.readCount(Size, 2))
        return R.takeError();
      for (uint32_t I = 0; I < Size; ++I)
        if (llvm::Error E = readSubType(R, Begin, Size))
          return E;
      continue;
    }
    if (llvm::Error E = readSubType(R, Begin, 1))
      return E;
  }
  canonicalizeTypes(*M);
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeImportSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count, 4))
    return R.takeError();
  M->Imports.reserve(Count);
  for (uint32_t I = 0; I < Count; ++I) {
    Import Imp;
    Imp.Offset = R.offset();
    if (!R.readName(Imp.Module) || !R.readName(Imp.Field))
      return R.takeError();
    uint64_t KindAt = R.offset();
    uint8_t Kind;
    if (!R.readU8(Kind))
      return R.takeError();
    uint64_t DescAt = R.offset();
    switch (Kind) {
    case 0:
      Imp.Kind = ExternalKind::Func;
      if (!R.readVarU32(Imp.FuncTypeIndex))
        return R.takeError();
      M->FuncTypeIndices.push_back(Imp.FuncTypeIndex);
      M->FuncDeclOffsets.push_back(DescAt);
      ++M->NumImportedFuncs;
      break;
    case 1:
      Imp.Kind = ExternalKind::Table;
      if (!readTableType(R, Imp.Table))
        return R.takeError();
      M->Tables.push_back(Imp.Table);
      M->TableOffsets.push_back(DescAt);
      ++M->NumImportedTables;
      break;
    case 2:
      Imp.Kind = ExternalKind::Memory;
      if (!readLimits(R, Imp.Memory.Pages, Imp.Memory.Is64, true,
                      &Imp.Memory.Shared))
        return R.takeError();
      addMemory(Imp.Memory, DescAt);
      ++M->NumImportedMemories;
      break;
    case 3:
      Imp.Kind = ExternalKind::Global;
      if (!readGlobalType(R, Imp.Global))
        return R.takeError();
      M->Globals.push_back(Imp.Global);
      ++M->NumImportedGlobals;
      break;
    case 4:
      if (Wasm2Only)
        return makeMalformed(KindAt, "malformed import kind");
      Imp.Kind = ExternalKind::Tag;
      if (!readTagType(R, Imp.TagTypeIndex))
        return R.takeError();
      M->TagTypes.push_back(Imp.TagTypeIndex);
      M->TagOffsets.push_back(DescAt);
      ++M->NumImportedTags;
      break;
    default:
      return makeMalformed(KindAt, "malformed import kind");
    }
    M->Imports.push_back(Imp);
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeFunctionSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count))
    return R.takeError();
  FunctionCount = Count;
  M->FuncTypeIndices.reserve(M->FuncTypeIndices.size() + Count);
  for (uint32_t I = 0; I < Count; ++I) {
    uint64_t At = R.offset();
    uint32_t TypeIndex;
    if (!R.readVarU32(TypeIndex))
      return R.takeError();
    M->FuncTypeIndices.push_back(TypeIndex);
    M->FuncDeclOffsets.push_back(At);
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeTableSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count, 3))
    return R.takeError();
  for (uint32_t I = 0; I < Count; ++I) {
    uint64_t At = R.offset();
    uint8_t B;
    // 3.0: 0x40 0x00 starts a table with an initializer expression.
    bool HasInit = !Wasm2Only && R.peekU8(B) && B == 0x40 &&
                   R.remaining() >= 2 && R.position()[1] == 0x00;
    if (HasInit) {
      uint8_t Reserved;
      R.readU8(B);
      R.readU8(Reserved);
    }
    TableType T;
    if (!readTableType(R, T))
      return R.takeError();
    M->Tables.push_back(T);
    M->TableOffsets.push_back(At);
    std::optional<ConstExpr> &Init = M->TableInits.emplace_back();
    if (HasInit)
      if (llvm::Error E = readConstExpr(R, Init.emplace()))
        return E;
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeMemorySection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count, 2))
    return R.takeError();
  for (uint32_t I = 0; I < Count; ++I) {
    uint64_t At = R.offset();
    MemoryType T;
    if (!readLimits(R, T.Pages, T.Is64, true, &T.Shared))
      return R.takeError();
    addMemory(T, At);
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeGlobalSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count, 3))
    return R.takeError();
  M->GlobalInits.reserve(Count);
  for (uint32_t I = 0; I < Count; ++I) {
    GlobalType T;
    if (!readGlobalType(R, T))
      return R.takeError();
    M->Globals.push_back(T);
    if (llvm::Error E = readConstExpr(R, M->GlobalInits.emplace_back()))
      return E;
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeExportSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count, 3))
    return R.takeError();
  M->Exports.reserve(Count);
  for (uint32_t I = 0; I < Count; ++I) {
    Export Exp;
    Exp.Offset = R.offset();
    if (!R.readName(Exp.Name))
      return R.takeError();
    uint64_t KindAt = R.offset();
    uint8_t Kind;
    if (!R.readU8(Kind) || !R.readVarU32(Exp.Index))
      return R.takeError();
    if (Kind > (Wasm2Only ? 3 : 4))
      return makeMalformed(KindAt, "malformed export kind");
    Exp.Kind = ExternalKind(Kind);
    M->Exports.push_back(Exp);
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeStartSection(BinaryReader &R) {
  M->StartOffset = R.offset();
  uint32_t Func;
  if (!R.readVarU32(Func))
    return R.takeError();
  M->Start = Func;
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeElementSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count))
    return R.takeError();
  M->Elems.reserve(Count);
  for (uint32_t I = 0; I < Count; ++I) {
    ElemSegment &Seg = M->Elems.emplace_back();
    Seg.Offset = R.offset();
    uint32_t Flags;
    if (!R.readVarU32(Flags))
      return R.takeError();
    if (Flags > 7)
      return makeMalformed(Seg.Offset, "malformed elements segment kind");
    // Bit 0: passive or declarative (else active); bit 1: an explicit
    // table index (active) or declarative (else passive); bit 2: items are
    // expressions (else function indices).
    bool NotActive = Flags & 1;
    bool Bit1 = Flags & 2;
    bool Exprs = Flags & 4;
    Seg.Mode = !NotActive ? SegmentMode::Active
               : Bit1     ? SegmentMode::Declarative
                          : SegmentMode::Passive;
    if (!NotActive && Bit1 && !R.readVarU32(Seg.Table))
      return R.takeError();
    if (!NotActive)
      if (llvm::Error E = readConstExpr(R, Seg.OffsetExpr))
        return E;
    // An element kind (0x00 = funcref) or a reference type follows, except
    // in the two legacy encodings (flags 0 and 4) that imply funcref.
    if (NotActive || Bit1) {
      if (Exprs) {
        if (!readRefType(R, Seg.Type, Wasm2Only))
          return R.takeError();
      } else {
        uint64_t KindAt = R.offset();
        uint8_t Kind;
        if (!R.readU8(Kind))
          return R.takeError();
        if (Kind != 0)
          return makeMalformed(KindAt, "malformed element kind");
      }
    }
    // Function indices are non-null references in 3.0, funcref in 2.0.
    if (!Exprs && !Wasm2Only)
      Seg.Type = ValType::ref(HeapKind::Func, false);
    uint32_t N;
    if (!R.readCount(N))
      return R.takeError();
    Seg.Items.resize(N);
    for (ConstExpr &Item : Seg.Items) {
      if (Exprs) {
        if (llvm::Error E = readConstExpr(R, Item))
          return E;
        continue;
      }
      Item.Offset = R.offset();
      ConstInstr &Ref = Item.Instrs.emplace_back();
      Ref.Op = Opcode::RefFunc;
      Ref.Offset = Item.Offset;
      if (!R.readVarU32(Ref.Index))
        return R.takeError();
    }
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeDataCountSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readVarU32(Count))
    return R.takeError();
  M->DataCount = Count;
  return llvm::Error::success();
}

bool ModuleDecoder::readTagType(BinaryReader &R, uint32_t &TypeIndex) {
  uint64_t At = R.offset();
  uint8_t Attribute;
  if (!R.readU8(Attribute))
    return false;
  if (Attribute != 0)
    return R.fail(At, "malformed tag attribute");
  return R.readVarU32(TypeIndex);
}

llvm::Error ModuleDecoder::decodeTagSection(BinaryReader &R) {
  uint32_t Count;
  if (!R.readCount(Count, 2))
    return R.takeError();
  for (uint32_t I = 0; I < Count; ++I) {
    uint64_t At = R.offset();
    uint32_t TypeIndex;
    if (!readTagType(R, TypeIndex))
      return R.takeError();
    M->TagTypes.push_back(TypeIndex);
    M->TagOffsets.push_back(At + 1);
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeCodeSection(BinaryReader &R) {
  SawCode = true;
  uint64_t At = R.offset();
  uint32_t Count;
  if (!R.readCount(Count, 2))
    return R.takeError();
  if (Count != FunctionCount.value_or(0))
    return makeMalformed(At, "function and code section have inconsistent "
                             "lengths");
  M->Bodies.reserve(Count);
  for (uint32_t I = 0; I < Count; ++I) {
    uint32_t Size;
    if (!R.readVarU32(Size))
      return R.takeError();
    FunctionBody Body;
    Body.Offset = R.offset();
    Body.Size = Size;
    BinaryReader Skip(nullptr, nullptr, nullptr);
    if (!R.readSubReader(Size, Skip))
      return R.takeError();
    M->Bodies.push_back(Body);
  }
  return llvm::Error::success();
}

llvm::Error ModuleDecoder::decodeDataSection(BinaryReader &R) {
  SawData = true;
  uint64_t At = R.offset();
  uint32_t Count;
  if (!R.readCount(Count))
    return R.takeError();
  if (M->DataCount && *M->DataCount != Count)
    return makeMalformed(At, "data count and data section have inconsistent "
                             "lengths");
  M->Datas.reserve(Count);
  for (uint32_t I = 0; I < Count; ++I) {
    DataSegment &Seg = M->Datas.emplace_back();
    Seg.Offset = R.offset();
    uint32_t Flags;
    if (!R.readVarU32(Flags))
      return R.takeError();
    if (Flags > 2)
      return makeMalformed(Seg.Offset, "malformed data segment kind");
    Seg.Mode = Flags == 1 ? SegmentMode::Passive : SegmentMode::Active;
    if (Flags == 2 && !R.readVarU32(Seg.Memory))
      return R.takeError();
    if (Seg.Mode == SegmentMode::Active)
      if (llvm::Error E = readConstExpr(R, Seg.OffsetExpr))
        return E;
    uint32_t Size;
    if (!R.readVarU32(Size) || !R.readBytes(Size, Seg.Bytes))
      return R.takeError();
  }
  return llvm::Error::success();
}

void ModuleDecoder::collectDeclaredFuncRefs() {
  uint32_t N = M->numFunctions();
  M->DeclaredFuncRefs.resize(N);
  auto Declare = [&](const ConstExpr &E) {
    for (const ConstInstr &I : E.Instrs)
      if (I.Op == Opcode::RefFunc && I.Index < N)
        M->DeclaredFuncRefs.set(I.Index);
  };
  for (const ConstExpr &E : M->GlobalInits)
    Declare(E);
  for (const std::optional<ConstExpr> &E : M->TableInits)
    if (E)
      Declare(*E);
  for (const ElemSegment &Seg : M->Elems)
    for (const ConstExpr &E : Seg.Items)
      Declare(E);
  for (const Export &Exp : M->Exports)
    if (Exp.Kind == ExternalKind::Func && Exp.Index < N)
      M->DeclaredFuncRefs.set(Exp.Index);
}

} // namespace

llvm::Expected<std::unique_ptr<Module>>
decodeModule(llvm::ArrayRef<uint8_t> Bytes, const FrontendOptions &Opts) {
  return ModuleDecoder(Bytes, Opts).decode();
}

} // namespace w2n::frontend

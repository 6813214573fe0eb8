//===- ModuleValidator.cpp - Module-level validation rules ----------------===//
#include "frontend/Frontend.h"

#include "frontend/FunctionValidator.h"

#include "llvm/ADT/StringSet.h"

namespace w2n::frontend {

namespace {

class ModuleValidator {
public:
  explicit ModuleValidator(const Module &M) : M(M) {}
  llvm::Error validate();

private:
  llvm::Error checkLimits(const Limits &L, uint64_t Bound, uint64_t At,
                          const char *BoundMessage);
  /// Checks that E is a constant expression producing one value of type
  /// Expected; global.get may name the first VisibleGlobals globals (in
  /// 2.0, the imported ones only).
  llvm::Error checkConstExpr(const ConstExpr &E, ValType Expected,
                             size_t VisibleGlobals);
  llvm::Error checkFuncType(uint32_t TypeIndex, uint64_t At);
  /// A tag's type: a function type without results.
  llvm::Error checkTagType(uint32_t TypeIndex, uint64_t At);
  /// Checks type I: it refers to types of its recursion group or earlier
  /// ones, and matches its declared supertype.
  llvm::Error checkSubType(uint32_t I);
  /// Checks that the type index T names, if any, is below Limit (by
  /// default, any type of the module).
  llvm::Error checkValType(ValType T, uint64_t At, size_t Limit = SIZE_MAX);
  llvm::Error checkTableType(const TableType &T, uint64_t At);
  llvm::Error checkMemoryType(const MemoryType &T, uint64_t At);

  const Module &M;
};

llvm::Error ModuleValidator::checkLimits(const Limits &L, uint64_t Bound,
                                         uint64_t At,
                                         const char *BoundMessage) {
  if (L.Min > Bound || (L.Max && *L.Max > Bound))
    return makeInvalid(At, BoundMessage);
  if (L.Max && L.Min > *L.Max)
    return makeInvalid(At, "size minimum must not be greater than maximum");
  return llvm::Error::success();
}

llvm::Error ModuleValidator::checkFuncType(uint32_t TypeIndex, uint64_t At) {
  if (TypeIndex >= M.Types.size())
    return makeInvalid(At, "unknown type " + llvm::Twine(TypeIndex));
  return llvm::Error::success();
}

llvm::Error ModuleValidator::checkTagType(uint32_t TypeIndex, uint64_t At) {
  if (llvm::Error E = checkFuncType(TypeIndex, At))
    return E;
  if (!M.Types[TypeIndex].Results.empty())
    return makeInvalid(At, "non-empty tag result type");
  return llvm::Error::success();
}

llvm::Error ModuleValidator::checkValType(ValType T, uint64_t At,
                                          size_t Limit) {
  if (!M.typeIndicesBelow(T, std::min(Limit, M.Types.size())))
    return makeInvalid(At, "unknown type " + llvm::Twine(T.typeIndex()));
  return llvm::Error::success();
}

llvm::Error ModuleValidator::checkSubType(uint32_t I) {
  const FuncType &FT = M.Types[I];
  const SubTypeInfo &Info = M.TypeInfos[I];
  uint64_t At = M.TypeOffsets[I];
  size_t Visible = Info.GroupBegin + Info.GroupSize;
  for (llvm::ArrayRef<ValType> List : {llvm::ArrayRef<ValType>(FT.Params),
                                       llvm::ArrayRef<ValType>(FT.Results)})
    for (ValType T : List)
      if (llvm::Error E = checkValType(T, At, Visible))
        return E;
  if (Info.NumSupers > 1)
    return makeInvalid(At, "sub type: at most one supertype");
  if (Info.NumSupers == 0)
    return llvm::Error::success();
  // The supertype comes first, is not final, and takes what its subtype
  // takes (contravariance) and returns what it returns (covariance).
  if (Info.Super >= I)
    return makeInvalid(At, "unknown type " + llvm::Twine(Info.Super) +
                               ": a supertype must be defined before");
  const FuncType &Super = M.Types[Info.Super];
  if (M.TypeInfos[Info.Super].Final)
    return makeInvalid(At, "sub type: type " + llvm::Twine(Info.Super) +
                               " is final");
  bool Match = Super.Params.size() == FT.Params.size() &&
               Super.Results.size() == FT.Results.size();
  for (size_t K = 0; Match && K < FT.Params.size(); ++K)
    Match = M.isSubtype(Super.Params[K], FT.Params[K]);
  for (size_t K = 0; Match && K < FT.Results.size(); ++K)
    Match = M.isSubtype(FT.Results[K], Super.Results[K]);
  if (!Match)
    return makeInvalid(At, "sub type: type " + llvm::Twine(I) +
                               " does not match its supertype " +
                               llvm::Twine(Info.Super));
  return llvm::Error::success();
}

llvm::Error ModuleValidator::checkConstExpr(const ConstExpr &E, ValType Expected,
                                            size_t VisibleGlobals) {
  if (E.NonConstantAt)
    return makeInvalid(*E.NonConstantAt, "constant expression required");
  llvm::SmallVector<ValType, 2> Stack;
  for (const ConstInstr &I : E.Instrs) {
    switch (I.Op) {
    case Opcode::I32Const: Stack.push_back(ValType::I32); break;
    case Opcode::I64Const: Stack.push_back(ValType::I64); break;
    case Opcode::F32Const: Stack.push_back(ValType::F32); break;
    case Opcode::F64Const: Stack.push_back(ValType::F64); break;
    case Opcode::V128Const: Stack.push_back(ValType::V128); break;
    case Opcode::RefNull:
      if (llvm::Error E = checkValType(I.RefType, I.Offset))
        return E;
      Stack.push_back(I.RefType);
      break;
    case Opcode::RefFunc: {
      if (I.Index >= M.numFunctions())
        return makeInvalid(I.Offset, "unknown function " + llvm::Twine(I.Index));
      uint32_t TypeIndex = M.FuncTypeIndices[I.Index];
      if (TypeIndex >= M.Types.size())
        return makeInvalid(I.Offset, "unknown type " + llvm::Twine(TypeIndex));
      Stack.push_back(ValType::ref(HeapKind::Concrete, false, TypeIndex));
      break;
    }
    case Opcode::GlobalGet:
      if (I.Index >= VisibleGlobals)
        return makeInvalid(I.Offset, "unknown global " + llvm::Twine(I.Index));
      if (M.Globals[I.Index].Mutable)
        return makeInvalid(I.Offset, "constant expression required: global " +
                                         llvm::Twine(I.Index) + " is mutable");
      Stack.push_back(M.Globals[I.Index].Type);
      break;
    case Opcode::I32Add:
    case Opcode::I32Sub:
    case Opcode::I32Mul:
    case Opcode::I64Add:
    case Opcode::I64Sub:
    case Opcode::I64Mul: {
      // Extended constant expressions (3.0).
      ValType T = opcodeInfo(I.Op).Sig.Result;
      for (int Operand = 0; Operand < 2; ++Operand) {
        if (Stack.empty() || Stack.back() != T)
          return makeInvalid(I.Offset, "type mismatch: " + opcodeName(I.Op) +
                                           " in a constant expression needs "
                                           "two " + valTypeName(T) +
                                           " operands");
        Stack.pop_back();
      }
      Stack.push_back(T);
      break;
    }
    default:
      llvm_unreachable("the decoder keeps constant operators only");
    }
  }
  if (Stack.size() != 1 || !M.isSubtype(Stack[0], Expected)) {
    std::string Found;
    for (ValType T : Stack) {
      if (!Found.empty())
        Found += ' ';
      Found += valTypeName(T);
    }
    return makeInvalid(E.Offset, "type mismatch: constant expression must "
                                 "produce " +
                                     valTypeName(Expected) + ", found [" +
                                     Found + "]");
  }
  return llvm::Error::success();
}

llvm::Error ModuleValidator::checkTableType(const TableType &T, uint64_t At) {
  // Any u64 is a valid bound of a table64.
  if (llvm::Error E = checkValType(T.Elem, At))
    return E;
  if (T.Is64)
    return checkLimits(T.Size, MaxTable64Size, At, "");
  return checkLimits(T.Size, MaxTableSize, At,
                     "table size must be at most 2^32-1");
}

llvm::Error ModuleValidator::checkMemoryType(const MemoryType &T, uint64_t At) {
  if (T.Shared && !T.Pages.Max)
    return makeInvalid(At, "shared memory must have maximum");
  if (T.Is64)
    return checkLimits(T.Pages, MaxMemory64Pages, At,
                       "memory size must be at most 2^48 pages");
  return checkLimits(T.Pages, MaxMemoryPages, At,
                     "memory size must be at most 65536 pages (4GiB)");
}

llvm::Error ModuleValidator::validate() {
  for (size_t I = 0; I < M.Types.size(); ++I)
    if (llvm::Error E = checkSubType(uint32_t(I)))
      return E;
  for (const Import &Imp : M.Imports) {
    switch (Imp.Kind) {
    case ExternalKind::Func:
      if (llvm::Error E = checkFuncType(Imp.FuncTypeIndex, Imp.Offset))
        return E;
      break;
    case ExternalKind::Table:
      if (llvm::Error E = checkTableType(Imp.Table, Imp.Offset))
        return E;
      break;
    case ExternalKind::Memory:
      if (llvm::Error E = checkMemoryType(Imp.Memory, Imp.Offset))
        return E;
      break;
    case ExternalKind::Global:
      if (llvm::Error E = checkValType(Imp.Global.Type, Imp.Offset))
        return E;
      break;
    case ExternalKind::Tag:
      if (llvm::Error E = checkTagType(Imp.TagTypeIndex, Imp.Offset))
        return E;
      break;
    }
  }
  for (uint32_t F = M.NumImportedFuncs; F < M.numFunctions(); ++F)
    if (llvm::Error E = checkFuncType(M.FuncTypeIndices[F], M.FuncDeclOffsets[F]))
      return E;
  for (size_t T = M.NumImportedTables; T < M.Tables.size(); ++T) {
    const TableType &Table = M.Tables[T];
    if (llvm::Error E = checkTableType(Table, M.TableOffsets[T]))
      return E;
    // The table section comes before the global section: an initialiser
    // sees the imported globals only.
    const std::optional<ConstExpr> &Init =
        M.TableInits[T - M.NumImportedTables];
    if (Init) {
      if (llvm::Error E =
              checkConstExpr(*Init, Table.Elem, M.NumImportedGlobals))
        return E;
    } else if (!Table.Elem.isDefaultable()) {
      return makeInvalid(M.TableOffsets[T],
                         "type mismatch: a table of " +
                             valTypeName(Table.Elem) +
                             " needs an initializer expression");
    }
  }
  for (size_t I = M.NumImportedMemories; I < M.Memories.size(); ++I)
    if (llvm::Error E = checkMemoryType(M.Memories[I], M.MemoryOffsets[I]))
      return E;
  // 3.0 allows any number (multi-memory).
  if (M.Wasm2Only && M.Memories.size() > 1)
    return makeInvalid(M.MemoryOffsets[1], "multiple memories");
  // The tag section sits between memory and global.
  for (size_t T = M.NumImportedTags; T < M.TagTypes.size(); ++T)
    if (llvm::Error E = checkTagType(M.TagTypes[T], M.TagOffsets[T]))
      return E;

  // In 2.0 every constant expression sees the imported globals only; in
  // 3.0, a global's initializer sees the globals before it, and segments
  // see them all.
  size_t Visible = M.NumImportedGlobals;
  for (size_t I = 0; I < M.GlobalInits.size(); ++I) {
    if (llvm::Error E = checkValType(M.Globals[M.NumImportedGlobals + I].Type,
                                     M.GlobalInits[I].Offset))
      return E;
    if (llvm::Error E = checkConstExpr(
            M.GlobalInits[I], M.Globals[M.NumImportedGlobals + I].Type,
            M.Wasm2Only ? Visible : M.NumImportedGlobals + I))
      return E;
  }
  if (!M.Wasm2Only)
    Visible = M.Globals.size();

  llvm::StringSet<> Names;
  for (const Export &Exp : M.Exports) {
    size_t Limit = 0;
    switch (Exp.Kind) {
    case ExternalKind::Func: Limit = M.numFunctions(); break;
    case ExternalKind::Table: Limit = M.Tables.size(); break;
    case ExternalKind::Memory: Limit = M.Memories.size(); break;
    case ExternalKind::Global: Limit = M.Globals.size(); break;
    case ExternalKind::Tag: Limit = M.TagTypes.size(); break;
    }
    if (Exp.Index >= Limit)
      return makeInvalid(Exp.Offset, "unknown " + externalKindName(Exp.Kind) +
                                         " " + llvm::Twine(Exp.Index));
    if (!Names.insert(Exp.Name).second)
      return makeInvalid(Exp.Offset, "duplicate export name \"" + Exp.Name +
                                         "\"");
  }

  if (M.Start) {
    if (*M.Start >= M.numFunctions())
      return makeInvalid(M.StartOffset,
                         "unknown function " + llvm::Twine(*M.Start));
    const FuncType &FT = M.funcType(*M.Start);
    if (!FT.Params.empty() || !FT.Results.empty())
      return makeInvalid(M.StartOffset,
                         "start function must take and return nothing");
  }

  for (const ElemSegment &Seg : M.Elems) {
    if (llvm::Error E = checkValType(Seg.Type, Seg.Offset))
      return E;
    if (Seg.Mode == SegmentMode::Active) {
      if (Seg.Table >= M.Tables.size())
        return makeInvalid(Seg.Offset, "unknown table " + llvm::Twine(Seg.Table));
      if (llvm::Error E = checkConstExpr(
              Seg.OffsetExpr, M.Tables[Seg.Table].indexType(), Visible))
        return E;
      if (!M.isSubtype(Seg.Type, M.Tables[Seg.Table].Elem))
        return makeInvalid(Seg.Offset, "type mismatch: element segment of " +
                                           valTypeName(Seg.Type) +
                                           " for a table of " +
                                           valTypeName(M.Tables[Seg.Table].Elem));
    }
    for (const ConstExpr &Item : Seg.Items)
      if (llvm::Error E = checkConstExpr(Item, Seg.Type, Visible))
        return E;
  }

  for (const DataSegment &Seg : M.Datas) {
    if (Seg.Mode != SegmentMode::Active)
      continue;
    if (Seg.Memory >= M.Memories.size())
      return makeInvalid(Seg.Offset, "unknown memory " + llvm::Twine(Seg.Memory));
    if (llvm::Error E = checkConstExpr(
            Seg.OffsetExpr, M.Memories[Seg.Memory].indexType(), Visible))
      return E;
  }
  return llvm::Error::success();
}

/// The error E, saying which function it is in (by index, and by name when
/// the name section gives one).
llvm::Error inFunction(const Module &M, uint32_t Func, const WasmError &E) {
  std::string Where = " in function " + std::to_string(Func);
  llvm::StringRef Name = M.functionName(Func);
  if (!Name.empty())
    Where += " \"" + Name.str() + "\"";
  return llvm::make_error<WasmError>(E.kind(), E.offset(), E.text() + Where);
}

} // namespace

llvm::Error validateModule(const Module &M) {
  // Bodies first: a malformed body must win over any invalidity, so once a
  // body is found invalid, it and every later body are decoded again, for
  // malformed code only. An unsupported construct ranks with malformed
  // code (a decode error): decoding stops there.
  FunctionValidator V(M);
  llvm::SmallVector<uint32_t, 0> Scratch;
  auto InFunction = [&](uint32_t I, llvm::Error E, bool &DecodeError) {
    return llvm::handleErrors(std::move(E),
                              [&](std::unique_ptr<WasmError> W) {
                                DecodeError = W->kind() != ErrorKind::Invalid;
                                return inFunction(M, M.NumImportedFuncs + I, *W);
                              });
  };
  uint32_t N = uint32_t(M.Bodies.size());
  for (uint32_t I = 0; I < N; ++I) {
    llvm::Error E = validateFunctionBody(M, I, V, Scratch);
    if (!E)
      continue;
    bool DecodeError = false;
    E = InFunction(I, std::move(E), DecodeError);
    if (DecodeError)
      return E;
    for (uint32_t J = I; J < N; ++J) {
      bool Ignored;
      if (llvm::Error D = decodeFunctionBodyOnly(M, J, Scratch)) {
        llvm::consumeError(std::move(E));
        return InFunction(J, std::move(D), Ignored);
      }
    }
    // Module-level rules are checked first, as they come first in the file.
    if (llvm::Error ModuleError = ModuleValidator(M).validate()) {
      llvm::consumeError(std::move(E));
      return ModuleError;
    }
    return E;
  }
  return ModuleValidator(M).validate();
}

llvm::Expected<std::unique_ptr<Module>>
loadModule(llvm::ArrayRef<uint8_t> Bytes, const FrontendOptions &Opts) {
  auto M = decodeModule(Bytes, Opts);
  if (!M)
    return M.takeError();
  if (llvm::Error E = validateModule(**M))
    return E;
  return M;
}

} // namespace w2n::frontend

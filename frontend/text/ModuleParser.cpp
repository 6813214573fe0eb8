//===- ModuleParser.cpp - Fields and types of a WAT module ----------------===//
#include "frontend/text/ModuleParser.h"

#include "llvm/ADT/StringSwitch.h"

namespace w2n::frontend::text {

llvm::StringRef spaceName(Space S) {
  static constexpr llvm::StringLiteral Names[] = {
      "type", "func", "table", "memory", "global", "tag", "elem", "data"};
  return Names[size_t(S)];
}

namespace {

std::optional<Space> definitionSpace(llvm::StringRef Keyword) {
  return llvm::StringSwitch<std::optional<Space>>(Keyword)
      .Case("func", Space::Func)
      .Case("table", Space::Table)
      .Case("memory", Space::Memory)
      .Case("global", Space::Global)
      .Case("tag", Space::Tag)
      .Default(std::nullopt);
}

/// The external kind byte of an index space that can be imported.
uint8_t externalKind(Space S) {
  switch (S) {
  case Space::Func: return 0;
  case Space::Table: return 1;
  case Space::Memory: return 2;
  case Space::Global: return 3;
  case Space::Tag: return 4;
  default: return 0xff;
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// Walk 1: where the fields are, and the ids of every index space.
//===----------------------------------------------------------------------===//

llvm::Error ModuleParser::defineId(Space S, const Token &IdToken) {
  IndexSpace &Sp = Spaces[size_t(S)];
  if (IdToken.Kind == TokenKind::Id) {
    std::string Name;
    TRY(C.idName(IdToken, Name));
    if (!Sp.Ids.try_emplace(Name, Sp.Count).second)
      return C.errorAt(IdToken, "duplicate " + spaceName(S) + " " +
                                    C.text(IdToken));
  }
  ++Sp.Count;
  return llvm::Error::success();
}

llvm::Error ModuleParser::scanField(std::vector<FieldRef> &Out) {
  size_t Start = C.position();
  const Token &Open = C.next();
  if (!C.isKind(TokenKind::Keyword))
    return C.unexpected("a module field");
  const Token &KindTok = C.next();
  llvm::StringRef Kind = C.text(KindTok);
  // Imports come before every definition of a function, table, memory,
  // global or tag.
  auto CheckImportOrder = [&]() -> llvm::Error {
    if (FirstDefinition)
      return C.errorAt(Open, llvm::Twine("import after ") + FirstDefinition);
    return llvm::Error::success();
  };

  if (Kind == "type") {
    TRY(defineId(Space::Type, C.peek()));
    Out.push_back({Start, true});
  } else if (Kind == "rec") {
    while (C.isOpen("type")) {
      size_t TypeStart = C.position();
      C.next();
      C.next();
      TRY(defineId(Space::Type, C.peek()));
      C.seek(TypeStart);
      C.skipSExpr();
    }
    Out.push_back({Start, true});
  } else if (Kind == "import") {
    // (import "m" "n" (KIND $id? ...))
    C.next();
    C.next();
    if (!C.isKind(TokenKind::LParen) || !C.isKind(TokenKind::Keyword, 1))
      return C.unexpected("an import description");
    std::optional<Space> S = definitionSpace(C.peekText(1));
    if (!S)
      return C.errorAt(C.peek(1),
                       "unknown import kind \"" + C.peekText(1) + "\"");
    TRY(CheckImportOrder());
    C.next();
    C.next();
    TRY(defineId(*S, C.peek()));
    Out.push_back({Start, false});
  } else if (std::optional<Space> S = definitionSpace(Kind)) {
    const Token &IdTok = C.peek();
    if (IdTok.Kind == TokenKind::Id)
      C.next();
    while (C.isOpen("export"))
      C.skipSExpr();
    bool IsImport = C.isOpen("import");
    if (IsImport)
      TRY(CheckImportOrder());
    else if (!FirstDefinition)
      FirstDefinition = *S == Space::Func     ? "function"
                        : *S == Space::Table  ? "table"
                        : *S == Space::Memory ? "memory"
                        : *S == Space::Global ? "global"
                                              : "tag";
    TRY(defineId(*S, IdTok));
    if (!IsImport && (*S == Space::Table || *S == Space::Memory)) {
      // An inline element or data segment is a segment of its own.
      llvm::StringRef Inline = *S == Space::Table ? "elem" : "data";
      while (C.isKind(TokenKind::LParen) || C.isKind(TokenKind::Keyword) ||
             C.isKind(TokenKind::Other)) {
        if (C.isOpen(Inline)) {
          ++Spaces[size_t(*S == Space::Table ? Space::Elem : Space::Data)].Count;
          break;
        }
        C.skipSExpr();
      }
    }
    Out.push_back({Start, false});
  } else if (Kind == "elem" || Kind == "data") {
    TRY(defineId(Kind == "elem" ? Space::Elem : Space::Data, C.peek()));
    Out.push_back({Start, false});
  } else if (Kind == "export" || Kind == "start") {
    Out.push_back({Start, false});
  } else {
    return C.errorAt(KindTok, "unknown module field \"" + Kind + "\"");
  }
  C.seek(Start);
  if (!C.skipSExpr())
    return C.errorAt(Open, "unclosed module field");
  return llvm::Error::success();
}

llvm::Error ModuleParser::scanFields() {
  while (C.isKind(TokenKind::LParen))
    TRY(scanField(Fields));
  if (!C.isKind(TokenKind::RParen) && !C.isKind(TokenKind::Eof))
    return C.unexpected("a module field");
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// Walk 3: the other fields.
//===----------------------------------------------------------------------===//

llvm::Error ModuleParser::parseInlineExports(uint8_t Kind, uint32_t Index) {
  while (C.takeOpen("export")) {
    ExportSec.mark(C.peek().Begin);
    std::string Name;
    TRY(C.takeString(Name, /*Name=*/true));
    TRY(C.expectRParen());
    ExportSec.W.name(Name);
    ExportSec.W.u8(Kind);
    ExportSec.W.u32(Index);
    ++ExportSec.Count;
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::beginDefinition(Space S, Definition &D) {
  // (KIND $id? (export "n")* (import "m" "n")?
  D.Open = &C.peek();
  C.next();
  C.next();
  std::string Id;
  TRY(C.takeOptionalId(Id));
  D.Index = Written[size_t(S)]++;
  if (S == Space::Func && !Id.empty())
    FuncNames.emplace_back(D.Index, Id);
  TRY(parseInlineExports(externalKind(S), D.Index));
  D.Imported = C.isOpen("import");
  if (!D.Imported)
    return llvm::Error::success();
  ImportSec.mark(C.peek().Begin);
  C.next();
  C.next();
  std::string Module, Field;
  TRY(C.takeString(Module, /*Name=*/true));
  TRY(C.takeString(Field, /*Name=*/true));
  TRY(C.expectRParen());
  ImportSec.W.name(Module);
  ImportSec.W.name(Field);
  ImportSec.W.u8(externalKind(S));
  ++ImportSec.Count;
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseTableType(ByteWriter &Out) {
  // addrtype? limits reftype; the binary has the reference type first.
  bool Is64 = takeAddrType();
  ByteWriter Limits;
  TRY(parseLimits(Limits, Is64, /*AllowShared=*/false));
  ValTypeBytes T;
  TRY(parseRefType(T));
  Out.bytes(T);
  Out.append(Limits);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseGlobalType(ByteWriter &Out) {
  bool Mutable = C.takeOpen("mut");
  ValTypeBytes T;
  TRY(parseValType(T));
  if (Mutable)
    TRY(C.expectRParen());
  Out.bytes(T);
  Out.u8(Mutable ? 1 : 0);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseImportDesc(Space S) {
  ByteWriter &W = ImportSec.W;
  switch (S) {
  case Space::Func:
  case Space::Tag: {
    uint32_t TypeIndex;
    FuncSig Sig;
    TRY(parseTypeUse(TypeIndex, Sig, /*AllowIds=*/true));
    if (S == Space::Tag)
      W.u8(0); // the exception attribute
    W.u32(TypeIndex);
    break;
  }
  case Space::Table:
    TRY(parseTableType(W));
    break;
  case Space::Memory: {
    bool Is64 = takeAddrType();
    TRY(parseLimits(W, Is64, /*AllowShared=*/true));
    break;
  }
  case Space::Global:
    TRY(parseGlobalType(W));
    break;
  default:
    break;
  }
  return C.expectRParen();
}

llvm::Error ModuleParser::parseImport() {
  // (import "m" "n" (KIND $id? DESC))
  ImportSec.mark(C.peek().Begin);
  C.next();
  C.next();
  std::string Module, Field;
  TRY(C.takeString(Module, /*Name=*/true));
  TRY(C.takeString(Field, /*Name=*/true));
  TRY(C.expectLParen());
  Space S = *definitionSpace(C.peekText());
  C.next();
  std::string Id;
  TRY(C.takeOptionalId(Id));
  uint32_t Index = Written[size_t(S)]++;
  if (S == Space::Func && !Id.empty())
    FuncNames.emplace_back(Index, Id);
  ImportSec.W.name(Module);
  ImportSec.W.name(Field);
  ImportSec.W.u8(externalKind(S));
  ++ImportSec.Count;
  TRY(parseImportDesc(S));
  return C.expectRParen();
}

llvm::Error ModuleParser::parseFunc() {
  // (func $id? (export "n")* (import "m" "n")? typeuse local* instr*)
  Definition D;
  TRY(beginDefinition(Space::Func, D));
  if (D.Imported)
    return parseImportDesc(Space::Func);
  uint32_t TypeIndex;
  FuncSig Sig;
  TRY(parseTypeUse(TypeIndex, Sig, /*AllowIds=*/true));
  FuncSec.W.u32(TypeIndex);
  ++FuncSec.Count;
  CodeSec.mark(D.Open->Begin);
  LocalNames.emplace_back(D.Index,
                          std::vector<std::pair<uint32_t, std::string>>());
  CurrentLocalNames = &LocalNames.back().second;
  TRY(parseFuncBody(Sig, CodeSec));
  CurrentLocalNames = nullptr;
  if (LocalNames.back().second.empty())
    LocalNames.pop_back();
  ++CodeSec.Count;
  return C.expectRParen();
}

llvm::Error ModuleParser::parseElemList(bool Exprs, ByteWriter &Items,
                                        uint32_t &N, bool IndicesAsExprs) {
  // Expressions, `(item expr)` or one folded instruction each; or function
  // indices, written as such or as ref.func expressions.
  N = 0;
  for (; !C.isKind(TokenKind::RParen); ++N) {
    if (!Exprs) {
      if (IndicesAsExprs)
        Items.u8(0xd2); // ref.func
      TRY(writeIndex(Space::Func, Items));
      if (IndicesAsExprs)
        Items.u8(0x0b); // end
      continue;
    }
    SectionBuffer Item;
    if (C.takeOpen("item")) {
      TRY(parseConstExpr(Item));
      TRY(C.expectRParen());
    } else {
      TRY(parseFoldedConstExpr(Item));
    }
    Items.append(Item.W);
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::takeDataStrings(std::string &Bytes) {
  std::string Piece;
  while (C.isKind(TokenKind::String)) {
    TRY(C.takeString(Piece));
    Bytes += Piece;
  }
  return llvm::Error::success();
}

void ModuleParser::writeZeroOffset(ByteWriter &Out, bool Is64) {
  Out.u8(Is64 ? 0x42 : 0x41); // i64.const / i32.const
  Out.u8(0);
  Out.u8(0x0b);
}

void ModuleParser::writeExactLimits(ByteWriter &Out, bool Is64, uint64_t Size) {
  Out.u8(Is64 ? 5 : 1); // a maximum, and the 64-bit flag
  Out.u32(Size);
  Out.u32(Size);
}

llvm::Error ModuleParser::parseTable() {
  // (table $id? (export)* (import)? tabletype)
  // (table $id? (export)* tabletype expr)
  // (table $id? (export)* addrtype? reftype (elem ...))
  Definition D;
  TRY(beginDefinition(Space::Table, D));
  if (D.Imported)
    return parseImportDesc(Space::Table);
  TableSec.mark(D.Open->Begin);
  ++TableSec.Count;
  size_t TypeAt = C.position();
  bool Is64 = takeAddrType();
  if (C.isNatToken()) {
    C.seek(TypeAt);
    ByteWriter Type;
    TRY(parseTableType(Type));
    if (!C.isKind(TokenKind::RParen)) {
      // An initialiser for every element: 0x40 0x00 before the type.
      TableSec.W.u8(0x40);
      TableSec.W.u8(0x00);
      TableSec.W.append(Type);
      TRY(parseConstExpr(TableSec));
    } else {
      TableSec.W.append(Type);
    }
    return C.expectRParen();
  }
  // reftype (elem ...): a table just large enough for its elements, and
  // an active segment at its offset 0.
  ValTypeBytes T;
  TRY(parseRefType(T));
  if (!C.takeOpen("elem"))
    return C.unexpected("\"(elem\"");
  Written[size_t(Space::Elem)]++;
  // The segment has the table's type: function indices into a table of
  // another type than funcref are written as ref.func expressions.
  bool Exprs = C.isKind(TokenKind::LParen);
  bool IndicesAsExprs = !Exprs && T != ValTypeBytes(1, '\x70');
  ByteWriter Items;
  uint32_t N;
  TRY(parseElemList(Exprs, Items, N, IndicesAsExprs));
  TRY(C.expectRParen());
  Exprs = Exprs || IndicesAsExprs;
  ElemSec.mark(D.Open->Begin);
  ByteWriter &E = ElemSec.W;
  // Flags 2 (indices) or 6 (expressions): a table index and an offset,
  // then the element kind or type.
  E.u8(Exprs ? 6 : 2);
  E.u32(D.Index);
  writeZeroOffset(E, Is64);
  if (Exprs)
    E.bytes(T);
  else
    E.u8(0x00);
  E.u32(N);
  E.append(Items);
  ++ElemSec.Count;
  TableSec.W.bytes(T);
  writeExactLimits(TableSec.W, Is64, N);
  return C.expectRParen();
}

llvm::Error ModuleParser::parseMemory() {
  // (memory $id? (export)* (import)? memtype)
  // (memory $id? (export)* addrtype? (data string*))
  Definition D;
  TRY(beginDefinition(Space::Memory, D));
  if (D.Imported)
    return parseImportDesc(Space::Memory);
  bool Is64 = takeAddrType();
  MemorySec.mark(D.Open->Begin);
  ++MemorySec.Count;
  if (!C.takeOpen("data")) {
    TRY(parseLimits(MemorySec.W, Is64, /*AllowShared=*/true));
    return C.expectRParen();
  }
  // Inline data: a memory just large enough for it, and an active segment
  // at its offset 0.
  std::string Bytes;
  TRY(takeDataStrings(Bytes));
  TRY(C.expectRParen());
  Written[size_t(Space::Data)]++;
  DataSec.mark(D.Open->Begin);
  DataSec.W.u8(D.Index == 0 ? 0 : 2);
  if (D.Index != 0)
    DataSec.W.u32(D.Index);
  writeZeroOffset(DataSec.W, Is64);
  DataSec.W.name(Bytes);
  ++DataSec.Count;
  writeExactLimits(MemorySec.W, Is64, (Bytes.size() + 65535) / 65536);
  return C.expectRParen();
}

llvm::Error ModuleParser::parseGlobal() {
  // (global $id? (export)* (import)? globaltype expr)
  Definition D;
  TRY(beginDefinition(Space::Global, D));
  if (D.Imported)
    return parseImportDesc(Space::Global);
  GlobalSec.mark(D.Open->Begin);
  TRY(parseGlobalType(GlobalSec.W));
  TRY(parseConstExpr(GlobalSec));
  ++GlobalSec.Count;
  return C.expectRParen();
}

llvm::Error ModuleParser::parseTag() {
  // (tag $id? (export)* (import)? typeuse)
  Definition D;
  TRY(beginDefinition(Space::Tag, D));
  if (D.Imported)
    return parseImportDesc(Space::Tag);
  uint32_t TypeIndex;
  FuncSig Sig;
  TRY(parseTypeUse(TypeIndex, Sig, /*AllowIds=*/true));
  TagSec.mark(D.Open->Begin);
  TagSec.W.u8(0);
  TagSec.W.u32(TypeIndex);
  ++TagSec.Count;
  return C.expectRParen();
}

llvm::Error ModuleParser::parseExport() {
  // (export "n" (KIND x))
  ExportSec.mark(C.peek().Begin);
  C.next();
  C.next();
  std::string Name;
  TRY(C.takeString(Name, /*Name=*/true));
  TRY(C.expectLParen());
  std::optional<Space> S;
  if (C.isKind(TokenKind::Keyword))
    S = definitionSpace(C.peekText());
  if (!S)
    return C.unexpected("an export kind");
  C.next();
  uint32_t Index;
  TRY(parseIndex(*S, Index));
  TRY(C.expectRParen());
  ExportSec.W.name(Name);
  ExportSec.W.u8(externalKind(*S));
  ExportSec.W.u32(Index);
  ++ExportSec.Count;
  return C.expectRParen();
}

llvm::Error ModuleParser::parseStart() {
  const Token &Start = C.peek();
  C.next();
  C.next();
  if (HasStart)
    return C.errorAt(Start, "multiple start sections");
  HasStart = true;
  StartSec.mark(Start.Begin);
  uint32_t Index;
  TRY(parseIndex(Space::Func, Index));
  StartSec.W.u32(Index);
  return C.expectRParen();
}

llvm::Error ModuleParser::parseSegmentPlacement(Space Target,
                                                std::optional<uint32_t> &Index,
                                                SectionBuffer &Offset,
                                                bool &Active) {
  // `(table x)` / `(memory x)`, or in the 1.0 form the bare index; then
  // `(offset expr)` or one folded instruction.
  llvm::StringRef Word = Target == Space::Table ? "table" : "memory";
  Index.reset();
  Active = false;
  if (C.isOpen(Word) || atIndex()) {
    bool Wrapped = C.takeOpen(Word);
    uint32_t X;
    TRY(parseIndex(Target, X));
    if (Wrapped)
      TRY(C.expectRParen());
    Index = X;
  }
  if (C.takeOpen("offset")) {
    TRY(parseConstExpr(Offset));
    TRY(C.expectRParen());
    Active = true;
  } else if (C.isKind(TokenKind::LParen) && !C.isOpen("ref") &&
             !C.isOpen("item")) {
    TRY(parseFoldedConstExpr(Offset));
    Active = true;
  } else if (Index) {
    return C.unexpected("an offset");
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseElem() {
  // (elem $id? declare? elemlist)
  // (elem $id? (table x)? offset elemlist), offset = (offset e) | (instr)
  // elemlist = reftype elemexpr* | func? funcidx*
  const Token &Start = C.peek();
  C.next();
  C.next();
  std::string Id;
  TRY(C.takeOptionalId(Id));
  Written[size_t(Space::Elem)]++;
  ElemSec.mark(Start.Begin);
  bool Declarative = C.takeKeyword("declare");
  std::optional<uint32_t> Table;
  SectionBuffer Offset;
  bool Active = false;
  if (!Declarative)
    TRY(parseSegmentPlacement(Space::Table, Table, Offset, Active));
  // The element list: `func` and indices, a reference type and
  // expressions, or (active) indices alone.
  bool Exprs = false;
  ValTypeBytes Type(1, char(0x70));
  if (!C.takeKeyword("func")) {
    if (atValType()) {
      TRY(parseRefType(Type));
      Exprs = true;
    } else if (!Active) {
      return C.unexpected("\"func\" or a reference type");
    }
  }
  ByteWriter Items;
  uint32_t N;
  TRY(parseElemList(Exprs, Items, N));
  // Flags: bit 0 passive or declarative, bit 1 a table index (active) or
  // declarative, bit 2 expressions; then the element kind or type unless
  // the segment is active on table 0 with funcref elements.
  ByteWriter &E = ElemSec.W;
  bool IsFuncRef = Type == ValTypeBytes(1, char(0x70));
  uint8_t Flags = Exprs ? 4 : 0;
  if (Declarative)
    Flags |= 3;
  else if (!Active)
    Flags |= 1;
  else if (Table.value_or(0) != 0 || !IsFuncRef)
    Flags |= 2;
  E.u8(Flags);
  if (Active && (Flags & 2))
    E.u32(Table.value_or(0));
  if (Active)
    E.append(Offset.W);
  if (Flags & 3) {
    if (Exprs)
      E.bytes(Type);
    else
      E.u8(0x00);
  }
  E.u32(N);
  E.append(Items);
  ++ElemSec.Count;
  return C.expectRParen();
}

llvm::Error ModuleParser::parseData() {
  // (data $id? string*)  (data $id? (memory x)? offset string*)
  const Token &Start = C.peek();
  C.next();
  C.next();
  std::string Id;
  TRY(C.takeOptionalId(Id));
  Written[size_t(Space::Data)]++;
  DataSec.mark(Start.Begin);
  std::optional<uint32_t> Memory;
  SectionBuffer Offset;
  bool Active;
  TRY(parseSegmentPlacement(Space::Memory, Memory, Offset, Active));
  std::string Bytes;
  TRY(takeDataStrings(Bytes));
  ByteWriter &D = DataSec.W;
  if (!Active) {
    D.u8(1);
  } else if (Memory.value_or(0) == 0) {
    D.u8(0);
    D.append(Offset.W);
  } else {
    D.u8(2);
    D.u32(*Memory);
    D.append(Offset.W);
  }
  D.name(Bytes);
  ++DataSec.Count;
  return C.expectRParen();
}

llvm::Error ModuleParser::parseField() {
  llvm::StringRef Kind = C.peekText(1);
  if (Kind == "import")
    return parseImport();
  if (Kind == "func")
    return parseFunc();
  if (Kind == "table")
    return parseTable();
  if (Kind == "memory")
    return parseMemory();
  if (Kind == "global")
    return parseGlobal();
  if (Kind == "tag")
    return parseTag();
  if (Kind == "export")
    return parseExport();
  if (Kind == "start")
    return parseStart();
  if (Kind == "elem")
    return parseElem();
  return parseData();
}

//===----------------------------------------------------------------------===//
// The binary.
//===----------------------------------------------------------------------===//

BinaryModule ModuleParser::assemble() {
  BinaryModule Out;
  ByteWriter W;
  W.Bytes = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}; // \0asm, 1
  auto Section = [&](uint8_t Id, const SectionBuffer &S, bool Vector,
                     bool Always = false) {
    if (!Always && S.W.empty() && S.Count == 0)
      return;
    ByteWriter Count;
    if (Vector)
      Count.u32(S.Count);
    W.u8(Id);
    W.u32(Count.size() + S.W.size());
    W.append(Count);
    size_t Base = W.size();
    for (const auto &[At, Src] : S.Map)
      Out.Map.add(Base + At, Src);
    W.append(S.W);
  };
  Section(1, TypeSec, true);
  Section(2, ImportSec, true);
  Section(3, FuncSec, true);
  Section(4, TableSec, true);
  Section(5, MemorySec, true);
  Section(13, TagSec, true);
  Section(6, GlobalSec, true);
  Section(7, ExportSec, true);
  Section(8, StartSec, false);
  Section(9, ElemSec, true);
  if (UsesDataCount) {
    SectionBuffer DataCount;
    DataCount.W.u32(DataSec.Count);
    Section(12, DataCount, false, true);
  }
  Section(10, CodeSec, true);
  Section(11, DataSec, true);
  if (Opts.Names && (!FuncNames.empty() || !LocalNames.empty())) {
    ByteWriter Names;
    Names.name("name");
    if (!FuncNames.empty()) {
      ByteWriter Sub;
      Sub.u32(FuncNames.size());
      for (const auto &[Index, Name] : FuncNames) {
        Sub.u32(Index);
        Sub.name(Name);
      }
      Names.u8(1);
      Names.sized(Sub);
    }
    if (!LocalNames.empty()) {
      ByteWriter Sub;
      Sub.u32(LocalNames.size());
      for (const auto &[Func, Locals] : LocalNames) {
        Sub.u32(Func);
        Sub.u32(Locals.size());
        for (const auto &[Index, Name] : Locals) {
          Sub.u32(Index);
          Sub.name(Name);
        }
      }
      Names.u8(2);
      Names.sized(Sub);
    }
    W.u8(0);
    W.sized(Names);
  }
  Out.Bytes = std::move(W.Bytes);
  return Out;
}

llvm::Expected<BinaryModule> ModuleParser::parse() {
  TRY(scanFields());
  size_t End = C.position();
  TRY(parseTypeFields());
  for (const FieldRef &F : Fields) {
    if (F.IsType)
      continue;
    C.seek(F.Pos);
    TRY(parseField());
  }
  C.seek(End);
  return assemble();
}

} // namespace w2n::frontend::text

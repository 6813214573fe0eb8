//===- FunctionParser.cpp - Instructions of the text format ---------------===//
//
// Plain instructions are written as they come; a folded one `(op imm*
// folded*)` writes its operands first, so its own bytes wait in a buffer
// until they are done. Structured instructions (block, loop, if, try_table
// and the legacy try) keep a stack of label ids for branches by name.
//
//===----------------------------------------------------------------------===//
#include "frontend/text/ModuleParser.h"

namespace w2n::frontend::text {

namespace {

void writeOpcode(ByteWriter &Out, uint8_t Prefix, uint32_t Code) {
  if (Prefix) {
    Out.u8(Prefix);
    Out.u32(Code);
  } else {
    Out.u8(uint8_t(Code));
  }
}

/// Words that end a sequence of instructions inside a structured one.
bool endsInstrs(llvm::StringRef Word) {
  return Word == "end" || Word == "else" || Word == "catch" ||
         Word == "catch_all" || Word == "delegate";
}

/// Splits a reference type's encoding into its nullability and heap type.
void splitRefType(const ValTypeBytes &T, bool &Nullable, ByteWriter &Heap) {
  uint8_t First = uint8_t(T[0]);
  if (First == 0x63 || First == 0x64) {
    Nullable = First == 0x63;
    Heap.bytes(T.data() + 1, T.size() - 1);
  } else {
    Nullable = true; // a one-byte abbreviation: (ref null ABSTRACT)
    Heap.u8(First);
  }
}

} // namespace

llvm::Error ModuleParser::writeIndex(Space S, ByteWriter &Out) {
  uint32_t Index;
  TRY(parseIndex(S, Index));
  Out.u32(Index);
  return llvm::Error::success();
}

llvm::Error ModuleParser::writeOptionalIndex(Space S, ByteWriter &Out) {
  if (atIndex())
    return writeIndex(S, Out);
  Out.u32(0);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseLabel(BodyContext &B, ByteWriter &Out) {
  if (C.isKind(TokenKind::Id)) {
    const Token &T = C.next();
    std::string Name;
    TRY(C.idName(T, Name));
    for (size_t I = B.Labels.size(); I-- > 0;)
      if (B.Labels[I] == Name) {
        Out.u32(B.Labels.size() - 1 - I);
        return llvm::Error::success();
      }
    return C.errorAt(T, "unknown label " + C.text(T));
  }
  uint32_t Depth;
  TRY(C.takeU32(Depth));
  Out.u32(Depth);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseLocal(BodyContext &B, ByteWriter &Out) {
  if (C.isKind(TokenKind::Id)) {
    const Token &T = C.next();
    std::string Name;
    TRY(C.idName(T, Name));
    auto It = B.LocalIds.find(Name);
    if (It == B.LocalIds.end())
      return C.errorAt(T, "unknown local " + C.text(T));
    Out.u32(It->second);
    return llvm::Error::success();
  }
  uint32_t Index;
  TRY(C.takeU32(Index));
  Out.u32(Index);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseLiteral(bool Float, unsigned Bits,
                                      const char *What, uint64_t &V) {
  // Floats may be keywords: inf, nan, nan:0x...
  const Token &T = C.peek();
  if (T.Kind != TokenKind::Other && !(Float && T.Kind == TokenKind::Keyword))
    return C.unexpected(What);
  llvm::StringRef Text = C.text(T);
  bool Ok = Float ? parseFloatBits(Text, Bits, V) : parseIntBits(Text, Bits, V);
  if (!Ok)
    return looksLikeNumber(Text) ? C.error("constant out of range")
                                 : C.unexpected(What);
  C.next();
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseNumber(ImmediateKind K, ByteWriter &Out) {
  bool Float = K == ImmediateKind::F32 || K == ImmediateKind::F64;
  unsigned Bits = K == ImmediateKind::I32 || K == ImmediateKind::F32 ? 32 : 64;
  uint64_t V;
  TRY(parseLiteral(Float, Bits, "a number", V));
  if (Float)
    Out.fixed(V, Bits / 8);
  else if (Bits == 32)
    Out.s64(int32_t(uint32_t(V)));
  else
    Out.s64(int64_t(V));
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseV128Const(ByteWriter &Out) {
  struct Shape {
    const char *Name;
    unsigned Lanes, Bits;
    bool Float;
  };
  static constexpr Shape Shapes[] = {
      {"i8x16", 16, 8, false}, {"i16x8", 8, 16, false},
      {"i32x4", 4, 32, false}, {"i64x2", 2, 64, false},
      {"f32x4", 4, 32, true},  {"f64x2", 2, 64, true},
  };
  const Shape *S = nullptr;
  for (const Shape &Candidate : Shapes)
    if (C.isKeyword(Candidate.Name))
      S = &Candidate;
  if (!S)
    return C.unexpected("a vector shape (i8x16, ..., f64x2)");
  C.next();
  for (unsigned I = 0; I < S->Lanes; ++I) {
    uint64_t V;
    TRY(parseLiteral(S->Float, S->Bits, "a lane value", V));
    Out.fixed(V, S->Bits / 8);
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseMemArg(const InstrInfo &I, ByteWriter &Out,
                                      bool Lane) {
  // memidx? offset=N? align=N? (lane)?: a bare number before the memarg
  // is the memory, except when it is the lane of a lane operator.
  uint32_t Memory = 0;
  auto IsMemArgWord = [&](size_t N) {
    if (!C.isKind(TokenKind::Keyword, N))
      return false;
    llvm::StringRef W = C.peekText(N);
    return W.starts_with("offset=") || W.starts_with("align=");
  };
  if (C.isKind(TokenKind::Id) ||
      (C.isNatToken() && (!Lane || C.isNatToken(1) || IsMemArgWord(1))))
    TRY(parseIndex(Space::Memory, Memory));
  uint64_t Offset = 0;
  uint32_t AlignLog2 = I.Param;
  if (C.isKind(TokenKind::Keyword) && C.peekText().starts_with("offset=")) {
    const Token &T = C.next();
    unsigned Bits = Opts.Wasm2Only ? 32 : 64;
    if (!parseNat(C.text(T).drop_front(7), Bits, Offset))
      return C.errorAt(T, "malformed memory offset (expected offset=N, "
                          "N an unsigned integer in range)");
  }
  if (C.isKind(TokenKind::Keyword) && C.peekText().starts_with("align=")) {
    const Token &T = C.next();
    uint64_t Align;
    if (!parseNat(C.text(T).drop_front(6), 64, Align) || Align == 0 ||
        (Align & (Align - 1)))
      return C.errorAt(T, "malformed alignment (expected align=N, N a "
                          "power of two)");
    AlignLog2 = 0;
    while ((uint64_t(1) << AlignLog2) < Align)
      ++AlignLog2;
  }
  Out.u32(AlignLog2 | (Memory ? 0x40 : 0));
  if (Memory)
    Out.u32(Memory);
  Out.u32(Offset);
  if (Lane) {
    uint64_t L;
    TRY(C.takeNat(8, L));
    Out.u8(uint8_t(L));
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseBlockType(ByteWriter &Out) {
  if (C.isOpen("type") || C.isOpen("param")) {
    uint32_t Index;
    FuncSig Sig;
    TRY(parseTypeUse(Index, Sig, /*AllowIds=*/false));
    Out.s64(Index);
    return llvm::Error::success();
  }
  FuncSig Sig;
  TRY(parseSig(Sig, /*AllowIds=*/false));
  if (Sig.Results.empty())
    Out.u8(0x40);
  else if (Sig.Results.size() == 1)
    Out.bytes(Sig.Results[0]);
  else
    Out.s64(typeIndexFor(Sig));
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseTryTableCatches(BodyContext &B,
                                               ByteWriter &Out) {
  // (catch x l) (catch_ref x l) (catch_all l) (catch_all_ref l); their
  // labels are resolved outside the try_table's own label.
  ByteWriter Catches;
  uint32_t N = 0;
  while (C.isKind(TokenKind::LParen) && C.isKind(TokenKind::Keyword, 1)) {
    llvm::StringRef Word = C.peekText(1);
    uint8_t Kind = Word == "catch"           ? 0
                   : Word == "catch_ref"     ? 1
                   : Word == "catch_all"     ? 2
                   : Word == "catch_all_ref" ? 3
                                             : 0xff;
    if (Kind == 0xff)
      break;
    C.next();
    C.next();
    Catches.u8(Kind);
    if (Kind < 2)
      TRY(writeIndex(Space::Tag, Catches));
    TRY(parseLabel(B, Catches));
    TRY(C.expectRParen());
    ++N;
  }
  Out.u32(N);
  Out.append(Catches);
  return llvm::Error::success();
}

llvm::Error ModuleParser::enterNesting(BodyContext &B) {
  if (++B.Depth > MaxTextNesting)
    return C.error("instructions nested too deeply (implementation limit " +
                   llvm::Twine(MaxTextNesting) + ")");
  return llvm::Error::success();
}

llvm::Error ModuleParser::endLabel(BodyContext &B, const char *What) {
  if (!C.isKind(TokenKind::Id))
    return llvm::Error::success();
  const Token &T = C.next();
  std::string Name;
  TRY(C.idName(T, Name));
  if (B.Labels.back().empty() || B.Labels.back() != Name)
    return C.errorAt(T, llvm::Twine("mismatching label ") + C.text(T) +
                            " after " + What);
  return llvm::Error::success();
}

llvm::Error ModuleParser::endBlock(BodyContext &B, bool Folded) {
  if (Folded)
    return C.expectRParen();
  TRY(C.expectKeyword("end"));
  return endLabel(B, "end");
}

llvm::Error ModuleParser::parseStructured(BodyContext &B, const InstrInfo &I,
                                          const Token &Op, bool Folded) {
  TRY(enterNesting(B));
  llvm::Error E = parseStructuredBody(B, I, Op, Folded);
  --B.Depth;
  return E;
}

llvm::Error ModuleParser::parseStructuredBody(BodyContext &B,
                                              const InstrInfo &I,
                                              const Token &Op, bool Folded) {
  ByteWriter &Out = B.Out->W;
  llvm::StringRef Word = C.text(Op);
  std::string Label;
  TRY(C.takeOptionalId(Label));
  ByteWriter Head;
  writeOpcode(Head, I.Prefix, I.Code);
  TRY(parseBlockType(Head));
  if (I.Imm == ImmediateKind::TryTable)
    TRY(parseTryTableCatches(B, Head));

  if (Word == "if") {
    if (Folded) {
      // (if label bt cond* (then instr*) (else instr*)?)
      while (C.isKind(TokenKind::LParen) && !C.isOpen("then"))
        TRY(parseFoldedInstr(B));
      Out.append(Head);
      B.Labels.push_back(Label);
      if (!C.takeOpen("then"))
        return C.unexpected("\"(then\"");
      TRY(parseInstrs(B));
      TRY(C.expectRParen());
      if (C.takeOpen("else")) {
        Out.u8(0x05);
        TRY(parseInstrs(B));
        TRY(C.expectRParen());
      }
      TRY(C.expectRParen());
    } else {
      Out.append(Head);
      B.Labels.push_back(Label);
      TRY(parseInstrs(B));
      if (C.takeKeyword("else")) {
        TRY(endLabel(B, "else"));
        Out.u8(0x05);
        TRY(parseInstrs(B));
      }
      TRY(endBlock(B, Folded));
    }
    B.Labels.pop_back();
    Out.u8(0x0b);
    return llvm::Error::success();
  }

  Out.append(Head);
  B.Labels.push_back(Label);
  if (Word == "try") {
    // The legacy exception handling: try ... (catch x ...)* (catch_all ...)?
    // end, or try ... delegate l; folded, each part in parentheses.
    auto TakeClause = [&](llvm::StringRef Clause) {
      return Folded ? C.takeOpen(Clause) : C.takeKeyword(Clause);
    };
    auto EndClause = [&]() -> llvm::Error {
      return Folded ? C.expectRParen() : llvm::Error::success();
    };
    if (Folded && !C.takeOpen("do"))
      return C.unexpected("\"(do\"");
    TRY(parseInstrs(B));
    TRY(EndClause());
    if (TakeClause("delegate")) {
      // Its label counts from outside the try.
      B.Labels.pop_back();
      Out.u8(0x18);
      TRY(parseLabel(B, Out));
      TRY(EndClause());
      return EndClause();
    }
    while (TakeClause("catch")) {
      Out.u8(0x07);
      TRY(writeIndex(Space::Tag, Out));
      TRY(parseInstrs(B));
      TRY(EndClause());
    }
    if (TakeClause("catch_all")) {
      Out.u8(0x19);
      TRY(parseInstrs(B));
      TRY(EndClause());
    }
    TRY(endBlock(B, Folded));
    B.Labels.pop_back();
    Out.u8(0x0b);
    return llvm::Error::success();
  }

  // block, loop, try_table.
  TRY(parseInstrs(B));
  TRY(endBlock(B, Folded));
  B.Labels.pop_back();
  Out.u8(0x0b);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parsePlainInstr(BodyContext &B, const InstrInfo &I,
                                          const Token &Op, ByteWriter &Out) {
  switch (I.Imm) {
  case ImmediateKind::CastHeapType: {
    // ref.test / ref.cast (ref null? ht): the nullable form is the next
    // opcode.
    ValTypeBytes T;
    TRY(parseRefType(T));
    bool Nullable;
    ByteWriter Heap;
    splitRefType(T, Nullable, Heap);
    writeOpcode(Out, I.Prefix, I.Code + (Nullable ? 1 : 0));
    Out.append(Heap);
    return llvm::Error::success();
  }
  case ImmediateKind::None:
    if (I.Prefix == 0 && I.Code == 0x1b && C.isOpen("result")) {
      // select (result t)*: the typed select.
      FuncSig Sig;
      TRY(parseSig(Sig, false));
      Out.u8(0x1c);
      Out.u32(Sig.Results.size());
      for (const ValTypeBytes &T : Sig.Results)
        Out.bytes(T);
      return llvm::Error::success();
    }
    writeOpcode(Out, I.Prefix, I.Code);
    return llvm::Error::success();
  default:
    break;
  }
  writeOpcode(Out, I.Prefix, I.Code);
  switch (I.Imm) {
  case ImmediateKind::None:
  case ImmediateKind::CastHeapType:
    return llvm::Error::success();
  case ImmediateKind::MemArg:
    return parseMemArg(I, Out, /*Lane=*/false);
  case ImmediateKind::MemArgLane:
    return parseMemArg(I, Out, /*Lane=*/true);
  case ImmediateKind::Lane: {
    uint64_t L;
    TRY(C.takeNat(8, L));
    Out.u8(uint8_t(L));
    return llvm::Error::success();
  }
  case ImmediateKind::Label:
    return parseLabel(B, Out);
  case ImmediateKind::LabelTable: {
    ByteWriter Labels;
    uint32_t N = 0;
    while (atIndex()) {
      TRY(parseLabel(B, Labels));
      ++N;
    }
    if (N == 0)
      return C.unexpected("a label");
    Out.u32(N - 1);
    Out.append(Labels);
    return llvm::Error::success();
  }
  case ImmediateKind::Func:
    return writeIndex(Space::Func, Out);
  case ImmediateKind::TypeUseTable: {
    uint32_t Table = 0;
    if (atIndex())
      TRY(parseIndex(Space::Table, Table));
    uint32_t Type;
    FuncSig Sig;
    TRY(parseTypeUse(Type, Sig, /*AllowIds=*/false));
    Out.u32(Type);
    Out.u32(Table);
    return llvm::Error::success();
  }
  case ImmediateKind::Type:
    return writeIndex(Space::Type, Out);
  case ImmediateKind::TypeField: {
    uint32_t Type;
    TRY(parseIndex(Space::Type, Type));
    Out.u32(Type);
    if (C.isKind(TokenKind::Id)) {
      const Token &T = C.next();
      std::string Name;
      TRY(C.idName(T, Name));
      if (Type >= Types.size() || !Types[Type].FieldIds.count(Name))
        return C.errorAt(T, "unknown field " + C.text(T));
      Out.u32(Types[Type].FieldIds.lookup(Name));
      return llvm::Error::success();
    }
    uint32_t Field;
    TRY(C.takeU32(Field));
    Out.u32(Field);
    return llvm::Error::success();
  }
  case ImmediateKind::TypeSize: {
    TRY(writeIndex(Space::Type, Out));
    uint32_t N;
    TRY(C.takeU32(N));
    Out.u32(N);
    return llvm::Error::success();
  }
  case ImmediateKind::TypeData:
    UsesDataCount = true;
    TRY(writeIndex(Space::Type, Out));
    return writeIndex(Space::Data, Out);
  case ImmediateKind::TypeElem:
    TRY(writeIndex(Space::Type, Out));
    return writeIndex(Space::Elem, Out);
  case ImmediateKind::TypeType:
    TRY(writeIndex(Space::Type, Out));
    return writeIndex(Space::Type, Out);
  case ImmediateKind::Local:
    return parseLocal(B, Out);
  case ImmediateKind::Global:
    return writeIndex(Space::Global, Out);
  case ImmediateKind::Table:
    return writeOptionalIndex(Space::Table, Out);
  case ImmediateKind::Memory:
    return writeOptionalIndex(Space::Memory, Out);
  case ImmediateKind::Tag:
    return writeIndex(Space::Tag, Out);
  case ImmediateKind::Elem:
    return writeIndex(Space::Elem, Out);
  case ImmediateKind::Data:
    UsesDataCount = true;
    return writeIndex(Space::Data, Out);
  case ImmediateKind::TableTable:
  case ImmediateKind::MemoryMemory: {
    Space S = I.Imm == ImmediateKind::TableTable ? Space::Table : Space::Memory;
    if (!atIndex()) {
      Out.u32(0);
      Out.u32(0);
      return llvm::Error::success();
    }
    TRY(writeIndex(S, Out));
    return writeIndex(S, Out);
  }
  case ImmediateKind::ElemTable:
  case ImmediateKind::DataMemory: {
    // table.init table? elem, memory.init memory? data: the binary has the
    // segment first.
    bool IsTable = I.Imm == ImmediateKind::ElemTable;
    Space Segment = IsTable ? Space::Elem : Space::Data;
    Space Target = IsTable ? Space::Table : Space::Memory;
    if (!IsTable)
      UsesDataCount = true;
    uint32_t TargetIndex = 0, SegmentIndex;
    bool Two = atIndex() && (C.isKind(TokenKind::Id, 1) || C.isNatToken(1));
    if (Two)
      TRY(parseIndex(Target, TargetIndex));
    TRY(parseIndex(Segment, SegmentIndex));
    Out.u32(SegmentIndex);
    Out.u32(TargetIndex);
    return llvm::Error::success();
  }
  case ImmediateKind::HeapType:
    return parseHeapType(Out);
  case ImmediateKind::BrOnCast: {
    ByteWriter Label, Heap1, Heap2;
    TRY(parseLabel(B, Label));
    ValTypeBytes T1, T2;
    TRY(parseRefType(T1));
    TRY(parseRefType(T2));
    bool Null1, Null2;
    splitRefType(T1, Null1, Heap1);
    splitRefType(T2, Null2, Heap2);
    Out.u8(uint8_t((Null1 ? 1 : 0) | (Null2 ? 2 : 0)));
    Out.append(Label);
    Out.append(Heap1);
    Out.append(Heap2);
    return llvm::Error::success();
  }
  case ImmediateKind::I32:
  case ImmediateKind::I64:
  case ImmediateKind::F32:
  case ImmediateKind::F64:
    return parseNumber(I.Imm, Out);
  case ImmediateKind::V128:
    return parseV128Const(Out);
  case ImmediateKind::Shuffle:
    for (unsigned L = 0; L < 16; ++L) {
      uint64_t V;
      TRY(C.takeNat(8, V));
      Out.u8(uint8_t(V));
    }
    return llvm::Error::success();
  case ImmediateKind::ZeroByte:
    Out.u8(0);
    return llvm::Error::success();
  case ImmediateKind::SelectTypes:
  case ImmediateKind::BlockType:
  case ImmediateKind::TryTable:
    break;
  }
  return C.errorAt(Op, "operator \"" + C.text(Op) + "\" cannot be used here");
}

llvm::Error ModuleParser::parseFoldedInstr(BodyContext &B) {
  const Token &Open = C.next();
  if (!C.isKind(TokenKind::Keyword))
    return C.unexpected("an instruction");
  const Token &Op = C.next();
  const InstrInfo *I = lookupInstr(C.text(Op));
  if (!I)
    return C.errorAt(Op, "unknown operator \"" + C.text(Op) + "\"");
  if (I->Structured) {
    B.Out->mark(Open.Begin);
    return parseStructured(B, *I, Op, /*Folded=*/true);
  }
  ByteWriter Self;
  TRY(parsePlainInstr(B, *I, Op, Self));
  TRY(enterNesting(B));
  while (C.isKind(TokenKind::LParen))
    TRY(parseFoldedInstr(B));
  --B.Depth;
  TRY(C.expectRParen());
  B.Out->mark(Op.Begin);
  B.Out->W.append(Self);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseInstrs(BodyContext &B) {
  for (;;) {
    if (C.isKind(TokenKind::LParen)) {
      TRY(parseFoldedInstr(B));
      continue;
    }
    if (!C.isKind(TokenKind::Keyword))
      return llvm::Error::success();
    llvm::StringRef Word = C.peekText();
    if (endsInstrs(Word))
      return llvm::Error::success();
    const InstrInfo *I = lookupInstr(Word);
    if (!I)
      return C.error("unknown operator \"" + Word + "\"");
    const Token &Op = C.next();
    B.Out->mark(Op.Begin);
    if (I->Structured)
      TRY(parseStructured(B, *I, Op, /*Folded=*/false));
    else
      TRY(parsePlainInstr(B, *I, Op, B.Out->W));
  }
}

llvm::Error ModuleParser::parseConstExpr(SectionBuffer &Out) {
  BodyContext B;
  B.Out = &Out;
  TRY(parseInstrs(B));
  if (!C.isKind(TokenKind::RParen))
    return C.unexpected("an instruction or \")\"");
  Out.W.u8(0x0b);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseFoldedConstExpr(SectionBuffer &Out) {
  BodyContext B;
  B.Out = &Out;
  TRY(parseFoldedInstr(B));
  Out.W.u8(0x0b);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseFuncBody(const FuncSig &Sig,
                                        SectionBuffer &Code) {
  BodyContext B;
  for (uint32_t I = 0; I < Sig.Params.size(); ++I) {
    const std::string &Name = I < Sig.ParamIds.size() ? Sig.ParamIds[I] : "";
    if (Name.empty())
      continue;
    if (!B.LocalIds.try_emplace(Name, I).second)
      return C.error("duplicate local $" + Name);
    if (CurrentLocalNames)
      CurrentLocalNames->emplace_back(I, Name);
  }
  uint32_t NumLocals = Sig.Params.size();
  std::vector<ValTypeBytes> Locals;
  while (C.takeOpen("local")) {
    if (C.isKind(TokenKind::Id)) {
      const Token &T = C.next();
      std::string Name;
      TRY(C.idName(T, Name));
      if (!B.LocalIds.try_emplace(Name, NumLocals).second)
        return C.errorAt(T, "duplicate local " + C.text(T));
      if (CurrentLocalNames)
        CurrentLocalNames->emplace_back(NumLocals, Name);
      ValTypeBytes T2;
      TRY(parseValType(T2));
      Locals.push_back(std::move(T2));
      ++NumLocals;
    } else {
      while (!C.isKind(TokenKind::RParen)) {
        ValTypeBytes T;
        TRY(parseValType(T));
        Locals.push_back(std::move(T));
        ++NumLocals;
      }
    }
    TRY(C.expectRParen());
  }
  SectionBuffer Body;
  // Locals as runs of one type.
  uint32_t Runs = 0;
  ByteWriter RunBytes;
  for (size_t I = 0; I < Locals.size();) {
    size_t J = I;
    while (J < Locals.size() && Locals[J] == Locals[I])
      ++J;
    RunBytes.u32(J - I);
    RunBytes.bytes(Locals[I]);
    ++Runs;
    I = J;
  }
  Body.W.u32(Runs);
  Body.W.append(RunBytes);
  B.Out = &Body;
  TRY(parseInstrs(B));
  if (!C.isKind(TokenKind::RParen))
    return C.unexpected("an instruction or \")\"");
  Body.W.u8(0x0b);
  Code.W.u32(Body.W.size());
  size_t Base = Code.W.size();
  for (const auto &[At, Src] : Body.Map)
    Code.Map.emplace_back(uint32_t(Base + At), Src);
  Code.W.append(Body.W);
  return llvm::Error::success();
}

} // namespace w2n::frontend::text

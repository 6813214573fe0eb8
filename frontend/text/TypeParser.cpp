//===- TypeParser.cpp - Types and type uses of the text format ------------===//
#include "frontend/text/ModuleParser.h"

#include "llvm/ADT/StringSwitch.h"

namespace w2n::frontend::text {

namespace {

/// The byte of an abstract heap type, or 0.
uint8_t abstractHeapType(llvm::StringRef Word) {
  return llvm::StringSwitch<uint8_t>(Word)
      .Case("func", 0x70)
      .Case("extern", 0x6f)
      .Case("any", 0x6e)
      .Case("eq", 0x6d)
      .Case("i31", 0x6c)
      .Case("struct", 0x6b)
      .Case("array", 0x6a)
      .Case("none", 0x71)
      .Case("nofunc", 0x73)
      .Case("noextern", 0x72)
      .Case("exn", 0x69)
      .Case("noexn", 0x74)
      .Default(0);
}

/// The byte of a value type keyword (numbers, vectors, reference
/// abbreviations), or 0.
uint8_t valTypeKeyword(llvm::StringRef Word) {
  return llvm::StringSwitch<uint8_t>(Word)
      .Case("i32", 0x7f)
      .Case("i64", 0x7e)
      .Case("f32", 0x7d)
      .Case("f64", 0x7c)
      .Case("v128", 0x7b)
      .Case("funcref", 0x70)
      .Case("externref", 0x6f)
      .Case("anyref", 0x6e)
      .Case("eqref", 0x6d)
      .Case("i31ref", 0x6c)
      .Case("structref", 0x6b)
      .Case("arrayref", 0x6a)
      .Case("nullref", 0x71)
      .Case("nullfuncref", 0x73)
      .Case("nullexternref", 0x72)
      .Case("exnref", 0x69)
      .Case("nullexnref", 0x74)
      .Default(0);
}

} // namespace

//===----------------------------------------------------------------------===//
// Types.
//===----------------------------------------------------------------------===//

bool ModuleParser::atValType() const {
  if (C.isKind(TokenKind::Keyword))
    return valTypeKeyword(C.peekText()) != 0;
  return C.isOpen("ref");
}

llvm::Error ModuleParser::parseHeapType(ByteWriter &Out) {
  if (C.isKind(TokenKind::Keyword)) {
    if (uint8_t B = abstractHeapType(C.peekText())) {
      C.next();
      Out.u8(B);
      return llvm::Error::success();
    }
    return C.unexpected("a heap type");
  }
  uint32_t Index;
  TRY(parseIndex(Space::Type, Index));
  Out.s64(int64_t(Index));
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseRefType(ValTypeBytes &Out, bool *Nullable) {
  Out.clear();
  if (C.isKind(TokenKind::Keyword)) {
    uint8_t B = valTypeKeyword(C.peekText());
    if (B && B < 0x7b) {
      C.next();
      Out.push_back(char(B));
      if (Nullable)
        *Nullable = true;
      return llvm::Error::success();
    }
    return C.unexpected("a reference type");
  }
  if (!C.takeOpen("ref"))
    return C.unexpected("a reference type");
  bool Null = C.takeKeyword("null");
  if (Nullable)
    *Nullable = Null;
  ByteWriter Heap;
  TRY(parseHeapType(Heap));
  // (ref null ABSTRACT) has a one-byte form, which 2.0 decoders read.
  if (Null && Heap.size() == 1 && Heap.Bytes[0] >= 0x69 && Heap.Bytes[0] <= 0x74) {
    Out.push_back(char(Heap.Bytes[0]));
  } else {
    Out.push_back(char(Null ? 0x63 : 0x64));
    Out.append(Heap.Bytes.begin(), Heap.Bytes.end());
  }
  return C.expectRParen();
}

llvm::Error ModuleParser::parseValType(ValTypeBytes &Out) {
  if (C.isKind(TokenKind::Keyword)) {
    uint8_t B = valTypeKeyword(C.peekText());
    if (!B)
      return C.unexpected("a value type");
    C.next();
    Out.assign(1, char(B));
    return llvm::Error::success();
  }
  if (C.isOpen("ref"))
    return parseRefType(Out);
  return C.unexpected("a value type");
}

llvm::Error ModuleParser::parseSig(FuncSig &Sig, bool AllowIds) {
  while (C.isOpen("param")) {
    C.next();
    C.next();
    if (C.isKind(TokenKind::Id)) {
      if (!AllowIds)
        return C.unexpected("a value type");
      const Token &IdTok = C.next();
      std::string Name;
      TRY(C.idName(IdTok, Name));
      ValTypeBytes T;
      TRY(parseValType(T));
      Sig.Params.push_back(std::move(T));
      Sig.ParamIds.push_back(std::move(Name));
      TRY(C.expectRParen());
      continue;
    }
    while (!C.isKind(TokenKind::RParen)) {
      ValTypeBytes T;
      TRY(parseValType(T));
      Sig.Params.push_back(std::move(T));
      Sig.ParamIds.emplace_back();
    }
    C.next();
  }
  while (C.isOpen("result")) {
    C.next();
    C.next();
    while (!C.isKind(TokenKind::RParen)) {
      ValTypeBytes T;
      TRY(parseValType(T));
      Sig.Results.push_back(std::move(T));
    }
    C.next();
  }
  if (C.isOpen("param"))
    return C.error("unexpected token \"param\" after a result");
  return llvm::Error::success();
}

void ModuleParser::writeFuncType(ByteWriter &Out, const FuncSig &Sig) {
  Out.u8(0x60);
  Out.u32(Sig.Params.size());
  for (const ValTypeBytes &P : Sig.Params)
    Out.bytes(P);
  Out.u32(Sig.Results.size());
  for (const ValTypeBytes &R : Sig.Results)
    Out.bytes(R);
}

uint32_t ModuleParser::typeIndexFor(const FuncSig &Sig) {
  for (uint32_t I = 0; I < Types.size(); ++I) {
    const TypeInfo &T = Types[I];
    if (T.Plain && T.K == TypeInfo::Kind::Func && T.Params == Sig.Params &&
        T.Results == Sig.Results)
      return I;
  }
  // A new type at the end of the module, in a group of its own.
  TypeInfo &T = Types.emplace_back();
  T.Plain = true;
  T.Params = Sig.Params;
  T.Results = Sig.Results;
  writeFuncType(TypeSec.W, Sig);
  ++TypeSec.Count;
  return uint32_t(Types.size() - 1);
}

llvm::Error ModuleParser::parseTypeUse(uint32_t &TypeIndex, FuncSig &Sig,
                                       bool AllowIds) {
  std::optional<uint32_t> Explicit;
  const Token &At = C.peek();
  if (C.takeOpen("type")) {
    uint32_t Index;
    TRY(parseIndex(Space::Type, Index));
    TRY(C.expectRParen());
    Explicit = Index;
  }
  bool Inline = C.isOpen("param") || C.isOpen("result");
  TRY(parseSig(Sig, AllowIds));
  if (!Explicit) {
    TypeIndex = typeIndexFor(Sig);
    return llvm::Error::success();
  }
  TypeIndex = *Explicit;
  if (*Explicit >= Types.size()) {
    // Alone, an unknown index is the validator's to report; with a
    // signature to compare, the text cannot be read.
    if (Inline)
      return C.errorAt(At, "unknown type " + llvm::Twine(*Explicit));
    return llvm::Error::success();
  }
  if (Types[*Explicit].K != TypeInfo::Kind::Func)
    return llvm::Error::success();
  const TypeInfo &T = Types[*Explicit];
  if (Inline) {
    if (T.Params != Sig.Params || T.Results != Sig.Results)
      return C.errorAt(At, "inline function type does not match the type "
                           "it names");
  } else {
    Sig.Params = T.Params;
    Sig.Results = T.Results;
    Sig.ParamIds.assign(T.Params.size(), "");
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseIndex(Space S, uint32_t &Out) {
  if (C.isKind(TokenKind::Id)) {
    const Token &T = C.next();
    std::string Name;
    TRY(C.idName(T, Name));
    const IndexSpace &Sp = Spaces[size_t(S)];
    auto It = Sp.Ids.find(Name);
    if (It == Sp.Ids.end())
      return C.errorAt(T, "unknown " + spaceName(S) + " " + C.text(T));
    Out = It->second;
    return llvm::Error::success();
  }
  if (C.isNatToken())
    return C.takeU32(Out);
  return C.unexpected(("a " + spaceName(S) + " index").str());
}

llvm::Error ModuleParser::parseLimits(ByteWriter &Out, bool Is64,
                                      bool AllowShared) {
  // 3.0 reads 32-bit limits as u64 and leaves the range to the validator.
  unsigned Bits = Is64 || !Opts.Wasm2Only ? 64 : 32;
  uint64_t Lo, Hi = 0;
  TRY(C.takeNat(Bits, Lo));
  bool HasMax = C.isNatToken();
  if (HasMax)
    TRY(C.takeNat(Bits, Hi));
  bool Shared = AllowShared && C.takeKeyword("shared");
  Out.u8(uint8_t((HasMax ? 1 : 0) | (Shared ? 2 : 0) | (Is64 ? 4 : 0)));
  Out.u32(Lo);
  if (HasMax)
    Out.u32(Hi);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseCompType(SectionBuffer &Out, TypeInfo &Info) {
  ByteWriter &W = Out.W;
  if (C.takeOpen("func")) {
    Info.K = TypeInfo::Kind::Func;
    FuncSig Sig;
    TRY(parseSig(Sig, /*AllowIds=*/true));
    Info.Params = Sig.Params;
    Info.Results = Sig.Results;
    writeFuncType(W, Sig);
    return C.expectRParen();
  }
  auto FieldType = [&](ByteWriter &FW) -> llvm::Error {
    bool Mutable = C.takeOpen("mut");
    if (C.isKeyword("i8") || C.isKeyword("i16")) {
      FW.u8(C.next().Size == 2 ? 0x78 : 0x77);
    } else {
      ValTypeBytes T;
      TRY(parseValType(T));
      FW.bytes(T);
    }
    FW.u8(Mutable ? 1 : 0);
    if (Mutable)
      TRY(C.expectRParen());
    return llvm::Error::success();
  };
  if (C.takeOpen("struct")) {
    Info.K = TypeInfo::Kind::Struct;
    ByteWriter Fields;
    uint32_t N = 0;
    while (C.takeOpen("field")) {
      if (C.isKind(TokenKind::Id)) {
        const Token &IdTok = C.next();
        std::string Name;
        TRY(C.idName(IdTok, Name));
        if (!Info.FieldIds.try_emplace(Name, N).second)
          return C.errorAt(IdTok, "duplicate field " + C.text(IdTok));
        TRY(FieldType(Fields));
        ++N;
      } else {
        while (!C.isKind(TokenKind::RParen)) {
          TRY(FieldType(Fields));
          ++N;
        }
      }
      TRY(C.expectRParen());
    }
    W.u8(0x5f);
    W.u32(N);
    W.append(Fields);
    return C.expectRParen();
  }
  if (C.takeOpen("array")) {
    Info.K = TypeInfo::Kind::Array;
    W.u8(0x5e);
    TRY(FieldType(W));
    return C.expectRParen();
  }
  return C.unexpected("a function, struct or array type");
}

llvm::Error ModuleParser::parseTypeDef(SectionBuffer &Out, bool InRec) {
  // (type $id? (sub final? x* comptype) | comptype)
  Out.mark(C.peek().Begin);
  C.next();
  C.next();
  if (C.isKind(TokenKind::Id))
    C.next();
  TypeInfo Info;
  if (C.takeOpen("sub")) {
    bool Final = C.takeKeyword("final");
    std::vector<uint32_t> Supers;
    while (atIndex()) {
      uint32_t S;
      TRY(parseIndex(Space::Type, S));
      Supers.push_back(S);
    }
    Out.W.u8(Final ? 0x4f : 0x50);
    Out.W.u32(Supers.size());
    for (uint32_t S : Supers)
      Out.W.u32(S);
    TRY(parseCompType(Out, Info));
    TRY(C.expectRParen());
    Info.Plain = !InRec && Final && Supers.empty();
  } else {
    TRY(parseCompType(Out, Info));
    Info.Plain = !InRec;
  }
  Types.push_back(std::move(Info));
  return C.expectRParen();
}

llvm::Error ModuleParser::parseTypeFields() {
  for (const FieldRef &F : Fields) {
    if (!F.IsType)
      continue;
    C.seek(F.Pos);
    if (C.isOpen("type")) {
      TRY(parseTypeDef(TypeSec, /*InRec=*/false));
      ++TypeSec.Count;
      continue;
    }
    // (rec (type ...)*)
    TypeSec.mark(C.peek().Begin);
    C.next();
    C.next();
    ByteWriter Group;
    SectionBuffer Members;
    uint32_t N = 0;
    while (C.isOpen("type")) {
      TRY(parseTypeDef(Members, /*InRec=*/true));
      ++N;
    }
    TRY(C.expectRParen());
    TypeSec.W.u8(0x4e);
    TypeSec.W.u32(N);
    // The members' own positions, so that an error in one points at it.
    size_t MembersAt = TypeSec.W.size();
    for (const auto &[Offset, Source] : Members.Map)
      TypeSec.Map.emplace_back(uint32_t(MembersAt + Offset), Source);
    TypeSec.W.append(Members.W);
    ++TypeSec.Count;
  }
  return llvm::Error::success();
}

} // namespace w2n::frontend::text

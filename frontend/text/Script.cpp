//===- Script.cpp - WAST scripts ------------------------------------------===//
#include "frontend/text/Script.h"

#include "frontend/text/TokenCursor.h"

namespace w2n::frontend::text {

llvm::StringRef commandKindName(ScriptCommandKind K) {
  switch (K) {
  case ScriptCommandKind::Module: return "module";
  case ScriptCommandKind::ModuleInstance: return "module instance";
  case ScriptCommandKind::Register: return "register";
  case ScriptCommandKind::Action: return "action";
  case ScriptCommandKind::AssertReturn: return "assert_return";
  case ScriptCommandKind::AssertTrap: return "assert_trap";
  case ScriptCommandKind::AssertExhaustion: return "assert_exhaustion";
  case ScriptCommandKind::AssertException: return "assert_exception";
  case ScriptCommandKind::AssertInvalid: return "assert_invalid";
  case ScriptCommandKind::AssertMalformed: return "assert_malformed";
  case ScriptCommandKind::AssertUnlinkable: return "assert_unlinkable";
  case ScriptCommandKind::AssertUninstantiable: return "assert_uninstantiable";
  case ScriptCommandKind::Thread: return "thread";
  case ScriptCommandKind::Wait: return "wait";
  }
  return "unknown";
}

namespace {

class ScriptParser {
public:
  ScriptParser(Script &S) : S(S), C(S.Source, S.Tokens) {}

  llvm::Error parse() {
    // Module fields alone make one module.
    if (C.isKind(TokenKind::LParen) && C.isKind(TokenKind::Keyword, 1) &&
        isModuleField(C.peekText(1))) {
      ScriptCommand &Cmd = S.Commands.emplace_back();
      Cmd.Line = lineOf(C.peek().Begin);
      ScriptModule &M = Cmd.Module.emplace();
      M.Begin = C.peek().Begin;
      M.FieldsToken = C.position();
      return llvm::Error::success();
    }
    while (!C.isKind(TokenKind::Eof)) {
      ScriptCommand Cmd;
      TRY(parseCommand(Cmd));
      S.Commands.push_back(std::move(Cmd));
    }
    return llvm::Error::success();
  }

private:
  static bool isModuleField(llvm::StringRef W) {
    return W == "type" || W == "rec" || W == "import" || W == "func" ||
           W == "table" || W == "memory" || W == "global" || W == "tag" ||
           W == "export" || W == "start" || W == "elem" || W == "data";
  }

  llvm::Error takeStrings(std::string &Out) {
    std::string Piece;
    while (C.isKind(TokenKind::String)) {
      TRY(C.takeString(Piece));
      Out += Piece;
    }
    return llvm::Error::success();
  }

  /// At `(module`: a module, or with Instance a `module instance`.
  llvm::Error parseModule(ScriptModule &M) {
    M.Begin = C.peek().Begin;
    C.next();
    C.next();
    M.Definition = C.takeKeyword("definition");
    TRY(C.takeOptionalId(M.Id));
    if (C.takeKeyword("binary")) {
      M.F = ScriptModule::Form::Binary;
      TRY(takeStrings(M.Data));
    } else if (C.takeKeyword("quote")) {
      M.F = ScriptModule::Form::Quote;
      TRY(takeStrings(M.Data));
    } else {
      M.F = ScriptModule::Form::Text;
      M.FieldsToken = C.position();
      while (!C.isKind(TokenKind::RParen) && !C.isKind(TokenKind::Eof))
        if (!C.skipSExpr())
          break;
    }
    return C.expectRParen();
  }

  llvm::Error parseAction(ScriptAction &A) {
    if (!C.isOpen("invoke") && !C.isOpen("get"))
      return C.unexpected("an action (invoke or get)");
    A.IsGet = C.isOpen("get");
    C.next();
    C.next();
    TRY(C.takeOptionalId(A.ModuleId));
    TRY(C.takeString(A.Field, /*Name=*/true));
    while (C.isKind(TokenKind::LParen)) {
      ScriptValue V;
      TRY(parseValue(V, /*Result=*/false));
      A.Args.push_back(std::move(V));
    }
    return C.expectRParen();
  }

  static NanPattern nanPattern(llvm::StringRef Text) {
    if (Text == "nan:canonical")
      return NanPattern::Canonical;
    if (Text == "nan:arithmetic")
      return NanPattern::Arithmetic;
    return NanPattern::None;
  }

  /// The line of source offset At; commands come in order, so counting
  /// goes on from the last one.
  uint32_t lineOf(size_t At) {
    for (; LineScan < At && LineScan < S.Source.size(); ++LineScan)
      if (S.Source[LineScan] == '\n')
        ++Line;
    return Line;
  }

  /// A number of Bits bits into Out at byte Offset; float results may be
  /// NaN patterns.
  llvm::Error parseNumber(bool Float, unsigned Bits, bool Result,
                          uint8_t *Out, NanPattern *Nan) {
    const Token &T = C.peek();
    llvm::StringRef Text = C.text(T);
    if (Float && Result && Nan) {
      *Nan = nanPattern(Text);
      if (*Nan != NanPattern::None) {
        C.next();
        return llvm::Error::success();
      }
    }
    uint64_t V;
    bool Ok = (T.Kind == TokenKind::Other || (Float && T.Kind == TokenKind::Keyword)) &&
              (Float ? parseFloatBits(Text, Bits, V) : parseIntBits(Text, Bits, V));
    if (!Ok)
      return C.unexpected(Float ? "a float" : "an integer");
    C.next();
    for (unsigned I = 0; I < Bits / 8; ++I)
      Out[I] = uint8_t(V >> (8 * I));
    return llvm::Error::success();
  }

  llvm::Error parseValue(ScriptValue &V, bool Result) {
    TRY(C.expectLParen());
    if (!C.isKind(TokenKind::Keyword))
      return C.unexpected("a constant");
    llvm::StringRef Op = C.text(C.next());
    if (Op == "i32.const" || Op == "i64.const" || Op == "f32.const" ||
        Op == "f64.const") {
      bool Float = Op[0] == 'f';
      unsigned Bits = Op[1] == '3' ? 32 : 64;
      V.K = Float ? (Bits == 32 ? ScriptValue::Kind::F32 : ScriptValue::Kind::F64)
                  : (Bits == 32 ? ScriptValue::Kind::I32 : ScriptValue::Kind::I64);
      TRY(parseNumber(Float, Bits, Result, V.Bytes.data(), &V.Nan));
    } else if (Op == "v128.const") {
      V.K = ScriptValue::Kind::V128;
      static constexpr struct {
        const char *Name;
        unsigned Lanes, Bits;
        bool Float;
      } Shapes[] = {{"i8x16", 16, 8, false}, {"i16x8", 8, 16, false},
                    {"i32x4", 4, 32, false}, {"i64x2", 2, 64, false},
                    {"f32x4", 4, 32, true},  {"f64x2", 2, 64, true}};
      bool Found = false;
      for (const auto &Shape : Shapes) {
        if (!C.isKeyword(Shape.Name))
          continue;
        Found = true;
        V.Shape = Shape.Name;
        C.next();
        for (unsigned L = 0; L < Shape.Lanes; ++L)
          TRY(parseNumber(Shape.Float, Shape.Bits, Result,
                          V.Bytes.data() + L * Shape.Bits / 8,
                          Shape.Float ? &V.LaneNan[L] : nullptr));
      }
      if (!Found)
        return C.unexpected("a vector shape");
    } else if (Op.starts_with("ref.")) {
      V.K = ScriptValue::Kind::Ref;
      V.RefKind = Op.drop_front(4).str();
      if (V.RefKind == "null") {
        if (C.isKind(TokenKind::Keyword) || C.isKind(TokenKind::Id) ||
            C.isNatToken())
          V.HeapType = C.text(C.next()).str();
        else if (!Result)
          return C.unexpected("a heap type");
      } else if (C.isNatToken()) {
        uint64_t N;
        TRY(C.takeNat(64, N));
        V.Payload = N;
      } else if (!Result) {
        return C.unexpected("a reference's number");
      }
    } else {
      return C.errorAt(C.peek(), "unknown constant \"" + Op + "\"");
    }
    return C.expectRParen();
  }

  llvm::Error parseResult(ScriptResult &R) {
    if (C.takeOpen("either")) {
      while (C.isKind(TokenKind::LParen)) {
        ScriptValue V;
        TRY(parseValue(V, /*Result=*/true));
        R.Either.push_back(std::move(V));
      }
      return C.expectRParen();
    }
    ScriptValue V;
    TRY(parseValue(V, /*Result=*/true));
    R.Either.push_back(std::move(V));
    return llvm::Error::success();
  }

  llvm::Error parseCommand(ScriptCommand &Cmd) {
    if (!C.isKind(TokenKind::LParen) || !C.isKind(TokenKind::Keyword, 1))
      return C.unexpected("a command");
    Cmd.Line = lineOf(C.peek().Begin);
    const Token &WordTok = C.peek(1);
    llvm::StringRef Word = C.text(WordTok);
    using K = ScriptCommandKind;
    if (Word == "module") {
      if (C.isKeyword("instance", 2)) {
        Cmd.Kind = K::ModuleInstance;
        C.next();
        C.next();
        C.next();
        TRY(C.takeOptionalId(Cmd.Id));
        TRY(C.takeOptionalId(Cmd.Definition));
        return C.expectRParen();
      }
      Cmd.Kind = K::Module;
      return parseModule(Cmd.Module.emplace());
    }
    if (Word == "invoke" || Word == "get") {
      Cmd.Kind = K::Action;
      return parseAction(Cmd.Action);
    }
    C.next();
    C.next();
    if (Word == "register") {
      Cmd.Kind = K::Register;
      TRY(C.takeString(Cmd.Name, /*Name=*/true));
      TRY(C.takeOptionalId(Cmd.Id));
    } else if (Word == "assert_return") {
      Cmd.Kind = K::AssertReturn;
      TRY(parseAction(Cmd.Action));
      while (C.isKind(TokenKind::LParen)) {
        ScriptResult R;
        TRY(parseResult(R));
        Cmd.Results.push_back(std::move(R));
      }
    } else if (Word == "assert_trap" || Word == "assert_exhaustion" ||
               Word == "assert_exception") {
      if (Word == "assert_trap" && C.isOpen("module")) {
        Cmd.Kind = K::AssertUninstantiable;
        TRY(parseModule(Cmd.Module.emplace()));
      } else {
        Cmd.Kind = Word == "assert_trap"         ? K::AssertTrap
                   : Word == "assert_exhaustion" ? K::AssertExhaustion
                                                 : K::AssertException;
        TRY(parseAction(Cmd.Action));
      }
      if (Cmd.Kind != K::AssertException)
        TRY(C.takeString(Cmd.Message));
    } else if (Word == "assert_invalid" || Word == "assert_malformed" ||
               Word == "assert_unlinkable" ||
               Word == "assert_uninstantiable") {
      Cmd.Kind = Word == "assert_invalid"      ? K::AssertInvalid
                 : Word == "assert_malformed"  ? K::AssertMalformed
                 : Word == "assert_unlinkable" ? K::AssertUnlinkable
                                               : K::AssertUninstantiable;
      if (!C.isOpen("module"))
        return C.unexpected("a module");
      TRY(parseModule(Cmd.Module.emplace()));
      TRY(C.takeString(Cmd.Message));
    } else if (Word == "thread") {
      Cmd.Kind = K::Thread;
      TRY(C.takeOptionalId(Cmd.Id));
      while (C.takeOpen("shared")) {
        if (!C.takeOpen("module"))
          return C.unexpected("\"(module\"");
        std::string Id;
        TRY(C.takeOptionalId(Id));
        Cmd.SharedModules.push_back(std::move(Id));
        TRY(C.expectRParen());
        TRY(C.expectRParen());
      }
      // Threads hold commands, and could hold threads: only so deep.
      if (++ThreadDepth > MaxThreadNesting)
        return C.errorAt(WordTok, "threads nested too deeply");
      while (C.isKind(TokenKind::LParen)) {
        ScriptCommand Inner;
        TRY(parseCommand(Inner));
        Cmd.Body.push_back(std::move(Inner));
      }
      --ThreadDepth;
    } else if (Word == "wait") {
      Cmd.Kind = K::Wait;
      TRY(C.takeOptionalId(Cmd.Id));
    } else {
      return C.errorAt(WordTok, "unknown command \"" + Word + "\"");
    }
    return C.expectRParen();
  }

  Script &S;
  TokenCursor C;
  size_t LineScan = 0;
  uint32_t Line = 1;
  static constexpr unsigned MaxThreadNesting = 64;
  unsigned ThreadDepth = 0;
};

} // namespace

llvm::Expected<BinaryModule> Script::encode(const ScriptModule &M,
                                            const TextOptions &Opts) const {
  switch (M.F) {
  case ScriptModule::Form::Binary: {
    BinaryModule B;
    B.Bytes.assign(M.Data.begin(), M.Data.end());
    B.Id = M.Id;
    return B;
  }
  case ScriptModule::Form::Quote: {
    llvm::Expected<BinaryModule> B = encodeModule(M.Data, Opts);
    if (B)
      B->Id = M.Id;
    return B;
  }
  case ScriptModule::Form::Text:
    break;
  }
  size_t Pos = M.FieldsToken;
  llvm::Expected<BinaryModule> B = encodeModuleFields(Source, Tokens, Pos, Opts);
  if (!B)
    return B.takeError();
  TokenCursor C(Source, Tokens, Pos);
  if (!C.isKind(TokenKind::RParen) && !C.isKind(TokenKind::Eof))
    return C.unexpected("\")\" after the module's fields");
  B->Id = M.Id;
  return B;
}

llvm::Expected<Script> parseScript(std::string Source) {
  Script S;
  S.Source = std::move(Source);
  llvm::Expected<std::vector<Token>> Tokens = tokenize(S.Source);
  if (!Tokens)
    return Tokens.takeError();
  S.Tokens = std::move(*Tokens);
  ScriptParser P(S);
  if (llvm::Error E = P.parse())
    return E;
  return S;
}

} // namespace w2n::frontend::text

//===- TokenCursor.h - Walking the tokens of WAT or WAST --------*- C++ -*-===//
//
// What the module and script parsers share: a position in the token
// vector, lookahead, the text of a token, and errors at a token's line and
// column.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TEXT_TOKENCURSOR_H
#define W2N_FRONTEND_TEXT_TOKENCURSOR_H

#include "frontend/text/Lexer.h"
#include "frontend/text/Literals.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>

/// In the text reader, whose every step may fail: returns the error of
/// Expr, if any, from the enclosing function.
#define TRY(Expr)                                                              \
  do {                                                                         \
    if (llvm::Error E = (Expr))                                                \
      return E;                                                                \
  } while (0)

namespace w2n::frontend::text {

class TokenCursor {
public:
  TokenCursor(llvm::StringRef Src, llvm::ArrayRef<Token> Tokens, size_t Pos = 0)
      : Src(Src), Tokens(Tokens), Pos(Pos) {}

  llvm::StringRef source() const { return Src; }
  size_t position() const { return Pos; }
  void seek(size_t P) { Pos = P; }

  /// The token N ahead; Eof past the end.
  const Token &peek(size_t N = 0) const {
    return Pos + N < Tokens.size() ? Tokens[Pos + N] : Tokens.back();
  }
  const Token &next() {
    const Token &T = peek();
    if (Pos < Tokens.size() - 1)
      ++Pos;
    return T;
  }
  llvm::StringRef text(const Token &T) const {
    return Src.substr(T.Begin, T.Size);
  }
  llvm::StringRef peekText(size_t N = 0) const { return text(peek(N)); }

  bool isKind(TokenKind K, size_t N = 0) const { return peek(N).Kind == K; }
  bool isKeyword(llvm::StringRef Word, size_t N = 0) const {
    return isKind(TokenKind::Keyword, N) && peekText(N) == Word;
  }
  /// Whether `(` Word comes next.
  bool isOpen(llvm::StringRef Word, size_t N = 0) const {
    return isKind(TokenKind::LParen, N) && isKeyword(Word, N + 1);
  }
  /// Consumes `(` Word if it comes next.
  bool takeOpen(llvm::StringRef Word) {
    if (!isOpen(Word))
      return false;
    Pos += 2;
    return true;
  }
  bool takeKeyword(llvm::StringRef Word) {
    if (!isKeyword(Word))
      return false;
    ++Pos;
    return true;
  }

  [[gnu::cold]] llvm::Error errorAt(const Token &T, const llvm::Twine &Msg) const {
    return makeTextError(Src, T.Begin, Msg);
  }
  [[gnu::cold]] llvm::Error error(const llvm::Twine &Msg) const {
    return errorAt(peek(), Msg);
  }
  /// "unexpected token" at the next token, naming what was expected.
  [[gnu::cold]] llvm::Error unexpected(const llvm::Twine &Expected) const {
    const Token &T = peek();
    if (T.Kind == TokenKind::Eof)
      return errorAt(T, "unexpected end of input, expected " + Expected);
    return errorAt(T, "unexpected token \"" + text(T) + "\", expected " +
                          Expected);
  }

  llvm::Error expect(TokenKind K, const char *What) {
    if (!isKind(K))
      return unexpected(What);
    next();
    return llvm::Error::success();
  }
  llvm::Error expectRParen() { return expect(TokenKind::RParen, "\")\""); }
  llvm::Error expectLParen() { return expect(TokenKind::LParen, "\"(\""); }
  llvm::Error expectKeyword(llvm::StringRef Word) {
    if (!isKeyword(Word))
      return unexpected("\"" + Word + "\"");
    next();
    return llvm::Error::success();
  }

  /// Skips a balanced s-expression starting at `(` (or one token); false
  /// if the input ends first.
  bool skipSExpr() {
    if (!isKind(TokenKind::LParen))
      return next().Kind != TokenKind::Eof;
    unsigned Depth = 0;
    do {
      const Token &T = next();
      if (T.Kind == TokenKind::LParen)
        ++Depth;
      else if (T.Kind == TokenKind::RParen)
        --Depth;
      else if (T.Kind == TokenKind::Eof)
        return false;
    } while (Depth);
    return true;
  }

  /// A string token's bytes; with Name, they must be UTF-8.
  llvm::Error takeString(std::string &Out, bool Name = false) {
    if (!isKind(TokenKind::String))
      return unexpected("a string");
    const Token &T = next();
    std::string Why;
    size_t At;
    if (!decodeString(text(T), Out, Why, At))
      return makeTextError(Src, T.Begin + At, Why);
    if (Name && !isUtf8(Out))
      return errorAt(T, "malformed UTF-8 encoding");
    return llvm::Error::success();
  }

  /// The name of an id token: `$abc` is "abc", `$"a\62c"` too.
  llvm::Error idName(const Token &T, std::string &Out) const {
    llvm::StringRef Text = text(T);
    if (Text.size() > 1 && Text[1] == '"') {
      std::string Why;
      size_t At;
      if (!decodeString(Text.drop_front(), Out, Why, At))
        return makeTextError(Src, T.Begin + 1 + At, Why);
      if (Out.empty())
        return errorAt(T, "empty identifier");
      if (!isUtf8(Out))
        return errorAt(T, "malformed UTF-8 encoding");
      return llvm::Error::success();
    }
    Out = Text.drop_front().str();
    return llvm::Error::success();
  }

  /// Takes an optional id: Out is empty when there is none.
  llvm::Error takeOptionalId(std::string &Out) {
    Out.clear();
    if (!isKind(TokenKind::Id))
      return llvm::Error::success();
    return idName(next(), Out);
  }

  /// An unsigned integer of Bits bits.
  llvm::Error takeNat(unsigned Bits, uint64_t &Out) {
    const Token &T = peek();
    if (T.Kind != TokenKind::Other || !parseNat(text(T), Bits, Out))
      return isNatToken() ? error("constant out of range")
                          : unexpected("an unsigned integer");
    next();
    return llvm::Error::success();
  }
  llvm::Error takeU32(uint32_t &Out) {
    uint64_t V;
    if (llvm::Error E = takeNat(32, V))
      return E;
    Out = uint32_t(V);
    return llvm::Error::success();
  }
  /// Whether the next token has the form of a nat (in range or not).
  bool isNatToken(size_t N = 0) const {
    if (!isKind(TokenKind::Other, N))
      return false;
    llvm::StringRef T = peekText(N);
    return !T.empty() && T[0] >= '0' && T[0] <= '9' && looksLikeNumber(T);
  }

private:
  llvm::StringRef Src;
  llvm::ArrayRef<Token> Tokens;
  size_t Pos;
};

} // namespace w2n::frontend::text

#endif

//===- Lexer.cpp - Tokens of the WebAssembly text format ------------------===//
#include "frontend/text/Lexer.h"

#include "frontend/text/Literals.h"

#include "llvm/Support/ConvertUTF.h"

namespace w2n::frontend::text {

bool isIdChar(char C) {
  if ((C >= '0' && C <= '9') || (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z'))
    return true;
  switch (C) {
  case '!': case '#': case '$': case '%': case '&': case '\'': case '*':
  case '+': case '-': case '.': case '/': case ':': case '<': case '=':
  case '>': case '?': case '@': case '\\': case '^': case '_': case '`':
  case '|': case '~':
    return true;
  default:
    return false;
  }
}

namespace {

/// Characters that may continue a reserved token besides idchars and
/// strings.
bool isReservedChar(char C) {
  return C == ',' || C == ';' || C == '[' || C == ']' || C == '{' || C == '}';
}

class Lexer {
public:
  explicit Lexer(llvm::StringRef Src) : Src(Src), Pos(0) {}

  llvm::Expected<std::vector<Token>> run();

private:
  llvm::Error error(size_t At, const llvm::Twine &Message) {
    return makeTextError(Src, At, Message);
  }
  bool startsWith(size_t At, llvm::StringRef S) const {
    return Src.substr(At).starts_with(S);
  }
  /// Skips whitespace and comments; Pos then is at a token or the end.
  llvm::Error skipSpace();
  llvm::Error skipBlockComment();
  /// Skips a string starting at Pos (the opening quote).
  llvm::Error skipString();
  /// Skips the rest of an annotation whose `(@` is at Start.
  llvm::Error skipAnnotation(size_t Start);
  /// The kind of the maximal run of idchars, strings and reserved
  /// characters starting at Pos, which it skips.
  llvm::Expected<TokenKind> lexRun();
  llvm::Error illegal(size_t At);

  llvm::StringRef Src;
  size_t Pos;
};

llvm::Error Lexer::illegal(size_t At) {
  unsigned char C = Src[At];
  if (C >= 0x80)
    return error(At, "illegal character (only ASCII outside strings and "
                     "comments)");
  return error(At, "illegal character");
}

llvm::Error Lexer::skipBlockComment() {
  size_t Start = Pos;
  Pos += 2;
  unsigned Depth = 1;
  while (Pos < Src.size()) {
    if (startsWith(Pos, "(;")) {
      ++Depth;
      Pos += 2;
    } else if (startsWith(Pos, ";)")) {
      Pos += 2;
      if (--Depth == 0)
        return llvm::Error::success();
    } else {
      ++Pos;
    }
  }
  return error(Start, "unclosed block comment");
}

llvm::Error Lexer::skipSpace() {
  while (Pos < Src.size()) {
    char C = Src[Pos];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      ++Pos;
    } else if (startsWith(Pos, ";;")) {
      // A line comment ends at a line feed or a carriage return.
      while (Pos < Src.size() && Src[Pos] != '\n' && Src[Pos] != '\r')
        ++Pos;
    } else if (startsWith(Pos, "(;")) {
      if (llvm::Error E = skipBlockComment())
        return E;
    } else {
      break;
    }
  }
  return llvm::Error::success();
}

llvm::Error Lexer::skipString() {
  size_t Start = Pos++;
  while (Pos < Src.size()) {
    unsigned char C = Src[Pos];
    if (C == '"') {
      ++Pos;
      return llvm::Error::success();
    }
    if (C == '\\') {
      // Escapes are checked when the string is decoded; here only the
      // extent matters, and `\"` does not end it.
      Pos += 2;
      continue;
    }
    if (C == '\n')
      return error(Start, "unclosed string (a string ends on the line it "
                          "starts)");
    if (C < 0x20 || C == 0x7f)
      return error(Pos, "illegal character in a string");
    ++Pos;
  }
  return error(Start, "unclosed string");
}

llvm::Expected<TokenKind> Lexer::lexRun() {
  size_t Start = Pos;
  unsigned Strings = 0;
  size_t FirstStringEnd = 0;
  bool HasReserved = false;
  while (Pos < Src.size()) {
    char C = Src[Pos];
    if (C == '"') {
      if (llvm::Error E = skipString())
        return E;
      if (Strings++ == 0)
        FirstStringEnd = Pos;
    } else if (isIdChar(C)) {
      ++Pos;
    } else if (isReservedChar(C) && !startsWith(Pos, ";;")) {
      HasReserved = true;
      ++Pos;
    } else {
      break;
    }
  }
  if (Pos == Start)
    return illegal(Start);
  // Only a whole run is a string, an id or a keyword: "a""b", $x"y" and
  // a,b are single reserved tokens.
  bool OneStringTo = Strings == 1 && !HasReserved && FirstStringEnd == Pos;
  if (Src[Start] == '"')
    return OneStringTo ? TokenKind::String : TokenKind::Other;
  if (Src[Start] == '$') {
    if (Strings == 0 && !HasReserved)
      return Pos - Start > 1 ? TokenKind::Id : TokenKind::Other;
    return OneStringTo && Src[Start + 1] == '"' ? TokenKind::Id
                                                : TokenKind::Other;
  }
  if (Strings || HasReserved)
    return TokenKind::Other;
  if (Src[Start] >= 'a' && Src[Start] <= 'z')
    return TokenKind::Keyword;
  return TokenKind::Other;
}

llvm::Error Lexer::skipAnnotation(size_t Start) {
  // After `(@`: the annotation's id, which must follow at once.
  if (Pos >= Src.size() || !(isIdChar(Src[Pos]) || Src[Pos] == '"'))
    return error(Start, "empty annotation id");
  if (Src[Pos] == '"') {
    size_t S = Pos;
    if (llvm::Error E = skipString())
      return E;
    std::string Id, Why;
    size_t At;
    if (!decodeString(Src.slice(S, Pos), Id, Why, At))
      return error(S + At, Why);
    if (Id.empty())
      return error(Start, "empty annotation id");
    if (!isUtf8(Id))
      return error(S, "malformed UTF-8 encoding");
  } else {
    while (Pos < Src.size() && isIdChar(Src[Pos]))
      ++Pos;
  }
  unsigned Depth = 1;
  for (;;) {
    if (llvm::Error E = skipSpace())
      return E;
    if (Pos >= Src.size())
      return error(Start, "unclosed annotation");
    char C = Src[Pos];
    // Inside an annotation, `(@` is a parenthesis like any other.
    if (C == '(') {
      ++Depth;
      ++Pos;
    } else if (C == ')') {
      ++Pos;
      if (--Depth == 0)
        return llvm::Error::success();
    } else {
      llvm::Expected<TokenKind> K = lexRun();
      if (!K)
        return K.takeError();
    }
  }
}

llvm::Expected<std::vector<Token>> Lexer::run() {
  // Only strings and comments may hold non-ASCII characters, but all of the
  // source must be UTF-8.
  size_t Bad = firstNonUtf8(Src);
  if (Bad != Src.size())
    return error(Bad, "malformed UTF-8 encoding");
  std::vector<Token> Tokens;
  Tokens.reserve(Src.size() / 4 + 1);
  for (;;) {
    if (llvm::Error E = skipSpace())
      return E;
    if (Pos >= Src.size())
      break;
    size_t Start = Pos;
    char C = Src[Pos];
    if (C == '(') {
      if (startsWith(Pos, "(@")) {
        Pos += 2;
        if (llvm::Error E = skipAnnotation(Start))
          return E;
        continue;
      }
      ++Pos;
      Tokens.push_back({TokenKind::LParen, uint32_t(Start), 1});
      continue;
    }
    if (C == ')') {
      ++Pos;
      Tokens.push_back({TokenKind::RParen, uint32_t(Start), 1});
      continue;
    }
    llvm::Expected<TokenKind> K = lexRun();
    if (!K)
      return K.takeError();
    Tokens.push_back({*K, uint32_t(Start), uint32_t(Pos - Start)});
  }
  Tokens.push_back({TokenKind::Eof, uint32_t(Src.size()), 0});
  return Tokens;
}

} // namespace

llvm::Expected<std::vector<Token>> tokenize(llvm::StringRef Source) {
  if (Source.size() >= UINT32_MAX)
    return makeTextError(Source, 0, "source larger than 4 GiB");
  return Lexer(Source).run();
}

char TextError::ID = 0;

void TextError::log(llvm::raw_ostream &OS) const {
  OS << Where.Line << ':' << Where.Col << ": " << Message;
}

std::error_code TextError::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

LineCol lineColOf(llvm::StringRef Source, size_t Offset) {
  LineCol At;
  Offset = std::min(Offset, Source.size());
  for (size_t I = 0; I < Offset; ++I) {
    if (Source[I] == '\n') {
      ++At.Line;
      At.Col = 1;
    } else {
      ++At.Col;
    }
  }
  return At;
}

llvm::Error makeTextError(llvm::StringRef Source, size_t Offset,
                          const llvm::Twine &Message) {
  return llvm::make_error<TextError>(lineColOf(Source, Offset), Message.str());
}

} // namespace w2n::frontend::text

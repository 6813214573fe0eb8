//===- Lexer.h - Tokens of the WebAssembly text format ----------*- C++ -*-===//
//
// Splits WAT or WAST source into tokens, once, into a vector the parsers
// index freely (they look ahead and, for index spaces, walk a module twice).
// Whitespace, line and block comments and annotations `(@id ...)` are
// dropped here, as the spec's lexical format says. A token keeps only its
// byte range; what it means (a number, a string's bytes) is decided by the
// parser that expects it, so that `inf` can be a float or a keyword.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TEXT_LEXER_H
#define W2N_FRONTEND_TEXT_LEXER_H

#include "frontend/text/TextError.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace w2n::frontend::text {

enum class TokenKind : uint8_t {
  LParen,
  RParen,
  Keyword,  ///< starts with a lowercase letter: `i32.add`, `offset=4`, `inf`
  Id,       ///< `$name` or `$"name"`
  String,   ///< a quoted string, escapes not yet decoded
  Other,    ///< anything else: numbers, and reserved tokens
  Eof,
};

struct Token {
  TokenKind Kind;
  uint32_t Begin; ///< byte offset in the source
  uint32_t Size;
};

/// The tokens of Source, ending with one Eof token, or the first lexical
/// error. Source must be under 4 GiB.
llvm::Expected<std::vector<Token>> tokenize(llvm::StringRef Source);

/// Whether C may appear in a keyword, id or number (the spec's idchar).
bool isIdChar(char C);

} // namespace w2n::frontend::text

#endif

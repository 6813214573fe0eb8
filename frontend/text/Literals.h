//===- Literals.h - Numbers and strings of the text format ------*- C++ -*-===//
//
// The values of number and string tokens, as the spec's lexical grammar
// defines them: underscores between digits, hexadecimal integers and
// floats, `inf`, `nan` and `nan:0x...` payloads, string escapes. Each
// returns false when the token is not of the form asked for, or its value
// does not fit (the spec calls both malformed).
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TEXT_LITERALS_H
#define W2N_FRONTEND_TEXT_LITERALS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace w2n::frontend::text {

/// An unsigned integer (`nat`) below 2^Bits (Bits is 32 or 64).
bool parseNat(llvm::StringRef Token, unsigned Bits, uint64_t &Out);

/// An integer of an N-bit type: a nat, or a signed integer, from -2^(N-1)
/// to 2^N - 1, as its N-bit two's complement pattern (zero-extended).
bool parseIntBits(llvm::StringRef Token, unsigned Bits, uint64_t &Out);

/// A float literal, as the bits of an f32 (Bits = 32) or an f64. Decimal
/// and hexadecimal forms round to nearest, ties to even; a value that
/// rounds to infinity is out of range.
bool parseFloatBits(llvm::StringRef Token, unsigned Bits, uint64_t &Out);

/// Whether Token has the form of a number at all (an int or a float), so
/// that a parser can tell a number from a keyword or a reserved token.
bool looksLikeNumber(llvm::StringRef Token);

/// The bytes of a string token (with its quotes). On failure, Error says
/// what is wrong and ErrorAt is its offset in Token.
bool decodeString(llvm::StringRef Token, std::string &Out, std::string &Error,
                  size_t &ErrorAt);

/// Whether Bytes are UTF-8 (names must be).
bool isUtf8(llvm::StringRef Bytes);
/// The offset of the first byte that is not part of a UTF-8 character, or
/// Bytes.size() if there is none.
size_t firstNonUtf8(llvm::StringRef Bytes);

} // namespace w2n::frontend::text

#endif

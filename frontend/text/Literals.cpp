//===- Literals.cpp - Numbers and strings of the text format --------------===//
#include "frontend/text/Literals.h"

#include "llvm/Support/ConvertUTF.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace w2n::frontend::text {

namespace {

int digitValue(char C, bool Hex) {
  if (C >= '0' && C <= '9')
    return C - '0';
  if (Hex && C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (Hex && C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

/// Consumes digits with single underscores between them from S into Out
/// (without the underscores); false if there is no digit or an underscore
/// is misplaced.
bool takeDigits(llvm::StringRef &S, bool Hex, std::string *Out) {
  size_t I = 0;
  bool LastWasDigit = false;
  while (I < S.size()) {
    char C = S[I];
    if (digitValue(C, Hex) >= 0) {
      if (Out)
        Out->push_back(C);
      LastWasDigit = true;
    } else if (C == '_') {
      if (!LastWasDigit || I + 1 >= S.size() || digitValue(S[I + 1], Hex) < 0)
        return false;
      LastWasDigit = false;
    } else {
      break;
    }
    ++I;
  }
  if (I == 0)
    return false;
  S = S.drop_front(I);
  return true;
}

/// The value of a nat without sign, if below 2^64.
bool natValue(llvm::StringRef S, uint64_t &Out) {
  bool Hex = S.consume_front("0x");
  std::string Digits;
  if (!takeDigits(S, Hex, &Digits) || !S.empty())
    return false;
  uint64_t V = 0, Base = Hex ? 16 : 10;
  for (char C : Digits) {
    uint64_t D = uint64_t(digitValue(C, Hex));
    if (V > (UINT64_MAX - D) / Base)
      return false;
    V = V * Base + D;
  }
  Out = V;
  return true;
}

/// Checks the float grammar (after any sign) and produces the text strtod
/// reads: underscores removed.
bool floatText(llvm::StringRef S, std::string &Out) {
  bool Hex = S.consume_front("0x");
  Out = Hex ? "0x" : "";
  if (!takeDigits(S, Hex, &Out))
    return false;
  if (S.consume_front(".")) {
    Out.push_back('.');
    if (!S.empty() && digitValue(S[0], Hex) >= 0 && !takeDigits(S, Hex, &Out))
      return false;
  }
  if (!S.empty() && (Hex ? (S[0] == 'p' || S[0] == 'P')
                         : (S[0] == 'e' || S[0] == 'E'))) {
    Out.push_back(S[0]);
    S = S.drop_front();
    if (!S.empty() && (S[0] == '+' || S[0] == '-')) {
      Out.push_back(S[0]);
      S = S.drop_front();
    }
    if (!takeDigits(S, /*Hex=*/false, &Out))
      return false;
  }
  return S.empty();
}

} // namespace

bool parseNat(llvm::StringRef Token, unsigned Bits, uint64_t &Out) {
  uint64_t V;
  if (!natValue(Token, V) || (Bits < 64 && V >> Bits))
    return false;
  Out = V;
  return true;
}

bool parseIntBits(llvm::StringRef Token, unsigned Bits, uint64_t &Out) {
  bool Negative = false, Signed = false;
  if (Token.consume_front("-"))
    Negative = Signed = true;
  else if (Token.consume_front("+"))
    Signed = true;
  uint64_t V;
  if (!natValue(Token, V))
    return false;
  uint64_t Mask = Bits == 64 ? UINT64_MAX : (uint64_t(1) << Bits) - 1;
  if (Negative) {
    if (V > (uint64_t(1) << (Bits - 1)))
      return false;
    Out = (0 - V) & Mask;
    return true;
  }
  // A + sign does not narrow the range: +4294967295 is an i32.
  (void)Signed;
  if (V > Mask)
    return false;
  Out = V;
  return true;
}

bool parseFloatBits(llvm::StringRef Token, unsigned Bits, uint64_t &Out) {
  bool Negative = false;
  if (Token.consume_front("-"))
    Negative = true;
  else
    Token.consume_front("+");
  uint64_t Sign = Negative ? uint64_t(1) << (Bits - 1) : 0;
  unsigned MantissaBits = Bits == 32 ? 23 : 52;
  uint64_t ExpMask = Bits == 32 ? 0x7f800000ull : 0x7ff0000000000000ull;
  if (Token == "inf") {
    Out = Sign | ExpMask;
    return true;
  }
  if (Token == "nan") {
    Out = Sign | ExpMask | (uint64_t(1) << (MantissaBits - 1));
    return true;
  }
  if (Token.consume_front("nan:0x")) {
    std::string Digits;
    llvm::StringRef S = Token;
    if (!takeDigits(S, /*Hex=*/true, nullptr) || !S.empty())
      return false;
    uint64_t Payload;
    if (!natValue("0x" + Token.str(), Payload) || Payload == 0 ||
        Payload >> MantissaBits)
      return false;
    Out = Sign | ExpMask | Payload;
    return true;
  }
  std::string Text;
  if (!floatText(Token, Text))
    return false;
  // strtod and strtof round correctly (to nearest, ties to even) in both
  // decimal and hexadecimal forms; the sign is applied afterwards so that
  // -0 keeps it.
  errno = 0;
  char *End = nullptr;
  if (Bits == 32) {
    float F = std::strtof(Text.c_str(), &End);
    if (std::isinf(F))
      return false;
    uint32_t B;
    std::memcpy(&B, &F, 4);
    Out = Sign | B;
  } else {
    double D = std::strtod(Text.c_str(), &End);
    if (std::isinf(D))
      return false;
    uint64_t B;
    std::memcpy(&B, &D, 8);
    Out = Sign | B;
  }
  return End == Text.c_str() + Text.size();
}

bool looksLikeNumber(llvm::StringRef Token) {
  uint64_t Ignored;
  return parseIntBits(Token, 64, Ignored) || parseFloatBits(Token, 64, Ignored) ||
         [&] {
           // Out of range still has the form of a number.
           llvm::StringRef S = Token;
           if (!S.consume_front("-"))
             S.consume_front("+");
           std::string Text;
           return floatText(S, Text) || S == "inf" || S == "nan" ||
                  S.starts_with("nan:0x");
         }();
}

size_t firstNonUtf8(llvm::StringRef Bytes) {
  const auto *Begin = reinterpret_cast<const uint8_t *>(Bytes.data());
  const uint8_t *P = Begin, *End = Begin + Bytes.size();
  while (P < End) {
    // Text is mostly ASCII: eight bytes at a time while no high bit is set.
    while (End - P >= 8) {
      uint64_t Word;
      std::memcpy(&Word, P, 8);
      if (Word & 0x8080808080808080ull)
        break;
      P += 8;
    }
    if (P == End)
      break;
    if (*P < 0x80) {
      ++P;
      continue;
    }
    unsigned Length = llvm::getNumBytesForUTF8(*P);
    if (Length > size_t(End - P) ||
        !llvm::isLegalUTF8Sequence(P, P + Length))
      return size_t(P - Begin);
    P += Length;
  }
  return Bytes.size();
}

bool isUtf8(llvm::StringRef Bytes) {
  return firstNonUtf8(Bytes) == Bytes.size();
}

bool decodeString(llvm::StringRef Token, std::string &Out, std::string &Error,
                  size_t &ErrorAt) {
  Out.clear();
  if (Token.size() < 2 || Token.front() != '"' || Token.back() != '"') {
    Error = "expected a string";
    ErrorAt = 0;
    return false;
  }
  for (size_t I = 1; I + 1 < Token.size();) {
    char C = Token[I];
    if (C != '\\') {
      Out.push_back(C);
      ++I;
      continue;
    }
    ErrorAt = I;
    if (I + 2 >= Token.size()) {
      Error = "illegal escape";
      return false;
    }
    char E = Token[I + 1];
    I += 2;
    switch (E) {
    case 't': Out.push_back('\t'); continue;
    case 'n': Out.push_back('\n'); continue;
    case 'r': Out.push_back('\r'); continue;
    case '"': Out.push_back('"'); continue;
    case '\'': Out.push_back('\''); continue;
    case '\\': Out.push_back('\\'); continue;
    case 'u': {
      // \u{hexnum}, a Unicode scalar value, written as UTF-8.
      if (I >= Token.size() || Token[I] != '{') {
        Error = "illegal escape";
        return false;
      }
      size_t Close = Token.find('}', I);
      if (Close == llvm::StringRef::npos) {
        Error = "illegal escape";
        return false;
      }
      llvm::StringRef Hex = Token.slice(I + 1, Close);
      uint64_t Code;
      llvm::StringRef H = Hex;
      if (!takeDigits(H, /*Hex=*/true, nullptr) || !H.empty() ||
          !natValue("0x" + Hex.str(), Code) || Code >= 0x110000 ||
          (Code >= 0xd800 && Code < 0xe000)) {
        Error = "illegal escape";
        return false;
      }
      char Buf[4];
      char *P = Buf;
      llvm::ConvertCodePointToUTF8(unsigned(Code), P);
      Out.append(Buf, P);
      I = Close + 1;
      continue;
    }
    default: {
      int Hi = digitValue(E, true);
      int Lo = I < Token.size() - 1 ? digitValue(Token[I], true) : -1;
      if (Hi < 0 || Lo < 0) {
        Error = "illegal escape";
        return false;
      }
      Out.push_back(char(Hi * 16 + Lo));
      ++I;
      continue;
    }
    }
  }
  return true;
}

} // namespace w2n::frontend::text

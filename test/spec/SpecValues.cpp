//===- SpecValues.cpp -----------------------------------------------------===//
#include "test/spec/SpecValues.h"
#include "test/spec/SpecJit.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

namespace w2n::spec {

using namespace llvm;

namespace {

/// Lane width in bytes of a v128 lane type, or 0 if unknown.
unsigned laneBytes(StringRef LaneType) {
  return StringSwitch<unsigned>(LaneType)
      .Case("i8", 1)
      .Case("i16", 2)
      .Cases("i32", "f32", 4)
      .Cases("i64", "f64", 8)
      .Default(0);
}

/// The digits of a number's bits, as wast2json writes them (negative
/// numbers too, in case a lane is written signed), truncated to Bytes.
Expected<uint64_t> parseBits(StringRef Text, unsigned Bytes) {
  uint64_t U;
  int64_t S;
  if (!Text.getAsInteger(10, U)) {
  } else if (!Text.getAsInteger(10, S)) {
    U = uint64_t(S);
  } else {
    return createStringError("not a number: \"" + Text + "\"");
  }
  return Bytes == 8 ? U : U & ((uint64_t(1) << (8 * Bytes)) - 1);
}

std::optional<Pattern> parsePattern(StringRef Text) {
  if (Text == "nan:canonical")
    return Pattern::CanonicalNan;
  if (Text == "nan:arithmetic")
    return Pattern::ArithmeticNan;
  return std::nullopt;
}

bool isNanMatch(Pattern P, uint64_t Bits, bool Is64) {
  uint64_t Quiet = Is64 ? 0x7ff8000000000000ull : 0x7fc00000u;
  uint64_t Abs = Bits & (Is64 ? 0x7fffffffffffffffull : 0x7fffffffu);
  if (P == Pattern::CanonicalNan)
    return Abs == Quiet;
  return (Bits & Quiet) == Quiet;
}

uint64_t lane(const w2n_value &V, unsigned Bytes, unsigned Index) {
  uint64_t L = 0;
  std::memcpy(&L, V.v128 + Index * Bytes, Bytes);
  return L;
}

const char *patternText(Pattern P) {
  switch (P) {
  case Pattern::CanonicalNan:
    return "nan:canonical";
  case Pattern::ArithmeticNan:
    return "nan:arithmetic";
  case Pattern::NonNull:
    return "non-null";
  case Pattern::Exact:
    break;
  }
  return "";
}

} // namespace

uint8_t parseValType(StringRef Name) {
  return StringSwitch<uint8_t>(Name)
      .Case("i32", W2N_I32)
      .Case("i64", W2N_I64)
      .Case("f32", W2N_F32)
      .Case("f64", W2N_F64)
      .Case("v128", W2N_V128)
      .Case("funcref", W2N_FUNCREF)
      .Case("externref", W2N_EXTERNREF)
      .Default(0);
}

Expected<SpecValue> parseValue(const json::Value &Json, bool Expected) {
  const json::Object *Obj = Json.getAsObject();
  if (!Obj)
    return createStringError("a value is not a JSON object");
  StringRef TypeName = Obj->getString("type").value_or("");
  SpecValue V;
  V.Type = w2n_valtype(parseValType(TypeName));
  if (!V.Type)
    return createStringError("unknown value type \"" + TypeName + "\"");
  const json::Value *Field = Obj->get("value");

  if (V.Type == W2N_FUNCREF || V.Type == W2N_EXTERNREF) {
    if (!Field) {
      if (!Expected)
        return createStringError("a reference argument without a value");
      V.Scalar = Pattern::NonNull;
      return V;
    }
    std::optional<StringRef> Text = Field->getAsString();
    if (!Text)
      return createStringError("a reference value is not a string");
    if (*Text == "null") {
      V.Bits.ref = nullptr;
      return V;
    }
    if (V.Type == W2N_FUNCREF)
      return createStringError("a funcref value other than null: " + *Text);
    auto N = parseBits(*Text, 8);
    if (!N)
      return N.takeError();
    V.Bits.ref = reinterpret_cast<void *>(uintptr_t(*N + 1));
    return V;
  }

  if (V.Type == W2N_V128) {
    V.LaneType = Obj->getString("lane_type").value_or("").str();
    unsigned Bytes = laneBytes(V.LaneType);
    const json::Array *Lanes = Field ? Field->getAsArray() : nullptr;
    if (!Bytes || !Lanes || Lanes->size() != 16 / Bytes)
      return createStringError("a v128 value without " +
                               Twine(Bytes ? 16 / Bytes : 0) + " " +
                               V.LaneType + " lanes");
    for (unsigned I = 0; I < Lanes->size(); ++I) {
      std::optional<StringRef> Text = (*Lanes)[I].getAsString();
      if (!Text)
        return createStringError("a v128 lane is not a string");
      if (std::optional<Pattern> P = parsePattern(*Text)) {
        if (!Expected || V.LaneType[0] != 'f')
          return createStringError("a NaN pattern where none may be");
        V.Lanes[I] = *P;
        continue;
      }
      auto Bits = parseBits(*Text, Bytes);
      if (!Bits)
        return Bits.takeError();
      std::memcpy(V.Bits.v128 + I * Bytes, &*Bits, Bytes);
    }
    return V;
  }

  std::optional<StringRef> Text = Field ? Field->getAsString() : std::nullopt;
  if (!Text)
    return createStringError(Twine("a ") + TypeName + " without a value");
  if (std::optional<Pattern> P = parsePattern(*Text)) {
    if (!Expected || (V.Type != W2N_F32 && V.Type != W2N_F64))
      return createStringError("a NaN pattern where none may be");
    V.Scalar = *P;
    return V;
  }
  bool Is64 = V.Type == W2N_I64 || V.Type == W2N_F64;
  auto Bits = parseBits(*Text, Is64 ? 8 : 4);
  if (!Bits)
    return Bits.takeError();
  if (Is64)
    V.Bits.i64 = *Bits;
  else
    V.Bits.i32 = uint32_t(*Bits);
  return V;
}

bool matches(const SpecValue &E, const w2n_value &A) {
  switch (E.Type) {
  case W2N_I32:
    return A.i32 == E.Bits.i32;
  case W2N_F32:
    if (E.Scalar != Pattern::Exact)
      return isNanMatch(E.Scalar, A.i32, false);
    return A.i32 == E.Bits.i32;
  case W2N_I64:
    return A.i64 == E.Bits.i64;
  case W2N_F64:
    if (E.Scalar != Pattern::Exact)
      return isNanMatch(E.Scalar, A.i64, true);
    return A.i64 == E.Bits.i64;
  case W2N_FUNCREF:
    // Function references have no identity a script could name: only
    // null and non-null compare.
    return (A.ref != nullptr) == (E.Scalar == Pattern::NonNull);
  case W2N_EXTERNREF:
    if (E.Scalar == Pattern::NonNull)
      return A.ref != nullptr;
    return A.ref == E.Bits.ref;
  case W2N_V128: {
    unsigned Bytes = laneBytes(E.LaneType);
    for (unsigned I = 0; I < 16 / Bytes; ++I) {
      uint64_t Got = lane(A, Bytes, I);
      if (E.Lanes[I] != Pattern::Exact) {
        if (!isNanMatch(E.Lanes[I], Got, Bytes == 8))
          return false;
      } else if (Got != lane(E.Bits, Bytes, I)) {
        return false;
      }
    }
    return true;
  }
  }
  return false;
}

std::string describe(uint8_t Type, const w2n_value &V, StringRef LaneHint) {
  std::string Out;
  raw_string_ostream OS(Out);
  switch (Type) {
  case W2N_I32:
    OS << "i32 " << V.i32 << format(" (0x%x)", V.i32);
    break;
  case W2N_I64:
    OS << "i64 " << V.i64 << format(" (0x%llx)", (unsigned long long)V.i64);
    break;
  case W2N_F32:
    OS << "f32 " << format("%.9g (0x%08x)", double(V.f32), V.i32);
    break;
  case W2N_F64:
    OS << "f64 "
       << format("%.17g (0x%016llx)", V.f64, (unsigned long long)V.i64);
    break;
  case W2N_FUNCREF:
    OS << (V.ref ? "ref.func" : "ref.null func");
    break;
  case W2N_EXTERNREF:
    if (V.ref)
      OS << "ref.extern " << (uintptr_t(V.ref) - 1);
    else
      OS << "ref.null extern";
    break;
  case W2N_V128: {
    StringRef Lanes = LaneHint.empty() ? "i32" : LaneHint;
    unsigned Bytes = laneBytes(Lanes);
    OS << "v128 " << Lanes << 'x' << 16 / Bytes;
    for (unsigned I = 0; I < 16 / Bytes; ++I)
      OS << ' ' << format("0x%llx", (unsigned long long)lane(V, Bytes, I));
    break;
  }
  default:
    OS << "a value of unknown type " << unsigned(Type);
  }
  return Out;
}

std::string describe(const SpecValue &V) {
  if (V.Type == W2N_V128) {
    std::string Out;
    raw_string_ostream OS(Out);
    unsigned Bytes = laneBytes(V.LaneType);
    OS << "v128 " << V.LaneType << 'x' << 16 / Bytes;
    for (unsigned I = 0; I < 16 / Bytes; ++I) {
      if (V.Lanes[I] != Pattern::Exact)
        OS << ' ' << patternText(V.Lanes[I]);
      else
        OS << ' '
           << format("0x%llx", (unsigned long long)lane(V.Bits, Bytes, I));
    }
    return Out;
  }
  if (V.Scalar != Pattern::Exact)
    return std::string(valueTypeName(V.Type)) + " " + patternText(V.Scalar);
  return describe(V.Type, V.Bits);
}

std::string quote(llvm::StringRef S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << '"';
  OS.write_escaped(S);
  OS << '"';
  return Out;
}

} // namespace w2n::spec

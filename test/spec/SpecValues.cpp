//===- SpecValues.cpp -----------------------------------------------------===//
#include "test/spec/SpecValues.h"
#include "test/spec/SpecJit.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

namespace w2n::spec {

namespace text = frontend::text;

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

Pattern patternOf(text::NanPattern P) {
  switch (P) {
  case text::NanPattern::Canonical:
    return Pattern::CanonicalNan;
  case text::NanPattern::Arithmetic:
    return Pattern::ArithmeticNan;
  case text::NanPattern::None:
    break;
  }
  return Pattern::Exact;
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
  case Pattern::AnyNull:
    return "ref.null";
  case Pattern::Exact:
    break;
  }
  return "";
}

} // namespace

Expected<SpecValue> fromScript(const text::ScriptValue &S, bool Expected) {
  using Kind = text::ScriptValue::Kind;
  SpecValue V;
  switch (S.K) {
  case Kind::I32:
    V.Type = W2N_I32;
    V.Bits.i32 = uint32_t(S.bits());
    return V;
  case Kind::I64:
    V.Type = W2N_I64;
    V.Bits.i64 = S.bits();
    return V;
  case Kind::F32:
  case Kind::F64:
    V.Type = S.K == Kind::F32 ? W2N_F32 : W2N_F64;
    if (S.K == Kind::F32)
      V.Bits.i32 = uint32_t(S.bits());
    else
      V.Bits.i64 = S.bits();
    V.Scalar = patternOf(S.Nan);
    return V;
  case Kind::V128: {
    V.Type = W2N_V128;
    // "f32x4" -> lane type "f32".
    V.LaneType = StringRef(S.Shape).split('x').first.str();
    std::memcpy(V.Bits.v128, S.Bytes.data(), 16);
    unsigned Bytes = laneBytes(V.LaneType);
    if (V.LaneType[0] == 'f')
      for (unsigned I = 0; I < 16 / Bytes; ++I)
        V.Lanes[I] = patternOf(S.LaneNan[I]);
    return V;
  }
  case Kind::Ref:
    break;
  }
  StringRef Ref = S.RefKind;
  if (Ref == "null") {
    StringRef Heap = S.HeapType;
    if (Heap.empty()) {
      // (ref.null) expects a null of whatever reference type.
      V.Type = W2N_FUNCREF;
      V.Scalar = Pattern::AnyNull;
    } else if (Heap == "func" || Heap == "nofunc") {
      V.Type = W2N_FUNCREF;
    } else if (Heap == "extern" || Heap == "noextern") {
      V.Type = W2N_EXTERNREF;
    } else if (Heap == "exn" || Heap == "noexn") {
      V.Type = W2N_EXNREF;
    } else {
      return createStringError("not supported yet: a null reference of heap "
                               "type " + Heap);
    }
    V.Bits.ref = nullptr;
    return V;
  }
  if (Ref == "extern" || Ref == "func") {
    V.Type = Ref == "func" ? W2N_FUNCREF : W2N_EXTERNREF;
    if (!S.Payload) {
      if (!Expected)
        return createStringError("a reference argument without a value");
      V.Scalar = Pattern::NonNull;
      return V;
    }
    if (Ref == "func")
      return createStringError("a funcref value other than null: ref.func " +
                               Twine(*S.Payload));
    // ref.extern N crosses as the host pointer N + 1, so that 0 is not null.
    V.Bits.ref = reinterpret_cast<void *>(uintptr_t(*S.Payload + 1));
    return V;
  }
  return createStringError("not supported yet: a reference ref." + Ref);
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
  case W2N_EXNREF:
    // Function and exception references have no identity a script could
    // name: only null and non-null compare.
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
  case W2N_EXNREF:
    OS << (V.ref ? "ref.exn" : "ref.null exn");
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

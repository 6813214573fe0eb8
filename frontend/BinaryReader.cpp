//===- BinaryReader.cpp - LEB128, names and the other primitives ----------===//
#include "frontend/BinaryReader.h"

#include "llvm/Support/ConvertUTF.h"

namespace w2n::frontend {

bool BinaryReader::failUnsupported(uint64_t At, Proposal P,
                                   const llvm::Twine &What) {
  if (!ErrMsg) {
    ErrOffset = At;
    ErrMsg = "not supported yet";
    ErrProposal = P;
    ErrWhat = What.str();
  }
  return false;
}

llvm::Error BinaryReader::takeError() {
  const char *Msg = ErrMsg ? ErrMsg : "unexpected end";
  ErrMsg = nullptr;
  if (ErrProposal) {
    Proposal P = *ErrProposal;
    ErrProposal.reset();
    return makeUnsupported(ErrOffset, P, ErrWhat);
  }
  return makeMalformed(ErrOffset, Msg);
}

// LEB128 as the spec restricts it: at most ceil(N/7) bytes, and the bits of
// the last byte beyond N must be zero (unsigned) or copies of the sign bit.

bool BinaryReader::readVarU32Slow(uint32_t &Out) {
  uint64_t At = offset();
  uint32_t Result = 0;
  for (unsigned I = 0; I < 5; ++I) {
    if (Cur == End)
      return fail(offset(), "unexpected end");
    uint8_t B = *Cur++;
    if (I == 4) {
      if (B & 0x80)
        return fail(At, "integer representation too long");
      if (B & 0x70)
        return fail(At, "integer too large");
    }
    Result |= uint32_t(B & 0x7f) << (7 * I);
    if (!(B & 0x80)) {
      Out = Result;
      return true;
    }
  }
  return fail(At, "integer representation too long");
}

bool BinaryReader::readVarU64Slow(uint64_t &Out) {
  uint64_t At = offset();
  uint64_t Result = 0;
  for (unsigned I = 0; I < 10; ++I) {
    if (Cur == End)
      return fail(offset(), "unexpected end");
    uint8_t B = *Cur++;
    if (I == 9) {
      if (B & 0x80)
        return fail(At, "integer representation too long");
      if (B & 0x7e)
        return fail(At, "integer too large");
    }
    Result |= uint64_t(B & 0x7f) << (7 * I);
    if (!(B & 0x80)) {
      Out = Result;
      return true;
    }
  }
  return fail(At, "integer representation too long");
}

/// A signed LEB128 of Bits bits (32, 33 or 64): at most ceil(Bits/7) bytes,
/// and the unused high bits of the last byte must repeat the sign bit.
template <unsigned Bits>
static bool readSignedLeb(BinaryReader &R, const uint8_t *&Cur,
                          const uint8_t *End, int64_t &Out) {
  constexpr unsigned MaxBytes = (Bits + 6) / 7;
  // In the last byte: the value bits below SignBit, the sign bit, and the
  // bits above it up to bit 6, which must all equal the sign bit.
  constexpr unsigned SignBit = Bits - 1 - 7 * (MaxBytes - 1);
  constexpr uint8_t HighMask = uint8_t(0x7f & ~((1u << SignBit) - 1));
  uint64_t At = R.offset();
  uint64_t Result = 0;
  for (unsigned I = 0; I < MaxBytes; ++I) {
    if (Cur == End)
      return R.fail(R.offset(), "unexpected end");
    uint8_t B = *Cur++;
    if (I == MaxBytes - 1) {
      if (B & 0x80)
        return R.fail(At, "integer representation too long");
      uint8_t High = B & HighMask;
      if (High != 0 && High != HighMask)
        return R.fail(At, "integer too large");
    }
    Result |= uint64_t(B & 0x7f) << (7 * I);
    if (!(B & 0x80)) {
      unsigned Read = 7 * (I + 1);
      if (Read < 64 && (B & 0x40))
        Result |= ~uint64_t(0) << Read;
      Out = int64_t(Result);
      return true;
    }
  }
  llvm_unreachable("the last byte either ends the number or fails");
}

bool BinaryReader::readVarS32(int32_t &Out) {
  int64_t V;
  if (!readSignedLeb<32>(*this, Cur, End, V))
    return false;
  Out = int32_t(V);
  return true;
}

bool BinaryReader::readVarS64(int64_t &Out) {
  return readSignedLeb<64>(*this, Cur, End, Out);
}

bool BinaryReader::readVarS33(int64_t &Out) {
  return readSignedLeb<33>(*this, Cur, End, Out);
}

bool BinaryReader::readName(llvm::StringRef &Out) {
  uint32_t Len;
  if (!readVarU32(Len))
    return false;
  uint64_t At = offset();
  llvm::ArrayRef<uint8_t> Bytes;
  if (!readBytes(Len, Bytes))
    return false;
  const llvm::UTF8 *Begin = Bytes.data();
  if (!llvm::isLegalUTF8String(&Begin, Bytes.data() + Bytes.size()))
    return fail(At, "malformed UTF-8 encoding");
  Out = llvm::StringRef(reinterpret_cast<const char *>(Bytes.data()), Len);
  return true;
}

} // namespace w2n::frontend

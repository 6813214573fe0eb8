//===- BinaryReader.cpp - LEB128, names and the other primitives ----------===//
#include "frontend/BinaryReader.h"

#include "llvm/Support/ConvertUTF.h"

namespace w2n::frontend {

llvm::Error BinaryReader::takeError() {
  const char *Msg = ErrMsg ? ErrMsg : "unexpected end";
  ErrMsg = nullptr;
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

bool BinaryReader::readVarS32(int32_t &Out) {
  uint64_t At = offset();
  uint32_t Result = 0;
  for (unsigned I = 0; I < 5; ++I) {
    if (Cur == End)
      return fail(offset(), "unexpected end");
    uint8_t B = *Cur++;
    if (I == 4) {
      if (B & 0x80)
        return fail(At, "integer representation too long");
      // Bits 4..6 must repeat the sign bit, bit 3 (value bit 31).
      uint8_t High = B & 0x78;
      if (High != 0 && High != 0x78)
        return fail(At, "integer too large");
    }
    Result |= uint32_t(B & 0x7f) << (7 * I);
    if (!(B & 0x80)) {
      unsigned Bits = 7 * (I + 1);
      if (Bits < 32 && (B & 0x40))
        Result |= ~uint32_t(0) << Bits;
      Out = int32_t(Result);
      return true;
    }
  }
  return fail(At, "integer representation too long");
}

bool BinaryReader::readVarS64(int64_t &Out) {
  uint64_t At = offset();
  uint64_t Result = 0;
  for (unsigned I = 0; I < 10; ++I) {
    if (Cur == End)
      return fail(offset(), "unexpected end");
    uint8_t B = *Cur++;
    if (I == 9) {
      if (B & 0x80)
        return fail(At, "integer representation too long");
      // Bits 1..6 must repeat the sign bit, bit 0 (value bit 63).
      uint8_t High = B & 0x7f;
      if (High != 0 && High != 0x7f)
        return fail(At, "integer too large");
    }
    Result |= uint64_t(B & 0x7f) << (7 * I);
    if (!(B & 0x80)) {
      unsigned Bits = 7 * (I + 1);
      if (Bits < 64 && (B & 0x40))
        Result |= ~uint64_t(0) << Bits;
      Out = int64_t(Result);
      return true;
    }
  }
  return fail(At, "integer representation too long");
}

bool BinaryReader::readVarS33(int64_t &Out) {
  uint64_t At = offset();
  uint64_t Result = 0;
  for (unsigned I = 0; I < 5; ++I) {
    if (Cur == End)
      return fail(offset(), "unexpected end");
    uint8_t B = *Cur++;
    if (I == 4) {
      if (B & 0x80)
        return fail(At, "integer representation too long");
      // Bits 5..6 must repeat the sign bit, bit 4 (value bit 32).
      uint8_t High = B & 0x70;
      if (High != 0 && High != 0x70)
        return fail(At, "integer too large");
    }
    Result |= uint64_t(B & 0x7f) << (7 * I);
    if (!(B & 0x80)) {
      unsigned Bits = 7 * (I + 1);
      if (B & 0x40)
        Result |= ~uint64_t(0) << Bits;
      Out = int64_t(Result);
      return true;
    }
  }
  return fail(At, "integer representation too long");
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

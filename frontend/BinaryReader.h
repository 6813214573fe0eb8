//===- BinaryReader.h - Primitive readers of the binary format --*- C++ -*-===//
//
// A cursor over the bytes of one module. Every read checks the bytes that
// remain before it consumes or reserves anything; on failure it records a
// malformed-module error (offset and a static message) and returns false, so
// the hot paths stay free of llvm::Error traffic and the caller turns the
// record into an Error once, with takeError(). A construct the compiler does
// not support yet is recorded the same way (failUnsupported).
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_BINARYREADER_H
#define W2N_FRONTEND_BINARYREADER_H

#include "frontend/Types.h"
#include "frontend/WasmError.h"

#include <cstring>
#include <optional>
#include <string>

namespace w2n::frontend {

class BinaryReader {
public:
  /// Reads [Cur, End); offsets are reported relative to FileBegin.
  BinaryReader(const uint8_t *FileBegin, const uint8_t *Cur, const uint8_t *End)
      : FileBegin(FileBegin), Cur(Cur), End(End) {}

  uint64_t offset() const { return uint64_t(Cur - FileBegin); }
  const uint8_t *position() const { return Cur; }
  const uint8_t *end() const { return End; }
  const uint8_t *fileBegin() const { return FileBegin; }
  size_t remaining() const { return size_t(End - Cur); }
  bool atEnd() const { return Cur == End; }

  /// A reader of the next N bytes, which this reader skips.
  bool readSubReader(size_t N, BinaryReader &Sub) {
    if (N > remaining())
      return fail(offset(), "unexpected end: length out of bounds");
    Sub = BinaryReader(FileBegin, Cur, Cur + N);
    Cur += N;
    return true;
  }

  bool readU8(uint8_t &Out) {
    if (Cur == End)
      return fail(offset(), "unexpected end");
    Out = *Cur++;
    return true;
  }

  bool peekU8(uint8_t &Out) const {
    if (Cur == End)
      return false;
    Out = *Cur;
    return true;
  }

  bool readVarU32(uint32_t &Out) {
    if (Cur != End && *Cur < 0x80) {
      Out = *Cur++;
      return true;
    }
    return readVarU32Slow(Out);
  }

  bool readVarU64(uint64_t &Out) {
    if (Cur != End && *Cur < 0x80) {
      Out = *Cur++;
      return true;
    }
    return readVarU64Slow(Out);
  }
  bool readVarS32(int32_t &Out);
  bool readVarS64(int64_t &Out);
  bool readVarS33(int64_t &Out);

  bool readFixedU32(uint32_t &Out) { return readFixed(&Out, 4); }
  bool readFixedU64(uint64_t &Out) { return readFixed(&Out, 8); }
  bool readV128(V128 &Out) { return readFixed(Out.data(), 16); }

  bool readBytes(size_t N, llvm::ArrayRef<uint8_t> &Out) {
    if (N > remaining())
      return fail(offset(), "unexpected end: length out of bounds");
    Out = llvm::ArrayRef<uint8_t>(Cur, N);
    Cur += N;
    return true;
  }

  /// A length-prefixed UTF-8 name.
  bool readName(llvm::StringRef &Out);

  /// A count of items that each take at least MinItemSize bytes: a count the
  /// remaining bytes cannot hold is refused before anything is reserved.
  bool readCount(uint32_t &Out, size_t MinItemSize = 1) {
    uint64_t At = offset();
    if (!readVarU32(Out))
      return false;
    if (uint64_t(Out) * MinItemSize > remaining())
      return fail(At, "unexpected end: count exceeds the bytes that remain");
    return true;
  }

  /// Records a malformed-module error unless one is recorded already.
  [[gnu::cold]] bool fail(uint64_t At, const char *Msg) {
    if (!ErrMsg) {
      ErrOffset = At;
      ErrMsg = Msg;
    }
    return false;
  }
  /// Records, unless an error is recorded already, that the construct at
  /// At belongs to proposal P, which the compiler does not support yet.
  [[gnu::cold]] bool failUnsupported(uint64_t At, Proposal P,
                                     const llvm::Twine &What);
  bool hasError() const { return ErrMsg != nullptr; }
  /// The recorded error as an llvm::Error (a malformed-module error, or an
  /// unsupported one).
  [[gnu::cold]] llvm::Error takeError();

private:
  bool readVarU32Slow(uint32_t &Out);
  bool readVarU64Slow(uint64_t &Out);
  bool readFixed(void *Out, size_t N) {
    if (N > remaining())
      return fail(offset(), "unexpected end");
    std::memcpy(Out, Cur, N); // the format and all our hosts are little-endian
    Cur += N;
    return true;
  }

  const uint8_t *FileBegin;
  const uint8_t *Cur;
  const uint8_t *End;
  uint64_t ErrOffset = 0;
  const char *ErrMsg = nullptr;
  std::optional<Proposal> ErrProposal; // set for an unsupported construct
  std::string ErrWhat;                 // and what it is
};

} // namespace w2n::frontend

#endif

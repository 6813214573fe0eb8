//===- ByteWriter.h - Building the binary format ----------------*- C++ -*-===//
#ifndef W2N_FRONTEND_TEXT_BYTEWRITER_H
#define W2N_FRONTEND_TEXT_BYTEWRITER_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace w2n::frontend::text {

/// Appends the encodings of the binary format to a byte vector.
class ByteWriter {
public:
  std::vector<uint8_t> Bytes;

  size_t size() const { return Bytes.size(); }
  bool empty() const { return Bytes.empty(); }

  void u8(uint8_t B) { Bytes.push_back(B); }
  void u32(uint64_t V) { // unsigned LEB128 (u32 or u64)
    do {
      uint8_t B = V & 0x7f;
      V >>= 7;
      Bytes.push_back(V ? B | 0x80 : B);
    } while (V);
  }
  void s64(int64_t V) { // signed LEB128 (s32, s33 or s64)
    for (;;) {
      uint8_t B = V & 0x7f;
      V >>= 7;
      if ((V == 0 && !(B & 0x40)) || (V == -1 && (B & 0x40))) {
        Bytes.push_back(B);
        return;
      }
      Bytes.push_back(B | 0x80);
    }
  }
  void fixed(uint64_t V, unsigned N) { // N little-endian bytes
    for (unsigned I = 0; I < N; ++I)
      Bytes.push_back(uint8_t(V >> (8 * I)));
  }
  void bytes(const void *Data, size_t N) {
    const auto *P = static_cast<const uint8_t *>(Data);
    Bytes.insert(Bytes.end(), P, P + N);
  }
  void bytes(llvm::StringRef S) { bytes(S.data(), S.size()); }
  void append(const ByteWriter &Other) {
    Bytes.insert(Bytes.end(), Other.Bytes.begin(), Other.Bytes.end());
  }
  /// A name or byte vector: its length, then its bytes.
  void name(llvm::StringRef S) {
    u32(S.size());
    bytes(S);
  }
  /// Other, prefixed with its size (a section or a function body).
  void sized(const ByteWriter &Other) {
    u32(Other.size());
    append(Other);
  }
};

} // namespace w2n::frontend::text

#endif

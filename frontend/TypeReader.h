//===- TypeReader.h - Value, reference and block types ----------*- C++ -*-===//
//
// The types of the binary format, read under either standard: Wasm2Only
// (WebAssembly 2.0 exactly, FrontendOptions) or 3.0. The types 3.0 adds are
// reference types: (ref ht) and (ref null ht) (0x64 or 0x63, then a heap
// type), and one-byte shorthands such as nullfuncref or exnref. Under 3.0
// the function and extern hierarchies are read; the heap types of GC and
// exception handling are reported as not supported yet, naming their
// proposal. Under 2.0 all are malformed, with 2.0's message. The 2.0 types
// take the inline path.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TYPEREADER_H
#define W2N_FRONTEND_TYPEREADER_H

#include "frontend/BinaryReader.h"

namespace w2n::frontend {

namespace detail {
/// A type that is no 2.0 type, whose first byte B (at At) has been read:
/// under 3.0, a reference type (ref ht), (ref null ht) or a shorthand,
/// stored in T when the compiler supports it and recorded in R as
/// unsupported otherwise (naming its proposal); under 2.0, or when it is
/// no type at all, malformed with message Malformed. Returns whether T was
/// read.
[[gnu::cold]] bool readNewType(BinaryReader &R, uint64_t At, uint8_t B,
                               bool Wasm2Only, const char *Malformed,
                               ValType &T);
/// ref.null's immediate when it is neither func nor extern: one of 3.0's
/// heap types, as the nullable reference to it; 2.0 has none.
[[gnu::cold]] bool readNewRefNullType(BinaryReader &R, bool Wasm2Only,
                                      ValType &T);
} // namespace detail

inline bool readValType(BinaryReader &R, ValType &T, bool Wasm2Only) {
  uint64_t At = R.offset();
  uint8_t B;
  if (!R.readU8(B))
    return false;
  if (isValTypeByte(B)) {
    T = ValType(B);
    return true;
  }
  return detail::readNewType(R, At, B, Wasm2Only, "malformed value type", T);
}

inline bool readRefType(BinaryReader &R, ValType &T, bool Wasm2Only) {
  uint64_t At = R.offset();
  uint8_t B;
  if (!R.readU8(B))
    return false;
  if (B == 0x70 || B == 0x6f) {
    T = ValType(B);
    return true;
  }
  if (isValTypeByte(B))
    return R.fail(At, "malformed reference type");
  return detail::readNewType(R, At, B, Wasm2Only, "malformed reference type",
                             T);
}

/// ref.null's immediate: a reference type in 2.0, a heap type in 3.0, where
/// func and extern have the bytes of funcref and externref. T is the
/// nullable reference to it.
inline bool readRefNullType(BinaryReader &R, ValType &T, bool Wasm2Only) {
  uint8_t B;
  if (R.peekU8(B) && (B == 0x70 || B == 0x6f)) {
    R.readU8(B);
    T = ValType(B);
    return true;
  }
  return detail::readNewRefNullType(R, Wasm2Only, T);
}

inline bool readBlockType(BinaryReader &R, BlockType &BT, bool Wasm2Only) {
  uint8_t B;
  if (!R.peekU8(B))
    return R.fail(R.offset(), "unexpected end");
  if (B == 0x40) {
    R.readU8(B);
    BT = {BlockType::Kind::Empty, ValType::Void, 0};
    return true;
  }
  if (isValTypeByte(B)) {
    R.readU8(B);
    BT = {BlockType::Kind::Value, ValType(B), 0};
    return true;
  }
  uint64_t At = R.offset();
  int64_t Index;
  if (!R.readVarS33(Index))
    return false;
  if (Index < 0) {
    // One byte of a negative number: a value type, if any.
    if (R.offset() == At + 1) {
      ValType T;
      if (!detail::readNewType(R, At, uint8_t(Index & 0x7f), Wasm2Only,
                               "malformed block type", T))
        return false;
      BT = {BlockType::Kind::Value, T, 0};
      return true;
    }
    return R.fail(At, "malformed block type");
  }
  BT = {BlockType::Kind::Index, ValType::Void, uint32_t(Index)};
  return true;
}

} // namespace w2n::frontend

#endif

//===- TypeReader.h - Value, reference and block types ----------*- C++ -*-===//
//
// The types of the binary format, read under either standard: Wasm2Only
// (WebAssembly 2.0 exactly, FrontendOptions) or 3.0. The types 3.0 adds are
// reference types: (ref ht) and (ref null ht) (0x64 or 0x63, then a heap
// type), and one-byte shorthands such as anyref or exnref. Under 3.0 each
// is reported as not supported yet, naming the proposal it comes from
// (typed function references, GC or exception handling); under 2.0 it is
// malformed, with 2.0's message. The 2.0 types take the inline path.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TYPEREADER_H
#define W2N_FRONTEND_TYPEREADER_H

#include "frontend/BinaryReader.h"

namespace w2n::frontend {

namespace detail {
/// A type that is no 2.0 type, whose first byte B (at At) has been read:
/// records it in R as unsupported when 3.0 has it (reading the heap type of
/// (ref ht)), else as malformed with message Malformed. Returns false.
[[gnu::cold]] bool refuseType(BinaryReader &R, uint64_t At, uint8_t B,
                              bool Wasm2Only, const char *Malformed);
/// ref.null's immediate when it is neither func nor extern: 3.0's heap
/// types, read and refused as unsupported; 2.0 has none. Returns false.
[[gnu::cold]] bool refuseHeapType(BinaryReader &R, bool Wasm2Only);
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
  return detail::refuseType(R, At, B, Wasm2Only, "malformed value type");
}

inline bool readRefType(BinaryReader &R, ValType &T, bool Wasm2Only) {
  uint64_t At = R.offset();
  uint8_t B;
  if (!R.readU8(B))
    return false;
  if (isReference(ValType(B))) {
    T = ValType(B);
    return true;
  }
  return detail::refuseType(R, At, B, Wasm2Only, "malformed reference type");
}

/// ref.null's immediate: a reference type in 2.0, a heap type in 3.0, where
/// func and extern have the bytes of funcref and externref.
inline bool readRefNullType(BinaryReader &R, ValType &T, bool Wasm2Only) {
  uint8_t B;
  if (R.peekU8(B) && isReference(ValType(B))) {
    R.readU8(B);
    T = ValType(B);
    return true;
  }
  return detail::refuseHeapType(R, Wasm2Only);
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
    if (R.offset() == At + 1)
      return detail::refuseType(R, At, uint8_t(Index & 0x7f), Wasm2Only,
                                "malformed block type");
    return R.fail(At, "malformed block type");
  }
  BT = {BlockType::Kind::Index, ValType::Void, uint32_t(Index)};
  return true;
}

} // namespace w2n::frontend

#endif

//===- TypeReader.cpp - The reference types 3.0 adds ----------------------===//
#include "frontend/TypeReader.h"

namespace w2n::frontend {

namespace {

/// An abstract heap type of 3.0, by its byte; a reference type byte of the
/// same value is the nullable reference to it (funcref, anyref, ...).
struct AbsHeapType {
  uint8_t Byte;
  const char *HeapName;
  const char *RefName;
  Proposal Of; ///< of the heap type in (ref ht); func, extern: of that form
};

constexpr AbsHeapType AbsHeapTypes[] = {
    {0x69, "exn", "exnref", Proposal::Exceptions},
    {0x6a, "array", "arrayref", Proposal::GC},
    {0x6b, "struct", "structref", Proposal::GC},
    {0x6c, "i31", "i31ref", Proposal::GC},
    {0x6d, "eq", "eqref", Proposal::GC},
    {0x6e, "any", "anyref", Proposal::GC},
    {0x6f, "extern", "externref", Proposal::FunctionReferences},
    {0x70, "func", "funcref", Proposal::FunctionReferences},
    {0x71, "none", "nullref", Proposal::GC},
    {0x72, "noextern", "nullexternref", Proposal::FunctionReferences},
    {0x73, "nofunc", "nullfuncref", Proposal::FunctionReferences},
    {0x74, "noexn", "nullexnref", Proposal::Exceptions},
};

const AbsHeapType *absHeapType(uint8_t B) {
  for (const AbsHeapType &H : AbsHeapTypes)
    if (H.Byte == B)
      return &H;
  return nullptr;
}

/// Whether the compiler supports references to the abstract heap type H.
bool isSupportedHeap(uint8_t H) {
  return H == 0x69 || H == 0x6f || H == 0x70 || H == 0x72 || H == 0x73 ||
         H == 0x74;
}

/// Reads a 3.0 heap type: an abstract one (one byte) or a type index (a
/// non-negative s33). A supported one is stored in T as the nullable
/// reference to it; any other is recorded as unsupported at ReportAt,
/// written between Prefix and Suffix.
bool readHeapType(BinaryReader &R, ValType &T, uint64_t ReportAt,
                  const char *Prefix, const char *Suffix) {
  uint64_t At = R.offset();
  uint8_t B;
  if (!R.peekU8(B))
    return R.fail(At, "unexpected end");
  if (const AbsHeapType *H = absHeapType(B)) {
    R.readU8(B);
    if (isSupportedHeap(B)) {
      T = ValType::ref(HeapKind(B), true);
      return true;
    }
    return R.failUnsupported(ReportAt, H->Of,
                             std::string(Prefix) + H->HeapName + Suffix);
  }
  int64_t Index;
  if (!R.readVarS33(Index))
    return false;
  if (Index < 0)
    return R.fail(At, "malformed heap type");
  T = ValType::ref(HeapKind::Concrete, true,
                   Index > ValType::MaxTypeIndex ? ValType::MaxTypeIndex
                                                 : uint32_t(Index));
  return true;
}

} // namespace

bool detail::readNewType(BinaryReader &R, uint64_t At, uint8_t B,
                         bool Wasm2Only, const char *Malformed, ValType &T) {
  if (Wasm2Only)
    return R.fail(At, Malformed);
  if (B == 0x63 || B == 0x64) {
    if (!readHeapType(R, T, At, B == 0x63 ? "(ref null " : "(ref ", ")"))
      return false;
    if (B == 0x64)
      T = T.asNonNull();
    return true;
  }
  if (const AbsHeapType *H = absHeapType(B)) {
    if (isSupportedHeap(B)) {
      T = ValType::ref(HeapKind(B), true);
      return true;
    }
    return R.failUnsupported(At, H->Of, H->RefName);
  }
  return R.fail(At, Malformed);
}

bool detail::readNewRefNullType(BinaryReader &R, bool Wasm2Only, ValType &T) {
  uint64_t At = R.offset();
  if (Wasm2Only) {
    uint8_t B;
    return R.readU8(B) && R.fail(At, "malformed reference type");
  }
  return readHeapType(R, T, At, "ref.null ", "");
}

} // namespace w2n::frontend

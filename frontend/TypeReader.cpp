//===- TypeReader.cpp - The types 3.0 adds, refused -----------------------===//
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
    {0x72, "noextern", "nullexternref", Proposal::GC},
    {0x73, "nofunc", "nullfuncref", Proposal::GC},
    {0x74, "noexn", "nullexnref", Proposal::Exceptions},
};

const AbsHeapType *absHeapType(uint8_t B) {
  for (const AbsHeapType &H : AbsHeapTypes)
    if (H.Byte == B)
      return &H;
  return nullptr;
}

/// Reads a 3.0 heap type: an abstract one (one byte) or a type index (a
/// non-negative s33). Text is its text form, Of the proposal of a reference
/// to it.
bool readHeapType(BinaryReader &R, std::string &Text, Proposal &Of) {
  uint64_t At = R.offset();
  uint8_t B;
  if (!R.peekU8(B))
    return R.fail(At, "unexpected end");
  if (const AbsHeapType *H = absHeapType(B)) {
    R.readU8(B);
    Text = H->HeapName;
    Of = H->Of;
    return true;
  }
  int64_t Index;
  if (!R.readVarS33(Index))
    return false;
  if (Index < 0)
    return R.fail(At, "malformed heap type");
  Text = std::to_string(Index);
  Of = Proposal::FunctionReferences;
  return true;
}

} // namespace

bool detail::refuseType(BinaryReader &R, uint64_t At, uint8_t B, bool Wasm2Only,
                        const char *Malformed) {
  if (Wasm2Only)
    return R.fail(At, Malformed);
  if (B == 0x63 || B == 0x64) {
    std::string Text;
    Proposal Of;
    if (!readHeapType(R, Text, Of))
      return false;
    return R.failUnsupported(At, Of,
                             (B == 0x63 ? "(ref null " : "(ref ") + Text + ")");
  }
  // funcref and externref never come here: they are 2.0 types.
  if (const AbsHeapType *H = absHeapType(B))
    return R.failUnsupported(At, H->Of, H->RefName);
  return R.fail(At, Malformed);
}

bool detail::refuseHeapType(BinaryReader &R, bool Wasm2Only) {
  uint64_t At = R.offset();
  if (Wasm2Only) {
    uint8_t B;
    return R.readU8(B) && R.fail(At, "malformed reference type");
  }
  std::string Text;
  Proposal Of;
  if (!readHeapType(R, Text, Of))
    return false;
  return R.failUnsupported(At, Of, "ref.null " + Text);
}

} // namespace w2n::frontend

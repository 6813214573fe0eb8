//===- Module.cpp - Type equivalence and subtyping ------------------------===//
#include "frontend/Module.h"

#include <map>

namespace w2n::frontend {

void canonicalizeTypes(Module &M) {
  // Types are equivalent when their recursion groups are, member by member
  // (3.0's iso-recursive equivalence). A group's key spells its types'
  // references to earlier groups by their canonical index and references
  // within the group by their position in it, so that equal keys mean
  // equivalent groups. References to later types make a module invalid;
  // they are keyed by their raw index and rejected by the validator.
  constexpr uint32_t Earlier = 1, InGroup = 2, Later = 3, None = 4;
  std::map<std::vector<uint32_t>, uint32_t> Seen;
  M.CanonicalTypes.resize(M.Types.size());
  std::vector<uint32_t> Key;
  for (uint32_t Begin = 0; Begin < M.Types.size();) {
    uint32_t Size = M.TypeInfos[Begin].GroupSize;
    auto AddIndex = [&](uint32_t X) {
      if (X < Begin)
        Key.insert(Key.end(), {Earlier, M.CanonicalTypes[X]});
      else if (X < Begin + Size)
        Key.insert(Key.end(), {InGroup, X - Begin});
      else
        Key.insert(Key.end(), {X == SubTypeInfo::NoSuper ? None : Later, X});
    };
    auto Add = [&](ValType T) {
      Key.push_back(T.bits() & ~(ValType::MaxTypeIndex << 8));
      if (T.isRef() && T.heap() == HeapKind::Concrete)
        AddIndex(T.typeIndex());
    };
    Key.assign({Size});
    for (uint32_t I = Begin; I < Begin + Size; ++I) {
      const FuncType &FT = M.Types[I];
      const SubTypeInfo &Info = M.TypeInfos[I];
      Key.insert(Key.end(), {uint32_t(Info.Final), Info.NumSupers,
                             uint32_t(FT.Params.size()),
                             uint32_t(FT.Results.size())});
      AddIndex(Info.Super);
      for (ValType T : FT.Params)
        Add(T);
      for (ValType T : FT.Results)
        Add(T);
    }
    uint32_t First = Seen.try_emplace(Key, Begin).first->second;
    for (uint32_t K = 0; K < Size; ++K)
      M.CanonicalTypes[Begin + K] = First + K;
    Begin += Size;
  }
}

bool Module::isSubtype(ValType A, ValType B) const {
  if (A == B || A == ValType::Unknown)
    return true;
  if (!A.isRef() || !B.isRef())
    return false;
  if (A.isNullable() && !B.isNullable())
    return false;
  HeapKind HA = A.heap(), HB = B.heap();
  auto Canonical = [&](ValType T) {
    uint32_t X = T.typeIndex();
    return X < CanonicalTypes.size() ? CanonicalTypes[X] : X;
  };
  switch (HA) {
  case HeapKind::Bot:
    return true;
  case HeapKind::Concrete: {
    // Every defined type is a function type: func is above it, and so are
    // its declared supertypes, transitively (each one defined before).
    if (HB != HeapKind::Concrete)
      return HB == HeapKind::Func;
    uint32_t Want = Canonical(B);
    for (uint32_t X = A.typeIndex(); X < TypeInfos.size();) {
      if (CanonicalTypes[X] == Want)
        return true;
      uint32_t Super = TypeInfos[X].Super;
      if (Super >= X)
        break;
      X = Super;
    }
    return Canonical(A) == Want;
  }
  case HeapKind::NoFunc:
    return HB == HeapKind::NoFunc || HB == HeapKind::Func ||
           HB == HeapKind::Concrete;
  case HeapKind::NoExtern:
    return HB == HeapKind::NoExtern || HB == HeapKind::Extern;
  case HeapKind::NoExn:
    return HB == HeapKind::NoExn || HB == HeapKind::Exn;
  default:
    return HA == HB;
  }
}

} // namespace w2n::frontend

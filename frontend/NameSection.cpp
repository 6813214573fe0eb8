//===- NameSection.cpp ----------------------------------------------------===//
#include "frontend/NameSection.h"

#include "frontend/BinaryReader.h"

namespace w2n::frontend {

namespace {

bool readNameMap(BinaryReader &R,
                 llvm::DenseMap<uint32_t, llvm::StringRef> &Out) {
  uint32_t Count;
  if (!R.readCount(Count, 2))
    return false;
  for (uint32_t I = 0; I < Count; ++I) {
    uint32_t Index;
    llvm::StringRef Name;
    if (!R.readVarU32(Index) || !R.readName(Name))
      return false;
    // No module has 2^32 - 2 functions or locals (each takes a byte at
    // least), and the map keeps the two largest keys for itself.
    if (Index >= UINT32_MAX - 1)
      return false;
    Out[Index] = Name;
  }
  return true;
}

bool readNames(BinaryReader &R, Module &M) {
  int LastId = -1;
  while (!R.atEnd()) {
    uint8_t Id;
    uint32_t Size;
    BinaryReader Sub(nullptr, nullptr, nullptr);
    if (!R.readU8(Id) || !R.readVarU32(Size) || !R.readSubReader(Size, Sub))
      return false;
    if (int(Id) <= LastId)
      return false; // subsections come once each, in order
    LastId = Id;
    switch (Id) {
    case 0: {
      llvm::StringRef Name;
      if (!Sub.readName(Name))
        return false;
      M.ModuleName = Name;
      break;
    }
    case 1:
      if (!readNameMap(Sub, M.FunctionNames))
        return false;
      break;
    case 2: {
      uint32_t Count;
      if (!Sub.readCount(Count, 2))
        return false;
      for (uint32_t I = 0; I < Count; ++I) {
        uint32_t Func;
        if (!Sub.readVarU32(Func) || Func >= UINT32_MAX - 1 ||
            !readNameMap(Sub, M.LocalNames[Func]))
          return false;
      }
      break;
    }
    default:
      // Subsections of later proposals (labels, types, ...): not used.
      Sub = BinaryReader(nullptr, nullptr, nullptr);
      break;
    }
    if (!Sub.atEnd())
      return false;
  }
  return true;
}

} // namespace

void readNameSection(Module &M, const uint8_t *FileBegin,
                     llvm::ArrayRef<uint8_t> Contents) {
  BinaryReader R(FileBegin, Contents.data(), Contents.data() + Contents.size());
  if (!readNames(R, M)) {
    M.ModuleName.reset();
    M.FunctionNames.clear();
    M.LocalNames.clear();
  }
}

} // namespace w2n::frontend

//===- InstanceLayout.h - Where things live in an instance ------*- C++ -*-===//
//
// An instance is the fixed head of w2n/abi.h (struct w2n_instance) followed
// by arrays whose sizes depend on the module. Generated code reaches every
// field at a constant offset from the instance pointer.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_LOWERING_INSTANCELAYOUT_H
#define W2N_LOWERING_INSTANCELAYOUT_H

#include "frontend/Module.h"

#include <cstdint>

namespace w2n::lowering {

struct InstanceLayout {
  // The head, as in struct w2n_instance.
  static constexpr uint32_t MemoryBase = 0;
  static constexpr uint32_t Memory = 8;
  static constexpr uint32_t StackLimit = 16;
  static constexpr uint32_t TypeIds = 24;
  static constexpr uint32_t TailArgs = 48;
  static constexpr uint32_t HeadSize = 56;

  static constexpr uint32_t ValueSize = 16;   // w2n_value
  static constexpr uint32_t FuncRefSize = 32; // w2n_funcref
  static constexpr uint32_t SegmentSize = 16; // w2n_data/elem_segment
  static constexpr uint32_t TagSize = 32;     // w2n_tag
  static constexpr uint32_t ExnFieldTag = 0;  // w2n_exn
  static constexpr uint32_t ExnValues = 16;

  // w2n_memory, w2n_table, w2n_funcref and segment fields.
  static constexpr uint32_t MemoryFieldBase = 0;
  static constexpr uint32_t MemoryFieldSize = 8;
  static constexpr uint32_t TableFieldElems = 0;
  static constexpr uint32_t TableFieldSize = 8;
  static constexpr uint32_t FuncRefFieldTypeId = 0;
  static constexpr uint32_t FuncRefFieldFn = 8;
  static constexpr uint32_t FuncRefFieldCtx = 16;
  static constexpr uint32_t FuncRefFieldTailFn = 24;
  static constexpr uint32_t SegmentFieldSize = 8;

  uint32_t Memories = 0;      // w2n_memory *[NumMemories]
  uint32_t Tables = 0;        // w2n_table *[NumTables]
  uint32_t Globals = 0;       // w2n_value *[NumGlobals]
  uint32_t GlobalStorage = 0; // w2n_value[NumDefinedGlobals]
  uint32_t FuncRefs = 0;      // w2n_funcref[NumFuncs]
  uint32_t Datas = 0;         // w2n_data_segment[NumDatas]
  uint32_t Elems = 0;         // w2n_elem_segment[NumElems]
  uint32_t Tags = 0;          // w2n_tag *[NumTags]
  uint32_t TagStorage = 0;    // w2n_tag[NumDefinedTags]
  /// w2n_value[MaxTailArgs]: the parameters of a tail call to a function of
  /// this module (only when one has a tail-call entry).
  uint32_t TailArgBuffer = 0;
  uint32_t Size = 0;

  /// MaxTailArgs: the most parameters a function with a tail-call entry
  /// takes; 0 when none has one.
  InstanceLayout(const frontend::Module &M, uint32_t MaxTailArgs);

  uint32_t memory(uint32_t I) const { return Memories + 8 * I; }
  uint32_t table(uint32_t I) const { return Tables + 8 * I; }
  uint32_t globalPtr(uint32_t I) const { return Globals + 8 * I; }
  uint32_t globalStorage(uint32_t DefinedIndex) const {
    return GlobalStorage + ValueSize * DefinedIndex;
  }
  uint32_t funcRef(uint32_t I) const { return FuncRefs + FuncRefSize * I; }
  uint32_t data(uint32_t I) const { return Datas + SegmentSize * I; }
  uint32_t elem(uint32_t I) const { return Elems + SegmentSize * I; }
  uint32_t tag(uint32_t I) const { return Tags + 8 * I; }
  uint32_t tagStorage(uint32_t DefinedIndex) const {
    return TagStorage + TagSize * DefinedIndex;
  }
  uint32_t tailArg(uint32_t I) const { return TailArgBuffer + ValueSize * I; }
};

} // namespace w2n::lowering

#endif

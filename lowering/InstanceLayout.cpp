//===- InstanceLayout.cpp -------------------------------------------------===//
#include "lowering/InstanceLayout.h"

#include "w2n/abi.h"

#include <cstddef>

namespace w2n::lowering {

// The layout of generated code must be the runtime's.
static_assert(offsetof(w2n_instance, memory_base) == InstanceLayout::MemoryBase);
static_assert(offsetof(w2n_instance, memory) == InstanceLayout::Memory);
static_assert(offsetof(w2n_instance, stack_limit) == InstanceLayout::StackLimit);
static_assert(offsetof(w2n_instance, type_ids) == InstanceLayout::TypeIds);
static_assert(offsetof(w2n_instance, tail_args) == InstanceLayout::TailArgs);
static_assert(sizeof(w2n_instance) == InstanceLayout::HeadSize);
static_assert(sizeof(w2n_value) == InstanceLayout::ValueSize);
static_assert(sizeof(w2n_funcref) == InstanceLayout::FuncRefSize);
static_assert(offsetof(w2n_funcref, type_id) == InstanceLayout::FuncRefFieldTypeId);
static_assert(offsetof(w2n_funcref, fn) == InstanceLayout::FuncRefFieldFn);
static_assert(offsetof(w2n_funcref, ctx) == InstanceLayout::FuncRefFieldCtx);
static_assert(offsetof(w2n_funcref, tail_fn) == InstanceLayout::FuncRefFieldTailFn);
static_assert(offsetof(w2n_memory, base) == InstanceLayout::MemoryFieldBase);
static_assert(offsetof(w2n_memory, size) == InstanceLayout::MemoryFieldSize);
static_assert(offsetof(w2n_table, elems) == InstanceLayout::TableFieldElems);
static_assert(offsetof(w2n_table, size) == InstanceLayout::TableFieldSize);
static_assert(sizeof(w2n_data_segment) == InstanceLayout::SegmentSize);
static_assert(sizeof(w2n_elem_segment) == InstanceLayout::SegmentSize);
static_assert(offsetof(w2n_data_segment, size) == InstanceLayout::SegmentFieldSize);
static_assert(offsetof(w2n_elem_segment, size) == InstanceLayout::SegmentFieldSize);
static_assert(sizeof(w2n_tag) == InstanceLayout::TagSize);
static_assert(offsetof(w2n_exn, tag) == InstanceLayout::ExnFieldTag);
static_assert(offsetof(w2n_exn, values) == InstanceLayout::ExnValues);

// The descriptor carries the frontend's encodings of value types and extern
// kinds as they are; the runtime reads them with the ABI's names.
static_assert(frontend::ValType::I32.bits() == W2N_I32);
static_assert(frontend::ValType::I64.bits() == W2N_I64);
static_assert(frontend::ValType::F32.bits() == W2N_F32);
static_assert(frontend::ValType::F64.bits() == W2N_F64);
static_assert(frontend::ValType::V128.bits() == W2N_V128);
static_assert(frontend::ValType::FuncRef.bits() == W2N_FUNCREF);
static_assert(frontend::ValType::ExternRef.bits() == W2N_EXTERNREF);
static_assert(frontend::ValType::ref(frontend::HeapKind::NoFunc, false).bits() ==
              (W2N_NULLFUNCREF | W2N_REF_NONNULL));
static_assert(frontend::ValType::ref(frontend::HeapKind::NoExtern, true).bits() ==
              W2N_NULLEXTERNREF);
static_assert(frontend::ValType::ref(frontend::HeapKind::Concrete, true, 5).bits() ==
              (W2N_HEAP_DEFINED | 5u << 8));
static_assert(uint8_t(frontend::ExternalKind::Func) == W2N_EXTERN_FUNC);
static_assert(uint8_t(frontend::ExternalKind::Table) == W2N_EXTERN_TABLE);
static_assert(uint8_t(frontend::ExternalKind::Memory) == W2N_EXTERN_MEMORY);
static_assert(uint8_t(frontend::ExternalKind::Global) == W2N_EXTERN_GLOBAL);
static_assert(uint8_t(frontend::ExternalKind::Tag) == W2N_EXTERN_TAG);
static_assert(frontend::ValType::ExnRef.bits() == W2N_EXNREF);

static uint32_t alignTo(uint32_t X, uint32_t A) { return (X + A - 1) / A * A; }

InstanceLayout::InstanceLayout(const frontend::Module &M,
                               uint32_t MaxTailArgs) {
  uint32_t At = HeadSize;
  Memories = At;
  At += 8 * uint32_t(M.Memories.size());
  Tables = At;
  At += 8 * uint32_t(M.Tables.size());
  Globals = At;
  At += 8 * uint32_t(M.Globals.size());
  At = alignTo(At, 16);
  GlobalStorage = At;
  At += ValueSize * uint32_t(M.Globals.size() - M.NumImportedGlobals);
  FuncRefs = At;
  At += FuncRefSize * M.numFunctions();
  Datas = At;
  At += SegmentSize * uint32_t(M.Datas.size());
  Elems = At;
  At += SegmentSize * uint32_t(M.Elems.size());
  Tags = At;
  At += 8 * uint32_t(M.TagTypes.size());
  At = alignTo(At, 16);
  TagStorage = At;
  At += TagSize * uint32_t(M.TagTypes.size() - M.NumImportedTags);
  TailArgBuffer = At;
  At += ValueSize * MaxTailArgs;
  Size = alignTo(At, 16);
}

} // namespace w2n::lowering

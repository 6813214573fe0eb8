//===- SpecHost.cpp -------------------------------------------------------===//
#include "test/spec/SpecHost.h"

#include "llvm/ADT/StringSwitch.h"

namespace w2n::spec {

namespace {

void doNothing(void *, const w2n_value *, w2n_value *) {}

const w2n_valtype I32F32[] = {W2N_I32, W2N_F32};
const w2n_valtype F64F64[] = {W2N_F64, W2N_F64};
const w2n_valtype I32[] = {W2N_I32}, I64[] = {W2N_I64}, F32[] = {W2N_F32},
              F64[] = {W2N_F64};

struct HostFunc {
  llvm::StringLiteral Name;
  w2n_func_type_desc Type;
};

// The printing functions take their arguments and return nothing.
const HostFunc Funcs[] = {
    {"print", {0, 0, nullptr, 0, 0, 0}},        {"print_i32", {1, 0, I32, 0, 0, 0}},
    {"print_i64", {1, 0, I64, 0, 0, 0}},        {"print_f32", {1, 0, F32, 0, 0, 0}},
    {"print_f64", {1, 0, F64, 0, 0, 0}},        {"print_i32_f32", {2, 0, I32F32, 0, 0, 0}},
    {"print_f64_f64", {2, 0, F64F64, 0, 0, 0}},
};

} // namespace

SpectestHost::SpectestHost() {
  Memory = w2n_memory_new(w2n_limits{1, 2, 1, 0, 0});
  SharedMemory = w2n_memory_new(w2n_limits{1, 2, 1, 0, 1});
  Table = w2n_table_new(W2N_FUNCREF, w2n_limits{10, 20, 1, 0, 0}, nullptr);
  Table64 = w2n_table_new(W2N_FUNCREF, w2n_limits{10, 20, 1, 1, 0}, nullptr);
  Globals[0].i32 = 666;
  Globals[1].i64 = 666;
  Globals[2].f32 = 666.6f;
  Globals[3].f64 = 666.6;
}

SpectestHost::~SpectestHost() {
  w2n_memory_delete(Memory);
  w2n_memory_delete(SharedMemory);
  w2n_table_delete(Table);
  w2n_table_delete(Table64);
}

w2n_extern SpectestHost::lookup(llvm::StringRef Name) const {
  w2n_extern E{};
  E.tag = W2N_EXTERN_NONE;
  for (const HostFunc &F : Funcs)
    if (Name == F.Name)
      return w2n_extern_host_func(doNothing, nullptr, &F.Type);
  if (Name == "table")
    return Table ? w2n_extern_table(Table) : E;
  if (Name == "table64")
    return Table64 ? w2n_extern_table(Table64) : E;
  if (Name == "memory")
    return Memory ? w2n_extern_memory(Memory) : E;
  if (Name == "shared_memory")
    return SharedMemory ? w2n_extern_memory(SharedMemory) : E;
  int Global = llvm::StringSwitch<int>(Name)
                   .Case("global_i32", 0)
                   .Case("global_i64", 1)
                   .Case("global_f32", 2)
                   .Case("global_f64", 3)
                   .Default(-1);
  if (Global < 0)
    return E;
  static const w2n_valtype Types[] = {W2N_I32, W2N_I64, W2N_F32, W2N_F64};
  E.tag = W2N_EXTERN_GLOBAL_REF;
  // The globals are immutable: no instance writes through this pointer.
  E.of.global.value = const_cast<w2n_value *>(&Globals[Global]);
  E.of.global.type = Types[Global];
  E.of.global.mutable_ = 0;
  return E;
}

} // namespace w2n::spec

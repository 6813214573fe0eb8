/*===- embed/embed.c - The embedding API (w2n/embed.h) --------------------===*
 *
 * The core does the linking and the bookkeeping; this layer adds what needs
 * the host: trap frames around every entry into WebAssembly code, and stack
 * limits from the calling thread.
 *===----------------------------------------------------------------------===*/
#include "w2n/embed.h"

#include "core/core.h"
#include "core/unwind.h"
#include "embed/trap.h"

#include <stdlib.h>

typedef struct init_args {
  w2n_instance *inst;
  w2n_exn *exception;
} init_args;

static void run_init(void *p) {
  init_args *a = p;
  a->exception = w2n_core_instance_run_init(a->inst);
}

static w2n_status exception_error(w2n_error *err, const w2n_exn *exn) {
  w2n_status s = w2n_core_error(err, W2N_ERROR_EXCEPTION, W2N_TRAP_NONE, 0);
  if (err)
    err->exception = exn;
  return s;
}

w2n_status w2n_instantiate(const w2n_module_desc *desc,
                           const w2n_extern *imports, uint32_t num_imports,
                           w2n_instance **out, w2n_error *err) {
  w2n_instance *inst;
  w2n_status s = w2n_core_instance_new(desc, imports, num_imports, &inst, err);
  *out = inst;
  if (s != W2N_OK)
    return s;
  inst->stack_limit = w2n_embed_stack_limit();
  init_args a = {inst, NULL};
  w2n_trap_kind trap = w2n_embed_run_protected(run_init, &a);
  if (trap != W2N_TRAP_NONE)
    return w2n_core_error(err, W2N_ERROR_TRAP, trap, 0);
  if (a.exception)
    return exception_error(err, a.exception);
  return w2n_core_error(err, W2N_OK, W2N_TRAP_NONE, 0);
}

void w2n_instance_free(w2n_instance *inst) { w2n_core_instance_free(inst); }

w2n_status w2n_instance_export(const w2n_instance *inst, const char *name,
                               size_t name_len, w2n_extern *out) {
  return w2n_core_find_export(inst, name, name_len, out);
}

const w2n_func_type_desc *w2n_instance_func_type(const w2n_instance *inst,
                                                 const w2n_funcref *func) {
  int64_t t = w2n_core_type_index(inst, func->type_id);
  return t < 0 ? NULL : &inst->module->types[t];
}

typedef struct call_args {
  w2n_entry_fn entry;
  const w2n_funcref *func;
  const w2n_value *args;
  w2n_value *results;
  w2n_exn *exception;
} call_args;

static void run_call(void *p) {
  call_args *c = p;
  c->exception = c->entry(c->func->fn, c->func->ctx, c->args, c->results);
}

w2n_status w2n_call(w2n_instance *inst, const w2n_funcref *func,
                    const w2n_value *args, size_t num_args, w2n_value *results,
                    size_t num_results, w2n_error *err) {
  if (!func)
    return w2n_core_error(err, W2N_ERROR_INVALID_ARGUMENT, W2N_TRAP_NONE, 0);
  int64_t t = w2n_core_type_index(inst, func->type_id);
  if (t < 0)
    return w2n_core_error(err, W2N_ERROR_INVALID_ARGUMENT, W2N_TRAP_NONE, 0);
  const w2n_func_type_desc *type = &inst->module->types[t];
  if (num_args != type->num_params || num_results != type->num_results)
    return w2n_core_error(err, W2N_ERROR_INVALID_ARGUMENT, W2N_TRAP_NONE, 0);
  inst->stack_limit = w2n_embed_stack_limit();
  call_args c = {inst->module->entries[t], func, args, results, NULL};
  w2n_trap_kind trap = w2n_embed_run_protected(run_call, &c);
  if (trap != W2N_TRAP_NONE)
    return w2n_core_error(err, W2N_ERROR_TRAP, trap, 0);
  if (c.exception)
    return exception_error(err, c.exception);
  return w2n_core_error(err, W2N_OK, W2N_TRAP_NONE, 0);
}

w2n_status w2n_call_export(w2n_instance *inst, const char *name,
                           size_t name_len, const w2n_value *args,
                           size_t num_args, w2n_value *results,
                           size_t num_results, w2n_error *err) {
  w2n_extern e;
  if (w2n_core_find_export(inst, name, name_len, &e) != W2N_OK ||
      e.tag != W2N_EXTERN_FUNCREF)
    return w2n_core_error(err, W2N_ERROR_INVALID_ARGUMENT, W2N_TRAP_NONE, 0);
  return w2n_call(inst, e.of.func, args, num_args, results, num_results, err);
}

w2n_status w2n_global_get(const w2n_extern *global, w2n_value *out) {
  if (global->tag != W2N_EXTERN_GLOBAL_REF)
    return W2N_ERROR_INVALID_ARGUMENT;
  *out = *global->of.global.value;
  return W2N_OK;
}

w2n_status w2n_global_set(const w2n_extern *global, w2n_value value) {
  if (global->tag != W2N_EXTERN_GLOBAL_REF || !global->of.global.mutable_)
    return W2N_ERROR_INVALID_ARGUMENT;
  *global->of.global.value = value;
  return W2N_OK;
}

w2n_memory *w2n_memory_new(w2n_limits limits) {
  return w2n_core_memory_new(&limits);
}

void w2n_memory_delete(w2n_memory *memory) { w2n_core_memory_delete(memory); }

w2n_table *w2n_table_new(w2n_valtype elem_type, w2n_limits limits, void *init) {
  return w2n_core_table_new(elem_type, &limits, init);
}

void w2n_table_delete(w2n_table *table) { w2n_core_table_delete(table); }

w2n_extern w2n_global_new(w2n_valtype type, int mutable_, w2n_value value) {
  w2n_extern e;
  e.tag = W2N_EXTERN_NONE;
  w2n_value *storage = malloc(sizeof(w2n_value));
  if (!storage)
    return e;
  *storage = value;
  e.tag = W2N_EXTERN_GLOBAL_REF;
  e.of.global.value = storage;
  e.of.global.type = type;
  e.of.global.mutable_ = mutable_ != 0;
  return e;
}

void w2n_global_delete(w2n_extern *global) {
  if (global->tag == W2N_EXTERN_GLOBAL_REF)
    free(global->of.global.value);
  global->tag = W2N_EXTERN_NONE;
}

const w2n_runtime_symbol *w2n_runtime_symbols(size_t *count) {
  static const w2n_runtime_symbol symbols[] = {
      {W2N_RT_TRAP, (void *)w2n_trap},
      {W2N_RT_MEMORY_GROW, (void *)w2n_memory_grow},
      {"w2n_memory_fill", (void *)w2n_memory_fill},
      {"w2n_memory_copy", (void *)w2n_memory_copy},
      {"w2n_memory_init", (void *)w2n_memory_init},
      {W2N_RT_TABLE_GROW, (void *)w2n_table_grow},
      {"w2n_table_fill", (void *)w2n_table_fill},
      {"w2n_table_copy", (void *)w2n_table_copy},
      {"w2n_table_init", (void *)w2n_table_init},
      {W2N_RT_TYPE_IS_SUBTYPE, (void *)w2n_type_is_subtype},
      {"w2n_memory_atomic_notify", (void *)w2n_memory_atomic_notify},
      {"w2n_memory_atomic_wait32", (void *)w2n_memory_atomic_wait32},
      {"w2n_memory_atomic_wait64", (void *)w2n_memory_atomic_wait64},
      {W2N_RT_EXN_NEW, (void *)w2n_exn_new},
      {W2N_RT_THROW, (void *)w2n_throw},
      {W2N_RT_HOST_TAKE_EXCEPTION, (void *)w2n_host_take_exception},
  };
  *count = sizeof symbols / sizeof symbols[0];
  return symbols;
}

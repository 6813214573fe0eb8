/*===- core/instance.c - Linking and allocating instances ------------------===*
 *
 * An instance is one allocation: a private header (what the runtime owns on
 * the instance's behalf), then the instance proper, whose layout the
 * descriptor gives (w2n/abi.h). Instantiation follows the spec's order:
 * match the imports, allocate, fill the index spaces and segments; then,
 * under the caller's trap protection, init (globals, element segments, the
 * active segments) and the start function.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

typedef struct instance_header {
  size_t alloc_size;
  uint32_t *type_ids;        /* [num_types] */
  w2n_host_func *host_funcs; /* [num_imported_funcs], for host imports */
  void **elem_items;         /* the items of every element segment */
  /* [num_imported_globals]: the type of what was imported, which may be a
   * subtype of the declared one and is what a re-export has. */
  w2n_valtype *imported_global_types;
  size_t num_elem_items;
  /* Defined memories and tables are memories[num_imported_memories ...]
   * and tables[num_imported_tables ...]. */
} instance_header;

/* The instance starts at a multiple of 16 after the header. */
#define HEADER_SIZE ((sizeof(instance_header) + 15) & ~(size_t)15)

static instance_header *header(const w2n_instance *inst) {
  return (instance_header *)((char *)inst - HEADER_SIZE);
}

static void *field(const w2n_instance *inst, uint32_t offset) {
  return (char *)inst + offset;
}

w2n_funcref *w2n_core_funcrefs(const w2n_instance *inst) {
  return field(inst, inst->module->funcrefs_offset);
}

w2n_memory **w2n_core_memories(const w2n_instance *inst) {
  return field(inst, inst->module->memories_offset);
}

w2n_table **w2n_core_tables(const w2n_instance *inst) {
  return field(inst, inst->module->tables_offset);
}

w2n_value **w2n_core_globals(const w2n_instance *inst) {
  return field(inst, inst->module->globals_offset);
}

const w2n_tag **w2n_core_tags(const w2n_instance *inst) {
  return field(inst, inst->module->tags_offset);
}

static const char *const trap_messages[] = {
#define W2N_TRAP_MESSAGE(Name, Message) Message,
    W2N_TRAP_KINDS(W2N_TRAP_MESSAGE)
#undef W2N_TRAP_MESSAGE
};

const char *w2n_trap_message(w2n_trap_kind kind) {
  if ((unsigned)kind >= W2N_TRAP_COUNT)
    return "unknown trap";
  return trap_messages[kind];
}

w2n_status w2n_core_error(w2n_error *err, w2n_status status, w2n_trap_kind trap,
                          uint32_t import_index) {
  if (!err)
    return status;
  err->status = status;
  err->trap = status == W2N_ERROR_TRAP ? trap : W2N_TRAP_NONE;
  err->import_index = import_index;
  err->exception = NULL;
  switch (status) {
  case W2N_OK:
    err->message = "success";
    break;
  case W2N_ERROR_TRAP:
    err->message = w2n_trap_message(trap);
    break;
  case W2N_ERROR_UNKNOWN_IMPORT:
    err->message = "unknown import";
    break;
  case W2N_ERROR_INCOMPATIBLE_IMPORT:
    err->message = "incompatible import type";
    break;
  case W2N_ERROR_ABI_VERSION:
    err->message = "module compiled for another runtime ABI version";
    break;
  case W2N_ERROR_RESOURCES:
    err->message = "out of memory";
    break;
  case W2N_ERROR_INVALID_ARGUMENT:
    err->message = "invalid argument";
    break;
  case W2N_ERROR_EXCEPTION:
    err->message = "uncaught exception";
    break;
  }
  return status;
}

/* The spec's limits matching, for an import that declares `want`: the
 * actual object's current size is at least the declared minimum, and if a
 * maximum is declared, the actual one has a maximum no larger. */
static int limits_match(uint64_t size, int has_max, uint64_t max,
                        const w2n_limits *want) {
  if (size < want->min)
    return 0;
  return !want->has_max || (has_max && max <= want->max);
}

/* Checks one import against the declaration; W2N_OK or a linking error. */
static w2n_status check_import(const w2n_module_desc *desc,
                               const w2n_import_desc *imp,
                               const w2n_extern *ext,
                               const uint32_t *type_ids) {
  switch (ext->tag) {
  case W2N_EXTERN_NONE:
    return W2N_ERROR_UNKNOWN_IMPORT;
  case W2N_EXTERN_FUNCREF:
    if (imp->kind != W2N_EXTERN_FUNC || !ext->of.func ||
        !w2n_type_is_subtype(ext->of.func->type_id, type_ids[imp->index]))
      return W2N_ERROR_INCOMPATIBLE_IMPORT;
    return W2N_OK;
  case W2N_EXTERN_HOST_FUNC:
    if (imp->kind != W2N_EXTERN_FUNC || !ext->of.host.fn ||
        !ext->of.host.type ||
        !w2n_type_is_subtype(w2n_core_type_id(ext->of.host.type),
                             type_ids[imp->index]) ||
        !desc->host_adapters[imp->index])
      return W2N_ERROR_INCOMPATIBLE_IMPORT;
    return W2N_OK;
  case W2N_EXTERN_TABLE_REF: {
    const w2n_table *t = ext->of.table;
    /* Element types must be equivalent: a table is read and written. */
    if (imp->kind != W2N_EXTERN_TABLE || !t ||
        t->elem_type != w2n_core_canonical_valtype(imp->type, type_ids) ||
        w2n_core_table_is64(t) != (imp->limits.is64 != 0) ||
        !limits_match(t->size, w2n_core_table_has_max(t), t->max, &imp->limits))
      return W2N_ERROR_INCOMPATIBLE_IMPORT;
    return W2N_OK;
  }
  case W2N_EXTERN_MEMORY_REF: {
    const w2n_memory *m = ext->of.memory;
    if (imp->kind != W2N_EXTERN_MEMORY || !m ||
        w2n_core_memory_is64(m) != (imp->limits.is64 != 0) ||
        w2n_core_memory_is_shared(m) != (imp->limits.shared != 0) ||
        !limits_match(m->size / W2N_PAGE_SIZE, w2n_core_memory_has_max(m),
                      m->max_pages, &imp->limits))
      return W2N_ERROR_INCOMPATIBLE_IMPORT;
    return W2N_OK;
  }
  case W2N_EXTERN_GLOBAL_REF: {
    /* An immutable global's type may be a subtype of the import's; a
     * mutable one's must be equivalent (it is written too). */
    w2n_valtype want = w2n_core_canonical_valtype(imp->type, type_ids);
    w2n_valtype have = ext->of.global.type;
    if (imp->kind != W2N_EXTERN_GLOBAL || !ext->of.global.value ||
        (ext->of.global.mutable_ != 0) != (imp->mutable_ != 0) ||
        (imp->mutable_ ? have != want
                       : !w2n_core_valtype_matches(have, want)))
      return W2N_ERROR_INCOMPATIBLE_IMPORT;
    return W2N_OK;
  }
  case W2N_EXTERN_TAG_REF:
    /* Tag types must be equivalent: values go both ways. */
    if (imp->kind != W2N_EXTERN_TAG || !ext->of.tag ||
        ext->of.tag->type_id != type_ids[imp->index])
      return W2N_ERROR_INCOMPATIBLE_IMPORT;
    return W2N_OK;
  }
  return W2N_ERROR_INCOMPATIBLE_IMPORT;
}

/* Frees what the header owns (the instance itself too), and the first
 * num_owned_memories and num_owned_tables defined memories and tables. */
static void free_instance(w2n_instance *inst, uint32_t num_owned_memories,
                          uint32_t num_owned_tables) {
  const w2n_module_desc *desc = inst->module;
  instance_header *h = header(inst);
  w2n_table **tables = w2n_core_tables(inst);
  for (uint32_t i = 0; i < num_owned_tables; ++i)
    w2n_core_table_delete(tables[desc->num_imported_tables + i]);
  w2n_memory **memories = w2n_core_memories(inst);
  for (uint32_t i = 0; i < num_owned_memories; ++i)
    w2n_core_memory_delete(memories[desc->num_imported_memories + i]);
  w2n_os_free(h->elem_items, h->num_elem_items * sizeof(void *));
  w2n_os_free(h->host_funcs, desc->num_imported_funcs * sizeof(w2n_host_func));
  w2n_os_free(h->imported_global_types,
              desc->num_imported_globals * sizeof(w2n_valtype));
  w2n_os_free(h->type_ids, desc->num_types * sizeof(uint32_t));
  w2n_os_free(h, h->alloc_size);
}

w2n_status w2n_core_instance_new(const w2n_module_desc *desc,
                                 const w2n_extern *imports,
                                 uint32_t num_imports, w2n_instance **out,
                                 w2n_error *err) {
  *out = NULL;
  if (desc->abi_version != W2N_ABI_VERSION)
    return w2n_core_error(err, W2N_ERROR_ABI_VERSION, W2N_TRAP_NONE, 0);

  /* Canonical ids first: function imports are matched by them. */
  uint32_t *type_ids = NULL;
  if (desc->num_types) {
    type_ids = w2n_os_alloc(desc->num_types * sizeof(uint32_t));
    if (!type_ids)
      return w2n_core_error(err, W2N_ERROR_RESOURCES, W2N_TRAP_NONE, 0);
  }
  if (!w2n_core_module_type_ids(desc, type_ids)) {
    w2n_os_free(type_ids, desc->num_types * sizeof(uint32_t));
    return w2n_core_error(err, W2N_ERROR_RESOURCES, W2N_TRAP_NONE, 0);
  }

  /* Link: every import provided, and of the declared kind and type. */
  for (uint32_t i = 0; i < desc->num_imports; ++i) {
    w2n_status s = i < num_imports ? check_import(desc, &desc->imports[i],
                                                  &imports[i], type_ids)
                                   : W2N_ERROR_UNKNOWN_IMPORT;
    if (s != W2N_OK) {
      w2n_os_free(type_ids, desc->num_types * sizeof(uint32_t));
      return w2n_core_error(err, s, W2N_TRAP_NONE, i);
    }
  }

  /* Allocate. */
  size_t alloc_size = HEADER_SIZE + desc->instance_size;
  instance_header *h = w2n_os_alloc(alloc_size);
  if (!h) {
    w2n_os_free(type_ids, desc->num_types * sizeof(uint32_t));
    return w2n_core_error(err, W2N_ERROR_RESOURCES, W2N_TRAP_NONE, 0);
  }
  h->alloc_size = alloc_size;
  h->type_ids = type_ids;
  w2n_instance *inst = (w2n_instance *)((char *)h + HEADER_SIZE);
  inst->module = desc;
  inst->type_ids = type_ids;
  uint32_t num_owned_memories = 0, num_owned_tables = 0;

  if (desc->num_imported_funcs) {
    h->host_funcs =
        w2n_os_alloc(desc->num_imported_funcs * sizeof(w2n_host_func));
    if (!h->host_funcs)
      goto out_of_memory;
  }
  if (desc->num_imported_globals) {
    h->imported_global_types =
        w2n_os_alloc(desc->num_imported_globals * sizeof(w2n_valtype));
    if (!h->imported_global_types)
      goto out_of_memory;
  }
  size_t num_items = 0;
  for (uint32_t s = 0; s < desc->num_elems; ++s)
    num_items += desc->elem_sizes[s];
  if (num_items) {
    h->elem_items = w2n_os_alloc(num_items * sizeof(void *));
    if (!h->elem_items)
      goto out_of_memory;
    h->num_elem_items = num_items;
  }

  /* Tables: the imported ones, then new ones, all null. */
  w2n_table **tables = w2n_core_tables(inst);
  uint32_t import_counts[5] = {0, 0, 0, 0, 0};
  const w2n_tag **tags = w2n_core_tags(inst);
  w2n_memory **memories = w2n_core_memories(inst);
  w2n_value **globals = w2n_core_globals(inst);
  w2n_funcref *funcrefs = w2n_core_funcrefs(inst);
  for (uint32_t i = 0; i < desc->num_imports; ++i) {
    const w2n_import_desc *imp = &desc->imports[i];
    const w2n_extern *ext = &imports[i];
    uint32_t index = import_counts[imp->kind]++;
    switch (imp->kind) {
    case W2N_EXTERN_FUNC:
      if (ext->tag == W2N_EXTERN_FUNCREF) {
        funcrefs[index] = *ext->of.func;
      } else {
        h->host_funcs[index].fn = ext->of.host.fn;
        h->host_funcs[index].env = ext->of.host.env;
        funcrefs[index].type_id = type_ids[imp->index];
        funcrefs[index].fn = desc->host_adapters[imp->index];
        funcrefs[index].ctx = &h->host_funcs[index];
      }
      break;
    case W2N_EXTERN_TABLE:
      tables[index] = ext->of.table;
      break;
    case W2N_EXTERN_MEMORY:
      memories[index] = ext->of.memory;
      break;
    case W2N_EXTERN_GLOBAL:
      globals[index] = ext->of.global.value;
      h->imported_global_types[index] = ext->of.global.type;
      break;
    case W2N_EXTERN_TAG:
      tags[index] = ext->of.tag;
      break;
    }
  }
  for (uint32_t t = desc->num_imported_tables; t < desc->num_tables; ++t) {
    tables[t] =
        w2n_core_table_new(w2n_core_canonical_valtype(desc->table_types[t], type_ids),
                           &desc->table_limits[t], NULL);
    if (!tables[t])
      goto out_of_memory;
    ++num_owned_tables;
  }

  for (uint32_t m = desc->num_imported_memories; m < desc->num_memories; ++m) {
    memories[m] = w2n_core_memory_new(&desc->memory_limits[m]);
    if (!memories[m])
      goto out_of_memory;
    ++num_owned_memories;
  }
  inst->memory = desc->num_memories ? memories[0] : NULL;
  inst->memory_base = inst->memory ? inst->memory->base : NULL;

  /* Globals defined here live in the instance (init evaluates them). */
  w2n_value *storage = field(inst, desc->global_storage_offset);
  for (uint32_t g = desc->num_imported_globals; g < desc->num_globals; ++g)
    globals[g] = &storage[g - desc->num_imported_globals];

  /* Tags defined here are this instance's own. */
  w2n_tag *tag_storage = field(inst, desc->tag_storage_offset);
  for (uint32_t t = desc->num_imported_tags; t < desc->num_tags; ++t) {
    w2n_tag *tag = &tag_storage[t - desc->num_imported_tags];
    tag->type_id = type_ids[desc->tag_types[t]];
    tag->index = t;
    tag->module = desc;
    tag->type = &desc->types[desc->tag_types[t]];
    tags[t] = tag;
  }

  /* Functions defined here. */
  for (uint32_t f = desc->num_imported_funcs; f < desc->num_funcs; ++f) {
    uint32_t defined = f - desc->num_imported_funcs;
    funcrefs[f].type_id = type_ids[desc->func_types[f]];
    funcrefs[f].fn = desc->func_ptrs[defined];
    funcrefs[f].ctx = inst;
    funcrefs[f].tail_fn =
        desc->func_tail_ptrs ? desc->func_tail_ptrs[defined] : NULL;
  }
  if (desc->func_tail_ptrs)
    inst->tail_args = field(inst, desc->tail_args_offset);

  /* Segments: data bytes as compiled; element items filled by init. */
  w2n_data_segment *datas = field(inst, desc->data_offset);
  for (uint32_t s = 0; s < desc->num_data; ++s)
    datas[s] = desc->data_init[s];
  w2n_elem_segment *elems = field(inst, desc->elems_offset);
  void **items = h->elem_items;
  for (uint32_t s = 0; s < desc->num_elems; ++s) {
    elems[s].items = desc->elem_sizes[s] ? items : NULL;
    elems[s].size = desc->elem_sizes[s];
    items += desc->elem_sizes[s];
  }

  *out = inst;
  return W2N_OK;

out_of_memory:
  free_instance(inst, num_owned_memories, num_owned_tables);
  return w2n_core_error(err, W2N_ERROR_RESOURCES, W2N_TRAP_NONE, 0);
}

w2n_exn *w2n_core_instance_run_init(w2n_instance *inst) {
  const w2n_module_desc *desc = inst->module;
  desc->init(inst);
  if (desc->start_func < 0)
    return NULL;
  /* Through the entry trampoline of its type (it takes and returns
   * nothing), which stops an exception it throws. */
  const w2n_funcref *start = &w2n_core_funcrefs(inst)[desc->start_func];
  w2n_entry_fn entry = desc->entries[desc->func_types[desc->start_func]];
  return entry(start->fn, start->ctx, NULL, NULL);
}

void w2n_core_instance_free(w2n_instance *inst) {
  if (!inst)
    return;
  const w2n_module_desc *desc = inst->module;
  free_instance(inst, desc->num_memories - desc->num_imported_memories,
                desc->num_tables - desc->num_imported_tables);
}

w2n_status w2n_core_find_export(const w2n_instance *inst, const char *name,
                                size_t name_len, w2n_extern *out) {
  const w2n_module_desc *desc = inst->module;
  for (uint32_t e = 0; e < desc->num_exports; ++e) {
    const w2n_export_desc *exp = &desc->exports[e];
    if (exp->name_len != name_len ||
        (name_len && __builtin_memcmp(exp->name, name, name_len) != 0))
      continue;
    switch (exp->kind) {
    case W2N_EXTERN_FUNC:
      out->tag = W2N_EXTERN_FUNCREF;
      out->of.func = &w2n_core_funcrefs(inst)[exp->index];
      break;
    case W2N_EXTERN_TABLE:
      out->tag = W2N_EXTERN_TABLE_REF;
      out->of.table = w2n_core_tables(inst)[exp->index];
      break;
    case W2N_EXTERN_MEMORY:
      out->tag = W2N_EXTERN_MEMORY_REF;
      out->of.memory = w2n_core_memories(inst)[exp->index];
      break;
    case W2N_EXTERN_TAG:
      out->tag = W2N_EXTERN_TAG_REF;
      out->of.tag = w2n_core_tags(inst)[exp->index];
      break;
    case W2N_EXTERN_GLOBAL:
      out->tag = W2N_EXTERN_GLOBAL_REF;
      out->of.global.value = w2n_core_globals(inst)[exp->index];
      out->of.global.type =
          exp->index < desc->num_imported_globals
              ? header(inst)->imported_global_types[exp->index]
              : w2n_core_canonical_valtype(desc->global_types[exp->index],
                                           inst->type_ids);
      out->of.global.mutable_ = desc->global_mutability[exp->index];
      break;
    default:
      return W2N_ERROR_INVALID_ARGUMENT;
    }
    return W2N_OK;
  }
  out->tag = W2N_EXTERN_NONE;
  return W2N_ERROR_INVALID_ARGUMENT;
}

int64_t w2n_core_type_index(const w2n_instance *inst, uint32_t type_id) {
  const w2n_module_desc *desc = inst->module;
  for (uint32_t t = 0; t < desc->num_types; ++t)
    if (inst->type_ids[t] == type_id)
      return t;
  /* A function imported as a supertype of its own type: called with the
   * supertype's signature, which passes the same native values. */
  for (uint32_t t = 0; t < desc->num_types; ++t)
    if (w2n_type_is_subtype(type_id, inst->type_ids[t]))
      return t;
  return -1;
}

/*===- core/core.h - The runtime core: types, memories, tables, instances --===*
 *
 * The part of the runtime that needs no operating system beyond core/os.h,
 * shared by the hosted embedding layer (embed/) and the freestanding
 * executable runtime. It does not catch traps: whoever runs WebAssembly code
 * (w2n_core_instance_run_init, calls through entry trampolines) must do so
 * under its own trap protection, and must define w2n_trap, which the core's
 * bulk operations call too.
 *
 * Not thread-safe, except for type interning: instances, memories and
 * tables are used by one thread at a time.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_CORE_CORE_H
#define W2N_CORE_CORE_H

#include "w2n/abi.h"
#include "w2n/embed.h"

#include <stddef.h>
#include <stdint.h>

#define W2N_PAGE_SIZE 65536u
#define W2N_MAX_PAGES 65536u
#define W2N_MAX_PAGES64 (1ull << 48)
/* Address space behind a 32-bit memory's base: every 32-bit address plus a
 * 32-bit offset plus a 16-byte access lands inside it (see
 * lowering/BoundsChecks). */
#define W2N_MEMORY_RESERVATION ((8ull << 30) + W2N_PAGE_SIZE)
/* A 64-bit memory is checked explicitly and has no guard region: it
 * reserves its declared maximum, or this much if that is larger (less when
 * the system refuses), and can grow to what it reserved. More would cost
 * qemu-user (which tracks every reserved page) more memory than it has. */
#define W2N_MEMORY64_RESERVATION (16ull << 30)
/* The most elements a table may have here (an implementation limit). */
#define W2N_MAX_TABLE_ELEMS (1u << 24)

/* --- Errors ------------------------------------------------------------- */

/* Fills *err (if not NULL) and returns status. */
w2n_status w2n_core_error(w2n_error *err, w2n_status status, w2n_trap_kind trap,
                          uint32_t import_index);

/* --- Canonical signatures ------------------------------------------------ */

#define W2N_NO_TYPE_ID UINT32_MAX

/* The canonical id of a signature: equal for structurally equal signatures,
 * whichever module they come from. W2N_NO_TYPE_ID when out of memory. */
uint32_t w2n_core_type_id(const w2n_func_type_desc *type);
/* Fills type_ids with the canonical id of every type of desc, group by
 * group; 0 when out of memory. */
int w2n_core_module_type_ids(const w2n_module_desc *desc, uint32_t *type_ids);
/* Whether the type with id sub is the type with id super or declares it as
 * a supertype, transitively (called by generated code for call_indirect
 * when the expected type is not final). */
int w2n_type_is_subtype(uint32_t sub, uint32_t super);
/* A descriptor's value type v with a defined heap type's index replaced by
 * its canonical id (type_ids of the module); other types unchanged. */
w2n_valtype w2n_core_canonical_valtype(w2n_valtype v, const uint32_t *type_ids);
/* Whether a value of canonical type a may be used where canonical type b
 * is expected (3.0's subtyping). */
int w2n_core_valtype_matches(w2n_valtype a, w2n_valtype b);

/* --- Memories and tables -------------------------------------------------- */

/* A memory of limits->min pages (at most limits->max, or the most its index
 * type allows); NULL when out of address space or the limits exceed what
 * the index type allows. */
w2n_memory *w2n_core_memory_new(const w2n_limits *limits);
void w2n_core_memory_delete(w2n_memory *memory);
/* Whether the memory was declared with a maximum (max_pages says which). */
int w2n_core_memory_has_max(const w2n_memory *memory);
int w2n_core_memory_is64(const w2n_memory *memory);
int w2n_core_memory_is_shared(const w2n_memory *memory);
/* memory.atomic.wait32/64 and notify, at an address the generated code has
 * checked: wait returns 0 woken, 1 not equal, 2 timed out (timeout_ns < 0:
 * none), and traps on an unshared memory; notify returns how many woke. */
uint32_t w2n_memory_atomic_wait32(w2n_memory *memory, const uint32_t *addr,
                                  uint32_t expected, int64_t timeout_ns);
uint32_t w2n_memory_atomic_wait64(w2n_memory *memory, const uint64_t *addr,
                                  uint64_t expected, int64_t timeout_ns);
uint32_t w2n_memory_atomic_notify(w2n_memory *memory, const void *addr,
                                  uint32_t count);

/* A table of limits->min elements, all init. NULL when out of memory or
 * beyond W2N_MAX_TABLE_ELEMS. */
w2n_table *w2n_core_table_new(w2n_valtype elem_type, const w2n_limits *limits,
                              void *init);
void w2n_core_table_delete(w2n_table *table);
int w2n_core_table_has_max(const w2n_table *table);
int w2n_core_table_is64(const w2n_table *table);

/* The runtime functions generated code calls (exact C signatures of the
 * declarations in lowering/ModuleLowering.cpp). The bulk operations trap
 * (w2n_trap) when any part of them is out of bounds, before writing
 * anything; copies behave as memmove. */
int64_t w2n_memory_grow(w2n_memory *memory, uint64_t delta_pages);
void w2n_memory_fill(w2n_memory *memory, uint64_t d, uint32_t val, uint64_t n);
void w2n_memory_copy(w2n_memory *dst, w2n_memory *src, uint64_t d, uint64_t s,
                     uint64_t n);
void w2n_memory_init(w2n_memory *memory, w2n_data_segment *seg, uint64_t d,
                     uint32_t s, uint32_t n);
int64_t w2n_table_grow(w2n_table *table, void *init, uint64_t delta);
void w2n_table_fill(w2n_table *table, uint64_t i, void *val, uint64_t n);
void w2n_table_copy(w2n_table *dst, w2n_table *src, uint64_t d, uint64_t s,
                    uint64_t n);
void w2n_table_init(w2n_table *table, w2n_elem_segment *seg, uint64_t d,
                    uint32_t s, uint32_t n);

/* Whether [start, start + n) lies within [0, size), without overflow. */
static inline int w2n_core_in_bounds(uint64_t start, uint64_t n,
                                     uint64_t size) {
  return n <= size && start <= size - n;
}

/* --- Instances ------------------------------------------------------------ */

/* Links and allocates an instance of desc: checks the imports (in the order
 * of desc->imports) as the spec's import matching says, then creates the
 * defined memory and tables and fills the instance: funcref records, table
 * and global pointers, segments. Runs no WebAssembly code: the caller then
 * runs w2n_core_instance_run_init under trap protection. stack_limit is
 * left 0. */
w2n_status w2n_core_instance_new(const w2n_module_desc *desc,
                                 const w2n_extern *imports,
                                 uint32_t num_imports, w2n_instance **out,
                                 w2n_error *err);

/* Evaluates the globals and segments (desc->init), then runs the start
 * function. May trap. Returns NULL, or the exception the start function
 * threw and did not catch. */
w2n_exn *w2n_core_instance_run_init(w2n_instance *inst);

void w2n_core_instance_free(w2n_instance *inst);

/* The funcref records, memory, table and global pointers of an instance. */
w2n_funcref *w2n_core_funcrefs(const w2n_instance *inst);
w2n_memory **w2n_core_memories(const w2n_instance *inst);
w2n_table **w2n_core_tables(const w2n_instance *inst);
w2n_value **w2n_core_globals(const w2n_instance *inst);
const w2n_tag **w2n_core_tags(const w2n_instance *inst);

/* --- Exceptions ----------------------------------------------------------- */

/* A new exception of tag, its values left for the caller to store (called
 * by generated code for throw). Exceptions are never freed yet: an exnref
 * may be kept anywhere, and the runtime has no collector. Traps when out of
 * memory. */
w2n_exn *w2n_exn_new(w2n_instance *inst, const w2n_tag *tag);
/* What the adapter of a host function calls after it: the exception the
 * host function threw, or NULL. */
w2n_exn *w2n_host_take_exception(void);
/* w2n_throw, which unwinds to the innermost handler, is in core/unwind.h. */

/* The export called name, as an extern; W2N_ERROR_INVALID_ARGUMENT if there
 * is none. */
w2n_status w2n_core_find_export(const w2n_instance *inst, const char *name,
                                size_t name_len, w2n_extern *out);

/* The type index in inst's module of a signature with canonical id type_id,
 * else of one of its supertypes (a function imported as one), or -1. */
int64_t w2n_core_type_index(const w2n_instance *inst, uint32_t type_id);

#endif /* W2N_CORE_CORE_H */

/*===- w2n/abi.h - The ABI between generated code and the runtime ---------===*
 *
 * The one header that lowering/ and the runtime share. It fixes:
 *   - the trap kinds and their messages (the spec's own wording);
 *   - the records the generated code and the runtime both read: callables
 *     (funcrefs), memories, tables, segments;
 *   - the fixed head of every instance, and the module descriptor through
 *     which the runtime instantiates a compiled module without knowing
 *     anything else about it;
 *   - the names of the runtime functions generated code calls.
 *
 * Generated code passes the instance as a hidden first argument to every
 * function: `R f(w2n_instance *inst, P0, P1, ...)`. A function returning
 * several values returns them as an LLVM first-class struct. A callable is
 * always invoked as `fn(ctx, args...)`, where ctx is the callee's instance
 * (or a host function's context), so functions of different instances, and
 * host functions behind an adapter, look alike to call sites.
 *
 * Change W2N_ABI_VERSION with any change to this file's layouts.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ABI_H
#define W2N_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define W2N_ABI_VERSION 5u

/* Traps. The messages are the spec's; a trap in an executable prints
 * "wasm trap: MESSAGE" and exits with status 134. */
#define W2N_TRAP_KINDS(X)                                                      \
  X(NONE, "no trap")                                                           \
  X(UNREACHABLE, "unreachable")                                                \
  X(MEMORY_OUT_OF_BOUNDS, "out of bounds memory access")                       \
  X(TABLE_OUT_OF_BOUNDS, "out of bounds table access")                         \
  X(UNDEFINED_ELEMENT, "undefined element")                                    \
  X(UNINITIALIZED_ELEMENT, "uninitialized element")                            \
  X(INDIRECT_CALL_TYPE_MISMATCH, "indirect call type mismatch")                \
  X(INTEGER_DIVIDE_BY_ZERO, "integer divide by zero")                          \
  X(INTEGER_OVERFLOW, "integer overflow")                                      \
  X(INVALID_CONVERSION_TO_INTEGER, "invalid conversion to integer")            \
  X(CALL_STACK_EXHAUSTED, "call stack exhausted")                              \
  X(HOST, "host function failed")                                              \
  X(NULL_REFERENCE, "null reference")                                          \
  X(NULL_FUNCTION_REFERENCE, "null function reference")                        \
  X(UNALIGNED_ATOMIC, "unaligned atomic")                                      \
  X(EXPECTED_SHARED_MEMORY, "expected shared memory")                          \
  X(NULL_EXCEPTION_REFERENCE, "null exception reference")                      \
  X(UNCAUGHT_EXCEPTION, "uncaught exception")

typedef enum w2n_trap_kind {
#define W2N_TRAP_ENUM(Name, Message) W2N_TRAP_##Name,
  W2N_TRAP_KINDS(W2N_TRAP_ENUM)
#undef W2N_TRAP_ENUM
  W2N_TRAP_COUNT
} w2n_trap_kind;

/* Value types, in 32 bits: bits 0-7 the binary format's byte of a number
 * or vector type, or of a reference's heap type (0x70 func, 0x6f extern,
 * 0x69 exn, 0x73 nofunc, 0x72 noextern, 0x74 noexn, 0x64 a defined type); bits 8-30 a defined
 * heap type's index; bit 31 set for a non-nullable reference. So funcref is
 * 0x70 and (ref func) 0x80000070. In a module descriptor, a defined type's
 * index is the module's type index; in the runtime's objects (tables,
 * globals, w2n_extern), its canonical id. */
typedef uint32_t w2n_valtype;
#define W2N_I32 0x7fu
#define W2N_I64 0x7eu
#define W2N_F32 0x7du
#define W2N_F64 0x7cu
#define W2N_V128 0x7bu
#define W2N_FUNCREF 0x70u
#define W2N_EXTERNREF 0x6fu
#define W2N_NULLFUNCREF 0x73u
#define W2N_NULLEXTERNREF 0x72u
#define W2N_EXNREF 0x69u
#define W2N_NULLEXNREF 0x74u
#define W2N_HEAP_DEFINED 0x64u
#define W2N_REF_NONNULL 0x80000000u

static inline int w2n_valtype_is_ref(w2n_valtype t) {
  uint32_t code = t & 0xff;
  return code != 0 && code < W2N_V128;
}
/* A defined heap type's index (in a descriptor) or canonical id. */
static inline uint32_t w2n_valtype_index(w2n_valtype t) {
  return (t >> 8) & 0x7fffff;
}
/* The top of a reference type's hierarchy (W2N_FUNCREF, W2N_EXTERNREF or
 * W2N_EXNREF); a number or vector type itself. */
static inline w2n_valtype w2n_valtype_top(w2n_valtype t) {
  uint32_t code = t & 0xff;
  if (code == W2N_EXTERNREF || code == W2N_NULLEXTERNREF)
    return W2N_EXTERNREF;
  if (code == W2N_EXNREF || code == W2N_NULLEXNREF)
    return W2N_EXNREF;
  return w2n_valtype_is_ref(t) ? W2N_FUNCREF : t;
}

/* One value of any type, as host calls and globals store it. */
typedef union w2n_value {
  uint32_t i32;
  uint64_t i64;
  float f32;
  double f64;
  uint8_t v128[16];
  void *ref; /* funcref: w2n_funcref *; externref: the host's pointer;
               exnref: w2n_exn * */
} w2n_value;

typedef struct w2n_instance w2n_instance;

/* What a funcref points to; NULL is the null reference. */
typedef struct w2n_funcref {
  uint32_t type_id; /* canonical signature id: equal iff the types are */
  uint32_t reserved;
  void *fn;         /* R fn(void *ctx, params...) */
  void *ctx;        /* the callee's instance, or a host context */
  /* The function's tail-call entry, or NULL: a function that makes tail
   * calls itself has one, `void tail_fn(w2n_instance *ctx, w2n_value
   * *results)`, which takes its parameters from ctx->tail_args and stores
   * its results at `results`; a tail call jumps to it, so that chains of
   * tail calls run in constant stack. */
  void *tail_fn;
} w2n_funcref;

struct w2n_exn;

/* Calls fn(ctx, args...) with args[i] and stores the results in results[i]:
 * generated per signature, so that a host can call any export. Returns
 * NULL, or the exception the call threw and did not catch (results are
 * then not written). */
typedef struct w2n_exn *(*w2n_entry_fn)(void *fn, void *ctx,
                                        const w2n_value *args,
                                        w2n_value *results);

/* A host function, called through an adapter that the importing module
 * generates for the import's signature. */
typedef void (*w2n_host_fn)(void *env, const w2n_value *args,
                            w2n_value *results);
typedef struct w2n_host_func {
  w2n_host_fn fn;
  void *env;
} w2n_host_func;

typedef struct w2n_memory {
  uint8_t *base;      /* never moves: the whole reservation is mapped once */
  uint64_t size;      /* in bytes; pages * 65536 */
  uint64_t max_pages; /* declared maximum, or the largest the index allows */
  uint64_t reserved;  /* bytes of address space reserved at base */
} w2n_memory;

typedef struct w2n_table {
  void **elems;  /* w2n_funcref * or externref pointers; NULL is null */
  uint32_t size;
  uint32_t capacity;
  uint64_t max;  /* declared maximum, or the largest the index allows */
  w2n_valtype elem_type; /* a reference type */
} w2n_table;

typedef struct w2n_data_segment {
  const uint8_t *bytes;
  uint32_t size; /* 0 once dropped */
} w2n_data_segment;

typedef struct w2n_elem_segment {
  void **items;  /* evaluated at instantiation */
  uint32_t size; /* 0 once dropped */
} w2n_elem_segment;

/* The fixed head of every instance. The module-specific part follows at
 * the offsets its descriptor gives. */
struct w2n_instance {
  uint8_t *memory_base;       /* memories[0]->base, or NULL */
  w2n_memory *memory;         /* memories[0], owned or imported, or NULL */
  uintptr_t stack_limit;      /* a call with the stack pointer below traps */
  const uint32_t *type_ids;   /* canonical id of each type index */
  const struct w2n_module_desc *module;
  void *host_data;            /* the embedder's */
  w2n_value *tail_args;       /* parameters passed to a tail_fn, or NULL */
};

typedef enum w2n_extern_kind {
  W2N_EXTERN_FUNC = 0,
  W2N_EXTERN_TABLE = 1,
  W2N_EXTERN_MEMORY = 2,
  W2N_EXTERN_GLOBAL = 3,
  W2N_EXTERN_TAG = 4,
} w2n_extern_kind;

typedef struct w2n_limits {
  uint64_t min;
  uint64_t max;
  uint8_t has_max;
  uint8_t is64; /* indexed by i64 (memory64, table64), else by i32 */
  uint8_t shared; /* a memory shared between threads */
} w2n_limits;

/* Names are UTF-8 and may contain NUL: each comes with its length. */
typedef struct w2n_import_desc {
  const char *module;
  const char *name;
  uint32_t module_len;
  uint32_t name_len;
  uint8_t kind;     /* w2n_extern_kind */
  uint8_t mutable_; /* global */
  w2n_valtype type; /* global: its type; table: element type */
  uint32_t index;   /* func, tag: type index; else the index in its space */
  w2n_limits limits; /* table, memory */
} w2n_import_desc;

typedef struct w2n_export_desc {
  const char *name;
  uint32_t name_len;
  uint8_t kind;
  uint32_t index;
} w2n_export_desc;

typedef struct w2n_func_type_desc {
  uint32_t num_params;
  uint32_t num_results;
  const w2n_valtype *types; /* params, then results */
  /* 3.0's recursion groups and declared subtypes; all zero (a final type
   * in a group of its own) in a host's types. */
  uint32_t group_size;  /* in a group's first type, its size; else 0 */
  uint32_t super_plus1; /* declared supertype's type index + 1, or 0 */
  uint8_t non_final;    /* declared with `sub` (not `sub final`) */
} w2n_func_type_desc;

/* An exception tag. Each instance makes its own tags (two instances of one
 * module have different ones), and a tag is its address: exceptions are
 * caught by comparing their tag pointer. */
typedef struct w2n_tag {
  uint32_t type_id;                 /* canonical id of its type */
  uint32_t index;                   /* in its module's tag space */
  const struct w2n_module_desc *module; /* NULL for a host's tag */
  const w2n_func_type_desc *type;   /* its parameters: the values thrown */
  void *reserved;
} w2n_tag;

/* An exception: what throw makes and an exnref points to. Immutable. */
typedef struct w2n_exn {
  const w2n_tag *tag;
  uint32_t num_values;
  uint32_t reserved;
  w2n_value values[]; /* the tag's parameters, in order */
} w2n_exn;

/* Everything the runtime needs to instantiate a compiled module. Instance
 * offsets are in bytes from the start of the instance. */
typedef struct w2n_module_desc {
  uint32_t abi_version;
  uint32_t instance_size;

  uint32_t num_types;
  const w2n_func_type_desc *types;
  const w2n_entry_fn *entries; /* per type index */

  uint32_t num_imports;
  const w2n_import_desc *imports;
  uint32_t num_exports;
  const w2n_export_desc *exports;

  uint32_t num_funcs, num_imported_funcs;
  const uint32_t *func_types;       /* type index of every function */
  void *const *func_ptrs;           /* defined functions */
  void *const *func_tail_ptrs;      /* their tail_fn, or NULL; NULL if none */
  uint32_t tail_args_offset;        /* w2n_value[], if any function has one */
  /* Adapters that call a w2n_host_func as a native callable, per type
   * index of an imported function (NULL elsewhere). */
  void *const *host_adapters;
  const char *const *func_names;    /* from the name section, or NULL */
  uint32_t funcrefs_offset;         /* w2n_funcref[num_funcs] */

  uint32_t num_tables, num_imported_tables;
  const w2n_limits *table_limits;   /* every table */
  const w2n_valtype *table_types;   /* element type of every table */
  uint32_t tables_offset;           /* w2n_table *[num_tables] */

  uint32_t num_memories, num_imported_memories;
  const w2n_limits *memory_limits;  /* every memory */
  uint32_t memories_offset;         /* w2n_memory *[num_memories] */

  uint32_t num_globals, num_imported_globals;
  const w2n_valtype *global_types;  /* every global */
  const uint8_t *global_mutability;
  uint32_t globals_offset;          /* w2n_value *[num_globals] */
  uint32_t global_storage_offset;   /* w2n_value[defined globals] */

  uint32_t num_data, num_elems;
  uint32_t data_offset;             /* w2n_data_segment[num_data] */
  uint32_t elems_offset;            /* w2n_elem_segment[num_elems] */
  const w2n_data_segment *data_init; /* bytes of every data segment */
  const uint32_t *elem_sizes;       /* items in every element segment */

  /* Evaluates the globals and element segments, then applies the active
   * segments, in the spec's order; may trap. */
  void (*init)(w2n_instance *inst);
  int64_t start_func; /* function index, or -1 */

  uint32_t num_tags, num_imported_tags;
  const uint32_t *tag_types;        /* type index of every tag */
  uint32_t tags_offset;             /* w2n_tag *[num_tags] */
  uint32_t tag_storage_offset;      /* w2n_tag[defined tags] */
} w2n_module_desc;

/* Called by generated code. Sizes and indices are 64-bit whatever the
 * memory's or table's index type; growing returns the old size or -1. */
#define W2N_RT_TRAP "w2n_trap"                 /* noreturn (w2n_trap_kind) */
#define W2N_RT_MEMORY_GROW "w2n_memory_grow"   /* (w2n_memory *, u64) -> i64 */
#define W2N_RT_TABLE_GROW "w2n_table_grow"     /* (w2n_table *, void *, u64) -> i64 */
#define W2N_RT_TYPE_IS_SUBTYPE "w2n_type_is_subtype" /* (u32, u32) -> i32 */
/* Exceptions: a new one of a tag, its values to be stored by the caller;
 * throwing one unwinds to the innermost landing pad (of any function with
 * an LSDA: the unwinder only ever walks generated frames). */
#define W2N_RT_EXN_NEW "w2n_exn_new" /* (w2n_instance *, w2n_tag *) -> w2n_exn * */
#define W2N_RT_THROW "w2n_throw"     /* noreturn (w2n_exn *) */
/* After a host function returns: the exception it threw (w2n_host_throw),
 * taken, or NULL. */
#define W2N_RT_HOST_TAKE_EXCEPTION "w2n_host_take_exception" /* () -> w2n_exn * */

#ifdef __cplusplus
}
#endif

#endif /* W2N_ABI_H */

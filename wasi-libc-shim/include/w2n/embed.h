/*===- w2n/embed.h - Running compiled modules inside a C or C++ host ------===*
 *
 * A module compiled by wasm2native exports one symbol, its descriptor
 * `<prefix>_module` (a w2n_module_desc, see w2n/abi.h). This header is the
 * API through which a host instantiates such descriptors, links them with
 * each other and with host functions, memories, tables and globals, and
 * calls their exports.
 *
 *   extern const w2n_module_desc plugin_module;
 *   w2n_extern imports[1] = {w2n_extern_host_func(log_fn, NULL, &log_type)};
 *   w2n_instance *inst;
 *   w2n_error err;
 *   if (w2n_instantiate(&plugin_module, imports, 1, &inst, &err) != W2N_OK)
 *     fprintf(stderr, "%s\n", err.message);
 *
 * Errors: every function that can fail returns a w2n_status and, when given
 * a w2n_error, fills it in. A trap (a WebAssembly run-time error) comes back
 * as W2N_ERROR_TRAP with the spec's message; the instance stays usable.
 *
 * Lifetimes: an instance refers to what it imported, without owning it: a
 * memory, table, global or function provided as an import must outlive the
 * instances that import it (free importers first).
 *
 * Threads: an instance, with everything it imports and every instance it
 * calls into, is used by one thread at a time, though not always the same
 * one. Traps and faults are caught on the thread that runs the call. The
 * stack limit that turns deep recursion into the trap "call stack
 * exhausted" is an instance's: it is set for the calling thread when the
 * instance is created and whenever it is called through w2n_call.
 *
 * The core of this runtime (instances, memories, tables, types) needs only
 * a small OS interface; the functions here are its hosted (Linux, glibc)
 * layer, which adds trap recovery through signals and setjmp.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_EMBED_H
#define W2N_EMBED_H

#include "w2n/abi.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum w2n_status {
  W2N_OK = 0,
  /* A WebAssembly trap; w2n_error.trap says which. */
  W2N_ERROR_TRAP,
  /* Linking: an import that was not provided (w2n_error.import_index). */
  W2N_ERROR_UNKNOWN_IMPORT,
  /* Linking: an import whose kind or type does not match the module's
   * declaration (w2n_error.import_index). */
  W2N_ERROR_INCOMPATIBLE_IMPORT,
  /* The descriptor was compiled for another ABI version. */
  W2N_ERROR_ABI_VERSION,
  /* Out of memory or address space. */
  W2N_ERROR_RESOURCES,
  /* A bad argument: an export that does not exist or is of another kind,
   * a value count that does not match a signature, ... */
  W2N_ERROR_INVALID_ARGUMENT,
  /* An exception that WebAssembly code threw and did not catch;
   * w2n_error.exception is it. */
  W2N_ERROR_EXCEPTION,
} w2n_status;

typedef struct w2n_error {
  w2n_status status;
  w2n_trap_kind trap;    /* status == W2N_ERROR_TRAP; else W2N_TRAP_NONE */
  uint32_t import_index; /* the failing import, for the linking errors */
  /* Static text: for a trap, the spec's message ("out of bounds memory
   * access"); for the linking errors, the spec's "unknown import" and
   * "incompatible import type"; "uncaught exception". Never NULL. */
  const char *message;
  /* status == W2N_ERROR_EXCEPTION: the exception (its tag and values),
   * valid as long as the runtime is; else NULL. */
  const w2n_exn *exception;
} w2n_error;

/* Something an instance can import or export. */
typedef enum w2n_extern_tag {
  W2N_EXTERN_NONE = 0, /* not provided: instantiation fails, "unknown import" */
  W2N_EXTERN_FUNCREF,  /* a function: the record of an export, or any funcref */
  W2N_EXTERN_HOST_FUNC, /* a function of the host (import only) */
  W2N_EXTERN_TABLE_REF,
  W2N_EXTERN_MEMORY_REF,
  W2N_EXTERN_GLOBAL_REF,
  W2N_EXTERN_TAG_REF,
} w2n_extern_tag;

typedef struct w2n_extern {
  w2n_extern_tag tag;
  union {
    const w2n_funcref *func;
    struct {
      w2n_host_fn fn;
      void *env;
      /* Its signature, which must equal the import's; copied. */
      const w2n_func_type_desc *type;
    } host;
    w2n_table *table;
    w2n_memory *memory;
    struct {
      w2n_value *value;
      w2n_valtype type; /* canonical: see w2n_valtype */
      uint8_t mutable_;
    } global;
    const w2n_tag *tag;
  } of;
} w2n_extern;

/* Instantiates desc with its imports, given in the order of desc->imports,
 * following the spec: check the imports, allocate, run the initialisers
 * (globals, element and data segments) and the start function.
 *
 * On success *out is the new instance. On a linking error *out is NULL and
 * nothing was changed. If initialisation or the start function traps, the
 * status is W2N_ERROR_TRAP and *out is still set, to an instance that must
 * not be called but must be freed (with w2n_instance_free) only once nothing
 * refers to it any more: the segments applied before the trap stay, and an
 * imported table may now hold its functions. */
w2n_status w2n_instantiate(const w2n_module_desc *desc,
                           const w2n_extern *imports, uint32_t num_imports,
                           w2n_instance **out, w2n_error *err);

/* Frees an instance, with the memory and tables it defined. */
void w2n_instance_free(w2n_instance *inst);

/* The export called name (name_len bytes, UTF-8, may contain NUL), as an
 * extern that can be passed as an import to another instance. */
w2n_status w2n_instance_export(const w2n_instance *inst, const char *name,
                               size_t name_len, w2n_extern *out);

/* The signature of a function export or funcref record of inst's module;
 * NULL if its module has no such signature. */
const w2n_func_type_desc *w2n_instance_func_type(const w2n_instance *inst,
                                                 const w2n_funcref *func);

/* Calls func, a funcref record (an exported function, or a funcref value
 * that inst's code produced), with args, storing the results in results.
 * The counts must match its signature, which inst's module must have (any
 * structurally equal signature will do). */
w2n_status w2n_call(w2n_instance *inst, const w2n_funcref *func,
                    const w2n_value *args, size_t num_args, w2n_value *results,
                    size_t num_results, w2n_error *err);

/* Looks up a function export by name and calls it. */
w2n_status w2n_call_export(w2n_instance *inst, const char *name,
                           size_t name_len, const w2n_value *args,
                           size_t num_args, w2n_value *results,
                           size_t num_results, w2n_error *err);

/* Reads or writes a global through its extern (from w2n_instance_export or
 * a host global). Writing an immutable global is an invalid argument. */
w2n_status w2n_global_get(const w2n_extern *global, w2n_value *out);
w2n_status w2n_global_set(const w2n_extern *global, w2n_value value);

/* Host objects, for instances to import. The limits are in pages for a
 * memory and in elements for a table; limits.is64 makes a 64-bit memory or
 * table (memory64). A 32-bit memory reserves 8 GiB of address space, a
 * 64-bit one its maximum, up to 16 GiB (at least its minimum); only its
 * current size is accessible. */
w2n_memory *w2n_memory_new(w2n_limits limits);
void w2n_memory_delete(w2n_memory *memory);
w2n_table *w2n_table_new(w2n_valtype elem_type, w2n_limits limits, void *init);
void w2n_table_delete(w2n_table *table);
/* A global of the given type, initialised to value; freed with
 * w2n_global_delete. Returns an extern with tag W2N_EXTERN_NONE if out of
 * memory. */
w2n_extern w2n_global_new(w2n_valtype type, int mutable_, w2n_value value);
void w2n_global_delete(w2n_extern *global);

/* Exceptions. A host's tag, of the given type (copied): imported by
 * modules like an exported one, and thrown and caught by identity. Freed
 * with w2n_tag_delete once no instance refers to it. NULL when out of
 * memory. */
w2n_tag *w2n_tag_new(const w2n_func_type_desc *type);
void w2n_tag_delete(w2n_tag *tag);
/* A new exception of tag, carrying values (as many as the tag's type has
 * parameters). Exceptions are never freed yet: they live as long as the
 * process, like those WebAssembly code throws. NULL when out of memory. */
const w2n_exn *w2n_exception_new(const w2n_tag *tag, const w2n_value *values);
/* Called by a host function (w2n_host_fn) before it returns: the call of
 * the host function then throws exn in the WebAssembly code that called it
 * (the results it stored are ignored). exn may be a new exception, or one
 * that a nested w2n_call returned in w2n_error.exception. */
void w2n_host_throw(const w2n_exn *exn);
/* The unwinder remembers, by code address, how to step through each frame
 * it has walked. A host that unloads compiled code (dlclose of a plugin, a
 * JIT freeing a module) and may load other code at the same addresses must
 * call this after unloading and before any exception is thrown again. */
void w2n_eh_cache_clear(void);

/* Externs built from their parts. */
static inline w2n_extern w2n_extern_host_func(w2n_host_fn fn, void *env,
                                              const w2n_func_type_desc *type) {
  w2n_extern e;
  e.tag = W2N_EXTERN_HOST_FUNC;
  e.of.host.fn = fn;
  e.of.host.env = env;
  e.of.host.type = type;
  return e;
}
static inline w2n_extern w2n_extern_table(w2n_table *table) {
  w2n_extern e;
  e.tag = W2N_EXTERN_TABLE_REF;
  e.of.table = table;
  return e;
}
static inline w2n_extern w2n_extern_memory(w2n_memory *memory) {
  w2n_extern e;
  e.tag = W2N_EXTERN_MEMORY_REF;
  e.of.memory = memory;
  return e;
}
static inline w2n_extern w2n_extern_tag_ref(const w2n_tag *tag) {
  w2n_extern e;
  e.tag = W2N_EXTERN_TAG_REF;
  e.of.tag = tag;
  return e;
}

/* The runtime functions that generated code calls (w2n_trap,
 * w2n_memory_grow, ...), by name, for hosts that load compiled objects
 * themselves (a JIT) and must resolve their undefined symbols. */
typedef struct w2n_runtime_symbol {
  const char *name;
  void *address;
} w2n_runtime_symbol;
const w2n_runtime_symbol *w2n_runtime_symbols(size_t *count);

/* The spec's message for a trap kind ("unreachable", ...). */
const char *w2n_trap_message(w2n_trap_kind kind);

/* Raises a trap from inside a host function called by WebAssembly code: it
 * unwinds to the host's call (or instantiation), which returns
 * W2N_ERROR_TRAP with this kind. Never returns. Host functions must not
 * hold resources that need cleaning up when they call it. */
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void w2n_trap(uint32_t kind);

#ifdef __cplusplus
}
#endif

#endif /* W2N_EMBED_H */

/*===- exe/start.c - Start-up of a static executable ----------------------===*
 *
 * _start (arch/<arch>/start.S) calls w2n_start, which instantiates the
 * module compiled into the executable (its descriptor is w2n_module), with
 * its WASI imports bound to this runtime, and runs its _start export, under
 * the trap and fault handling of exe/traps.c.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"
#include "exe/exe.h"

extern const w2n_module_desc w2n_module;

/* Defined (at address 1) by the link of `--allow-unknown-imports=trap`. */
extern const char w2n_unknown_imports_trap __attribute__((weak));

/* What an import the runtime does not provide is bound to: its context is
 * the import's descriptor, and whatever its signature, it never returns, so
 * the arguments it ignores do no harm. */
static _Noreturn void unknown_import_called(const w2n_import_desc *imp) {
  w2n_exe_print("wasm trap: call to unknown import ");
  w2n_exe_print(imp->name);
  w2n_exe_print("\n");
  w2n_exe_exit(134);
}

static void fail(const char *what, const char *detail) {
  w2n_exe_print("wasm2native: error: ");
  w2n_exe_print(what);
  if (detail) {
    w2n_exe_print(": ");
    w2n_exe_print(detail);
  }
  w2n_exe_print("\n");
  w2n_exe_exit(1);
}

static int is_thread_spawn(const w2n_import_desc *imp) {
  return imp->module_len == 4 && __builtin_memcmp(imp->module, "wasi", 4) == 0 &&
         imp->name_len == 12 &&
         __builtin_memcmp(imp->name, "thread-spawn", 12) == 0;
}

_Noreturn void w2n_start(long argc, char **argv, char **envp) {
  w2n_exe_traps_init(&w2n_module);
  w2n_exe_environ_init(envp);
  w2n_wasi_init((int)argc, argv);

  const w2n_module_desc *desc = &w2n_module;
  enum { MaxImports = 256 };
  if (desc->num_imports > MaxImports)
    fail("too many imports", 0);
  static w2n_funcref records[MaxImports];
  static w2n_extern imports[MaxImports];
  /* The imports' canonical type ids; instantiation interns the same. */
  uint32_t *type_ids = NULL;
  size_t type_ids_size = desc->num_types * sizeof(uint32_t);
  if (desc->num_imports &&
      (!(type_ids = w2n_os_alloc(type_ids_size)) ||
       !w2n_core_module_type_ids(desc, type_ids)))
    fail("cannot instantiate the module", "out of memory");
  for (uint32_t i = 0; i < desc->num_imports; ++i) {
    const w2n_import_desc *imp = &desc->imports[i];
    /* An imported memory (shared, for wasi-threads) is made here, as it
     * declares itself; every thread's instance imports the same one. */
    if (imp->kind == W2N_EXTERN_MEMORY) {
      w2n_memory *memory = w2n_core_memory_new(&imp->limits);
      if (!memory)
        fail("cannot instantiate the module", "out of address space");
      imports[i] = w2n_extern_memory(memory);
      continue;
    }
    if (imp->kind != W2N_EXTERN_FUNC)
      fail("unknown import", imp->name);
    uint32_t type_id = type_ids[imp->index];
    if (is_thread_spawn(imp)) {
      static const w2n_valtype i_i[] = {W2N_I32, W2N_I32};
      static const w2n_func_type_desc spawn_type = {1, 1, i_i, 0, 0, 0};
      records[i].type_id = w2n_core_type_id(&spawn_type);
      records[i].fn = (void *)w2n_exe_thread_spawn;
      if (records[i].type_id != type_id)
        fail("unknown import", imp->name);
    } else if (!w2n_wasi_bind(desc, i, type_id, &records[i])) {
      if (!&w2n_unknown_imports_trap)
        fail("unknown import", imp->name);
      records[i].type_id = type_id;
      records[i].fn = (void *)unknown_import_called;
      records[i].ctx = (void *)imp;
    }
    imports[i].tag = W2N_EXTERN_FUNCREF;
    imports[i].of.func = &records[i];
  }
  w2n_os_free(type_ids, type_ids_size);
  w2n_exe_threads_init(desc, imports, desc->num_imports);

  w2n_instance *inst;
  w2n_error err;
  if (w2n_core_instance_new(desc, imports, desc->num_imports, &inst, &err) !=
      W2N_OK)
    fail("cannot instantiate the module", err.message);
  inst->stack_limit = w2n_exe_stack_limit();
  /* WASI reads and writes the memory exported as "memory" (which need not
   * be memory 0 when there are several). */
  w2n_extern memory;
  w2n_wasi_set_memory(
      w2n_core_find_export(inst, "memory", 6, &memory) == W2N_OK &&
              memory.tag == W2N_EXTERN_MEMORY_REF
          ? memory.of.memory
          : inst->memory);
  /* The start function's exception, if any, is a trap like any other
   * (naming it needs the unwinder's code, linked only with exceptions). */
  if (w2n_core_instance_run_init(inst))
    w2n_trap(W2N_TRAP_UNCAUGHT_EXCEPTION);

  /* A command runs _start; a reactor only _initialize. */
  w2n_extern entry;
  if (w2n_core_find_export(inst, "_start", 6, &entry) != W2N_OK &&
      w2n_core_find_export(inst, "_initialize", 11, &entry) != W2N_OK)
    w2n_exe_exit(0);
  if (entry.tag != W2N_EXTERN_FUNCREF)
    fail("the module's _start is not a function", 0);
  const w2n_funcref *f = entry.of.func;
  ((void (*)(void *))f->fn)(f->ctx);
  w2n_exe_exit(0);
}

/*===- exe/exe.h - Shared by the parts of the executable runtime ----------===*/
#ifndef W2N_EXE_EXE_H
#define W2N_EXE_EXE_H

#include <stddef.h>
#include <stdint.h>

#include "w2n/embed.h"

/* Linear memories an executable may have at once. Its module has one; the
 * spec suite's test host (test/spec/exehost) keeps every instance of a
 * script. The table is zero-initialised, so it costs no file size. */
#define W2N_EXE_MAX_RESERVATIONS 1024

/* WASI threads (exe/threads.c): records what a new thread's instance
 * imports; the "wasi" "thread-spawn" import; whether addr is in the guard
 * region or margin of a spawned thread's stack. */
void w2n_exe_threads_init(const w2n_module_desc *desc,
                          const w2n_extern *imports, uint32_t num_imports);
int32_t w2n_exe_thread_spawn(void *ctx, int32_t start_arg);
int w2n_exe_thread_stack_fault(uintptr_t addr);

/* Whether addr lies in a reservation made by w2n_os_reserve. */
int w2n_exe_in_reservation(uintptr_t addr);

/* Installs the fault handlers and computes the stack limit (exe/traps.c);
 * traps name the functions of named (may be NULL) when they are in one. */
void w2n_exe_traps_init(const w2n_module_desc *named);
/* The lowest stack address WebAssembly code may reach: every instance's
 * stack_limit. */
uintptr_t w2n_exe_stack_limit(void);
/* Weak, and defined by no executable wasm2native links: a test host that
 * runs many modules (test/spec/exehost) defines it to get each trap, kind
 * W2N_TRAP_*, after the runtime has classified it (faults included),
 * instead of the message and the exit. It must not return: it jumps back
 * to where the host called into WebAssembly code, and unblocks the signals
 * a fault's handler leaves blocked. */
void w2n_exe_trap_hook(uint32_t kind);

/* Writes all of s to fd 2; for diagnostics. */
void w2n_exe_print(const char *s);
_Noreturn void w2n_exe_exit(int status);

/* The WASI imports this runtime provides: binds import i of desc, whose
 * type has canonical id type_id, into *record, or returns 0 when it is not
 * a WASI function this runtime has (or its signature differs). The memory
 * is set later, before any call. */
int w2n_wasi_bind(const w2n_module_desc *desc, uint32_t i, uint32_t type_id,
                  w2n_funcref *record);
void w2n_wasi_set_memory(w2n_memory *memory);
/* Records the arguments and fills the descriptor table (wasi/). */
void w2n_wasi_init(int argc, char **argv);

/* The capabilities compiled in, or NULL when there are none (exe/environ.c). */
struct w2n_exe_config;
const struct w2n_exe_config *w2n_exe_config_get(void);

/* The guest's environment (exe/environ.c). */
void w2n_exe_environ_init(char **envp);
uint32_t w2n_exe_environ_count(void);
const char *w2n_exe_environ_entry(uint32_t i);

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
size_t strlen(const char *s);
int memcmp(const void *a, const void *b, size_t n);

#endif /* W2N_EXE_EXE_H */

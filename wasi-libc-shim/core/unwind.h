/*===- core/unwind.h - Unwinding WebAssembly exceptions by the tables -----===*
 *
 * A throw in generated code is a call of w2n_throw; a call inside a try is
 * an LLVM invoke whose landing pad (landingpad {ptr, i32} catch ptr null)
 * tests the tag and rethrows on no match. So the unwinder has one job: from
 * the thrower's call, walk the frames by their .eh_frame rules to the first
 * call site that has a landing pad in a function with a personality (only
 * generated code is walked, so every landing pad is WebAssembly's), and
 * resume there with the exception pointer. There is no second phase, no
 * cleanup distinct from a catch, no type matching.
 *
 * The register context is an array of 64-bit slots by DWARF register
 * number (arch/<arch>/eh_regs.h); arch/<arch>/eh.S fills it and loads it.
 * The two OS hooks at the end are what each runtime layer supplies.
 *
 * Everything here is freestanding C11, and any number of threads may
 * unwind at once. The only state is a process-wide, lock-free cache of what
 * the tables say about each frame a throw went past (core/unwind_cache.h),
 * so that throwing again along the same frames reads no table: see
 * w2n_eh_cache_clear for what a host that unloads code must do.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_CORE_UNWIND_H
#define W2N_CORE_UNWIND_H

#include <stdint.h>

#if defined(__x86_64__)
#include "arch/x86_64/eh_regs.h"
#elif defined(__aarch64__)
#include "arch/aarch64/eh_regs.h"
#elif defined(__riscv) && __riscv_xlen == 64
#include "arch/riscv64/eh_regs.h"
#else
#error "wasm2native's runtime supports x86_64, aarch64 and riscv64 Linux"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The registers of one frame at a call: slot W2N_EH_SLOT(n) holds DWARF
 * register n; W2N_EH_PC_SLOT the return address of the call (the pc of
 * the frame). eh.S reads and writes it by the byte offsets of eh_regs.h. */
typedef struct w2n_eh_context {
  uint64_t reg[W2N_EH_NREGS];
} w2n_eh_context;

/* --- eh.S ------------------------------------------------------------- */

/* Throws exn (any pointer; the unwinder never looks inside). Generated
 * code calls it, directly or through an invoke. */
_Noreturn void w2n_throw(void *exn);

/* Loads the callee-saved registers and the stack pointer of ctx and jumps
 * to landing_pad with exn and the selector 1 in the two return
 * registers. */
_Noreturn void w2n_eh_resume(w2n_eh_context *ctx, uintptr_t landing_pad,
                             void *exn);

/* Stores the callee-saved registers, the caller's stack pointer and the
 * return address into ctx (for a conservative scan of the roots). */
void w2n_eh_capture(w2n_eh_context *ctx);

/* --- unwind.c --------------------------------------------------------- */

/* Unwinds from the frame ctx describes (w2n_throw's caller at its call) to
 * the first landing pad for the call site in a frame with a personality,
 * and resumes there. ctx is changed in place. With no such frame, or
 * tables it cannot follow: w2n_os_eh_uncaught(exn). */
_Noreturn void w2n_eh_raise(void *exn, w2n_eh_context *ctx);

/* A personality for functions with WebAssembly landing pads (the lowering
 * may define its own, alike, per module). w2n_eh_raise never calls it;
 * another unwinder that does (a C++ exception passing through WebAssembly
 * frames) is told to go on past: _URC_CONTINUE_UNWIND. */
int w2n_eh_personality(int version, int actions, uint64_t exception_class,
                       void *exception, void *context);

/* The FDE for pc in the binary search table of a .eh_frame_hdr section
 * (version 1, table encoding datarel|sdata4, as lld writes it), or NULL:
 * pc is not inside any FDE's range, or the header is of another kind. */
const void *w2n_eh_hdr_lookup(const uint8_t *eh_frame_hdr, uintptr_t pc);

/* Forgets every frame the cache holds.
 *
 * The cache is keyed by a frame's pc alone. An entry stands for the code
 * that was at that pc when a walk read its tables, within the range
 * [pc_begin, pc_end) of the FDE found then; a hit cannot check that the
 * same FDE still covers the pc without the lookup the cache is there to
 * spare. So a host that unloads code (a JIT freeing a module, a dlclose)
 * must call this once the code is gone and before other code can be
 * loaded at any of its addresses: right after freeing the module's code
 * (and deregistering its frames), before the memory is reused. No thread
 * may still be unwinding through the code then; that is so with or without
 * the cache. One atomic increment; any thread may call it at any time.
 * Executables never unload code, and the embedding runtime itself has no
 * unload hook: the host that owns the JIT calls it (e.g. the spec runner,
 * when it destroys a script's JIT). */
void w2n_eh_cache_clear(void);

/* --- OS hooks: each runtime layer defines these ------------------------ */

/* The FDE (the address of its length field, inside .eh_frame) whose range
 * holds pc, or NULL. pc is already inside the call: return address - 1. */
const void *w2n_os_find_fde(uintptr_t pc);

/* An exception no frame catches: report it and end the thread's work
 * (never return into the unwinder). */
_Noreturn void w2n_os_eh_uncaught(void *exn);

#ifdef __cplusplus
}
#endif

#endif /* W2N_CORE_UNWIND_H */

/*===- embed/trap.h - Trap recovery for hosted embeddings -----------------===*
 *
 * Every entry into WebAssembly code (a call, an instantiation) runs under a
 * trap frame: a sigjmp_buf on a thread-local stack of them. w2n_trap jumps
 * to the innermost frame; so does the SIGSEGV/SIGBUS handler when a fault
 * lies in a linear memory's reservation (an out-of-bounds access in guard
 * mode) or just below the thread's stack limit.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_EMBED_TRAP_H
#define W2N_EMBED_TRAP_H

#include "w2n/abi.h"

#include <stdint.h>

/* Runs fn(arg) under a trap frame; returns the trap that ended it, or
 * W2N_TRAP_NONE if it returned normally. */
w2n_trap_kind w2n_embed_run_protected(void (*fn)(void *), void *arg);

/* The value for w2n_instance.stack_limit on the calling thread: the low end
 * of its stack plus a safety margin. */
uintptr_t w2n_embed_stack_limit(void);

/* Records a linear-memory reservation, so that faults in it become traps;
 * returns 0 when out of memory. */
int w2n_embed_register_region(void *base, uint64_t size);
void w2n_embed_unregister_region(void *base);

#endif /* W2N_EMBED_TRAP_H */

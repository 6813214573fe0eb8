/*===- core/unwind_cache.h - The unwinder's cache of frames ---------------===*
 *
 * What core/unwind.c needs to know of one frame to go past it, summarised
 * from the tables once (a "frame summary"), and a process-wide cache of
 * summaries by the frame's lookup pc, so that a throw along frames that
 * threw before costs, per frame, a hash, a copy of a small entry and the
 * loads of the saved registers: no FDE lookup, no parsing, no call frame
 * instructions, no LSDA.
 *
 * A summary holds the CFA rule, the rules of the registers the step to the
 * caller restores, of three kinds only (saved at CFA + N, equal to CFA + N,
 * in another register; "same value" and "undefined" are no rule at all),
 * and the landing pad of the call site. A frame whose rules are anything
 * else is not summarised: the walk goes past it by the tables each time.
 *
 * The cache is direct-mapped and lock-free: every entry has a sequence
 * number, odd while a writer fills it (see unwind_cache.c). It needs no
 * TLS and no libc, so it serves the freestanding runtime of executables,
 * which may run several threads, as well as the embedding one.
 *
 * Code that goes away (a JIT frees a module) leaves entries for pcs where
 * other code may later live: see w2n_eh_cache_clear in core/unwind.h.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_CORE_UNWIND_CACHE_H
#define W2N_CORE_UNWIND_CACHE_H

#include "core/unwind.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The most register rules a summary holds: the return address and every
 * register the ABI keeps across calls, which is what a compiler's
 * prologue saves. A frame with more rules (hand-written code) is walked
 * by the tables. */
#if defined(__x86_64__)
#define W2N_EH_FRAME_RULES 7 /* rbx, rbp, r12-r15, return address */
#elif defined(__aarch64__)
#define W2N_EH_FRAME_RULES 20 /* x19-x30, d8-d15 */
#else
#define W2N_EH_FRAME_RULES 25 /* ra, s0-s11, fs0-fs11 */
#endif

/* The summary of the frame whose lookup pc (return address - 1, or the pc
 * of a frame a signal interrupted) is pc. The rules are in three runs by
 * kind: [0, offsets) saved at CFA + value, [offsets, val_offsets) equal to
 * CFA + value, [val_offsets, rules) in the callee's register of slot
 * value. Each rule is for a slot of the context other than the stack
 * pointer's (which becomes the CFA) and the pc's (which becomes the return
 * address); the return address has a rule, ra_rule, always (a register
 * rule of its own slot when it keeps its value). With a landing pad, the
 * walk ends at the frame, and there are no rules. */
typedef struct {
  uintptr_t pc;
  uintptr_t landing_pad; /* for the call at pc; 0 for none */
  uint32_t generation;   /* of the cache when the tables were read */
  int32_t cfa_offset;    /* CFA = reg[cfa_slot] + cfa_offset */
  uint32_t args_size;    /* DW_CFA_GNU_args_size at pc */
  uint8_t cfa_slot;
  uint8_t signal_frame; /* the CIE's 'S': the caller is at its pc exactly */
  uint8_t ra_rule;
  uint8_t offsets, val_offsets, rules;
  uint8_t slot[W2N_EH_FRAME_RULES];
  int16_t value[W2N_EH_FRAME_RULES];
} w2n_eh_frame;

/* The cache's generation: a walk reads it once, before it reads any table,
 * and tags what it puts in the cache with it. w2n_eh_cache_clear moves it
 * on, which retires every entry made before. */
uint32_t w2n_eh_cache_generation(void);

/* Copies the summary for pc made in the given generation into *frame: 1,
 * or 0 when the cache has none (or a writer is changing the entry). */
int w2n_eh_cache_find(uintptr_t pc, uint32_t generation, w2n_eh_frame *frame);

/* Puts a summary (its pc and generation set) into the cache, in place of
 * what the entry held; gives up if another thread is writing the entry. */
void w2n_eh_cache_put(const w2n_eh_frame *frame);

/* Replaces the frame in ctx by its caller, by the summary's rules; 0 when
 * there is no caller (a return address of 0, or a CFA below the stack
 * pointer: a table that would loop). ctx is unchanged then. */
int w2n_eh_frame_step(w2n_eh_context *ctx, const w2n_eh_frame *frame);

#ifdef __cplusplus
}
#endif

#endif /* W2N_CORE_UNWIND_CACHE_H */

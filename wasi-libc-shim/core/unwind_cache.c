/*===- core/unwind_cache.c - The unwinder's cache of frames ---------------===*
 *
 * The frame summaries of core/unwind_cache.h, in a direct-mapped table of
 * W2N_EH_CACHE_ENTRIES entries indexed by a hash of the lookup pc: a throw
 * along frames that threw before finds each of them here; a miss costs one
 * walk of the tables, whose summary then replaces whatever shared the
 * entry.
 *
 * Many threads may unwind at once, and the executables' runtime has
 * neither locks to spare nor TLS, so each entry is a seqlock (H.-J. Boehm,
 * "Can seqlocks get along with programming language memory models?",
 * MSPC 2012), with C11 atomics on every access, so that no access is a
 * data race:
 *   - a reader reads the sequence number (acquire), then the entry word by
 *     word, then the number again after an acquire fence, and uses its
 *     copy only if the number was even and has not changed;
 *   - a writer claims the entry by moving the number from even to odd with
 *     a compare-and-swap, and gives up (the summary is not cached) if
 *     another writer has it; then a release fence, the words, and the
 *     number + 2, released.
 * A copy torn by a writer is thus discarded, never used; every entry that
 * passes was written whole by one writer, from what a walk computed.
 * No one waits on anyone: a signal handler that throws while its thread
 * is writing an entry only misses on that entry.
 *===----------------------------------------------------------------------===*/
#include "core/unwind_cache.h"

#include <stddef.h>
#include <stdint.h>

/* A power of two. 512 entries of 64 (x86-64) to 120 (riscv64) bytes: the
 * call sites of the deepest ordinary throw paths, many times over. Tests
 * build with a handful, to make distinct frames share entries. */
#ifndef W2N_EH_CACHE_ENTRIES
#define W2N_EH_CACHE_ENTRIES 512
#endif
_Static_assert(W2N_EH_CACHE_ENTRIES >= 1 &&
                   (W2N_EH_CACHE_ENTRIES & (W2N_EH_CACHE_ENTRIES - 1)) == 0 &&
                   W2N_EH_CACHE_ENTRIES <= (1 << 24),
               "W2N_EH_CACHE_ENTRIES: a power of two, at most 2^24");

/* A summary is copied as 64-bit words: the atomic accesses of the seqlock
 * cannot be of a struct. The words alias the summary. */
typedef uint64_t __attribute__((may_alias)) frame_word;
#define FRAME_WORDS (sizeof(w2n_eh_frame) / sizeof(uint64_t))
_Static_assert(sizeof(w2n_eh_frame) % sizeof(uint64_t) == 0 &&
                   offsetof(w2n_eh_frame, pc) == 0,
               "a summary is whole words, the pc first");

typedef struct {
  uint32_t sequence; /* odd while a writer fills word */
  uint64_t word[FRAME_WORDS];
} cache_entry;
_Static_assert(sizeof(cache_entry) <= 128, "an entry of two cache lines");

static cache_entry cache[W2N_EH_CACHE_ENTRIES] __attribute__((aligned(64)));

/* Moved on by w2n_eh_cache_clear; entries of older generations miss. It
 * comes back after 2^32 clears, when an entry no walk replaced in all that
 * while would be taken for new: no host unloads code at such a rate. */
static uint32_t cache_generation;

/* Fibonacci hashing: the high bits of the product depend on every bit of
 * the pc, so call sites a few bytes apart spread over the table. */
static cache_entry *entry_of(uintptr_t pc) {
  uint64_t hash = (uint64_t)pc * 0x9e3779b97f4a7c15ull;
  return &cache[(hash >> 40) & (W2N_EH_CACHE_ENTRIES - 1)];
}

uint32_t w2n_eh_cache_generation(void) {
  return __atomic_load_n(&cache_generation, __ATOMIC_ACQUIRE);
}

void w2n_eh_cache_clear(void) {
  __atomic_fetch_add(&cache_generation, 1, __ATOMIC_ACQ_REL);
}

int w2n_eh_cache_find(uintptr_t pc, uint32_t generation, w2n_eh_frame *frame) {
  cache_entry *entry = entry_of(pc);
  frame_word *to = (frame_word *)frame;
  uint32_t sequence = __atomic_load_n(&entry->sequence, __ATOMIC_ACQUIRE);
  /* Another pc's entry, most often: no need to read the rest. A miss
   * needs no check. */
  to[0] = __atomic_load_n(&entry->word[0], __ATOMIC_RELAXED);
  if ((sequence & 1) || frame->pc != pc)
    return 0;
  for (size_t i = 1; i < FRAME_WORDS; ++i)
    to[i] = __atomic_load_n(&entry->word[i], __ATOMIC_RELAXED);
  __atomic_thread_fence(__ATOMIC_ACQUIRE);
  if (__atomic_load_n(&entry->sequence, __ATOMIC_RELAXED) != sequence)
    return 0; /* a writer came by: the copy may be torn */
  return frame->generation == generation;
}

void w2n_eh_cache_put(const w2n_eh_frame *frame) {
  cache_entry *entry = entry_of(frame->pc);
  const frame_word *from = (const frame_word *)frame;
  uint32_t sequence = __atomic_load_n(&entry->sequence, __ATOMIC_RELAXED);
  /* Acquire: the words of the writer before come before ours. */
  if ((sequence & 1) ||
      !__atomic_compare_exchange_n(&entry->sequence, &sequence, sequence + 1, 0,
                                   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
    return;
  /* A reader that sees any word below sees the odd number after it. */
  __atomic_thread_fence(__ATOMIC_RELEASE);
  for (size_t i = 0; i < FRAME_WORDS; ++i)
    __atomic_store_n(&entry->word[i], from[i], __ATOMIC_RELAXED);
  __atomic_store_n(&entry->sequence, sequence + 2, __ATOMIC_RELEASE);
}

int w2n_eh_frame_step(w2n_eh_context *ctx, const w2n_eh_frame *frame) {
  const int sp_slot = W2N_EH_SLOT(W2N_EH_SP_COLUMN);
  uintptr_t cfa = (uintptr_t)(ctx->reg[frame->cfa_slot] +
                              (uint64_t)(int64_t)frame->cfa_offset);
  /* The stack grows down, so callers' frames lie above. */
  if (cfa < ctx->reg[sp_slot])
    return 0;
  /* The caller's values from the callee's only (a register rule reads the
   * callee's register), so all are read before any is written. */
  uint64_t value[W2N_EH_FRAME_RULES];
  unsigned i = 0;
  for (; i < frame->offsets; ++i)
    value[i] = *(const uint64_t *)(cfa + (uintptr_t)(intptr_t)frame->value[i]);
  for (; i < frame->val_offsets; ++i)
    value[i] = cfa + (uint64_t)(int64_t)frame->value[i];
  for (; i < frame->rules; ++i)
    value[i] = ctx->reg[frame->value[i]];
  uint64_t return_address = value[frame->ra_rule];
  if (return_address == 0)
    return 0;
  for (i = 0; i < frame->rules; ++i)
    ctx->reg[frame->slot[i]] = value[i];
  ctx->reg[W2N_EH_PC_SLOT] = return_address;
  ctx->reg[sp_slot] = cfa; /* what the CFA is, by definition */
  return 1;
}

/*===- core/memory.c - Linear memory and the bulk memory instructions ------===*
 *
 * A memory reserves W2N_MEMORY_RESERVATION bytes of inaccessible address
 * space once and makes its first `size` bytes accessible; growing makes
 * more accessible and never moves the base. Generated code in guard mode
 * relies on this: every access it does not check lands in the reservation,
 * and one beyond the accessible pages faults.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

/* What the runtime knows of a memory beyond the ABI's record. */
typedef struct core_memory {
  w2n_memory pub; /* first: a w2n_memory * is a core_memory * */
  uint8_t has_max;
} core_memory;

w2n_memory *w2n_core_memory_new(const w2n_limits *limits) {
  uint64_t max = limits->has_max ? limits->max : W2N_MAX_PAGES;
  if (limits->min > W2N_MAX_PAGES || max > W2N_MAX_PAGES || limits->min > max)
    return NULL;
  core_memory *m = w2n_os_alloc(sizeof(core_memory));
  if (!m)
    return NULL;
  uint8_t *base = w2n_os_reserve(W2N_MEMORY_RESERVATION);
  if (!base) {
    w2n_os_free(m, sizeof(core_memory));
    return NULL;
  }
  uint64_t size = limits->min * W2N_PAGE_SIZE;
  if (size && w2n_os_commit(base, size) != 0) {
    w2n_os_release(base, W2N_MEMORY_RESERVATION);
    w2n_os_free(m, sizeof(core_memory));
    return NULL;
  }
  m->pub.base = base;
  m->pub.size = size;
  m->pub.max_pages = max;
  m->pub.reserved = W2N_MEMORY_RESERVATION;
  m->has_max = limits->has_max != 0;
  return &m->pub;
}

void w2n_core_memory_delete(w2n_memory *memory) {
  if (!memory)
    return;
  w2n_os_release(memory->base, memory->reserved);
  w2n_os_free(memory, sizeof(core_memory));
}

int w2n_core_memory_has_max(const w2n_memory *memory) {
  return ((const core_memory *)memory)->has_max;
}

int32_t w2n_memory_grow(w2n_memory *memory, uint32_t delta_pages) {
  uint64_t old_pages = memory->size / W2N_PAGE_SIZE;
  if (delta_pages > memory->max_pages - old_pages)
    return -1;
  if (delta_pages) {
    uint64_t bytes = (uint64_t)delta_pages * W2N_PAGE_SIZE;
    if (w2n_os_commit(memory->base + memory->size, bytes) != 0)
      return -1;
    memory->size += bytes;
  }
  return (int32_t)old_pages;
}

void w2n_memory_fill(w2n_memory *memory, uint32_t d, uint32_t val, uint32_t n) {
  if ((uint64_t)d + n > memory->size)
    w2n_trap(W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  __builtin_memset(memory->base + d, (int)(uint8_t)val, n);
}

void w2n_memory_copy(w2n_memory *memory, uint32_t d, uint32_t s, uint32_t n) {
  if ((uint64_t)d + n > memory->size || (uint64_t)s + n > memory->size)
    w2n_trap(W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  __builtin_memmove(memory->base + d, memory->base + s, n);
}

void w2n_memory_init(w2n_memory *memory, w2n_data_segment *seg, uint32_t d,
                     uint32_t s, uint32_t n) {
  if ((uint64_t)s + n > seg->size || (uint64_t)d + n > memory->size)
    w2n_trap(W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  if (n)
    __builtin_memcpy(memory->base + d, seg->bytes + s, n);
}

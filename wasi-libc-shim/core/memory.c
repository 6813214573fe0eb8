/*===- core/memory.c - Linear memory and the bulk memory instructions ------===*
 *
 * A memory reserves address space once and makes its first `size` bytes
 * accessible; growing makes more accessible and never moves the base.
 * Generated code relies on this. A 32-bit memory reserves
 * W2N_MEMORY_RESERVATION bytes: in guard mode, every access the generated
 * code does not check lands in the reservation, and one beyond the
 * accessible pages faults. A 64-bit memory (memory64) is always checked
 * explicitly; it reserves its declared maximum, capped, and may grow up to
 * what it reserved.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

/* What the runtime knows of a memory beyond the ABI's record. */
typedef struct core_memory {
  w2n_memory pub; /* first: a w2n_memory * is a core_memory * */
  uint8_t has_max;
  uint8_t is64;
  uint8_t shared;
} core_memory;

/* Reserves address space for a 64-bit memory of at least min_bytes and
 * ideally want bytes: less than want when the system refuses it. */
static uint8_t *reserve64(uint64_t min_bytes, uint64_t want,
                          uint64_t *reserved) {
  if (want < W2N_PAGE_SIZE)
    want = W2N_PAGE_SIZE;
  for (;;) {
    uint8_t *base = w2n_os_reserve(want);
    if (base) {
      *reserved = want;
      return base;
    }
    if (want / 2 < min_bytes || want / 2 < W2N_PAGE_SIZE)
      return NULL;
    want = (want / 2 + W2N_PAGE_SIZE - 1) / W2N_PAGE_SIZE * W2N_PAGE_SIZE;
  }
}

w2n_memory *w2n_core_memory_new(const w2n_limits *limits) {
  uint64_t bound = limits->is64 ? W2N_MAX_PAGES64 : W2N_MAX_PAGES;
  uint64_t max = limits->has_max ? limits->max : bound;
  if (limits->min > bound || max > bound || limits->min > max)
    return NULL;
  core_memory *m = w2n_os_alloc(sizeof(core_memory));
  if (!m)
    return NULL;
  uint64_t size = limits->min * W2N_PAGE_SIZE;
  uint64_t reserved = W2N_MEMORY_RESERVATION;
  uint8_t *base;
  if (limits->is64) {
    /* At least the minimum, whatever the cap. */
    uint64_t want = max > W2N_MEMORY64_RESERVATION / W2N_PAGE_SIZE
                        ? W2N_MEMORY64_RESERVATION
                        : max * W2N_PAGE_SIZE;
    if (want < size)
      want = size;
    base = reserve64(size, want, &reserved);
  } else {
    base = w2n_os_reserve(W2N_MEMORY_RESERVATION);
  }
  if (!base) {
    w2n_os_free(m, sizeof(core_memory));
    return NULL;
  }
  if (size && w2n_os_commit(base, size) != 0) {
    w2n_os_release(base, reserved);
    w2n_os_free(m, sizeof(core_memory));
    return NULL;
  }
  m->pub.base = base;
  m->pub.size = size;
  m->pub.max_pages = max;
  m->pub.reserved = reserved;
  m->has_max = limits->has_max != 0;
  m->is64 = limits->is64 != 0;
  m->shared = limits->shared != 0;
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

int w2n_core_memory_is64(const w2n_memory *memory) {
  return ((const core_memory *)memory)->is64;
}

int w2n_core_memory_is_shared(const w2n_memory *memory) {
  return ((const core_memory *)memory)->shared;
}

int64_t w2n_memory_grow(w2n_memory *memory, uint64_t delta_pages) {
  uint64_t old_pages = memory->size / W2N_PAGE_SIZE;
  if (delta_pages > memory->max_pages - old_pages)
    return -1;
  if (delta_pages) {
    /* A 64-bit memory cannot grow beyond its reservation. */
    uint64_t room = (memory->reserved - memory->size) / W2N_PAGE_SIZE;
    if (delta_pages > room)
      return -1;
    uint64_t bytes = delta_pages * W2N_PAGE_SIZE;
    if (w2n_os_commit(memory->base + memory->size, bytes) != 0)
      return -1;
    memory->size += bytes;
  }
  return (int64_t)old_pages;
}

void w2n_memory_fill(w2n_memory *memory, uint64_t d, uint32_t val,
                     uint64_t n) {
  if (!w2n_core_in_bounds(d, n, memory->size))
    w2n_trap(W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  __builtin_memset(memory->base + d, (int)(uint8_t)val, n);
}

void w2n_memory_copy(w2n_memory *dst, w2n_memory *src, uint64_t d, uint64_t s,
                     uint64_t n) {
  if (!w2n_core_in_bounds(d, n, dst->size) ||
      !w2n_core_in_bounds(s, n, src->size))
    w2n_trap(W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  __builtin_memmove(dst->base + d, src->base + s, n);
}

void w2n_memory_init(w2n_memory *memory, w2n_data_segment *seg, uint64_t d,
                     uint32_t s, uint32_t n) {
  if (!w2n_core_in_bounds(s, n, seg->size) ||
      !w2n_core_in_bounds(d, n, memory->size))
    w2n_trap(W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  if (n)
    __builtin_memcpy(memory->base + d, seg->bytes + s, n);
}

/*===- wasi/guest.h - Checked access to the guest's linear memory ---------===*
 *
 * Every guest address a WASI function receives is an untrusted offset. It is
 * turned into a host pointer only through w2n_guest, which checks the whole
 * range [ptr, ptr + len) against the memory's current size, so that a bad
 * pointer is the guest's FAULT, never a fault of the runtime. Guest records
 * may be misaligned, so fields move with memcpy, at the offsets of
 * w2n/wasi.h.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_WASI_GUEST_H
#define W2N_WASI_GUEST_H

#include "core/core.h"
#include "exe/exe.h"
#include "w2n/wasi.h"

#include <stdint.h>

/* The memory of the running instance (wasi/args.c sets it). */
extern w2n_memory *w2n_wasi_memory;

/* The host address of [ptr, ptr + len), or NULL when any of it is outside
 * the memory. len is 64-bit so that ptr + len cannot wrap. */
static inline uint8_t *w2n_guest(uint32_t ptr, uint64_t len) {
  w2n_memory *m = w2n_wasi_memory;
  if (!m || (uint64_t)ptr + len > m->size)
    return 0;
  return m->base + ptr;
}

/* The same for an array of n elements of size bytes each. */
static inline uint8_t *w2n_guest_array(uint32_t ptr, uint32_t n,
                                       uint32_t size) {
  return w2n_guest(ptr, (uint64_t)n * size);
}

/* Stores of a whole value; 0 when the range is outside memory. */
#define W2N_GUEST_STORE(Name, Type)                                            \
  static inline int w2n_guest_store_##Name(uint32_t ptr, Type v) {             \
    uint8_t *p = w2n_guest(ptr, sizeof v);                                     \
    if (!p)                                                                    \
      return 0;                                                                \
    memcpy(p, &v, sizeof v);                                                   \
    return 1;                                                                  \
  }
W2N_GUEST_STORE(u16, uint16_t)
W2N_GUEST_STORE(u32, uint32_t)
W2N_GUEST_STORE(u64, uint64_t)
#undef W2N_GUEST_STORE

/* Field access inside a record already checked with w2n_guest. */
static inline uint32_t w2n_load_u32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}
static inline uint64_t w2n_load_u64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}
static inline uint16_t w2n_load_u16(const uint8_t *p) {
  uint16_t v;
  memcpy(&v, p, 2);
  return v;
}
static inline void w2n_put_u16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static inline void w2n_put_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void w2n_put_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

/* A WASI errno from a failed raw system call's result (-errno). */
int32_t w2n_wasi_errno_from_syscall(long ret);

#endif /* W2N_WASI_GUEST_H */

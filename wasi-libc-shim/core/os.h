/*===- core/os.h - What the runtime core needs from the system ------------===*
 *
 * The core (instances, memories, tables, types) runs both in hosted
 * embeddings (embed/, on glibc) and in the freestanding executable runtime
 * (on raw system calls). Everything it needs from below is here; each layer
 * implements these functions once.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_CORE_OS_H
#define W2N_CORE_OS_H

#include <stddef.h>
#include <stdint.h>

/* Reserves size bytes of inaccessible address space, page-aligned; NULL if
 * it cannot. The layer may record the range: a fault inside it while
 * WebAssembly code runs is an out-of-bounds memory access. */
void *w2n_os_reserve(uint64_t size);

/* Makes [addr, addr + size) of a reservation readable and writable (zero
 * filled, for pages never committed before). Both are multiples of the
 * page size. Returns 0 on success. */
int w2n_os_commit(void *addr, uint64_t size);

/* Returns a whole reservation to the system. */
void w2n_os_release(void *addr, uint64_t size);

/* Heap memory, zero filled; NULL when out of memory. */
void *w2n_os_alloc(size_t size);
/* Resizes a w2n_os_alloc block (old_size bytes) to new_size bytes; the
 * bytes past old_size are zero. NULL when out of memory (block unchanged). */
void *w2n_os_realloc(void *ptr, size_t old_size, size_t new_size);
void w2n_os_free(void *ptr, size_t size);

/* Blocks while *word is expected, until w2n_os_futex_wake on word or until
 * timeout_ns nanoseconds pass (negative: no limit); may return early. */
void w2n_os_futex_wait(uint32_t *word, uint32_t expected, int64_t timeout_ns);
/* Wakes up to count threads blocked on word. */
void w2n_os_futex_wake(uint32_t *word, uint32_t count);
/* A monotonic clock, in nanoseconds. */
uint64_t w2n_os_monotonic_ns(void);

/* The calling thread's slot for the exception a host function throws
 * (w2n_host_throw), until its adapter takes it. */
const struct w2n_exn **w2n_os_pending_exception(void);

#endif /* W2N_CORE_OS_H */

/*===- exe/os.c - The core's OS interface on raw system calls -------------===*
 *
 * Address space and heap for the runtime core in a static executable. The
 * runtime allocates rarely (an instance, its tables, the type registry), so
 * every heap block is its own anonymous mapping. Reservations are recorded:
 * a fault inside one while the program runs is an out-of-bounds access.
 *===----------------------------------------------------------------------===*/
#include "core/os.h"
#include "exe/exe.h"

#include "arch/syscall.h"

#define W2N_PROT_NONE 0
#define W2N_PROT_READ 1
#define W2N_PROT_WRITE 2
#define W2N_MAP_PRIVATE 0x02
#define W2N_MAP_ANONYMOUS 0x20
#define W2N_MAP_NORESERVE 0x4000
#define W2N_PAGE 4096u

static struct {
  uintptr_t base, size;
} reservations[W2N_EXE_MAX_RESERVATIONS];

#define W2N_FUTEX_WAIT_PRIVATE 128 /* FUTEX_WAIT | FUTEX_PRIVATE_FLAG */
#define W2N_FUTEX_WAKE_PRIVATE 129
#define W2N_CLOCK_MONOTONIC 1

struct w2n_timespec {
  long sec, nsec;
};

void w2n_os_futex_wait(uint32_t *word, uint32_t expected, int64_t timeout_ns) {
  struct w2n_timespec ts = {(long)(timeout_ns / 1000000000),
                            (long)(timeout_ns % 1000000000)};
  w2n_syscall4(W2N_SYS_futex, (long)word, W2N_FUTEX_WAIT_PRIVATE,
               (long)expected, timeout_ns < 0 ? 0 : (long)&ts);
}

void w2n_os_futex_wake(uint32_t *word, uint32_t count) {
  w2n_syscall3(W2N_SYS_futex, (long)word, W2N_FUTEX_WAKE_PRIVATE,
               (long)(count > 0x7fffffff ? 0x7fffffff : count));
}

uint64_t w2n_os_monotonic_ns(void) {
  struct w2n_timespec ts = {0, 0};
  w2n_syscall2(W2N_SYS_clock_gettime, W2N_CLOCK_MONOTONIC, (long)&ts);
  return (uint64_t)ts.sec * 1000000000u + (uint64_t)ts.nsec;
}

static uint64_t page_round(uint64_t size) {
  return (size + W2N_PAGE - 1) & ~(uint64_t)(W2N_PAGE - 1);
}

static void *map(uint64_t size, int prot, int extra_flags) {
  long r = w2n_syscall6(W2N_SYS_mmap, 0, (long)size, prot,
                        W2N_MAP_PRIVATE | W2N_MAP_ANONYMOUS | extra_flags, -1,
                        0);
  return w2n_syscall_failed(r) ? 0 : (void *)r;
}

void *w2n_os_reserve(uint64_t size) {
  void *p = map(size, W2N_PROT_NONE, W2N_MAP_NORESERVE);
  if (!p)
    return 0;
  for (unsigned i = 0; i < W2N_EXE_MAX_RESERVATIONS; ++i)
    if (!reservations[i].size) {
      reservations[i].base = (uintptr_t)p;
      reservations[i].size = size;
      return p;
    }
  /* Too many to track: faults in it would not be told apart. */
  w2n_syscall2(W2N_SYS_munmap, (long)p, (long)size);
  return 0;
}

int w2n_os_commit(void *addr, uint64_t size) {
  long r = w2n_syscall3(W2N_SYS_mprotect, (long)addr, (long)size,
                        W2N_PROT_READ | W2N_PROT_WRITE);
  return w2n_syscall_failed(r) ? -1 : 0;
}

void w2n_os_release(void *addr, uint64_t size) {
  for (unsigned i = 0; i < W2N_EXE_MAX_RESERVATIONS; ++i)
    if (reservations[i].base == (uintptr_t)addr)
      reservations[i].size = 0;
  w2n_syscall2(W2N_SYS_munmap, (long)addr, (long)size);
}

int w2n_exe_in_reservation(uintptr_t addr) {
  for (unsigned i = 0; i < W2N_EXE_MAX_RESERVATIONS; ++i)
    if (reservations[i].size && addr - reservations[i].base < reservations[i].size)
      return 1;
  return 0;
}

void *w2n_os_alloc(size_t size) {
  return map(page_round(size ? size : 1), W2N_PROT_READ | W2N_PROT_WRITE, 0);
}

void *w2n_os_realloc(void *ptr, size_t old_size, size_t new_size) {
  if (ptr && page_round(old_size ? old_size : 1) >= page_round(new_size))
    return ptr; /* the mapping already has room (and zeros past old_size) */
  void *p = w2n_os_alloc(new_size);
  if (!p)
    return 0;
  if (ptr) {
    memcpy(p, ptr, old_size);
    w2n_os_free(ptr, old_size);
  }
  return p;
}

void w2n_os_free(void *ptr, size_t size) {
  if (ptr)
    w2n_syscall2(W2N_SYS_munmap, (long)ptr, (long)page_round(size ? size : 1));
}

/* The executable's host functions are WASI's and the runtime's, which
 * never throw: one slot serves every thread. */
const struct w2n_exn **w2n_os_pending_exception(void) {
  static const struct w2n_exn *pending;
  return &pending;
}

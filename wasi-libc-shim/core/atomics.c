/*===- core/atomics.c - memory.atomic.wait and notify ----------------------===*
 *
 * Threads block on an address of a shared memory and are woken in order of
 * arrival. The waiters of all memories are in one process-wide list under a
 * lock, each with a futex word of its own on its stack: a wait checks the
 * value and enqueues itself under the lock, so a notify that follows the
 * change of value cannot miss it; a notify dequeues, sets the word, and
 * wakes. 32- and 64-bit waits work alike (a futex alone compares 32 bits).
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

typedef struct waiter {
  const void *addr;
  uint32_t woken; /* the futex word: set to 1 by notify */
  struct waiter *next;
} waiter;

static waiter *waiters; /* oldest first */
static volatile char lock;

static void acquire(void) {
  while (__atomic_test_and_set(&lock, __ATOMIC_ACQUIRE))
    ;
}

static void release(void) { __atomic_clear(&lock, __ATOMIC_RELEASE); }

static void unlink_waiter(waiter *w) {
  for (waiter **p = &waiters; *p; p = &(*p)->next)
    if (*p == w) {
      *p = w->next;
      return;
    }
}

/* Waits at addr while the value there is expected (compared under the
 * lock by same_value); 0 woken, 1 not equal, 2 timed out. */
static uint32_t wait_at(w2n_memory *memory, const void *addr,
                        int (*same_value)(const void *, uint64_t),
                        uint64_t expected, int64_t timeout_ns) {
  if (!w2n_core_memory_is_shared(memory))
    w2n_trap(W2N_TRAP_EXPECTED_SHARED_MEMORY);
  waiter self = {addr, 0, NULL};
  acquire();
  if (!same_value(addr, expected)) {
    release();
    return 1;
  }
  waiter **tail = &waiters;
  while (*tail)
    tail = &(*tail)->next;
  *tail = &self;
  release();
  uint64_t deadline = timeout_ns < 0 ? 0 : w2n_os_monotonic_ns() + timeout_ns;
  for (;;) {
    int64_t left = -1;
    if (timeout_ns >= 0) {
      uint64_t now = w2n_os_monotonic_ns();
      left = now >= deadline ? 0 : (int64_t)(deadline - now);
    }
    if (left != 0)
      w2n_os_futex_wait(&self.woken, 0, left);
    if (__atomic_load_n(&self.woken, __ATOMIC_ACQUIRE))
      return 0;
    if (left == 0) {
      acquire();
      uint32_t woken = __atomic_load_n(&self.woken, __ATOMIC_ACQUIRE);
      if (!woken)
        unlink_waiter(&self);
      release();
      return woken ? 0 : 2;
    }
  }
}

static int same32(const void *addr, uint64_t expected) {
  return __atomic_load_n((const uint32_t *)addr, __ATOMIC_SEQ_CST) ==
         (uint32_t)expected;
}

static int same64(const void *addr, uint64_t expected) {
  return __atomic_load_n((const uint64_t *)addr, __ATOMIC_SEQ_CST) == expected;
}

uint32_t w2n_memory_atomic_wait32(w2n_memory *memory, const uint32_t *addr,
                                  uint32_t expected, int64_t timeout_ns) {
  return wait_at(memory, addr, same32, expected, timeout_ns);
}

uint32_t w2n_memory_atomic_wait64(w2n_memory *memory, const uint64_t *addr,
                                  uint64_t expected, int64_t timeout_ns) {
  return wait_at(memory, addr, same64, expected, timeout_ns);
}

uint32_t w2n_memory_atomic_notify(w2n_memory *memory, const void *addr,
                                  uint32_t count) {
  /* An unshared memory has no waiters. */
  if (!w2n_core_memory_is_shared(memory) || count == 0)
    return 0;
  uint32_t woken = 0;
  acquire();
  for (waiter **p = &waiters; *p && woken < count;) {
    waiter *w = *p;
    if (w->addr != addr) {
      p = &w->next;
      continue;
    }
    *p = w->next;
    __atomic_store_n(&w->woken, 1, __ATOMIC_RELEASE);
    w2n_os_futex_wake(&w->woken, 1);
    ++woken;
  }
  release();
  return woken;
}

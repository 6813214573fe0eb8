/*===- embed/os_linux.c - core/os.h on Linux with glibc -------------------===*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "core/os.h"
#include "embed/trap.h"

#include <linux/futex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

void *w2n_os_reserve(uint64_t size) {
  void *p = mmap(NULL, size, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  if (!w2n_embed_register_region(p, size)) {
    munmap(p, size);
    return NULL;
  }
  return p;
}

int w2n_os_commit(void *addr, uint64_t size) {
  return mprotect(addr, size, PROT_READ | PROT_WRITE);
}

void w2n_os_release(void *addr, uint64_t size) {
  w2n_embed_unregister_region(addr);
  munmap(addr, size);
}

void *w2n_os_alloc(size_t size) { return calloc(1, size ? size : 1); }

void *w2n_os_realloc(void *ptr, size_t old_size, size_t new_size) {
  char *p = realloc(ptr, new_size ? new_size : 1);
  if (p && new_size > old_size)
    memset(p + old_size, 0, new_size - old_size);
  return p;
}

void w2n_os_free(void *ptr, size_t size) {
  (void)size;
  free(ptr);
}

void w2n_os_futex_wait(uint32_t *word, uint32_t expected, int64_t timeout_ns) {
  struct timespec ts = {(time_t)(timeout_ns / 1000000000),
                        (long)(timeout_ns % 1000000000)};
  syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, expected,
          timeout_ns < 0 ? NULL : &ts, NULL, 0);
}

void w2n_os_futex_wake(uint32_t *word, uint32_t count) {
  syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE,
          count > 0x7fffffff ? 0x7fffffff : (int)count, NULL, NULL, 0);
}

uint64_t w2n_os_monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

const struct w2n_exn **w2n_os_pending_exception(void) {
  static _Thread_local const struct w2n_exn *pending;
  return &pending;
}

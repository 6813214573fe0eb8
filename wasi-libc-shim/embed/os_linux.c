/*===- embed/os_linux.c - core/os.h on Linux with glibc -------------------===*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "core/os.h"
#include "embed/trap.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

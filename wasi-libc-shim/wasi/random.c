/*===- wasi/random.c - random_get -----------------------------------------===*
 *
 * getrandom from the kernel's pool: it blocks only until the pool is first
 * initialised, and may return fewer bytes than asked (above 32 MiB, or when
 * a signal arrives), so it is called until the buffer is full.
 *===----------------------------------------------------------------------===*/
#include "wasi/guest.h"

#include "arch/syscall.h"

#define W2N_EINTR 4

int32_t w2n_wasi_random_get(void *c, uint32_t buf, uint32_t len) {
  uint8_t *p = w2n_guest(buf, len);
  if (!p)
    return W2N_WASI_ERRNO_FAULT;
  while (len) {
    long r = w2n_syscall3(W2N_SYS_getrandom, (long)p, len, 0);
    if (r == -W2N_EINTR)
      continue;
    if (w2n_syscall_failed(r))
      return w2n_wasi_errno_from_syscall(r);
    p += r;
    len -= (uint32_t)r;
  }
  return W2N_WASI_ERRNO_SUCCESS;
}

/*===- wasi/clock.c - clock_res_get, clock_time_get -----------------------===*
 *
 * WASI's four clock ids are Linux's CLOCK_REALTIME, _MONOTONIC,
 * _PROCESS_CPUTIME_ID and _THREAD_CPUTIME_ID, with the same numbers. The
 * precision argument of clock_time_get is a hint; the host's best is given.
 *===----------------------------------------------------------------------===*/
#include "wasi/clock.h"
#include "wasi/guest.h"

#include "arch/syscall.h"

int32_t w2n_wasi_clock_now(uint32_t id, uint64_t *now) {
  if (id > W2N_WASI_CLOCKID_THREAD_CPUTIME_ID)
    return W2N_WASI_ERRNO_INVAL;
  long ts[2];
  long r = w2n_syscall2(W2N_SYS_clock_gettime, id, (long)ts);
  if (w2n_syscall_failed(r))
    return w2n_wasi_errno_from_syscall(r);
  *now = (uint64_t)ts[0] * 1000000000u + (uint64_t)ts[1];
  return W2N_WASI_ERRNO_SUCCESS;
}

int32_t w2n_wasi_clock_res_get(void *c, uint32_t id, uint32_t res_ptr) {
  if (id > W2N_WASI_CLOCKID_THREAD_CPUTIME_ID)
    return W2N_WASI_ERRNO_INVAL;
  long ts[2];
  long r = w2n_syscall2(W2N_SYS_clock_getres, id, (long)ts);
  if (w2n_syscall_failed(r))
    return w2n_wasi_errno_from_syscall(r);
  uint64_t res = (uint64_t)ts[0] * 1000000000u + (uint64_t)ts[1];
  return w2n_guest_store_u64(res_ptr, res) ? W2N_WASI_ERRNO_SUCCESS
                                           : W2N_WASI_ERRNO_FAULT;
}

int32_t w2n_wasi_clock_time_get(void *c, uint32_t id, uint64_t precision,
                                uint32_t time_ptr) {
  uint64_t now;
  int32_t err = w2n_wasi_clock_now(id, &now);
  if (err)
    return err;
  return w2n_guest_store_u64(time_ptr, now) ? W2N_WASI_ERRNO_SUCCESS
                                            : W2N_WASI_ERRNO_FAULT;
}

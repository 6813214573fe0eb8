/*===- wasi/proc.c - proc_exit, proc_raise, sched_yield -------------------===*/
#include "wasi/guest.h"

#include "arch/signal.h"
#include "arch/syscall.h"

void w2n_wasi_proc_exit(void *c, uint32_t code) { w2n_exe_exit((int)code); }

/* The guest cannot handle signals, so raising one does what the host's
 * default action does: usually end the process by it, sometimes nothing.
 * WASI numbers the signals as Linux does up to TERM (15), then leaves out
 * STKFLT (16), so the rest are one lower. The runtime's own SEGV and BUS
 * handlers are removed first: they exist for guard-page faults. */
int32_t w2n_wasi_proc_raise(void *c, uint32_t sig) {
  if (sig == W2N_WASI_SIGNAL_NONE || sig >= W2N_WASI_SIGNAL_COUNT)
    return W2N_WASI_ERRNO_INVAL;
  int host = (int)(sig <= W2N_WASI_SIGNAL_TERM ? sig : sig + 1);
  w2n_sigaction dfl;
  w2n_sigaction_init(&dfl, W2N_SIG_DFL, 0);
  w2n_syscall4(W2N_SYS_rt_sigaction, host, (long)&dfl, 0, W2N_SIGSET_SIZE);
  long pid = w2n_syscall0(W2N_SYS_getpid);
  long tid = w2n_syscall0(W2N_SYS_gettid);
  long r = w2n_syscall3(W2N_SYS_tgkill, pid, tid, host);
  return w2n_syscall_failed(r) ? w2n_wasi_errno_from_syscall(r)
                               : W2N_WASI_ERRNO_SUCCESS;
}

int32_t w2n_wasi_sched_yield(void *c) {
  w2n_syscall0(W2N_SYS_sched_yield); /* cannot fail on Linux */
  return W2N_WASI_ERRNO_SUCCESS;
}

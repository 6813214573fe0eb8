/*===- arch/riscv64/signal.h - The kernel's signal ABI on riscv64 ---------===*
 *
 * What the runtime needs to catch its own faults: guard-page traps arrive
 * as SIGSEGV (SA_SIGINFO | SA_ONSTACK, on a sigaltstack), and the handler
 * reads the faulting address from siginfo and the faulting pc from the
 * ucontext. These are the kernel's layouts, which rt_sigaction and signal
 * delivery use directly; glibc's struct sigaction and sigset_t (1024 bits)
 * differ, and must not be confused with them.
 *
 * riscv64 has no SA_RESTORER at all: the kernel always returns from a
 * handler through the vDSO's __vdso_rt_sigreturn (qemu-user supplies its
 * own equivalent). Its struct sigaction therefore has no restorer
 * field, so the mask sits at offset 16, not 24 as on x86-64 and AArch64.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_RISCV64_SIGNAL_H
#define W2N_ARCH_RISCV64_SIGNAL_H

#include "arch/generic/signal_common.h"

/* The kernel refuses a smaller alternate stack (ENOMEM). With the V
 * extension the signal frame grows by the vector state (the auxv entry
 * AT_MINSIGSTKSZ, 51, gives this machine's need): the runtime should
 * allocate tens of KiB. */
#define W2N_MINSIGSTKSZ 2048

/* The kernel's struct sigaction for rt_sigaction (asm-generic, without
 * SA_RESTORER): handler, flags, mask. */
typedef struct w2n_sigaction {
  w2n_sighandler handler;
  unsigned long flags;
  w2n_sigset mask;
} w2n_sigaction;

/* stack_t, for sigaltstack. */
typedef struct w2n_stack {
  void *sp;
  int flags;
  size_t size;
} w2n_stack;

/* The start of struct sigcontext: struct user_regs_struct, which is pc
 * followed by x1-x31. Indexing it as regs[n] therefore gives xn for
 * n >= 1 (regs[1] = ra, regs[2] = sp, regs[8] = s0/fp, regs[10] = a0) and
 * the pc for n = 0, where x0 (always zero) would be. The FP state follows
 * and is not declared here; never copy this struct, only point at the
 * kernel's. A handler may change the registers before returning. */
typedef struct w2n_mcontext {
  uint64_t regs[32];
} w2n_mcontext;

/* struct ucontext (arch/riscv/include/uapi/asm/ucontext.h): the signal
 * mask is padded to glibc's 1024 bits, and the machine context is
 * 16-aligned after it (its Q-extension FP state is 16-aligned). */
typedef struct w2n_ucontext {
  unsigned long flags;
  struct w2n_ucontext *link;
  w2n_stack stack;
  w2n_sigset sigmask;
  unsigned char unused[1024 / 8 - sizeof(w2n_sigset)];
  _Alignas(16) w2n_mcontext mcontext;
} w2n_ucontext;

#define W2N_UCONTEXT_PC(uc) ((uc)->mcontext.regs[0])
#define W2N_UCONTEXT_SP(uc) ((uc)->mcontext.regs[2])

_Static_assert(offsetof(w2n_sigaction, mask) == 16, "sigaction layout");
_Static_assert(offsetof(w2n_stack, size) == 16, "stack_t layout");
_Static_assert(offsetof(w2n_ucontext, mcontext) == 176,
               "ucontext mcontext offset");

/* Fills in *sa for rt_sigaction with fn, flags and an empty mask. */
static inline void w2n_sigaction_init(w2n_sigaction *sa, w2n_sighandler fn,
                                      unsigned long flags) {
  sa->handler = fn;
  sa->flags = flags;
  sa->mask = 0;
}

#endif /* W2N_ARCH_RISCV64_SIGNAL_H */

/*===- arch/aarch64/signal.h - The kernel's signal ABI on AArch64 ---------===*
 *
 * What the runtime needs to catch its own faults: guard-page traps arrive
 * as SIGSEGV (SA_SIGINFO | SA_ONSTACK, on a sigaltstack), and the handler
 * reads the faulting address from siginfo and the faulting pc from the
 * ucontext. These are the kernel's layouts, which rt_sigaction and signal
 * delivery use directly; glibc's struct sigaction and sigset_t (1024 bits)
 * differ, and must not be confused with them.
 *
 * Returning from a handler needs nothing from us: without SA_RESTORER the
 * kernel points the handler's return address (x30) at the vDSO's
 * __kernel_rt_sigreturn, which also carries the unwind information for
 * the signal frame (qemu-user supplies its own equivalent). SA_RESTORER
 * exists only for AArch32 compatibility, so the struct keeps its
 * restorer field, which we leave null.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_AARCH64_SIGNAL_H
#define W2N_ARCH_AARCH64_SIGNAL_H

#include "arch/generic/signal_common.h"

/* sa_flags: the restorer this architecture has. */
#define W2N_SA_RESTORER 0x04000000ul

/* The kernel refuses a smaller alternate stack (ENOMEM). With SVE or SME
 * the signal frame grows with the vector length (the auxv entry
 * AT_MINSIGSTKSZ, 51, gives this machine's need): the runtime should
 * allocate tens of KiB. */
#define W2N_MINSIGSTKSZ 5120

/* The kernel's struct sigaction for rt_sigaction (include/linux/
 * signal_types.h with __ARCH_HAS_SA_RESTORER): the mask is last. */
typedef struct w2n_sigaction {
  w2n_sighandler handler;
  unsigned long flags;
  void (*restorer)(void);
  w2n_sigset mask;
} w2n_sigaction;

/* stack_t, for sigaltstack. */
typedef struct w2n_stack {
  void *sp;
  int flags;
  size_t size;
} w2n_stack;

/* The start of struct sigcontext: the general registers as they were when
 * the signal arrived (a handler may change them before returning). The
 * FP/SIMD and SVE records follow in a 4 KiB area that is not declared
 * here; never copy this struct, only point at the kernel's. */
typedef struct w2n_mcontext {
  uint64_t fault_address;
  uint64_t regs[31]; /* x0-x30; x29 is the frame pointer, x30 the LR */
  uint64_t sp;
  uint64_t pc;
  uint64_t pstate;
} w2n_mcontext;

/* struct ucontext (arch/arm64/include/uapi/asm/ucontext.h): the signal
 * mask is padded to glibc's 1024 bits, and the machine context is
 * 16-aligned after it. */
typedef struct w2n_ucontext {
  unsigned long flags;
  struct w2n_ucontext *link;
  w2n_stack stack;
  w2n_sigset sigmask;
  unsigned char unused[1024 / 8 - sizeof(w2n_sigset)];
  _Alignas(16) w2n_mcontext mcontext;
} w2n_ucontext;

#define W2N_UCONTEXT_PC(uc) ((uc)->mcontext.pc)
#define W2N_UCONTEXT_SP(uc) ((uc)->mcontext.sp)

_Static_assert(offsetof(w2n_sigaction, mask) == 24, "sigaction layout");
_Static_assert(offsetof(w2n_stack, size) == 16, "stack_t layout");
_Static_assert(offsetof(w2n_ucontext, mcontext) == 176,
               "ucontext mcontext offset");
_Static_assert(offsetof(w2n_ucontext, mcontext.pc) == 440,
               "ucontext pc offset");

/* Fills in *sa for rt_sigaction with fn, flags and an empty mask. */
static inline void w2n_sigaction_init(w2n_sigaction *sa, w2n_sighandler fn,
                                      unsigned long flags) {
  sa->handler = fn;
  sa->flags = flags;
  sa->restorer = 0;
  sa->mask = 0;
}

#endif /* W2N_ARCH_AARCH64_SIGNAL_H */

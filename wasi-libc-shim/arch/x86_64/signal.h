/*===- arch/x86_64/signal.h - The kernel's signal ABI on x86-64 -----------===*
 *
 * What the runtime needs to catch its own faults: guard-page traps arrive
 * as SIGSEGV (SA_SIGINFO | SA_ONSTACK, on a sigaltstack), and the handler
 * reads the faulting address from siginfo and the faulting pc from the
 * ucontext. These are the kernel's layouts, which rt_sigaction and signal
 * delivery use directly; glibc's struct sigaction and sigset_t (1024 bits)
 * differ, and must not be confused with them.
 *
 * x86-64 quirk: the kernel has no signal trampoline of its own here. It
 * pushes sa_restorer as the handler's return address, and refuses to
 * deliver the signal (killing the process with SIGSEGV) unless
 * SA_RESTORER is set. w2n_sigaction_init fills both in, with
 * w2n_sigreturn (sigreturn.S).
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_X86_64_SIGNAL_H
#define W2N_ARCH_X86_64_SIGNAL_H

#include "arch/generic/signal_common.h"

/* sa_flags: the restorer this architecture has. */
#define W2N_SA_RESTORER 0x04000000ul

/* The kernel refuses a smaller alternate stack (ENOMEM). The signal frame
 * holds the XSAVE area, so the real need depends on the CPU (AVX-512 makes
 * it several KiB; the auxv entry AT_MINSIGSTKSZ, 51, gives it): the
 * runtime should allocate tens of KiB. */
#define W2N_MINSIGSTKSZ 2048

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

/* struct sigcontext (64-bit): the general registers as they were when the
 * signal arrived. A handler may change them before returning (e.g. to
 * resume at a trap routine instead of the faulting instruction). */
typedef struct w2n_mcontext {
  uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
  uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
  uint64_t eflags;
  uint16_t cs, gs, fs, ss;
  uint64_t err, trapno, oldmask;
  uint64_t cr2; /* the faulting address again, for page faults */
  void *fpstate;
  uint64_t reserved1[8];
} w2n_mcontext;

/* struct ucontext (arch/x86/include/uapi/asm/ucontext.h): on x86-64 the
 * machine context comes before the signal mask. */
typedef struct w2n_ucontext {
  unsigned long flags;
  struct w2n_ucontext *link;
  w2n_stack stack;
  w2n_mcontext mcontext;
  w2n_sigset sigmask;
} w2n_ucontext;

#define W2N_UCONTEXT_PC(uc) ((uc)->mcontext.rip)
#define W2N_UCONTEXT_SP(uc) ((uc)->mcontext.rsp)

_Static_assert(offsetof(w2n_sigaction, mask) == 24, "sigaction layout");
_Static_assert(offsetof(w2n_stack, size) == 16, "stack_t layout");
_Static_assert(offsetof(w2n_ucontext, mcontext.rip) == 168,
               "ucontext rip offset");
_Static_assert(offsetof(w2n_ucontext, sigmask) == 296,
               "ucontext sigmask offset");

/* Returns from a signal handler: rt_sigreturn, which restores the context
 * the kernel saved on the signal stack. Never called, only returned to. */
void w2n_sigreturn(void);

/* Fills in *sa for rt_sigaction with fn, flags and an empty mask, adding
 * the restorer this architecture requires. */
static inline void w2n_sigaction_init(w2n_sigaction *sa, w2n_sighandler fn,
                                      unsigned long flags) {
  sa->handler = fn;
  sa->flags = flags | W2N_SA_RESTORER;
  sa->restorer = w2n_sigreturn;
  sa->mask = 0;
}

#endif /* W2N_ARCH_X86_64_SIGNAL_H */

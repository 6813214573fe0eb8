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

#include <stddef.h>
#include <stdint.h>

/* The structs below keep the kernel's layouts but drop the POSIX field
 * prefixes (sa_, si_, ss_, uc_): libc headers define several of those
 * names (sa_handler, si_addr, ...) as macros. */

/* Signal numbers (asm-generic). */
#define W2N_SIGILL 4
#define W2N_SIGTRAP 5
#define W2N_SIGABRT 6
#define W2N_SIGBUS 7
#define W2N_SIGFPE 8
#define W2N_SIGKILL 9
#define W2N_SIGUSR1 10
#define W2N_SIGSEGV 11
#define W2N_SIGPIPE 13

/* sa_flags values (no SA_RESTORER on this architecture). */
#define W2N_SA_SIGINFO 0x00000004ul
#define W2N_SA_ONSTACK 0x08000000ul
#define W2N_SA_RESTART 0x10000000ul
#define W2N_SA_NODEFER 0x40000000ul
#define W2N_SA_RESETHAND 0x80000000ul

/* sa_handler values that are not functions. */
#define W2N_SIG_DFL ((w2n_sighandler)0)
#define W2N_SIG_IGN ((w2n_sighandler)1)

/* rt_sigprocmask's how. */
#define W2N_SIG_BLOCK 0
#define W2N_SIG_UNBLOCK 1
#define W2N_SIG_SETMASK 2

/* sigaltstack's ss_flags. */
#define W2N_SS_ONSTACK 1
#define W2N_SS_DISABLE 2
/* The kernel refuses a smaller alternate stack (ENOMEM). With the V
 * extension the signal frame grows by the vector state (the auxv entry
 * AT_MINSIGSTKSZ, 51, gives this machine's need): the runtime should
 * allocate tens of KiB. */
#define W2N_MINSIGSTKSZ 2048

/* si_code values for the faults the runtime cares about. */
#define W2N_SI_USER 0
#define W2N_SI_KERNEL 0x80
#define W2N_SI_TKILL (-6)
#define W2N_SEGV_MAPERR 1
#define W2N_SEGV_ACCERR 2
#define W2N_BUS_ADRERR 2

/* The kernel's sigset_t is _NSIG = 64 bits; rt_sigaction and
 * rt_sigprocmask take its size as their last argument and reject any
 * other. */
typedef uint64_t w2n_sigset;
#define W2N_SIGSET_SIZE 8

/* The kernel's siginfo_t: 128 bytes, with a union after three ints that
 * is 8-aligned, so si_addr (for SIGSEGV, SIGBUS, SIGILL, SIGFPE) is at
 * offset 16. */
typedef struct w2n_siginfo {
  int signo; /* si_signo, and so on */
  int errnum;
  int code;
  /* The rest depends on the signal. */
  union {
    void *addr; /* si_addr */
    unsigned char pad[128 - 16];
  };
} w2n_siginfo;
#define W2N_SI_ADDR_OFFSET 16

typedef void (*w2n_sighandler)(int sig, w2n_siginfo *info, void *ucontext);

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

_Static_assert(offsetof(w2n_siginfo, addr) == W2N_SI_ADDR_OFFSET,
               "si_addr offset");
_Static_assert(sizeof(w2n_siginfo) == 128, "siginfo size");
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

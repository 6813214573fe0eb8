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

#include <stddef.h>
#include <stdint.h>

/* The structs below keep the kernel's layouts but drop the POSIX field
 * prefixes (sa_, si_, ss_, uc_): libc headers define several of those
 * names (sa_handler, si_addr, ...) as macros. */

/* Signal numbers (x86-64 shares the asm-generic values for these). */
#define W2N_SIGILL 4
#define W2N_SIGTRAP 5
#define W2N_SIGABRT 6
#define W2N_SIGBUS 7
#define W2N_SIGFPE 8
#define W2N_SIGKILL 9
#define W2N_SIGUSR1 10
#define W2N_SIGSEGV 11
#define W2N_SIGPIPE 13

/* sa_flags values. */
#define W2N_SA_SIGINFO 0x00000004ul
#define W2N_SA_RESTORER 0x04000000ul
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
/* The kernel refuses a smaller alternate stack (ENOMEM). The signal frame
 * holds the XSAVE area, so the real need depends on the CPU (AVX-512 makes
 * it several KiB; the auxv entry AT_MINSIGSTKSZ, 51, gives it): the
 * runtime should allocate tens of KiB. */
#define W2N_MINSIGSTKSZ 2048

/* si_code values for the faults the runtime cares about. SI_KERNEL with
 * si_addr 0 is what a general-protection fault gives, e.g. a
 * non-canonical address: no page fault happened, so there is no address. */
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

_Static_assert(offsetof(w2n_siginfo, addr) == W2N_SI_ADDR_OFFSET,
               "si_addr offset");
_Static_assert(sizeof(w2n_siginfo) == 128, "siginfo size");
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

/*===- arch/generic/signal_common.h - Signal ABI common to our arches ------===*
 *
 * What the kernel's signal ABI has in common on x86-64, AArch64 and
 * riscv64: signal numbers, flags, sigset_t, siginfo_t and the handler
 * type. Each arch/<arch>/signal.h adds what differs: struct sigaction (the
 * restorer), the machine context, the minimum alternate stack.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_GENERIC_SIGNAL_COMMON_H
#define W2N_ARCH_GENERIC_SIGNAL_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* The structs below keep the kernel's layouts but drop the POSIX field
 * prefixes (sa_, si_, ss_, uc_): libc headers define several of those
 * names (sa_handler, si_addr, ...) as macros. */

/* Signal numbers (the same in asm-generic and on x86-64). */
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
 * offset 16. (On AArch64 the address is untagged: the kernel clears the
 * top byte unless SA_EXPOSE_TAGBITS is set.) */
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

_Static_assert(offsetof(w2n_siginfo, addr) == W2N_SI_ADDR_OFFSET,
               "si_addr offset");
_Static_assert(sizeof(w2n_siginfo) == 128, "siginfo size");

#endif /* W2N_ARCH_GENERIC_SIGNAL_COMMON_H */

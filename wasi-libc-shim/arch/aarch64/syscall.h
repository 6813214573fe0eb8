/*===- arch/aarch64/syscall.h - Raw Linux system calls on AArch64 ---------===*
 *
 * The executable runtime has no libc: every service it needs from the
 * kernel goes through these stubs. AArch64 uses the asm-generic numbers
 * (arch/generic/syscall_numbers.h) plus renameat, which its kernel ABI
 * keeps ("renameat" in arch/arm64/kernel/Makefile.syscalls).
 *
 * Convention: `svc #0` with the number in x8, arguments in x0-x5, the
 * result in x0; no other register is changed. A result in [-4095, -1] is
 * a negated errno value.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_AARCH64_SYSCALL_H
#define W2N_ARCH_AARCH64_SYSCALL_H

#include "../generic/syscall_numbers.h"

#define W2N_SYS_renameat 38

/* Arguments are bound to their registers as register variables, which GCC
 * and Clang guarantee only for asm operands. "memory" is clobbered because
 * the kernel reads and writes through pointer arguments. */

static inline long w2n_syscall0(long n) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0");
  __asm__ __volatile__("svc #0" : "=r"(x0) : "r"(x8) : "memory");
  return x0;
}

static inline long w2n_syscall1(long n, long a) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  __asm__ __volatile__("svc #0" : "+r"(x0) : "r"(x8) : "memory");
  return x0;
}

static inline long w2n_syscall2(long n, long a, long b) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  __asm__ __volatile__("svc #0" : "+r"(x0) : "r"(x8), "r"(x1) : "memory");
  return x0;
}

static inline long w2n_syscall3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  __asm__ __volatile__("svc #0"
                       : "+r"(x0)
                       : "r"(x8), "r"(x1), "r"(x2)
                       : "memory");
  return x0;
}

static inline long w2n_syscall4(long n, long a, long b, long c, long d) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  __asm__ __volatile__("svc #0"
                       : "+r"(x0)
                       : "r"(x8), "r"(x1), "r"(x2), "r"(x3)
                       : "memory");
  return x0;
}

static inline long w2n_syscall5(long n, long a, long b, long c, long d,
                                long e) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  register long x4 __asm__("x4") = e;
  __asm__ __volatile__("svc #0"
                       : "+r"(x0)
                       : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4)
                       : "memory");
  return x0;
}

static inline long w2n_syscall6(long n, long a, long b, long c, long d, long e,
                                long f) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  register long x4 __asm__("x4") = e;
  register long x5 __asm__("x5") = f;
  __asm__ __volatile__("svc #0"
                       : "+r"(x0)
                       : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                       : "memory");
  return x0;
}

#endif /* W2N_ARCH_AARCH64_SYSCALL_H */

/*===- arch/riscv64/syscall.h - Raw Linux system calls on riscv64 ---------===*
 *
 * The executable runtime has no libc: every service it needs from the
 * kernel goes through these stubs. riscv64 uses the asm-generic numbers
 * (arch/generic/syscall_numbers.h) and, unlike aarch64, has no renameat:
 * its kernel ABI leaves it out in favour of renameat2 (flags 0 is the same
 * call), so W2N_SYS_renameat is deliberately not defined here.
 *
 * Convention: `ecall` with the number in a7, arguments in a0-a5, the
 * result in a0; no other register is changed. A result in [-4095, -1] is
 * a negated errno value.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_RISCV64_SYSCALL_H
#define W2N_ARCH_RISCV64_SYSCALL_H

#include "../generic/syscall_numbers.h"

/* Arguments are bound to their registers as register variables, which GCC
 * and Clang guarantee only for asm operands. "memory" is clobbered because
 * the kernel reads and writes through pointer arguments. */

static inline long w2n_syscall0(long n) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0");
  __asm__ __volatile__("ecall" : "=r"(a0) : "r"(a7) : "memory");
  return a0;
}

static inline long w2n_syscall1(long n, long a) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  __asm__ __volatile__("ecall" : "+r"(a0) : "r"(a7) : "memory");
  return a0;
}

static inline long w2n_syscall2(long n, long a, long b) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  __asm__ __volatile__("ecall" : "+r"(a0) : "r"(a7), "r"(a1) : "memory");
  return a0;
}

static inline long w2n_syscall3(long n, long a, long b, long c) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  __asm__ __volatile__("ecall"
                       : "+r"(a0)
                       : "r"(a7), "r"(a1), "r"(a2)
                       : "memory");
  return a0;
}

static inline long w2n_syscall4(long n, long a, long b, long c, long d) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  register long a3 __asm__("a3") = d;
  __asm__ __volatile__("ecall"
                       : "+r"(a0)
                       : "r"(a7), "r"(a1), "r"(a2), "r"(a3)
                       : "memory");
  return a0;
}

static inline long w2n_syscall5(long n, long a, long b, long c, long d,
                                long e) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  register long a3 __asm__("a3") = d;
  register long a4 __asm__("a4") = e;
  __asm__ __volatile__("ecall"
                       : "+r"(a0)
                       : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4)
                       : "memory");
  return a0;
}

static inline long w2n_syscall6(long n, long a, long b, long c, long d, long e,
                                long f) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  register long a3 __asm__("a3") = d;
  register long a4 __asm__("a4") = e;
  register long a5 __asm__("a5") = f;
  __asm__ __volatile__("ecall"
                       : "+r"(a0)
                       : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5)
                       : "memory");
  return a0;
}

#endif /* W2N_ARCH_RISCV64_SYSCALL_H */

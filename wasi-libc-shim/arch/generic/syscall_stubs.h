/*===- arch/generic/syscall_stubs.h - Syscall stubs for register ABIs -----===*
 *
 * w2n_syscall0..6 for architectures that pass the number and up to six
 * arguments in registers and return the result in the first argument
 * register, changing no other (AArch64, riscv64). The including header
 * defines the instruction and the register names:
 *   W2N_SYSCALL_INSN   the trap instruction, as an asm string
 *   W2N_SYSCALL_NR     the register holding the number
 *   W2N_SYSCALL_A0..A5 the argument registers (A0 also holds the result)
 *
 * Arguments are bound to their registers as register variables, which GCC
 * and Clang guarantee only for asm operands. "memory" is clobbered because
 * the kernel reads and writes through pointer arguments.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_GENERIC_SYSCALL_STUBS_H
#define W2N_ARCH_GENERIC_SYSCALL_STUBS_H

static inline long w2n_syscall0(long n) {
  register long nr __asm__(W2N_SYSCALL_NR) = n;
  register long a0 __asm__(W2N_SYSCALL_A0);
  __asm__ __volatile__(W2N_SYSCALL_INSN : "=r"(a0) : "r"(nr) : "memory");
  return a0;
}

static inline long w2n_syscall1(long n, long a) {
  register long nr __asm__(W2N_SYSCALL_NR) = n;
  register long a0 __asm__(W2N_SYSCALL_A0) = a;
  __asm__ __volatile__(W2N_SYSCALL_INSN : "+r"(a0) : "r"(nr) : "memory");
  return a0;
}

static inline long w2n_syscall2(long n, long a, long b) {
  register long nr __asm__(W2N_SYSCALL_NR) = n;
  register long a0 __asm__(W2N_SYSCALL_A0) = a;
  register long a1 __asm__(W2N_SYSCALL_A1) = b;
  __asm__ __volatile__(W2N_SYSCALL_INSN
                       : "+r"(a0)
                       : "r"(nr), "r"(a1)
                       : "memory");
  return a0;
}

static inline long w2n_syscall3(long n, long a, long b, long c) {
  register long nr __asm__(W2N_SYSCALL_NR) = n;
  register long a0 __asm__(W2N_SYSCALL_A0) = a;
  register long a1 __asm__(W2N_SYSCALL_A1) = b;
  register long a2 __asm__(W2N_SYSCALL_A2) = c;
  __asm__ __volatile__(W2N_SYSCALL_INSN
                       : "+r"(a0)
                       : "r"(nr), "r"(a1), "r"(a2)
                       : "memory");
  return a0;
}

static inline long w2n_syscall4(long n, long a, long b, long c, long d) {
  register long nr __asm__(W2N_SYSCALL_NR) = n;
  register long a0 __asm__(W2N_SYSCALL_A0) = a;
  register long a1 __asm__(W2N_SYSCALL_A1) = b;
  register long a2 __asm__(W2N_SYSCALL_A2) = c;
  register long a3 __asm__(W2N_SYSCALL_A3) = d;
  __asm__ __volatile__(W2N_SYSCALL_INSN
                       : "+r"(a0)
                       : "r"(nr), "r"(a1), "r"(a2), "r"(a3)
                       : "memory");
  return a0;
}

static inline long w2n_syscall5(long n, long a, long b, long c, long d,
                                long e) {
  register long nr __asm__(W2N_SYSCALL_NR) = n;
  register long a0 __asm__(W2N_SYSCALL_A0) = a;
  register long a1 __asm__(W2N_SYSCALL_A1) = b;
  register long a2 __asm__(W2N_SYSCALL_A2) = c;
  register long a3 __asm__(W2N_SYSCALL_A3) = d;
  register long a4 __asm__(W2N_SYSCALL_A4) = e;
  __asm__ __volatile__(W2N_SYSCALL_INSN
                       : "+r"(a0)
                       : "r"(nr), "r"(a1), "r"(a2), "r"(a3), "r"(a4)
                       : "memory");
  return a0;
}

static inline long w2n_syscall6(long n, long a, long b, long c, long d, long e,
                                long f) {
  register long nr __asm__(W2N_SYSCALL_NR) = n;
  register long a0 __asm__(W2N_SYSCALL_A0) = a;
  register long a1 __asm__(W2N_SYSCALL_A1) = b;
  register long a2 __asm__(W2N_SYSCALL_A2) = c;
  register long a3 __asm__(W2N_SYSCALL_A3) = d;
  register long a4 __asm__(W2N_SYSCALL_A4) = e;
  register long a5 __asm__(W2N_SYSCALL_A5) = f;
  __asm__ __volatile__(W2N_SYSCALL_INSN
                       : "+r"(a0)
                       : "r"(nr), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5)
                       : "memory");
  return a0;
}

#endif /* W2N_ARCH_GENERIC_SYSCALL_STUBS_H */

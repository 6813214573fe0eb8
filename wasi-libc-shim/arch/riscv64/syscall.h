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

#define W2N_SYSCALL_INSN "ecall"
#define W2N_SYSCALL_NR "a7"
#define W2N_SYSCALL_A0 "a0"
#define W2N_SYSCALL_A1 "a1"
#define W2N_SYSCALL_A2 "a2"
#define W2N_SYSCALL_A3 "a3"
#define W2N_SYSCALL_A4 "a4"
#define W2N_SYSCALL_A5 "a5"
#include "../generic/syscall_stubs.h"

#endif /* W2N_ARCH_RISCV64_SYSCALL_H */

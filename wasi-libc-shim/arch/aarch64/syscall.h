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

#define W2N_SYSCALL_INSN "svc #0"
#define W2N_SYSCALL_NR "x8"
#define W2N_SYSCALL_A0 "x0"
#define W2N_SYSCALL_A1 "x1"
#define W2N_SYSCALL_A2 "x2"
#define W2N_SYSCALL_A3 "x3"
#define W2N_SYSCALL_A4 "x4"
#define W2N_SYSCALL_A5 "x5"
#include "../generic/syscall_stubs.h"

#endif /* W2N_ARCH_AARCH64_SYSCALL_H */

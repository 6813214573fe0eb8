/*===- arch/syscall.h - Raw Linux system calls for the target -------------===*
 *
 * The runtime is compiled once per target (clang --target=...), so the
 * compiler's own predefined macros pick the architecture: code includes
 * "arch/syscall.h" and gets w2n_syscall0..6 and the W2N_SYS_* numbers of
 * the target it is being compiled for.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_SYSCALL_H
#define W2N_ARCH_SYSCALL_H

#if defined(__x86_64__)
#include "x86_64/syscall.h"
#elif defined(__aarch64__)
#include "aarch64/syscall.h"
#elif defined(__riscv) && __riscv_xlen == 64
#include "riscv64/syscall.h"
#else
#error "wasm2native's runtime supports x86_64, aarch64 and riscv64 Linux"
#endif

/* The kernel returns errors as -errno, and errno values stop at 4095, so
 * any result in [-4095, -1] is an error (and mmap's addresses never fall
 * there). */
static inline int w2n_syscall_failed(long ret) {
  return (unsigned long)ret > -4096ul;
}

#endif /* W2N_ARCH_SYSCALL_H */

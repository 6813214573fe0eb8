/*===- arch/signal.h - The kernel's signal ABI for the target -------------===*
 *
 * Like arch/syscall.h: includes the signal layouts (struct sigaction,
 * siginfo, ucontext) of the architecture being compiled for. The names
 * are the same on every target; only the layouts and the restorer differ.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_SIGNAL_H
#define W2N_ARCH_SIGNAL_H

#if defined(__x86_64__)
#include "x86_64/signal.h"
#elif defined(__aarch64__)
#include "aarch64/signal.h"
#elif defined(__riscv) && __riscv_xlen == 64
#include "riscv64/signal.h"
#else
#error "wasm2native's runtime supports x86_64, aarch64 and riscv64 Linux"
#endif

#endif /* W2N_ARCH_SIGNAL_H */

/*===- test/lit/runtime/Inputs/unwind-jit-host.c - Under a JIT ------------===*
 *
 * The uncaught hook for the shared object that lli-19 loads in
 * ../unwind.test: there, the unwinder (core/unwind.c, embed/eh_linux.c,
 * arch/x86_64/eh.S) is in the shared object, while unwind-cases.ll and
 * unwind-driver.c are compiled by ORC in the process, which registers their
 * .eh_frame with libgcc's __register_frame, as the spec runner's JIT does.
 * The shared object cannot call into JIT code, so the hook is here.
 *===----------------------------------------------------------------------===*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void w2n_os_eh_uncaught(void *exn) {
  printf("uncaught exception %lu\n", (unsigned long)(uintptr_t)exn);
  fflush(stdout);
  exit(77);
}

/* Entry point for a module translated by `wasm2c -n bench X.wasm -o bench.c`
 * (wabt 1.0.32 names): instantiate it with the WASI shim, run `_start`, and
 * report a trap as wasm2native does: `wasm trap: <reason>` on stderr, exit
 * status 134. The program's own exit status comes through proc_exit. */
#include <stdio.h>

#include "bench.h"
#include "wasi-shim.h"
#include "wasm-rt-impl.h"

static Z_bench_instance_t instance;
static struct Z_wasi_snapshot_preview1_instance_t wasi;

int main(int argc, char **argv) {
  wasi.argc = argc;
  wasi.argv = argv;
  wasm_rt_init();
  Z_bench_init_module();
  /* The export only takes the address of the instance's memory, so it is
   * valid before instantiation, which may already call into the shim. */
  wasi.memory = Z_benchZ_memory(&instance);

  wasm_rt_trap_t trap = wasm_rt_impl_try();
  if (trap != WASM_RT_TRAP_NONE) {
    fflush(stdout);
    fprintf(stderr, "wasm trap: %s\n", wasm_rt_strerror(trap));
    return 134;
  }
  Z_bench_instantiate(&instance, &wasi);
  Z_benchZ__start(&instance);
  Z_bench_free(&instance);
  wasm_rt_free();
  return 0;
}

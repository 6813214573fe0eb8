/* Times one module of bench/eh (compiled by wasm2native --emit=obj with
 * --prefix=eh) through the embedding API: usage host ITERATIONS DEPTH.
 * Prints, one per line, the nanoseconds per iteration of:
 *   throw    a throw DEPTH frames down, caught by the try at the top
 *   try      the same calls inside the try, nothing thrown
 *   no-try   the same calls without a try
 * Each is the best of 5 runs, so that a noisy machine's worst moments do
 * not count. */
#include "w2n/embed.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

extern const w2n_module_desc eh_module;

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double best_ns(w2n_instance *inst, const char *name, w2n_value *args,
                      size_t num_args, uint32_t iterations,
                      int32_t expected) {
  double best = 1e300;
  for (int run = 0; run < 5; ++run) {
    w2n_value result;
    w2n_error err;
    double start = now_ns();
    w2n_status s = w2n_call_export(inst, name, strlen(name), args, num_args,
                                   &result, 1, &err);
    double elapsed = now_ns() - start;
    if (s != W2N_OK || (int32_t)result.i32 != expected) {
      fprintf(stderr, "%s: %s, result %d, expected %d\n", name, err.message,
              (int32_t)result.i32, expected);
      exit(1);
    }
    if (elapsed < best)
      best = elapsed;
  }
  return best / iterations;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s ITERATIONS DEPTH\n", argv[0]);
    return 2;
  }
  uint32_t iterations = (uint32_t)strtoul(argv[1], 0, 10);
  int32_t depth = (int32_t)strtol(argv[2], 0, 10);
  w2n_instance *inst;
  w2n_error err;
  if (w2n_instantiate(&eh_module, NULL, 0, &inst, &err) != W2N_OK) {
    fprintf(stderr, "cannot instantiate: %s\n", err.message);
    return 1;
  }
  /* $down returns 1 + depth + ... + 1 without a throw, 1 with one. */
  int32_t chain = 1 + depth * (depth + 1) / 2;
  w2n_value args[3];
  args[0].i32 = iterations;
  args[1].i32 = (uint32_t)depth;
  args[2].i32 = 1;
  printf("throw %.1f\n", best_ns(inst, "run", args, 3, iterations,
                                 (int32_t)iterations));
  args[2].i32 = 0;
  printf("try %.1f\n", best_ns(inst, "run", args, 3, iterations,
                               (int32_t)(iterations * chain)));
  printf("no-try %.1f\n", best_ns(inst, "run_no_try", args, 2, iterations,
                                  (int32_t)(iterations * chain)));
  w2n_instance_free(inst);
  return 0;
}

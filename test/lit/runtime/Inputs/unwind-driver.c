/*===- test/lit/runtime/Inputs/unwind-driver.c - Drives unwind-cases.ll ---===*
 *
 * A freestanding program (arch/<arch>/start.S enters w2n_start) that runs
 * the exception-handling shapes of unwind-cases.ll through the runtime's
 * unwinder (core/unwind.c, arch/<arch>/eh.S, exe/eh.c) and prints one line
 * per case on stdout. The output is the same on every target. With the
 * argument "uncaught" or "no-fde" it throws past everything instead: the
 * unwinder gives up at _start (whose return address is undefined) or at a
 * frame without an FDE, and w2n_os_eh_uncaught below exits with 77.
 *
 * Built with unwind tables (unlike the runtime), so that the walk of the
 * uncaught case goes through w2n_start to _start.
 *
 * After the cases, the "repeat" line: the chains of catch_live again and
 * again, in an order that changes, so that the unwinder's cache of frames
 * (core/unwind_cache.c) serves nearly every frame, and every result is
 * checked as the first time. unwind.test also builds the cache with one
 * entry, which every frame of a walk then shares with the next.
 *===----------------------------------------------------------------------===*/
#include "arch/syscall.h"
#include "core/unwind.h"

#include <stdint.h>

/* unwind-cases.ll */
uint64_t catch_direct(uint64_t v);
uint64_t catch_one(uint64_t v);
uint64_t catch_rethrow(uint64_t v);
uint64_t catch_tail(uint64_t v);
uint64_t catch_many_args(uint64_t v);
uint64_t catch_many_args_alloca(uint64_t v);
uint64_t catch_loop(uint64_t n, uint64_t *drift);
uint64_t catch_live(uint64_t seed, uint64_t depth, uint64_t *post);
void throw_value(uint64_t v);
void no_fde_caller(uint64_t v);

/* What unwind-cases.ll calls. In another object than their callers, so
 * that llc cannot see through them. */
uint64_t identity(uint64_t x) { return x; }
void sink_ptr(void *p) { *(volatile char *)p = 1; }
uintptr_t sp_probe(void) { return (uintptr_t)__builtin_frame_address(0); }
/* Counts the landing pads that caught and threw again. */
static uint64_t rethrows;
void note_rethrow(void) { ++rethrows; }

static void put(const char *s) {
  uint64_t n = 0;
  while (s[n])
    ++n;
  w2n_syscall3(W2N_SYS_write, 1, (long)s, (long)n);
}

static void put_u64(uint64_t v) {
  char text[24];
  int i = 23;
  text[i] = 0;
  do {
    text[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  put(text + i);
}

static void put_case(const char *name, uint64_t value) {
  put(name);
  put(": ");
  put_u64(value);
  put("\n");
}

static int same_text(const char *a, const char *b) {
  while (*a && *a == *b)
    ++a, ++b;
  return *a == *b;
}

_Noreturn void w2n_os_eh_uncaught(void *exn) {
  put("uncaught exception ");
  put_u64((uintptr_t)exn);
  put("\n");
  w2n_syscall1(W2N_SYS_exit_group, 77);
  __builtin_unreachable();
}

/* The weighted sum catch_live computes in its landing pad from the values
 * it had before the call, as unwind-cases.ll defines them: 16 integers
 * a_i = seed * (2i + 1) + 7i weighted by i + 1, and 12 doubles
 * (seed + j) * 1.5, doubled (exactly 3 (seed + j)) and weighted by j. */
static uint64_t expected_post(uint64_t seed) {
  uint64_t sum = 0;
  for (uint64_t i = 1; i <= 16; ++i)
    sum += (seed * (2 * i + 1) + 7 * i) * (i + 1);
  for (uint64_t j = 1; j <= 12; ++j)
    sum += 3 * (seed + j) * j;
  return sum;
}

/* Deep recursion with real frames, after many catches: a stack the
 * unwinder had left lower each time would not have this room. */
static uint64_t recurse(uint64_t n) {
  volatile uint64_t frame[8];
  frame[n % 8] = n;
  if (n == 0)
    return 0;
  return recurse(n - 1) + frame[n % 8];
}

_Noreturn void w2n_start(long argc, char **argv, char **envp) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (same_text(mode, "uncaught")) {
    put("throwing past _start\n");
    throw_value(7357);
  }
  if (same_text(mode, "no-fde")) {
    put("throwing past a frame without an FDE\n");
    no_fde_caller(4013);
  }

  /* w2n_eh_capture returns, with this frame's stack pointer at the call
   * (below the frame pointer, within the frame) and a return address. */
  w2n_eh_context captured;
  w2n_eh_capture(&captured);
  uintptr_t frame = (uintptr_t)__builtin_frame_address(0);
  uint64_t sp = captured.reg[W2N_EH_SLOT(W2N_EH_SP_COLUMN)];
  put_case("capture", sp <= frame && frame - sp < 4096 &&
                          captured.reg[W2N_EH_PC_SLOT] != 0);

  put_case("direct", catch_direct(41));
  put_case("one frame", catch_one(1234));
  put_case("rethrow", catch_rethrow(99));
  put_case("tail call", catch_tail(555));
  put_case("many args", catch_many_args(10));
  put_case("many args alloca", catch_many_args_alloca(10));

  /* The chain of frames between catch and throw: depth + 1 frames of six
   * kinds in turn, so that each kind is the thrower once; every sixth
   * frame catches and throws again. */
  static const uint64_t depths[] = {0, 1, 2, 3, 4, 5, 6, 13, 40};
  for (unsigned k = 0; k < sizeof depths / sizeof depths[0]; ++k) {
    uint64_t seed = 17 + depths[k];
    uint64_t post = 0;
    rethrows = 0;
    uint64_t exn = catch_live(seed, depths[k], &post);
    put("live depth ");
    put_u64(depths[k]);
    put(": exception ");
    put_u64(exn);
    put(", rethrown ");
    put_u64(rethrows);
    if (post == expected_post(seed)) {
      put(", values ok\n");
    } else {
      put(", values differ: ");
      put_u64(post);
      put(" instead of ");
      put_u64(expected_post(seed));
      put("\n");
    }
  }

  /* 1000 rounds of the nine chains, the first depth moving each round. */
  uint64_t catches = 0, wrong = 0;
  static const uint64_t rethrown[] = {0, 0, 0, 0, 0, 1, 1, 2, 6};
  for (unsigned round = 0; round < 1000; ++round) {
    for (unsigned j = 0; j < sizeof depths / sizeof depths[0]; ++j) {
      unsigned k = (j + round) % (sizeof depths / sizeof depths[0]);
      uint64_t seed = 100 + round + depths[k];
      uint64_t post = 0;
      rethrows = 0;
      uint64_t exn = catch_live(seed, depths[k], &post);
      ++catches;
      wrong += exn != seed + 1000 || rethrows != rethrown[k] ||
               post != expected_post(seed);
    }
  }
  put("repeat: ");
  put_u64(catches);
  put(" catches, ");
  put_u64(wrong);
  put(" wrong\n");

  uint64_t drift = 0;
  uint64_t sum = catch_loop(100000, &drift);
  put_case("loop sum", sum);
  put_case("loop stack drift", drift);
  put_case("recursion", recurse(20000));
  put("done\n");
  w2n_syscall1(W2N_SYS_exit_group, 0);
  __builtin_unreachable();
}

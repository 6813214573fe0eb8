/*===- test/lit/runtime/Inputs/unwind-threads.c - Throwing in 4 threads ---===*
 *
 * Four threads throw at once through the chains of unwind-cases.ll, each
 * along paths of its own (depths 0-9, 10-19, 20-29, 30-40: the same
 * functions, so the threads share call sites and their cache entries, at
 * different depths and with different values), as the embedding runtime
 * does (embed/eh_linux.c, glibc, pthreads). Every catch is checked as in
 * unwind-driver.c: the exception, the landing pads that threw again, and
 * the 28 values live in callee-saved registers across the whole chain.
 * Usage: unwind-threads ITERATIONS [clear]; with "clear", a fifth thread
 * calls w2n_eh_cache_clear all the while, so that the four keep missing
 * and writing entries. ../unwind-threads.test builds it with the usual
 * cache and with one entry, which every frame of every thread then fights
 * over: a reader that used a copy torn by a writer would restore wrong
 * registers, or go to a wrong landing pad.
 *===----------------------------------------------------------------------===*/
#define _POSIX_C_SOURCE 200809L
#include "core/unwind.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* unwind-cases.ll */
uint64_t catch_live(uint64_t seed, uint64_t depth, uint64_t *post);
uint64_t catch_loop(uint64_t n, uint64_t *drift);

/* What unwind-cases.ll calls. */
uint64_t identity(uint64_t x) { return x; }
void sink_ptr(void *p) { *(volatile char *)p = 1; }
uintptr_t sp_probe(void) { return (uintptr_t)__builtin_frame_address(0); }
static _Thread_local uint64_t rethrows;
void note_rethrow(void) { ++rethrows; }

_Noreturn void w2n_os_eh_uncaught(void *exn) {
  printf("uncaught exception %lu\n", (unsigned long)(uintptr_t)exn);
  fflush(stdout);
  exit(1);
}

/* As unwind-driver.c. */
static uint64_t expected_post(uint64_t seed) {
  uint64_t sum = 0;
  for (uint64_t i = 1; i <= 16; ++i)
    sum += (seed * (2 * i + 1) + 7 * i) * (i + 1);
  for (uint64_t j = 1; j <= 12; ++j)
    sum += 3 * (seed + j) * j;
  return sum;
}

static uint64_t iterations;
static int workers_done;

typedef struct {
  unsigned index;
  uint64_t catches, wrong;
} worker;

static void *work(void *arg) {
  worker *w = arg;
  uint64_t first = 10 * w->index, count = w->index == 3 ? 11 : 10;
  for (uint64_t i = 0; i < iterations; ++i) {
    /* Every sixth frame of a chain catches and throws again. */
    uint64_t depth = first + (i * 7) % count;
    uint64_t seed = 1000000 * w->index + i;
    uint64_t post = 0;
    rethrows = 0;
    uint64_t exn = catch_live(seed, depth, &post);
    ++w->catches;
    w->wrong += exn != seed + 1000 || rethrows != (depth + 1) / 6 ||
                post != expected_post(seed);
    if (i % 64 == 0) { /* and a short loop: the sum of i + 66, i < 20 */
      uint64_t drift = 0;
      ++w->catches;
      w->wrong += catch_loop(20, &drift) != 1510 || drift != 0;
    }
  }
  return NULL;
}

/* Clears every 20 us or so: in the middle of walks, which then find the
 * entries they and the others made retired. */
static void *clear(void *arg) {
  uint64_t *clears = arg;
  const struct timespec pause = {0, 20000};
  while (!__atomic_load_n(&workers_done, __ATOMIC_ACQUIRE)) {
    w2n_eh_cache_clear();
    __atomic_fetch_add(clears, 1, __ATOMIC_RELEASE);
    nanosleep(&pause, NULL);
  }
  return NULL;
}

int main(int argc, char **argv) {
  iterations = argc > 1 ? strtoull(argv[1], 0, 10) : 10000;
  int clearing = argc > 2 && strcmp(argv[2], "clear") == 0;
  worker workers[4];
  pthread_t threads[4], clearer;
  uint64_t clears = 0;
  if (clearing) {
    if (pthread_create(&clearer, NULL, clear, &clears) != 0)
      return 2;
    while (!__atomic_load_n(&clears, __ATOMIC_ACQUIRE))
      ; /* under way before the workers start */
  }
  for (unsigned t = 0; t < 4; ++t) {
    workers[t].index = t;
    workers[t].catches = workers[t].wrong = 0;
    if (pthread_create(&threads[t], NULL, work, &workers[t]) != 0)
      return 2;
  }
  for (unsigned t = 0; t < 4; ++t)
    pthread_join(threads[t], NULL);
  __atomic_store_n(&workers_done, 1, __ATOMIC_RELEASE);
  if (clearing)
    pthread_join(clearer, NULL);
  for (unsigned t = 0; t < 4; ++t)
    printf("thread %u: %lu catches, %lu wrong\n", t,
           (unsigned long)workers[t].catches, (unsigned long)workers[t].wrong);
  return 0;
}

// Pipes, polling, sleeping, clocks and randomness through wasi-libc and
// glibc alike: stdin is a pipe (`echo hello | ...`), stdout too. With an
// argument, the program instead writes 3 MiB to stdout in one write(),
// which must arrive whole through a pipe that takes 64 KiB at a time.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang-native %s -o %t/native
// RUN: %clang-wasm %s -o %t/streams.wasm
// RUN: %w2n compile %t/streams.wasm -o %t/streams-x86_64
// RUN: %w2n compile %t/streams.wasm -o %t/streams-aarch64 --target=aarch64-linux
// RUN: %w2n compile %t/streams.wasm -o %t/streams-riscv64 --target=riscv64-linux
// RUN: echo hello | %t/native > %t/native.out
// RUN: echo hello | %run-x86_64 %t/streams-x86_64 > %t/x86_64.out
// RUN: echo hello | %run-aarch64 %t/streams-aarch64 > %t/aarch64.out
// RUN: echo hello | %run-riscv64 %t/streams-riscv64 > %t/riscv64.out
// RUN: FileCheck %s < %t/native.out
// RUN: diff %t/native.out %t/x86_64.out
// RUN: diff %t/native.out %t/aarch64.out
// RUN: diff %t/native.out %t/riscv64.out
// RUN: %run-x86_64 %t/streams-x86_64 big | %python -c "import sys; d = sys.stdin.buffer.read(); print(len(d), set(d))" | FileCheck %s --check-prefix=BIG
// RUN: %run-riscv64 %t/streams-riscv64 big | %python -c "import sys; d = sys.stdin.buffer.read(); print(len(d), set(d))" | FileCheck %s --check-prefix=BIG
// BIG: 3145728 {120}

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long ns(clockid_t id) {
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0)
    return -1;
  return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc > 1) {
    static char big[3 << 20];
    memset(big, 'x', sizeof big);
    return write(1, big, sizeof big) == sizeof big ? 0 : 1;
  }

  // A pipe: readable, not seekable, not a terminal.
  struct pollfd p = {0, POLLIN, 0};
  int ready = poll(&p, 1, 5000);
  printf("poll: %d readable %d\n", ready, !!(p.revents & POLLIN));
  char buf[16];
  ssize_t n = read(0, buf, sizeof buf);
  printf("read %zd: %.*s", n, (int)n, buf);
  errno = 0;
  printf("seek: %ld espipe %d\n", (long)lseek(0, 0, SEEK_CUR), errno == ESPIPE);
  printf("isatty: %d %d\n", isatty(0), isatty(1));
  n = read(0, buf, sizeof buf);
  printf("read at end: %zd\n", n);
  // CHECK: poll: 1 readable 1
  // CHECK-NEXT: read 6: hello
  // CHECK-NEXT: seek: -1 espipe 1
  // CHECK-NEXT: isatty: 0 0
  // CHECK-NEXT: read at end: 0

  // A poll with nothing to wait for but its timeout.
  long long t0 = ns(CLOCK_MONOTONIC);
  printf("poll timeout: %d\n", poll(0, 0, 20));
  long long t1 = ns(CLOCK_MONOTONIC);
  struct timespec nap = {0, 20000000};
  printf("nanosleep: %d\n", nanosleep(&nap, 0));
  long long t2 = ns(CLOCK_MONOTONIC);
  printf("waited %d %d\n", t1 - t0 >= 20000000, t2 - t1 >= 20000000);
  // CHECK-NEXT: poll timeout: 0
  // CHECK-NEXT: nanosleep: 0
  // CHECK-NEXT: waited 1 1

  // Clocks: the wall clock is past 2020; CPU time has been spent.
  struct timespec res;
  printf("realtime %d\n", ns(CLOCK_REALTIME) > 1577836800ll * 1000000000ll);
  printf("res %d\n", clock_getres(CLOCK_MONOTONIC, &res) == 0 &&
                         res.tv_sec == 0 && res.tv_nsec > 0);
  volatile unsigned spin = 0;
  for (unsigned i = 0; i < 10000000; ++i)
    spin += i;
  printf("cpu time %d %d\n", ns(CLOCK_PROCESS_CPUTIME_ID) > 0,
         ns(CLOCK_THREAD_CPUTIME_ID) > 0);
  printf("time %d\n", time(0) > 1577836800);
  // CHECK-NEXT: realtime 1
  // CHECK-NEXT: res 1
  // CHECK-NEXT: cpu time 1 1
  // CHECK-NEXT: time 1

  // Randomness: two draws differ.
  unsigned char a[64], b[64];
  printf("getentropy %d %d\n", getentropy(a, sizeof a), getentropy(b, sizeof b));
  printf("differ %d\n", memcmp(a, b, sizeof a) != 0);
  printf("yield %d\n", sched_yield());
  // CHECK-NEXT: getentropy 0 0
  // CHECK-NEXT: differ 1
  // CHECK-NEXT: yield 0
  return 0;
}

// The WASI functions called directly (wasi/api.h), with their error cases:
// the exact errno of a bad fd, a bad argument, a missing right, a guest
// pointer outside memory; no preopens (see paths-sandbox.c for those).
// stdin is a pipe.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang-wasm %s -o %t/raw.wasm
// RUN: %w2n compile %t/raw.wasm -o %t/raw-x86_64
// RUN: %w2n compile %t/raw.wasm -o %t/raw-aarch64 --target=aarch64-linux
// RUN: %w2n compile %t/raw.wasm -o %t/raw-riscv64 --target=riscv64-linux
// RUN: echo hello | %exit-status %run-x86_64 %t/raw-x86_64 | FileCheck %s
// RUN: echo hello | %exit-status %run-aarch64 %t/raw-aarch64 | FileCheck %s
// RUN: echo hello | %exit-status %run-riscv64 %t/raw-riscv64 | FileCheck %s

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

// Gone from wasi-libc's header, still in preview1.
__attribute__((import_module("wasi_snapshot_preview1"),
               import_name("proc_raise"))) int32_t raw_proc_raise(int32_t);

// A guest address past the end of memory.
#define OUT ((void *)0xfffffff0u)

static void show(const char *what, int err) { printf("%s: %d\n", what, err); }

int main(void) {
  char buf[64];
  __wasi_size_t n = 0;

  // stdin: a read-only pipe holding "hello\n".
  __wasi_fdstat_t st;
  show("fdstat 0", __wasi_fd_fdstat_get(0, &st));
  printf("filetype %d read %d write %d seek %d\n", st.fs_filetype,
         !!(st.fs_rights_base & __WASI_RIGHTS_FD_READ),
         !!(st.fs_rights_base & __WASI_RIGHTS_FD_WRITE),
         !!(st.fs_rights_base & __WASI_RIGHTS_FD_SEEK));
  // CHECK: fdstat 0: 0
  // CHECK-NEXT: filetype 0 read 1 write 0 seek 1
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf};
  show("read out of memory", __wasi_fd_read(0, &iov, 1, OUT));
  __wasi_iovec_t bad_iov = {(uint8_t *)OUT, 32};
  show("read into memory's end", __wasi_fd_read(0, &bad_iov, 1, &n));
  show("iovecs out of memory", __wasi_fd_read(0, OUT, 1, &n));
  // CHECK-NEXT: read out of memory: 21
  // CHECK-NEXT: read into memory's end: 21
  // CHECK-NEXT: iovecs out of memory: 21
  show("read", __wasi_fd_read(0, &iov, 1, &n));
  printf("got %u: %.*s", (unsigned)n, (int)n, buf);
  // CHECK-NEXT: read: 0
  // CHECK-NEXT: got 6: hello
  __wasi_filesize_t off;
  show("seek a pipe", __wasi_fd_seek(0, 0, __WASI_WHENCE_SET, &off));
  show("bad whence", __wasi_fd_seek(0, 0, 3, &off));
  show("tell a pipe", __wasi_fd_tell(0, &off));
  // CHECK-NEXT: seek a pipe: 70
  // CHECK-NEXT: bad whence: 28
  // CHECK-NEXT: tell a pipe: 70
  __wasi_ciovec_t out = {(const uint8_t *)"x", 1};
  show("write to stdin", __wasi_fd_write(0, &out, 1, &n));
  // CHECK-NEXT: write to stdin: 76

  // Bad descriptors.
  show("write 99", __wasi_fd_write(99, &out, 1, &n));
  show("close 99", __wasi_fd_close(99));
  show("renumber 99", __wasi_fd_renumber(99, 1));
  show("fdstat 99", __wasi_fd_fdstat_get(99, &st));
  show("sync 99", __wasi_fd_sync(99));
  __wasi_prestat_t pre;
  show("prestat 3", __wasi_fd_prestat_get(3, &pre));
  show("readdir stdout", __wasi_fd_readdir(1, (uint8_t *)buf, 64, 0, &n));
  show("readdir 99", __wasi_fd_readdir(99, (uint8_t *)buf, 64, 0, &n));
  // CHECK-NEXT: write 99: 8
  // CHECK-NEXT: close 99: 8
  // CHECK-NEXT: renumber 99: 8
  // CHECK-NEXT: fdstat 99: 8
  // CHECK-NEXT: sync 99: 8
  // CHECK-NEXT: prestat 3: 8
  // CHECK-NEXT: readdir stdout: 54
  // CHECK-NEXT: readdir 99: 8

  // Flags and pointers on stdout.
  show("fdstat out of memory", __wasi_fd_fdstat_get(1, OUT));
  show("unknown fdflag", __wasi_fd_fdstat_set_flags(1, 0x100));
  show("sync fdflag", __wasi_fd_fdstat_set_flags(1, __WASI_FDFLAGS_SYNC));
  show("nonblock", __wasi_fd_fdstat_set_flags(1, __WASI_FDFLAGS_NONBLOCK));
  (void)__wasi_fd_fdstat_get(1, &st);
  printf("flags %d\n", st.fs_flags);
  show("blocking", __wasi_fd_fdstat_set_flags(1, 0));
  __wasi_filestat_t fst;
  show("filestat out of memory", __wasi_fd_filestat_get(1, OUT));
  show("bad fstflags", __wasi_fd_filestat_set_times(1, 0, 0, 0x3));
  show("bad advice", __wasi_fd_advise(1, 0, 0, 6));
  // CHECK-NEXT: fdstat out of memory: 21
  // CHECK-NEXT: unknown fdflag: 28
  // CHECK-NEXT: sync fdflag: 28
  // CHECK-NEXT: nonblock: 0
  // CHECK-NEXT: flags 4
  // CHECK-NEXT: blocking: 0
  // CHECK-NEXT: filestat out of memory: 21
  // CHECK-NEXT: bad fstflags: 28
  // CHECK-NEXT: bad advice: 28
  show("filestat", __wasi_fd_filestat_get(1, &fst));
  printf("filetype %d\n", fst.filetype);
  // CHECK-NEXT: filestat: 0
  // CHECK-NEXT: filetype 0

  // A write from several buffers arrives whole.
  __wasi_ciovec_t parts[3] = {{(const uint8_t *)"one ", 4},
                              {(const uint8_t *)"", 0},
                              {(const uint8_t *)"two\n", 4}};
  fflush(stdout);
  show("write", __wasi_fd_write(1, parts, 3, &n));
  printf("wrote %u\n", (unsigned)n);
  // CHECK-NEXT: one two
  // CHECK-NEXT: write: 0
  // CHECK-NEXT: wrote 8

  // Clocks.
  __wasi_timestamp_t t0, t1, res;
  show("unknown clock", __wasi_clock_time_get(4, 1, &t0));
  show("clock out of memory",
       __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, OUT));
  show("res out of memory", __wasi_clock_res_get(__WASI_CLOCKID_REALTIME, OUT));
  for (int id = 0; id < 4; ++id) {
    int e = __wasi_clock_res_get(id, &res);
    int f = __wasi_clock_time_get(id, 1, &t0);
    printf("clock %d: %d %d %d %d\n", id, e, f, res > 0 && res <= 1000000,
           t0 > 0);
  }
  // CHECK-NEXT: unknown clock: 28
  // CHECK-NEXT: clock out of memory: 21
  // CHECK-NEXT: res out of memory: 21
  // CHECK-NEXT: clock 0: 0 0 1 1
  // CHECK-NEXT: clock 1: 0 0 1 1
  // CHECK-NEXT: clock 2: 0 0 1 1
  // CHECK-NEXT: clock 3: 0 0 1 1

  // poll_oneoff: a 10 ms sleep; stdin ready at its end; a bad fd.
  __wasi_subscription_t subs[3];
  __wasi_event_t evs[3];
  memset(subs, 0, sizeof subs);
  subs[0].userdata = 42;
  subs[0].u.tag = __WASI_EVENTTYPE_CLOCK;
  subs[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  subs[0].u.u.clock.timeout = 10000000;
  show("poll nothing", __wasi_poll_oneoff(subs, evs, 0, &n));
  show("poll out of memory", __wasi_poll_oneoff(subs, OUT, 1, &n));
  (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t0);
  show("sleep", __wasi_poll_oneoff(subs, evs, 1, &n));
  (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t1);
  printf("events %u userdata %llu type %d slept %d\n", (unsigned)n,
         (unsigned long long)evs[0].userdata, evs[0].type,
         t1 - t0 >= 10000000);
  // CHECK-NEXT: poll nothing: 28
  // CHECK-NEXT: poll out of memory: 21
  // CHECK-NEXT: sleep: 0
  // CHECK-NEXT: events 1 userdata 42 type 0 slept 1
  subs[1].userdata = 7;
  subs[1].u.tag = __WASI_EVENTTYPE_FD_READ;
  subs[1].u.u.fd_read.file_descriptor = 0;
  subs[2].userdata = 8;
  subs[2].u.tag = __WASI_EVENTTYPE_FD_WRITE;
  subs[2].u.u.fd_write.file_descriptor = 99;
  subs[0].u.u.clock.timeout = 5000000000ull;
  show("poll", __wasi_poll_oneoff(subs, evs, 3, &n));
  for (unsigned i = 0; i < n; ++i)
    printf("event %llu: error %d type %d hangup %d\n",
           (unsigned long long)evs[i].userdata, evs[i].error, evs[i].type,
           evs[i].fd_readwrite.flags);
  // CHECK-NEXT: poll: 0
  // CHECK-NEXT: event 7: error 0 type 1 hangup 1
  // CHECK-NEXT: event 8: error 8 type 2 hangup 0

  // An absolute deadline already past fires at once, beside stdout, which
  // is ready for writing.
  (void)__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t0);
  subs[0].u.u.clock.id = __WASI_CLOCKID_REALTIME;
  subs[0].u.u.clock.timeout = t0 - 1;
  subs[0].u.u.clock.flags = __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME;
  subs[1].u.tag = __WASI_EVENTTYPE_FD_WRITE;
  subs[1].u.u.fd_write.file_descriptor = 1;
  show("poll past", __wasi_poll_oneoff(subs, evs, 2, &n));
  for (unsigned i = 0; i < n; ++i)
    printf("event %llu: error %d type %d\n", (unsigned long long)evs[i].userdata,
           evs[i].error, evs[i].type);
  subs[0].u.u.clock.flags = 0x2;
  show("bad subclockflags", __wasi_poll_oneoff(subs, evs, 1, &n));
  printf("event error %d\n", evs[0].error);
  // CHECK-NEXT: poll past: 0
  // CHECK-NEXT: event 42: error 0 type 0
  // CHECK-NEXT: event 7: error 0 type 2
  // CHECK-NEXT: bad subclockflags: 0
  // CHECK-NEXT: event error 28

  // Randomness, processes, and the functions still to come.
  uint8_t rnd[300] = {0};
  show("random", __wasi_random_get(rnd, sizeof rnd));
  show("random out of memory", __wasi_random_get(OUT, 32));
  int nonzero = 0;
  for (unsigned i = 0; i < sizeof rnd; ++i)
    nonzero += rnd[i] != 0;
  printf("random bytes %d\n", nonzero > 200);
  show("raise 0", raw_proc_raise(0));
  show("raise 31", raw_proc_raise(31));
  show("raise CHLD", raw_proc_raise(16 /* CHLD */));
  show("yield", __wasi_sched_yield());
  __wasi_fd_t fd;
  show("path_open without preopens", __wasi_path_open(3, 0, "x", 0, 0, 0, 0, &fd));
  show("sock_accept on a pipe", __wasi_sock_accept(0, 0, &fd));
  // CHECK-NEXT: random: 0
  // CHECK-NEXT: random out of memory: 21
  // CHECK-NEXT: random bytes 1
  // CHECK-NEXT: raise 0: 28
  // CHECK-NEXT: raise 31: 28
  // CHECK-NEXT: raise CHLD: 0
  // CHECK-NEXT: yield: 0
  // CHECK-NEXT: path_open without preopens: 8
  // CHECK-NEXT: sock_accept on a pipe: 57

  // Rights only shrink.
  show("drop read", __wasi_fd_fdstat_set_rights(0, __WASI_RIGHTS_FD_SEEK, 0));
  show("read without the right", __wasi_fd_read(0, &iov, 1, &n));
  show("take read back",
       __wasi_fd_fdstat_set_rights(0, __WASI_RIGHTS_FD_READ, 0));
  // CHECK-NEXT: drop read: 0
  // CHECK-NEXT: read without the right: 76
  // CHECK-NEXT: take read back: 76

  // Renumbering stdout onto stderr: 1 is gone, 2 writes to the old stdout.
  fflush(stdout);
  int r = __wasi_fd_renumber(1, 2);
  int s = __wasi_fd_fdstat_get(1, &st);
  int len = snprintf(buf, sizeof buf, "renumber: %d, then fdstat 1: %d\n", r, s);
  __wasi_ciovec_t msg = {(const uint8_t *)buf, (size_t)len};
  (void)__wasi_fd_write(2, &msg, 1, &n);
  __wasi_proc_exit(7);
}
// CHECK-NEXT: renumber: 0, then fdstat 1: 8
// CHECK-NEXT: exit status 7

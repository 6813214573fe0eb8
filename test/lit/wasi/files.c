// POSIX file calls on the standard streams, the same source built for WASI
// (then compiled by wasm2native for each target) and natively: stdin is a
// regular file (seek, pread, fstat, advise), stdout a regular file opened
// for writing (truncate, pwrite, sync, times, flags); the report goes to
// stderr. Both runs must report the same and leave the same file.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "open('%t/in', 'w').write('0123456789abcdef\n')"
// RUN: %clang-native %s -o %t/native
// RUN: %clang-wasm %s -o %t/files.wasm
// RUN: %w2n compile %t/files.wasm -o %t/files-x86_64
// RUN: %w2n compile %t/files.wasm -o %t/files-aarch64 --target=aarch64-linux
// RUN: %w2n compile %t/files.wasm -o %t/files-riscv64 --target=riscv64-linux
// RUN: %t/native < %t/in > %t/out-native 2> %t/report-native
// RUN: %run-x86_64 %t/files-x86_64 < %t/in > %t/out-x86_64 2> %t/report-x86_64
// RUN: %run-aarch64 %t/files-aarch64 < %t/in > %t/out-aarch64 2> %t/report-aarch64
// RUN: %run-riscv64 %t/files-riscv64 < %t/in > %t/out-riscv64 2> %t/report-riscv64
// RUN: FileCheck %s < %t/report-native
// RUN: diff %t/report-native %t/report-x86_64
// RUN: diff %t/report-native %t/report-aarch64
// RUN: diff %t/report-native %t/report-riscv64
// RUN: diff %t/out-native %t/out-x86_64
// RUN: diff %t/out-native %t/out-aarch64
// RUN: diff %t/out-native %t/out-riscv64
// RUN: FileCheck %s --check-prefix=OUT < %t/out-native

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// errno by name: wasi-libc and glibc number them differently.
static const char *name(int e) {
  switch (e) {
  case 0: return "ok";
  case EBADF: return "EBADF";
  case EINVAL: return "EINVAL";
  case ESPIPE: return "ESPIPE";
  case EFBIG: return "EFBIG";
  default: return strerror(e);
  }
}

static void show(const char *what, long r) {
  fprintf(stderr, "%s: %ld %s\n", what, r, name(r < 0 ? errno : 0));
  errno = 0;
}

int main(void) {
  char buf[32];
  struct stat st;

  // stdin: a 17-byte regular file.
  show("fstat 0", fstat(0, &st));
  fprintf(stderr, "regular %d size %lld\n", S_ISREG(st.st_mode),
          (long long)st.st_size);
  // CHECK: fstat 0: 0 ok
  // CHECK-NEXT: regular 1 size 17
  show("read", read(0, buf, 4));
  show("seek end", lseek(0, -3, SEEK_END));
  show("read tail", read(0, buf, sizeof buf));
  show("read at end", read(0, buf, sizeof buf));
  show("tell", lseek(0, 0, SEEK_CUR));
  show("seek before start", lseek(0, -100, SEEK_CUR));
  show("bad whence", lseek(0, 0, 7));
  show("pread", pread(0, buf, 5, 10));
  fprintf(stderr, "got %.5s\n", buf);
  show("pread past end", pread(0, buf, 5, 100));
  show("pread negative", pread(0, buf, 5, -1));
  show("advise", posix_fadvise(0, 0, 0, POSIX_FADV_SEQUENTIAL));
  // CHECK-NEXT: read: 4 ok
  // CHECK-NEXT: seek end: 14 ok
  // CHECK-NEXT: read tail: 3 ok
  // CHECK-NEXT: read at end: 0 ok
  // CHECK-NEXT: tell: 17 ok
  // CHECK-NEXT: seek before start: -1 EINVAL
  // CHECK-NEXT: bad whence: -1 EINVAL
  // CHECK-NEXT: pread: 5 ok
  // CHECK-NEXT: got abcde
  // CHECK-NEXT: pread past end: 0 ok
  // CHECK-NEXT: pread negative: -1 EINVAL
  // CHECK-NEXT: advise: 0 ok

  // stdout: an empty file, write-only.
  show("write", write(1, "hello, world\n", 13));
  show("pwrite", pwrite(1, "HELLO", 5, 0));
  show("tell out", lseek(1, 0, SEEK_CUR));
  show("truncate", ftruncate(1, 7));
  show("truncate negative", ftruncate(1, -1));
  show("append", write(1, "!\n", 2));
  show("fsync", fsync(1));
  show("fdatasync", fdatasync(1));
  struct timespec times[2] = {{1000000000, 5}, {1200000000, 500}};
  show("futimens", futimens(1, times));
  show("fstat 1", fstat(1, &st));
  fprintf(stderr, "size %lld mtime %lld.%09ld atime %lld\n",
          (long long)st.st_size, (long long)st.st_mtim.tv_sec,
          st.st_mtim.tv_nsec, (long long)st.st_atim.tv_sec);
  int fl = fcntl(1, F_GETFL);
  show("set nonblock", fcntl(1, F_SETFL, fl | O_NONBLOCK));
  fprintf(stderr, "nonblock %d\n", !!(fcntl(1, F_GETFL) & O_NONBLOCK));
  show("clear nonblock", fcntl(1, F_SETFL, fl));
  fprintf(stderr, "nonblock %d\n", !!(fcntl(1, F_GETFL) & O_NONBLOCK));
  // CHECK-NEXT: write: 13 ok
  // CHECK-NEXT: pwrite: 5 ok
  // CHECK-NEXT: tell out: 13 ok
  // CHECK-NEXT: truncate: 0 ok
  // CHECK-NEXT: truncate negative: -1 EINVAL
  // CHECK-NEXT: append: 2 ok
  // CHECK-NEXT: fsync: 0 ok
  // CHECK-NEXT: fdatasync: 0 ok
  // CHECK-NEXT: futimens: 0 ok
  // CHECK-NEXT: fstat 1: 0 ok
  // CHECK-NEXT: size 15 mtime 1200000000.000000500 atime 1000000000
  // CHECK-NEXT: set nonblock: 0 ok
  // CHECK-NEXT: nonblock 1
  // CHECK-NEXT: clear nonblock: 0 ok
  // CHECK-NEXT: nonblock 0

  // Descriptors that do not exist.
  show("read 42", read(42, buf, 1));
  show("write 42", write(42, "x", 1));
  show("close 42", close(42));
  show("fstat 42", fstat(42, &st));
  show("seek 42", lseek(42, 0, SEEK_SET));
  // CHECK-NEXT: read 42: -1 EBADF
  // CHECK-NEXT: write 42: -1 EBADF
  // CHECK-NEXT: close 42: -1 EBADF
  // CHECK-NEXT: fstat 42: -1 EBADF
  // CHECK-NEXT: seek 42: -1 EBADF

  // Closing stdin makes it a bad descriptor.
  show("close 0", close(0));
  show("read closed", read(0, buf, 1));
  // CHECK-NEXT: close 0: 0 ok
  // CHECK-NEXT: read closed: -1 EBADF
  return 0;
}
// The file holds "HELLO, " (truncated at 7), then a hole up to offset 13
// where the append landed.
// OUT: HELLO, {{.*}}!

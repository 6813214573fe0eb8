// fd_readdir on a directory handed over as stdin (no preopens yet), through
// fdopendir/readdir of wasi-libc and of glibc: the same names and types in
// the same order, "." and ".." included, also after rewinddir and with
// more entries than one fd_readdir buffer holds. A file is NOTDIR.
//
// RUN: rm -rf %t && mkdir -p %t/dir/sub
// RUN: %python -c "import sys; [open('%t/dir/file-%%03d-with-a-long-name' %% i, 'w') for i in range(200)]"
// RUN: %clang-native %s -o %t/native
// RUN: %clang-wasm %s -o %t/readdir.wasm
// RUN: %w2n compile %t/readdir.wasm -o %t/readdir-x86_64
// RUN: %w2n compile %t/readdir.wasm -o %t/readdir-riscv64 --target=riscv64-linux
// RUN: %python %S/Inputs/stdin-from.py %t/dir %t/native > %t/native.out
// RUN: %python %S/Inputs/stdin-from.py %t/dir %t/readdir-x86_64 > %t/x86_64.out
// RUN: %python %S/Inputs/stdin-from.py %t/dir %run-riscv64 %t/readdir-riscv64 > %t/riscv64.out
// RUN: FileCheck %s < %t/native.out
// RUN: diff %t/native.out %t/x86_64.out
// RUN: diff %t/native.out %t/riscv64.out
// RUN: %t/readdir-x86_64 < %s | FileCheck %s --check-prefix=FILE
// FILE: fdopendir: Not a directory

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int list(DIR *d, int print) {
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (print)
      printf("%s %s\n", e->d_name,
             e->d_type == DT_DIR ? "dir" : e->d_type == DT_REG ? "file" : "?");
    ++n;
  }
  return n;
}

int main(void) {
  DIR *d = fdopendir(0);
  if (!d) {
    printf("fdopendir: %s\n", strerror(errno));
    return 0;
  }
  int first = list(d, 1);
  rewinddir(d);
  int again = list(d, 0);
  printf("entries %d again %d\n", first, again);
  return 0;
}
// CHECK-DAG: . dir
// CHECK-DAG: .. dir
// CHECK-DAG: sub dir
// CHECK-DAG: file-000-with-a-long-name file
// CHECK-DAG: file-199-with-a-long-name file
// CHECK: entries 203 again 203

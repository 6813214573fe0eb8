// A bundled tree, walked by the guest and natively: nested directories, an
// empty file and an empty directory, names with spaces and UTF-8, symbolic
// links (to a file and to a directory), and a file of 300 MB generated at
// test time. The guest (each target) walks /data in the bundle; the native
// build walks the host tree; both print every entry with the size and an
// FNV-1a checksum of every file, and must agree. The same tree copied
// elsewhere (times kept) bundles to the same bytes.
//
// RUN: rm -rf %t && mkdir -p %t/tree/sub/deeper %t/tree/empty "%t/tree/with space"
// RUN: echo hello > %t/tree/a.txt && touch %t/tree/emptyfile
// RUN: %python -c "open('%t/tree/with space/na\u00efve \u2603.txt', 'w', encoding='utf-8').write('caf\u00e9')"
// RUN: echo deep > %t/tree/sub/deeper/d.txt
// RUN: ln -s sub/deeper/d.txt %t/tree/link && ln -s ../sub %t/tree/empty/up
// RUN: %python -c "import random; r = random.Random(7); f = open('%t/tree/sub/big', 'wb'); [f.write(r.randbytes(1 << 20)) for _ in range(300)]"
// RUN: %clang-native %s -o %t/walk-native
// RUN: %clang-wasm %s -o %t/walk.wasm
// RUN: %w2n compile %t/walk.wasm -o %t/walk-x86_64 --bundle=%t/tree::/data
// RUN: %w2n compile %t/walk.wasm -o %t/walk-aarch64 --bundle=%t/tree::/data --target=aarch64-linux
// RUN: %w2n compile %t/walk.wasm -o %t/walk-riscv64 --bundle=%t/tree::/data --target=riscv64-linux
// RUN: %t/walk-native %t/tree > %t/native.txt
// RUN: %run-x86_64 %t/walk-x86_64 /data > %t/x86_64.txt
// RUN: %run-aarch64 %t/walk-aarch64 /data > %t/aarch64.txt
// RUN: %run-riscv64 %t/walk-riscv64 /data > %t/riscv64.txt
// RUN: FileCheck %s < %t/native.txt
// RUN: diff %t/native.txt %t/x86_64.txt
// RUN: diff %t/native.txt %t/aarch64.txt
// RUN: diff %t/native.txt %t/riscv64.txt
// RUN: cp -a %t/tree %t/copy
// RUN: %w2n compile %t/walk.wasm -o %t/walk-again --bundle=%t/copy::/data
// RUN: cmp %t/walk-x86_64 %t/walk-again
// RUN: rm -f %t/walk-x86_64 %t/walk-aarch64 %t/walk-riscv64 %t/walk-again %t/tree/sub/big %t/copy/sub/big
//
// CHECK: file a.txt 6 {{[0-9a-f]+}}
// CHECK-NEXT: dir empty
// CHECK-NEXT:   link up -> ../sub
// CHECK-NEXT: file emptyfile 0 811c9dc5
// CHECK-NEXT: link link -> sub/deeper/d.txt
// CHECK-NEXT: dir sub
// CHECK-NEXT:   file big 314572800 {{[0-9a-f]+}}
// CHECK-NEXT:   dir deeper
// CHECK-NEXT:     file d.txt 5
// CHECK-NEXT: dir with space
// CHECK-NEXT:   file naïve ☃.txt 5
// CHECK-NEXT: through link: 5 {{[0-9a-f]+}}
// CHECK-NEXT: through empty/up: 5 {{[0-9a-f]+}}

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

// Size and FNV-1a of a file's contents, read in 64 KiB pieces.
static void checksum(const char *path, long long *size, unsigned *hash) {
  static unsigned char buf[1 << 16];
  int fd = open(path, O_RDONLY);
  *size = 0;
  *hash = 2166136261u;
  ssize_t n;
  while (fd >= 0 && (n = read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; ++i)
      *hash = (*hash ^ buf[i]) * 16777619u;
    *size += n;
  }
  if (fd >= 0)
    close(fd);
}

static void walk(const char *dir, int depth) {
  DIR *d = opendir(dir);
  if (!d) {
    printf("%*scannot open %s\n", depth * 2, "", dir);
    return;
  }
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      names[n++] = strdup(e->d_name);
  closedir(d);
  qsort(names, n, sizeof *names, compare);
  for (int i = 0; i < n; ++i) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    struct stat st;
    lstat(path, &st);
    if (S_ISDIR(st.st_mode)) {
      printf("%*sdir %s\n", depth * 2, "", names[i]);
      walk(path, depth + 1);
    } else if (S_ISLNK(st.st_mode)) {
      char target[256];
      ssize_t k = readlink(path, target, sizeof target - 1);
      target[k > 0 ? k : 0] = 0;
      printf("%*slink %s -> %s\n", depth * 2, "", names[i], target);
    } else {
      long long size;
      unsigned hash;
      checksum(path, &size, &hash);
      printf("%*sfile %s %lld %08x\n", depth * 2, "", names[i], size, hash);
    }
    free(names[i]);
  }
}

int main(int argc, char **argv) {
  const char *root = argc > 1 ? argv[1] : "/data";
  walk(root, 0);
  // Links are followed inside the tree.
  char path[1024];
  long long size;
  unsigned hash;
  snprintf(path, sizeof path, "%s/link", root);
  checksum(path, &size, &hash);
  printf("through link: %lld %08x\n", size, hash);
  snprintf(path, sizeof path, "%s/empty/up/deeper/d.txt", root);
  checksum(path, &size, &hash);
  printf("through empty/up: %lld %08x\n", size, hash);
  return 0;
}

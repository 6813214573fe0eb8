// Bundles are read-only, and a bundle may be the lower layer of a host
// directory given with --dir at the same guest path: a name on the host
// wins, the bundle's show through where the host has none, listings merge,
// and new files go to the host. /ro is a bundle on its own. On each target.
//
// RUN: rm -rf %t && mkdir -p %t/lower/dir %t/lower/ldir %t/lower/many %t/template/upper/dir %t/template/upper/many %t/ro/sub
// RUN: echo "lower a" > %t/lower/a.txt && echo "lower only" > %t/lower/only-lower.txt
// RUN: echo "lower x" > %t/lower/dir/x.txt && echo "in ldir" > %t/lower/ldir/f
// RUN: echo "upper a" > %t/template/upper/a.txt && echo "upper y" > %t/template/upper/dir/y.txt
// RUN: echo "upper only" > %t/template/upper/only-upper.txt
// RUN: %python -c "[open('%t/lower/many/file-%%03d' %% i, 'w').close() for i in range(300)]"
// RUN: %python -c "[open('%t/template/upper/many/file-%%03d' %% i, 'w').close() for i in range(280, 330)]"
// RUN: echo "read only" > %t/ro/f.txt && ln -s f.txt %t/ro/link
// RUN: cp -a %t/template %t/x86_64 && cp -a %t/template %t/aarch64 && cp -a %t/template %t/riscv64
// RUN: %clang-wasm %s -o %t/layers.wasm
// RUN: %w2n compile %t/layers.wasm -o %t/layers-x86_64 --bundle=%t/lower::/data --dir=%t/x86_64/upper::/data --bundle=%t/ro::/ro
// RUN: %w2n compile %t/layers.wasm -o %t/layers-aarch64 --target=aarch64-linux --bundle=%t/lower::/data --dir=%t/aarch64/upper::/data --bundle=%t/ro::/ro
// RUN: %w2n compile %t/layers.wasm -o %t/layers-riscv64 --target=riscv64-linux --bundle=%t/lower::/data --dir=%t/riscv64/upper::/data --bundle=%t/ro::/ro
// RUN: %exit-status %run-x86_64 %t/layers-x86_64 | FileCheck %s
// RUN: %exit-status %run-aarch64 %t/layers-aarch64 | FileCheck %s
// RUN: %exit-status %run-riscv64 %t/layers-riscv64 | FileCheck %s
// RUN: cd %t/x86_64/upper && find . | sort | FileCheck %s --check-prefix=UPPER
// RUN: cd %t/riscv64/upper && find . | sort | FileCheck %s --check-prefix=UPPER
//
// What the guest changed went to the host directory, and only there:
// UPPER: .
// UPPER-NEXT: ./dir
// UPPER-NEXT: ./dir/y.txt
// UPPER-NEXT: ./many
// UPPER: ./new.txt
// UPPER-NEXT: ./newdir
// UPPER-NEXT: ./only-upper.txt

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *name(int e) {
#define E(X)                                                                   \
  case X:                                                                      \
    return #X;
  switch (e) {
  case 0: return "ok";
    E(ENOENT) E(EEXIST) E(ENOTDIR) E(EISDIR) E(EROFS) E(EINVAL) E(EBADF)
    E(EXDEV) E(ENOTCAPABLE) E(ELOOP)
  default: return strerror(e);
  }
#undef E
}

#define T(Call) show(#Call, (Call))
static void show(const char *what, long r) {
  printf("%s: %s\n", what, r < 0 ? name(errno) : "ok");
  errno = 0;
}

static void cat(const char *path) {
  char buf[64];
  int fd = open(path, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
  if (n < 0)
    printf("cat %s: %s\n", path, name(errno));
  else
    printf("cat %s: %.*s", path, (int)n, buf);
  if (fd >= 0)
    close(fd);
  errno = 0;
}

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

// A directory's names, sorted; long listings are counted instead.
static void list(const char *path) {
  DIR *d = opendir(path);
  if (!d) {
    printf("list %s: %s\n", path, name(errno));
    return;
  }
  static char *names[1024];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 1024)
    names[n++] = strdup(e->d_name);
  closedir(d);
  qsort(names, n, sizeof *names, compare);
  printf("list %s:", path);
  if (n > 16) {
    int unique = 1;
    for (int i = 1; i < n; ++i)
      unique += strcmp(names[i - 1], names[i]) != 0;
    printf(" %d entries, %d different, %s ... %s", n, unique, names[2],
           names[n - 1]);
  } else {
    for (int i = 0; i < n; ++i)
      printf(" %s", names[i]);
  }
  printf("\n");
  for (int i = 0; i < n; ++i)
    free(names[i]);
}

int main(void) {
  // Reading: the host's names win; the bundle's show through.
  cat("/data/a.txt");
  cat("/data/only-lower.txt");
  cat("/data/only-upper.txt");
  cat("/data/dir/x.txt");
  cat("/data/dir/y.txt");
  cat("/data/ldir/f");
  list("/data");
  list("/data/dir");
  list("/data/many");
  // CHECK: cat /data/a.txt: upper a
  // CHECK-NEXT: cat /data/only-lower.txt: lower only
  // CHECK-NEXT: cat /data/only-upper.txt: upper only
  // CHECK-NEXT: cat /data/dir/x.txt: lower x
  // CHECK-NEXT: cat /data/dir/y.txt: upper y
  // CHECK-NEXT: cat /data/ldir/f: in ldir
  // CHECK-NEXT: list /data: . .. a.txt dir ldir many only-lower.txt only-upper.txt
  // CHECK-NEXT: list /data/dir: . .. x.txt y.txt
  // CHECK-NEXT: list /data/many: 332 entries, 332 different, file-000 ... file-329

  struct stat st;
  T(stat("/data/only-lower.txt", &st));
  printf("size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  T(stat("/data/ldir", &st));
  printf("directory %d\n", S_ISDIR(st.st_mode));
  // CHECK-NEXT: stat("/data/only-lower.txt", &st): ok
  // CHECK-NEXT: size 11 regular 1
  // CHECK-NEXT: stat("/data/ldir", &st): ok
  // CHECK-NEXT: directory 1

  // Changing: new names go to the host; the bundle's names cannot change.
  int fd;
  T(fd = open("/data/new.txt", O_CREAT | O_WRONLY, 0644));
  T(write(fd, "new\n", 4));
  T(close(fd));
  cat("/data/new.txt");
  T(open("/data/ldir/new.txt", O_CREAT | O_WRONLY, 0644));
  T(open("/data/only-lower.txt", O_WRONLY));
  T(open("/data/only-lower.txt", O_RDONLY | O_TRUNC));
  T(open("/data/only-lower.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
  T(unlink("/data/only-lower.txt"));
  T(rename("/data/only-lower.txt", "/data/moved"));
  T(rename("/data/only-upper.txt", "/data/only-lower.txt"));
  T(link("/data/only-lower.txt", "/data/hard"));
  T(mkdir("/data/ldir", 0755));
  T(mkdir("/data/newdir", 0755));
  T(rmdir("/data/ldir"));
  T(symlink("a.txt", "/data/ldir/l"));
  T(unlink("/data/a.txt"));
  cat("/data/a.txt");
  // CHECK-NEXT: fd = open("/data/new.txt", O_CREAT | O_WRONLY, 0644): ok
  // CHECK-NEXT: write(fd, "new\n", 4): ok
  // CHECK-NEXT: close(fd): ok
  // CHECK-NEXT: cat /data/new.txt: new
  // CHECK-NEXT: open("/data/ldir/new.txt", O_CREAT | O_WRONLY, 0644): EROFS
  // CHECK-NEXT: open("/data/only-lower.txt", O_WRONLY): EROFS
  // CHECK-NEXT: open("/data/only-lower.txt", O_RDONLY | O_TRUNC): EROFS
  // CHECK-NEXT: open("/data/only-lower.txt", O_CREAT | O_EXCL | O_WRONLY, 0644): EEXIST
  // CHECK-NEXT: unlink("/data/only-lower.txt"): EROFS
  // CHECK-NEXT: rename("/data/only-lower.txt", "/data/moved"): EROFS
  // CHECK-NEXT: rename("/data/only-upper.txt", "/data/only-lower.txt"): EROFS
  // CHECK-NEXT: link("/data/only-lower.txt", "/data/hard"): EXDEV
  // CHECK-NEXT: mkdir("/data/ldir", 0755): EEXIST
  // CHECK-NEXT: mkdir("/data/newdir", 0755): ok
  // CHECK-NEXT: rmdir("/data/ldir"): EROFS
  // CHECK-NEXT: symlink("a.txt", "/data/ldir/l"): EROFS
  // CHECK-NEXT: unlink("/data/a.txt"): ok
  // CHECK-NEXT: cat /data/a.txt: lower a

  // A bundle on its own: every read works, every change is EROFS.
  cat("/ro/f.txt");
  cat("/ro/link");
  char target[16];
  ssize_t n = readlink("/ro/link", target, sizeof target);
  printf("readlink: %.*s\n", (int)(n > 0 ? n : 0), target);
  T(open("/ro/link", O_RDONLY | O_NOFOLLOW));
  T(open("/ro/new", O_CREAT | O_WRONLY, 0644));
  T(mkdir("/ro/d", 0755));
  T(mkdir("/ro/sub", 0755));
  T(unlink("/ro/f.txt"));
  T(rmdir("/ro/sub"));
  T(rename("/ro/f.txt", "/ro/g.txt"));
  T(symlink("f.txt", "/ro/l2"));
  T(truncate("/ro/f.txt", 0));
  struct timespec times[2] = {{1, 0}, {2, 0}};
  T(utimensat(AT_FDCWD, "/ro/f.txt", times, 0));
  T(open("/ro/sub", O_RDWR));
  // CHECK-NEXT: cat /ro/f.txt: read only
  // CHECK-NEXT: cat /ro/link: read only
  // CHECK-NEXT: readlink: f.txt
  // CHECK-NEXT: open("/ro/link", O_RDONLY | O_NOFOLLOW): ELOOP
  // CHECK-NEXT: open("/ro/new", O_CREAT | O_WRONLY, 0644): EROFS
  // CHECK-NEXT: mkdir("/ro/d", 0755): EROFS
  // CHECK-NEXT: mkdir("/ro/sub", 0755): EEXIST
  // CHECK-NEXT: unlink("/ro/f.txt"): EROFS
  // CHECK-NEXT: rmdir("/ro/sub"): EROFS
  // CHECK-NEXT: rename("/ro/f.txt", "/ro/g.txt"): EROFS
  // CHECK-NEXT: symlink("f.txt", "/ro/l2"): EROFS
  // CHECK-NEXT: truncate("/ro/f.txt", 0): EROFS
  // CHECK-NEXT: utimensat(AT_FDCWD, "/ro/f.txt", times, 0): EROFS
  // CHECK-NEXT: open("/ro/sub", O_RDWR): EISDIR

  // An open bundled file: seek, positioned reads, metadata.
  fd = open("/ro/f.txt", O_RDONLY);
  char buf[16];
  T(lseek(fd, 5, SEEK_SET));
  n = read(fd, buf, sizeof buf);
  printf("read %zd: %.*s", n, (int)n, buf);
  T(lseek(fd, -3, SEEK_END));
  n = read(fd, buf, sizeof buf);
  printf("read %zd: %.*s", n, (int)n, buf);
  n = read(fd, buf, sizeof buf);
  printf("read at end %zd\n", n);
  n = pread(fd, buf, 4, 0);
  printf("pread %zd: %.*s\n", n, (int)n, buf);
  T(lseek(fd, -100, SEEK_CUR));
  T(fstat(fd, &st));
  printf("size %lld\n", (long long)st.st_size);
  T(write(fd, "x", 1));
  T(ftruncate(fd, 0));
  T(close(fd));
  // CHECK-NEXT: lseek(fd, 5, SEEK_SET): ok
  // CHECK-NEXT: read 5: only
  // CHECK-NEXT: lseek(fd, -3, SEEK_END): ok
  // CHECK-NEXT: read 3: ly
  // CHECK-NEXT: read at end 0
  // CHECK-NEXT: pread 4: read
  // CHECK-NEXT: lseek(fd, -100, SEEK_CUR): EINVAL
  // CHECK-NEXT: fstat(fd, &st): ok
  // CHECK-NEXT: size 10
  // CHECK-NEXT: write(fd, "x", 1): EBADF
  // CHECK-NEXT: ftruncate(fd, 0): ENOTCAPABLE
  // CHECK-NEXT: close(fd): ok
  return 0;
  // CHECK-NEXT: exit status 0
}

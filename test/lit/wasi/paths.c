// POSIX calls on paths, the same source built for WASI (then compiled by
// wasm2native for each target, with the working directory as preopen ".")
// and natively, each run in an empty directory of its own: both must print
// the same report and leave the same tree. Between them they use every
// path_* function and fd_readdir, with their everyday errors (missing
// files, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY, ELOOP) and large transfers.
// What only a sandbox refuses is in sandbox.c.
//
// RUN: rm -rf %t && mkdir -p %t/native %t/x86_64 %t/aarch64 %t/riscv64
// RUN: %clang-native %s -o %t/paths-native
// RUN: %clang-wasm %s -o %t/paths.wasm
// RUN: %w2n compile %t/paths.wasm -o %t/paths-x86_64 --dir=.
// RUN: %w2n compile %t/paths.wasm -o %t/paths-aarch64 --dir=. --target=aarch64-linux
// RUN: %w2n compile %t/paths.wasm -o %t/paths-riscv64 --dir=. --target=riscv64-linux
// RUN: cd %t/native && %t/paths-native > %t/report-native
// RUN: cd %t/x86_64 && %run-x86_64 %t/paths-x86_64 > %t/report-x86_64
// RUN: cd %t/aarch64 && %run-aarch64 %t/paths-aarch64 > %t/report-aarch64
// RUN: cd %t/riscv64 && %run-riscv64 %t/paths-riscv64 > %t/report-riscv64
// RUN: FileCheck %s < %t/report-native
// RUN: diff %t/report-native %t/report-x86_64
// RUN: diff %t/report-native %t/report-aarch64
// RUN: diff %t/report-native %t/report-riscv64
// RUN: cd %t/native && find . | sort > %t/tree-native
// RUN: cd %t/x86_64 && find . | sort > %t/tree-x86_64
// RUN: cd %t/riscv64 && find . | sort > %t/tree-riscv64
// RUN: diff %t/tree-native %t/tree-x86_64
// RUN: diff %t/tree-native %t/tree-riscv64

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// errno by name: wasi-libc and glibc number them differently.
static const char *name(int e) {
#define E(X)                                                                   \
  case X:                                                                      \
    return #X;
  switch (e) {
  case 0: return "ok";
    E(ENOENT) E(EEXIST) E(ENOTDIR) E(EISDIR) E(ENOTEMPTY) E(EINVAL) E(EBADF)
    E(ELOOP) E(EACCES) E(EPERM) E(EXDEV) E(ENAMETOOLONG) E(EBUSY)
  default: return strerror(e);
  }
#undef E
}

// A call returning 0 or -1.
#define T(Call) show(#Call, (Call))
static void show(const char *what, long r) {
  printf("%s: %ld %s\n", what, r, r < 0 ? name(errno) : "ok");
  errno = 0;
}

// An open: the fd's number differs (the preopen takes 3), so only whether
// it worked is shown; the fd is returned for use.
static int opened(const char *what, int fd) {
  printf("%s: %s\n", what, fd >= 0 ? "opened" : name(errno));
  errno = 0;
  return fd;
}
#define OPEN(...) opened("open(" #__VA_ARGS__ ")", open(__VA_ARGS__))

static void cat(const char *path) {
  char buf[128];
  int fd = open(path, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
  for (ssize_t i = 0; i < n; ++i)
    if (buf[i] == '\n')
      buf[i] = '|';
  if (n < 0)
    printf("cat %s: %s\n", path, name(errno));
  else
    printf("cat %s: %zd \"%.*s\"\n", path, n, (int)n, buf);
  if (fd >= 0)
    close(fd);
  errno = 0;
}

static void stat_of(const char *path, int follow) {
  struct stat st;
  int r = follow ? stat(path, &st) : lstat(path, &st);
  if (r < 0) {
    printf("%sstat %s: %s\n", follow ? "" : "l", path, name(errno));
    errno = 0;
    return;
  }
  printf("%sstat %s: %s size %lld nlink %lu\n", follow ? "" : "l", path,
         S_ISREG(st.st_mode)   ? "file"
         : S_ISDIR(st.st_mode) ? "dir"
         : S_ISLNK(st.st_mode) ? "link"
                               : "other",
         S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size,
         S_ISDIR(st.st_mode) ? 0ul : (unsigned long)st.st_nlink);
}

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

// The names in a directory, sorted (readdir's order is the file system's).
static void list(const char *path) {
  DIR *d = opendir(path);
  if (!d) {
    printf("list %s: %s\n", path, name(errno));
    errno = 0;
    return;
  }
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64) {
    char *s = malloc(strlen(e->d_name) + 3);
    sprintf(s, "%s%s", e->d_name,
            e->d_type == DT_DIR ? "/" : e->d_type == DT_LNK ? "@" : "");
    names[n++] = s;
  }
  closedir(d);
  qsort(names, n, sizeof *names, compare);
  printf("list %s:", path);
  for (int i = 0; i < n; ++i) {
    printf(" %s", names[i]);
    free(names[i]);
  }
  printf("\n");
}

int main(void) {
  // Directories.
  T(mkdir("a", 0755));
  T(mkdir("a/b", 0755));
  T(mkdir("a", 0755));
  T(mkdir("nope/x", 0755));
  T(mkdir("a/b/", 0755));
  T(mkdir("a/c/", 0755));
  // CHECK: mkdir("a", 0755): 0 ok
  // CHECK-NEXT: mkdir("a/b", 0755): 0 ok
  // CHECK-NEXT: mkdir("a", 0755): -1 EEXIST
  // CHECK-NEXT: mkdir("nope/x", 0755): -1 ENOENT
  // CHECK-NEXT: mkdir("a/b/", 0755): -1 EEXIST
  // CHECK-NEXT: mkdir("a/c/", 0755): 0 ok

  // Creating, excluding, truncating, appending.
  int fd = OPEN("a/f", O_CREAT | O_WRONLY | O_EXCL, 0644);
  T(write(fd, "hello world\n", 12));
  T(close(fd));
  OPEN("a/f", O_CREAT | O_WRONLY | O_EXCL, 0644);
  cat("a/f");
  fd = OPEN("a/f", O_WRONLY | O_TRUNC);
  T(write(fd, "short\n", 6));
  T(close(fd));
  fd = OPEN("a/f", O_WRONLY | O_APPEND);
  T(lseek(fd, 0, SEEK_SET));
  T(write(fd, "more\n", 5));
  T(close(fd));
  cat("a/f");
  // CHECK-NEXT: open("a/f", O_CREAT | O_WRONLY | O_EXCL, 0644): opened
  // CHECK-NEXT: write(fd, "hello world\n", 12): 12 ok
  // CHECK-NEXT: close(fd): 0 ok
  // CHECK-NEXT: open("a/f", O_CREAT | O_WRONLY | O_EXCL, 0644): EEXIST
  // CHECK-NEXT: cat a/f: 12 "hello world|"
  // CHECK-NEXT: open("a/f", O_WRONLY | O_TRUNC): opened
  // CHECK-NEXT: write(fd, "short\n", 6): 6 ok
  // CHECK-NEXT: close(fd): 0 ok
  // CHECK-NEXT: open("a/f", O_WRONLY | O_APPEND): opened
  // CHECK-NEXT: lseek(fd, 0, SEEK_SET): 0 ok
  // CHECK-NEXT: write(fd, "more\n", 5): 5 ok
  // CHECK-NEXT: close(fd): 0 ok
  // CHECK-NEXT: cat a/f: 11 "short|more|"

  // Opening what is not there, or not what was asked for.
  OPEN("missing", O_RDONLY);
  OPEN("a/f/x", O_RDONLY);
  OPEN("a/f/", O_RDONLY);
  OPEN("a", O_WRONLY);
  OPEN("a/f", O_RDONLY | O_DIRECTORY);
  OPEN("a/b/", O_RDONLY);
  OPEN("a/./b/../f", O_RDONLY);
  // CHECK-NEXT: open("missing", O_RDONLY): ENOENT
  // CHECK-NEXT: open("a/f/x", O_RDONLY): ENOTDIR
  // CHECK-NEXT: open("a/f/", O_RDONLY): ENOTDIR
  // CHECK-NEXT: open("a", O_WRONLY): EISDIR
  // CHECK-NEXT: open("a/f", O_RDONLY | O_DIRECTORY): ENOTDIR
  // CHECK-NEXT: open("a/b/", O_RDONLY): opened
  // CHECK-NEXT: open("a/./b/../f", O_RDONLY): opened

  // A large file: one 12 MiB write and read, then positioned reads.
  size_t big = 12u << 20;
  unsigned char *data = malloc(big), *back = malloc(big);
  for (size_t i = 0; i < big; ++i)
    data[i] = (unsigned char)(i * 2654435761u >> 13);
  fd = OPEN("big", O_CREAT | O_RDWR | O_TRUNC, 0600);
  ssize_t done = 0;
  while (done < (ssize_t)big) {
    ssize_t w = write(fd, data + done, big - done);
    if (w <= 0)
      break;
    done += w;
  }
  printf("wrote %zd\n", done);
  T(lseek(fd, 0, SEEK_SET));
  done = 0;
  while (done < (ssize_t)big) {
    ssize_t r = read(fd, back + done, big - done);
    if (r <= 0)
      break;
    done += r;
  }
  printf("read %zd equal %d\n", done, memcmp(data, back, big) == 0);
  T(pread(fd, back, 4, 5u << 20));
  printf("pread equal %d\n", memcmp(back, data + (5u << 20), 4) == 0);
  T(close(fd));
  stat_of("big", 1);
  free(data);
  free(back);
  // CHECK-NEXT: open("big", O_CREAT | O_RDWR | O_TRUNC, 0600): opened
  // CHECK-NEXT: wrote 12582912
  // CHECK-NEXT: lseek(fd, 0, SEEK_SET): 0 ok
  // CHECK-NEXT: read 12582912 equal 1
  // CHECK-NEXT: pread(fd, back, 4, 5u << 20): 4 ok
  // CHECK-NEXT: pread equal 1
  // CHECK-NEXT: close(fd): 0 ok
  // CHECK-NEXT: stat big: file size 12582912 nlink 1

  // Space allocated ahead (fd_allocate).
  fd = OPEN("alloc", O_CREAT | O_RDWR, 0600);
  int err = posix_fallocate(fd, 4096, 100000);
  printf("posix_fallocate: %s\n", name(err));
  T(close(fd));
  stat_of("alloc", 1);
  T(unlink("alloc"));
  // CHECK-NEXT: open("alloc", O_CREAT | O_RDWR, 0600): opened
  // CHECK-NEXT: posix_fallocate: ok
  // CHECK-NEXT: close(fd): 0 ok
  // CHECK-NEXT: stat alloc: file size 104096 nlink 1
  // CHECK-NEXT: unlink("alloc"): 0 ok

  // Hard links.
  T(link("a/f", "a/g"));
  stat_of("a/g", 1);
  T(link("a/f", "a/g"));
  T(link("a/missing", "a/h"));
  T(link("a/b", "a/h"));
  T(unlink("a/g"));
  stat_of("a/f", 1);
  // CHECK-NEXT: link("a/f", "a/g"): 0 ok
  // CHECK-NEXT: stat a/g: file size 11 nlink 2
  // CHECK-NEXT: link("a/f", "a/g"): -1 EEXIST
  // CHECK-NEXT: link("a/missing", "a/h"): -1 ENOENT
  // CHECK-NEXT: link("a/b", "a/h"): -1 EPERM
  // CHECK-NEXT: unlink("a/g"): 0 ok
  // CHECK-NEXT: stat a/f: file size 11 nlink 1

  // Symbolic links, followed where POSIX follows them.
  T(symlink("f", "a/s"));
  T(symlink("../a/b", "a/sb"));
  T(symlink("nowhere", "a/dangling"));
  T(symlink("loop", "a/loop"));
  T(symlink("f", "a/s"));
  char target[16];
  T(readlink("a/s", target, sizeof target));
  T(readlink("a/sb", target, 3));
  printf("target %.3s\n", target);
  T(readlink("a/f", target, sizeof target));
  stat_of("a/s", 0);
  stat_of("a/s", 1);
  stat_of("a/dangling", 1);
  stat_of("a/sb/", 0);
  cat("a/s");
  OPEN("a/s", O_RDONLY | O_NOFOLLOW);
  OPEN("a/loop", O_RDONLY);
  fd = OPEN("a/sb/x", O_CREAT | O_WRONLY, 0644);
  T(close(fd));
  OPEN("a/dangling", O_CREAT | O_WRONLY | O_EXCL, 0644);
  fd = OPEN("a/dangling", O_CREAT | O_WRONLY, 0644);
  T(close(fd));
  stat_of("a/nowhere", 0);
  // CHECK-NEXT: symlink("f", "a/s"): 0 ok
  // CHECK-NEXT: symlink("../a/b", "a/sb"): 0 ok
  // CHECK-NEXT: symlink("nowhere", "a/dangling"): 0 ok
  // CHECK-NEXT: symlink("loop", "a/loop"): 0 ok
  // CHECK-NEXT: symlink("f", "a/s"): -1 EEXIST
  // CHECK-NEXT: readlink("a/s", target, sizeof target): 1 ok
  // CHECK-NEXT: readlink("a/sb", target, 3): 3 ok
  // CHECK-NEXT: target ../
  // CHECK-NEXT: readlink("a/f", target, sizeof target): -1 EINVAL
  // CHECK-NEXT: lstat a/s: link size 1 nlink 1
  // CHECK-NEXT: stat a/s: file size 11 nlink 1
  // CHECK-NEXT: stat a/dangling: ENOENT
  // CHECK-NEXT: lstat a/sb/: dir size 0 nlink 0
  // CHECK-NEXT: cat a/s: 11 "short|more|"
  // CHECK-NEXT: open("a/s", O_RDONLY | O_NOFOLLOW): ELOOP
  // CHECK-NEXT: open("a/loop", O_RDONLY): ELOOP
  // CHECK-NEXT: open("a/sb/x", O_CREAT | O_WRONLY, 0644): opened
  // CHECK-NEXT: close(fd): 0 ok
  // CHECK-NEXT: open("a/dangling", O_CREAT | O_WRONLY | O_EXCL, 0644): EEXIST
  // CHECK-NEXT: open("a/dangling", O_CREAT | O_WRONLY, 0644): opened
  // CHECK-NEXT: close(fd): 0 ok
  // CHECK-NEXT: lstat a/nowhere: file size 0 nlink 1

  // Times, set by path, on a link's target and on the link itself.
  struct timespec times[2] = {{1000000, 5000}, {2000000, 7000}};
  T(utimensat(AT_FDCWD, "a/s", times, 0));
  times[1].tv_sec = 3000000;
  T(utimensat(AT_FDCWD, "a/s", times, AT_SYMLINK_NOFOLLOW));
  struct stat st;
  T(stat("a/f", &st));
  printf("mtime %lld.%09ld atime %lld\n", (long long)st.st_mtim.tv_sec,
         st.st_mtim.tv_nsec, (long long)st.st_atim.tv_sec);
  T(lstat("a/s", &st));
  printf("link mtime %lld\n", (long long)st.st_mtim.tv_sec);
  T(utimensat(AT_FDCWD, "a/missing", times, 0));
  // CHECK-NEXT: utimensat(AT_FDCWD, "a/s", times, 0): 0 ok
  // CHECK-NEXT: utimensat(AT_FDCWD, "a/s", times, AT_SYMLINK_NOFOLLOW): 0 ok
  // CHECK-NEXT: stat("a/f", &st): 0 ok
  // CHECK-NEXT: mtime 2000000.000007000 atime 1000000
  // CHECK-NEXT: lstat("a/s", &st): 0 ok
  // CHECK-NEXT: link mtime 3000000
  // CHECK-NEXT: utimensat(AT_FDCWD, "a/missing", times, 0): -1 ENOENT

  // Renames.
  T(rename("a/f", "a/b/f2"));
  T(rename("a/b/f2", "a/nowhere"));
  T(rename("a/c", "a/nowhere"));
  T(rename("a/nowhere", "a/c"));
  T(rename("a", "a/b/inside"));
  T(rename("a/missing", "a/x"));
  T(rename("a/c", "a/b"));
  T(mkdir("a/c/d", 0755));
  T(rename("a/c", "a/b"));
  cat("a/nowhere");
  // CHECK-NEXT: rename("a/f", "a/b/f2"): 0 ok
  // CHECK-NEXT: rename("a/b/f2", "a/nowhere"): 0 ok
  // CHECK-NEXT: rename("a/c", "a/nowhere"): -1 ENOTDIR
  // CHECK-NEXT: rename("a/nowhere", "a/c"): -1 EISDIR
  // CHECK-NEXT: rename("a", "a/b/inside"): -1 EINVAL
  // CHECK-NEXT: rename("a/missing", "a/x"): -1 ENOENT
  // CHECK-NEXT: rename("a/c", "a/b"): -1 ENOTEMPTY
  // CHECK-NEXT: mkdir("a/c/d", 0755): 0 ok
  // CHECK-NEXT: rename("a/c", "a/b"): -1 ENOTEMPTY
  // CHECK-NEXT: cat a/nowhere: 11 "short|more|"

  // Truncating by path, listing, removing.
  T(truncate("a/nowhere", 3));
  cat("a/nowhere");
  list(".");
  list("a");
  list("a/sb");
  list("a/f");
  T(unlink("a"));
  T(unlink("a/b/"));
  T(unlink("a/nowhere/"));
  T(rmdir("a"));
  T(rmdir("a/nowhere"));
  T(rmdir("a/c/d/"));
  T(unlink("a/missing"));
  // CHECK-NEXT: truncate("a/nowhere", 3): 0 ok
  // CHECK-NEXT: cat a/nowhere: 3 "sho"
  // CHECK-NEXT: list .: ../ ./ a/ big
  // CHECK-NEXT: list a: ../ ./ b/ c/ dangling@ loop@ nowhere s@ sb@
  // CHECK-NEXT: list a/sb: ../ ./ x
  // CHECK-NEXT: list a/f: ENOENT
  // CHECK-NEXT: unlink("a"): -1 EISDIR
  // CHECK-NEXT: unlink("a/b/"): -1 EISDIR
  // CHECK-NEXT: unlink("a/nowhere/"): -1 ENOTDIR
  // CHECK-NEXT: rmdir("a"): -1 ENOTEMPTY
  // CHECK-NEXT: rmdir("a/nowhere"): -1 ENOTDIR
  // CHECK-NEXT: rmdir("a/c/d/"): 0 ok
  // CHECK-NEXT: unlink("a/missing"): -1 ENOENT
  T(unlink("a/s"));
  T(unlink("a/sb"));
  T(unlink("a/loop"));
  T(unlink("a/dangling"));
  list("a");
  // CHECK: list a: ../ ./ b/ c/ nowhere
  return 0;
}

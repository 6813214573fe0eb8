// The preopens are a sandbox: every way out of them is refused with the
// error Wasmtime gives (PERM = 63), on each target, and nothing outside
// changes. Two preopens, /box and /other; the host puts a secret beside
// /box and symbolic links inside it that lead out (relative, absolute,
// through a subdirectory, through a link to "..").
//
// RUN: rm -rf %t && mkdir -p %t/template/box/sub %t/template/other
// RUN: echo secret > %t/template/secret && echo inside > %t/template/box/sub/file
// RUN: ln -s ../secret %t/template/box/up
// RUN: ln -s /etc/passwd %t/template/box/abs
// RUN: ln -s sub/../../secret %t/template/box/sneaky
// RUN: ln -s .. %t/template/box/sub/parent
// RUN: ln -s loop %t/template/box/loop
// RUN: cp -a %t/template %t/x86_64 && cp -a %t/template %t/aarch64 && cp -a %t/template %t/riscv64
// RUN: %clang-wasm %s -o %t/sandbox.wasm
// RUN: %w2n compile %t/sandbox.wasm -o %t/sandbox-x86_64 --dir=%t/x86_64/box::/box --dir=%t/x86_64/other::/other
// RUN: %w2n compile %t/sandbox.wasm -o %t/sandbox-aarch64 --target=aarch64-linux --dir=%t/aarch64/box::/box --dir=%t/aarch64/other::/other
// RUN: %w2n compile %t/sandbox.wasm -o %t/sandbox-riscv64 --target=riscv64-linux --dir=%t/riscv64/box::/box --dir=%t/riscv64/other::/other
// RUN: %exit-status %run-x86_64 %t/sandbox-x86_64 | FileCheck %s
// RUN: %exit-status %run-aarch64 %t/sandbox-aarch64 | FileCheck %s
// RUN: %exit-status %run-riscv64 %t/sandbox-riscv64 | FileCheck %s
// RUN: cd %t/template && find . | sort > %t/tree-before
// RUN: cd %t/x86_64 && find . -path ./box -prune -o -path ./other -prune -o -print | sort > %t/tree-x86_64
// RUN: cd %t/riscv64 && find . -path ./box -prune -o -path ./other -prune -o -print | sort > %t/tree-riscv64
// RUN: FileCheck %s --check-prefix=OUTSIDE < %t/tree-x86_64
// RUN: diff %t/tree-x86_64 %t/tree-riscv64
// RUN: cat %t/x86_64/secret %t/aarch64/secret %t/riscv64/secret | FileCheck %s --check-prefix=SECRET
//
// OUTSIDE: .
// OUTSIDE-NEXT: ./secret
// OUTSIDE-EMPTY:
// SECRET-COUNT-3: secret
//
// A directory given with --dir that is missing at run time stops the
// program before it starts.
// RUN: %w2n compile %t/sandbox.wasm -o %t/missing --dir=%t/nonexistent::/x
// RUN: %exit-status %t/missing 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: wasm2native: error: cannot open the directory '{{.*}}nonexistent' given with --dir: no such file or directory
// MISSING-NEXT: exit status 1

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

// path_open with an explicit length, for paths with NUL bytes in them.
__attribute__((import_module("wasi_snapshot_preview1"),
               import_name("path_open"))) int32_t
raw_path_open(int32_t fd, int32_t dirflags, const char *path, int32_t len,
              int32_t oflags, int64_t base, int64_t inheriting,
              int32_t fdflags, int32_t *out);

#define OUT ((const char *)0xfffffff0u)
#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW
#define ALL ((__wasi_rights_t)-1)

static void show(const char *what, int err) { printf("%s: %d\n", what, err); }

// Opens path under dir (following links) and reads the first line.
static void try_open(__wasi_fd_t dir, __wasi_lookupflags_t flags,
                     const char *path) {
  __wasi_fd_t fd;
  int err = __wasi_path_open(dir, flags, path, 0, ALL, ALL, 0, &fd);
  if (err) {
    printf("open %s: %d\n", path, err);
    return;
  }
  char buf[32];
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf};
  __wasi_size_t n = 0;
  __wasi_fd_read(fd, &iov, 1, &n);
  __wasi_fd_close(fd);
  printf("open %s: 0 \"%.*s\"\n", path, (int)(n && buf[n - 1] == '\n' ? n - 1 : n),
         buf);
}

int main(void) {
  // What the guest was given.
  __wasi_prestat_t pre;
  char name[16];
  show("prestat 3", __wasi_fd_prestat_get(3, &pre));
  printf("tag %d len %u\n", pre.tag, (unsigned)pre.u.dir.pr_name_len);
  show("name 3", __wasi_fd_prestat_dir_name(3, (uint8_t *)name, sizeof name));
  printf("%.4s\n", name);
  show("prestat 4", __wasi_fd_prestat_get(4, &pre));
  printf("tag %d len %u\n", pre.tag, (unsigned)pre.u.dir.pr_name_len);
  show("prestat 5", __wasi_fd_prestat_get(5, &pre));
  show("prestat 0", __wasi_fd_prestat_get(0, &pre));
  show("name into 2 bytes", __wasi_fd_prestat_dir_name(3, (uint8_t *)name, 2));
  show("name out of memory", __wasi_fd_prestat_dir_name(3, (uint8_t *)OUT, 16));
  // CHECK: prestat 3: 0
  // CHECK-NEXT: tag 0 len 4
  // CHECK-NEXT: name 3: 0
  // CHECK-NEXT: /box
  // CHECK-NEXT: prestat 4: 0
  // CHECK-NEXT: tag 0 len 6
  // CHECK-NEXT: prestat 5: 8
  // CHECK-NEXT: prestat 0: 8
  // CHECK-NEXT: name into 2 bytes: 37
  // CHECK-NEXT: name out of memory: 21

  // Ways out, and ways that only look like it.
  try_open(3, FOLLOW, "sub/file");
  try_open(3, FOLLOW, "sub/parent/sub/./file");
  try_open(3, FOLLOW, "/etc/passwd");
  try_open(3, FOLLOW, "../secret");
  try_open(3, FOLLOW, "sub/../../secret");
  try_open(3, FOLLOW, "sub/parent/../secret");
  try_open(3, FOLLOW, "up");
  try_open(3, FOLLOW, "abs");
  try_open(3, FOLLOW, "sneaky");
  try_open(3, 0, "up");
  try_open(3, FOLLOW, "loop");
  try_open(3, FOLLOW, "missing");
  // CHECK-NEXT: open sub/file: 0 "inside"
  // CHECK-NEXT: open sub/parent/sub/./file: 0 "inside"
  // CHECK-NEXT: open /etc/passwd: 63
  // CHECK-NEXT: open ../secret: 63
  // CHECK-NEXT: open sub/../../secret: 63
  // CHECK-NEXT: open sub/parent/../secret: 63
  // CHECK-NEXT: open up: 63
  // CHECK-NEXT: open abs: 63
  // CHECK-NEXT: open sneaky: 63
  // CHECK-NEXT: open up: 32
  // CHECK-NEXT: open loop: 32
  // CHECK-NEXT: open missing: 44

  // Malformed paths.
  int32_t fd;
  char long_path[5000];
  memset(long_path, 'a', sizeof long_path);
  show("empty", raw_path_open(3, 0, "", 0, 0, ALL, ALL, 0, &fd));
  show("NUL inside", raw_path_open(3, 0, "sub\0file", 8, 0, ALL, ALL, 0, &fd));
  show("not UTF-8", raw_path_open(3, 0, "\xff", 1, 0, ALL, ALL, 0, &fd));
  show("surrogate", raw_path_open(3, 0, "\xed\xa0\x80", 3, 0, ALL, ALL, 0, &fd));
  show("path out of memory", raw_path_open(3, 0, OUT, 32, 0, ALL, ALL, 0, &fd));
  show("fd out of memory",
       raw_path_open(3, 0, "sub/file", 8, 0, ALL, ALL, 0, (int32_t *)OUT));
  show("too long", raw_path_open(3, 0, long_path, sizeof long_path, 0, ALL, ALL,
                                 0, &fd));
  show("component too long", raw_path_open(3, 0, long_path, 300, 0, ALL, ALL,
                                           0, &fd));
  show("bad oflags", raw_path_open(3, 0, "sub", 3, 0x10, ALL, ALL, 0, &fd));
  // CHECK-NEXT: empty: 44
  // CHECK-NEXT: NUL inside: 28
  // CHECK-NEXT: not UTF-8: 25
  // CHECK-NEXT: surrogate: 25
  // CHECK-NEXT: path out of memory: 21
  // CHECK-NEXT: fd out of memory: 21
  // CHECK-NEXT: too long: 37
  // CHECK-NEXT: component too long: 37
  // CHECK-NEXT: bad oflags: 28

  // Descriptors it was not given, or that are not directories.
  __wasi_fd_t file, sub;
  show("open file", __wasi_path_open(3, 0, "sub/file", 0, ALL, ALL, 0, &file));
  show("open from a file",
       __wasi_path_open(file, 0, "x", 0, ALL, ALL, 0, &fd));
  show("open from fd 9", __wasi_path_open(9, 0, "x", 0, ALL, ALL, 0, &fd));
  show("open from stdin", __wasi_path_open(0, 0, "x", 0, ALL, ALL, 0, &fd));
  // A directory opened inside is a boundary of its own. Asked for FD_WRITE
  // too, it is ISDIR (31), even with OFLAGS_DIRECTORY, as under Wasmtime
  // and as open(2) with O_RDWR | O_DIRECTORY.
  show("open sub to write", __wasi_path_open(3, 0, "sub",
                                             __WASI_OFLAGS_DIRECTORY, ALL,
                                             ALL, 0, &sub));
  show("open sub", __wasi_path_open(3, 0, "sub", __WASI_OFLAGS_DIRECTORY,
                                    ALL & ~__WASI_RIGHTS_FD_WRITE, ALL, 0,
                                    &sub));
  try_open(sub, FOLLOW, "file");
  try_open(sub, FOLLOW, "../up");
  try_open(sub, FOLLOW, "parent/up");
  // CHECK-NEXT: open file: 0
  // CHECK-NEXT: open from a file: 54
  // CHECK-NEXT: open from fd 9: 8
  // CHECK-NEXT: open from stdin: 54
  // CHECK-NEXT: open sub to write: 31
  // CHECK-NEXT: open sub: 0
  // CHECK-NEXT: open file: 0 "inside"
  // CHECK-NEXT: open ../up: 63
  // CHECK-NEXT: open parent/up: 63

  // Metadata and links: the link itself may be looked at, not followed.
  __wasi_filestat_t st;
  show("stat up (follow)", __wasi_path_filestat_get(3, FOLLOW, "up", &st));
  show("stat up", __wasi_path_filestat_get(3, 0, "up", &st));
  printf("filetype %d\n", st.filetype);
  __wasi_size_t used;
  show("readlink up",
       __wasi_path_readlink(3, "up", (uint8_t *)name, sizeof name, &used));
  printf("%.*s\n", (int)used, name);
  show("times of ../secret",
       __wasi_path_filestat_set_times(3, 0, "../secret", 0, 0,
                                      __WASI_FSTFLAGS_MTIM_NOW));
  show("times through up",
       __wasi_path_filestat_set_times(3, FOLLOW, "up", 0, 0,
                                      __WASI_FSTFLAGS_MTIM_NOW));
  // CHECK-NEXT: stat up (follow): 63
  // CHECK-NEXT: stat up: 0
  // CHECK-NEXT: filetype 7
  // CHECK-NEXT: readlink up: 0
  // CHECK-NEXT: ../secret
  // CHECK-NEXT: times of ../secret: 63
  // CHECK-NEXT: times through up: 63

  // Changing the tree: nothing may be created, moved or linked outside.
  show("link ../secret", __wasi_path_link(3, 0, "../secret", 3, "stolen"));
  show("link through up", __wasi_path_link(3, FOLLOW, "up", 3, "stolen"));
  show("link to ../planted", __wasi_path_link(3, 0, "sub/file", 3, "../planted"));
  show("link the link", __wasi_path_link(3, 0, "up", 3, "uplink"));
  try_open(3, FOLLOW, "uplink");
  show("rename across preopens", __wasi_path_rename(3, "sub/file", 4, "moved"));
  try_open(4, FOLLOW, "moved");
  show("rename out", __wasi_path_rename(4, "moved", 3, "../escaped"));
  show("rename in", __wasi_path_rename(3, "../secret", 3, "got"));
  show("symlink absolute", __wasi_path_symlink("/etc/passwd", 3, "newabs"));
  show("symlink relative", __wasi_path_symlink("../secret", 3, "newrel"));
  try_open(3, FOLLOW, "newrel");
  show("symlink placed outside", __wasi_path_symlink("x", 3, "../made"));
  show("mkdir outside", __wasi_path_create_directory(3, "../made"));
  show("mkdir through a link", __wasi_path_create_directory(3, "up/x"));
  show("rmdir ..", __wasi_path_remove_directory(3, ".."));
  show("unlink ../secret", __wasi_path_unlink_file(3, "../secret"));
  show("unlink through parent", __wasi_path_unlink_file(3, "sub/parent/../secret"));
  show("unlink the link", __wasi_path_unlink_file(3, "up"));
  // CHECK-NEXT: link ../secret: 63
  // CHECK-NEXT: link through up: 63
  // CHECK-NEXT: link to ../planted: 63
  // CHECK-NEXT: link the link: 0
  // CHECK-NEXT: open uplink: 63
  // CHECK-NEXT: rename across preopens: 0
  // CHECK-NEXT: open moved: 0 "inside"
  // CHECK-NEXT: rename out: 63
  // CHECK-NEXT: rename in: 63
  // CHECK-NEXT: symlink absolute: 63
  // CHECK-NEXT: symlink relative: 0
  // CHECK-NEXT: open newrel: 63
  // CHECK-NEXT: symlink placed outside: 63
  // CHECK-NEXT: mkdir outside: 63
  // CHECK-NEXT: mkdir through a link: 63
  // CHECK-NEXT: rmdir ..: 63
  // CHECK-NEXT: unlink ../secret: 63
  // CHECK-NEXT: unlink through parent: 63
  // CHECK-NEXT: unlink the link: 0

  // Rights: a directory whose rights were dropped cannot be used for them,
  // and a file opened under it gets no more than it may pass on.
  show("drop rights of 4",
       __wasi_fd_fdstat_set_rights(4, __WASI_RIGHTS_PATH_OPEN,
                                   __WASI_RIGHTS_FD_READ));
  show("mkdir without the right", __wasi_path_create_directory(4, "x"));
  show("create without the right",
       __wasi_path_open(4, 0, "new", __WASI_OFLAGS_CREAT, ALL, ALL, 0, &file));
  show("open moved", __wasi_path_open(4, 0, "moved", 0, ALL, ALL, 0, &file));
  __wasi_fdstat_t fst;
  __wasi_fd_fdstat_get(file, &fst);
  printf("rights %llx\n", (unsigned long long)fst.fs_rights_base);
  char c = 'x';
  __wasi_ciovec_t civ = {(const uint8_t *)&c, 1};
  show("write it", __wasi_fd_write(file, &civ, 1, &used));
  // CHECK-NEXT: drop rights of 4: 0
  // CHECK-NEXT: mkdir without the right: 76
  // CHECK-NEXT: create without the right: 76
  // CHECK-NEXT: open moved: 0
  // CHECK-NEXT: rights 2
  // CHECK-NEXT: write it: 76

  // A preopen opened again with its own rights, as WASI's path_open_preopen
  // test does, is a directory handle (read-only, as under Wasmtime); asked
  // only for writing, a directory is ISDIR (31).
  __wasi_fdstat_t box;
  __wasi_fd_fdstat_get(3, &box);
  __wasi_fd_t again;
  show("open . with its rights",
       __wasi_path_open(3, 0, ".", 0, box.fs_rights_base,
                        box.fs_rights_inheriting, 0, &again));
  __wasi_fd_fdstat_get(again, &fst);
  printf("filetype %d write %d readdir %d\n", fst.fs_filetype,
         !!(fst.fs_rights_base & __WASI_RIGHTS_FD_WRITE),
         !!(fst.fs_rights_base & __WASI_RIGHTS_FD_READDIR));
  show("open . to write", __wasi_path_open(3, 0, ".", 0, __WASI_RIGHTS_FD_WRITE,
                                           0, 0, &again));
  // CHECK-NEXT: open . with its rights: 0
  // CHECK-NEXT: filetype 3 write 0 readdir 1
  // CHECK-NEXT: open . to write: 31
  return 0;
  // CHECK-NEXT: exit status 0
}

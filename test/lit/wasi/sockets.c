// sock_accept, sock_recv, sock_send and sock_shutdown on a listening socket
// the program is handed as stdin (Inputs/serve-socket.py plays the client),
// with their error cases, on each target.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang-wasm %s -o %t/sockets.wasm
// RUN: %w2n compile %t/sockets.wasm -o %t/sockets-x86_64
// RUN: %w2n compile %t/sockets.wasm -o %t/sockets-aarch64 --target=aarch64-linux
// RUN: %w2n compile %t/sockets.wasm -o %t/sockets-riscv64 --target=riscv64-linux
// RUN: %python %S/Inputs/serve-socket.py %run-x86_64 %t/sockets-x86_64 | FileCheck %s
// RUN: %python %S/Inputs/serve-socket.py %run-aarch64 %t/sockets-aarch64 | FileCheck %s
// RUN: %python %S/Inputs/serve-socket.py %run-riscv64 %t/sockets-riscv64 | FileCheck %s
//
// CHECK: client got: pong:ping

#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

static void show(const char *what, int err) { printf("%s: %d\n", what, err); }

int main(void) {
  __wasi_fdstat_t st;
  __wasi_fd_fdstat_get(0, &st);
  printf("stdin filetype %d accept %d\n", st.fs_filetype,
         !!(st.fs_rights_base & __WASI_RIGHTS_SOCK_ACCEPT));
  // CHECK-NEXT: stdin filetype 6 accept 1

  __wasi_fd_t conn;
  show("accept with bad flags",
       __wasi_sock_accept(0, __WASI_FDFLAGS_APPEND, &conn));
  show("accept", __wasi_sock_accept(0, 0, &conn));
  // CHECK-NEXT: accept with bad flags: 28
  // CHECK-NEXT: accept: 0

  char buf[16];
  __wasi_iovec_t iov = {(uint8_t *)buf, 4};
  __wasi_size_t n = 0;
  __wasi_roflags_t ro = 7;
  show("peek", __wasi_sock_recv(conn, &iov, 1, __WASI_RIFLAGS_RECV_PEEK |
                                                   __WASI_RIFLAGS_RECV_WAITALL,
                                &n, &ro));
  printf("peeked %u \"%.*s\" flags %d\n", (unsigned)n, (int)n, buf, ro);
  show("recv", __wasi_sock_recv(conn, &iov, 1, __WASI_RIFLAGS_RECV_WAITALL, &n,
                                &ro));
  printf("got %u \"%.*s\"\n", (unsigned)n, (int)n, buf);
  show("recv bad flags", __wasi_sock_recv(conn, &iov, 1, 4, &n, &ro));
  // CHECK-NEXT: peek: 0
  // CHECK-NEXT: peeked 4 "ping" flags 0
  // CHECK-NEXT: recv: 0
  // CHECK-NEXT: got 4 "ping"
  // CHECK-NEXT: recv bad flags: 28

  __wasi_ciovec_t out[2] = {{(const uint8_t *)"pong:", 5},
                            {(const uint8_t *)buf, 4}};
  show("send", __wasi_sock_send(conn, out, 2, 0, &n));
  printf("sent %u\n", (unsigned)n);
  show("send bad flags", __wasi_sock_send(conn, out, 2, 1, &n));
  show("shutdown nothing", __wasi_sock_shutdown(conn, 0));
  show("shutdown write", __wasi_sock_shutdown(conn, __WASI_SDFLAGS_WR));
  // CHECK-NEXT: send: 0
  // CHECK-NEXT: sent 9
  // CHECK-NEXT: send bad flags: 28
  // CHECK-NEXT: shutdown nothing: 28
  // CHECK-NEXT: shutdown write: 0

  // The client closes once it has read everything: end of stream.
  iov.buf_len = sizeof buf;
  show("recv at the end", __wasi_sock_recv(conn, &iov, 1, 0, &n, &ro));
  printf("got %u\n", (unsigned)n);
  show("close", __wasi_fd_close(conn));
  // CHECK-NEXT: recv at the end: 0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: close: 0

  // Not sockets, or not there.
  show("send on stdout", __wasi_sock_send(1, out, 1, 0, &n));
  show("recv on fd 9", __wasi_sock_recv(9, &iov, 1, 0, &n, &ro));
  show("shutdown the closed fd", __wasi_sock_shutdown(conn, __WASI_SDFLAGS_RD));
  show("accept out of memory",
       __wasi_sock_accept(0, 0, (__wasi_fd_t *)0xfffffff0u));
  // CHECK-NEXT: send on stdout: 57
  // CHECK-NEXT: recv on fd 9: 8
  // CHECK-NEXT: shutdown the closed fd: 8
  // CHECK-NEXT: accept out of memory: 21
  fflush(stdout);
  return 0;
  // CHECK-NEXT: exit status 0
}

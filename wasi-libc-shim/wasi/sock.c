/*===- wasi/sock.c - sock_accept, sock_recv, sock_send, sock_shutdown -----===*
 *
 * Preview1 cannot create or connect sockets; it works on sockets the
 * program was handed: inherited as a standard stream (an inetd-style
 * service, or a listening socket passed as stdin) or accepted from one.
 * An fd that is not a socket answers NOTSOCK, as the host's calls do.
 *===----------------------------------------------------------------------===*/
#include "wasi/fdtable.h"
#include "wasi/guest.h"

#include "arch/syscall.h"

#define W2N_MSG_PEEK 0x2
#define W2N_MSG_TRUNC 0x20
#define W2N_MSG_WAITALL 0x100
#define W2N_MSG_NOSIGNAL 0x4000 /* a closed peer is PIPE, not SIGPIPE */
#define W2N_SOCK_NONBLOCK 04000
#define W2N_SOCK_CLOEXEC 02000000

/* The host's struct msghdr (the same on the three targets). */
typedef struct {
  void *name;
  uint32_t namelen;
  w2n_host_iovec *iov;
  unsigned long iovlen;
  void *control;
  unsigned long controllen;
  int flags;
} host_msghdr;

static int32_t get_socket(uint32_t fd, uint64_t rights,
                          w2n_wasi_fd_entry **e) {
  int32_t err = w2n_wasi_fd_get(fd, 0, e);
  if (err)
    return err;
  if ((*e)->filetype != W2N_WASI_FILETYPE_SOCKET_STREAM &&
      (*e)->filetype != W2N_WASI_FILETYPE_SOCKET_DGRAM)
    return W2N_WASI_ERRNO_NOTSOCK;
  return w2n_wasi_fd_get(fd, rights, e);
}

int32_t w2n_wasi_sock_accept(void *c, uint32_t fd, uint32_t flags,
                             uint32_t fd_ptr) {
  if (flags & ~W2N_WASI_FDFLAGS_NONBLOCK)
    return W2N_WASI_ERRNO_INVAL;
  w2n_wasi_fd_entry *e;
  int32_t err = get_socket(fd, W2N_WASI_RIGHTS_SOCK_ACCEPT, &e);
  if (err)
    return err;
  if (!w2n_guest(fd_ptr, 4))
    return W2N_WASI_ERRNO_FAULT;
  long host = w2n_syscall4(
      W2N_SYS_accept4, e->host, 0, 0,
      W2N_SOCK_CLOEXEC |
          (flags & W2N_WASI_FDFLAGS_NONBLOCK ? W2N_SOCK_NONBLOCK : 0));
  if (w2n_syscall_failed(host))
    return w2n_wasi_errno_from_syscall(host);
  int32_t guest = w2n_wasi_fd_alloc((int)host, e->rights_base, 0);
  if (guest < 0) {
    w2n_syscall1(W2N_SYS_close, host);
    return W2N_WASI_ERRNO_MFILE;
  }
  w2n_guest_store_u32(fd_ptr, (uint32_t)guest);
  return W2N_WASI_ERRNO_SUCCESS;
}

/* recvmsg or sendmsg (sysno) with flags on socket fd, which needs right,
 * through the guest's (c)iovecs; the byte count goes to datalen_ptr. Every
 * guest pointer (roflags_ptr too, when has_roflags) is checked before the
 * call, so that a failed call has no effect. */
static int32_t transfer(uint32_t fd, uint64_t right, long sysno,
                        uint32_t iovs, uint32_t count, long flags,
                        uint32_t datalen_ptr, int has_roflags,
                        uint32_t roflags_ptr, int *msg_flags) {
  w2n_wasi_fd_entry *e;
  int32_t err = get_socket(fd, right, &e);
  if (err)
    return err;
  w2n_host_iovec v[W2N_MAX_IOVS];
  uint32_t n;
  err = w2n_wasi_host_iovs(iovs, count, v, &n);
  if (err)
    return err;
  if (!w2n_guest(datalen_ptr, 4) || (has_roflags && !w2n_guest(roflags_ptr, 2)))
    return W2N_WASI_ERRNO_FAULT;
  host_msghdr msg = {0};
  msg.iov = v;
  msg.iovlen = n;
  long r = w2n_syscall3(sysno, e->host, (long)&msg, flags);
  if (w2n_syscall_failed(r))
    return w2n_wasi_errno_from_syscall(r);
  w2n_guest_store_u32(datalen_ptr, (uint32_t)r);
  *msg_flags = msg.flags;
  return W2N_WASI_ERRNO_SUCCESS;
}

int32_t w2n_wasi_sock_recv(void *c, uint32_t fd, uint32_t iovs,
                           uint32_t count, uint32_t riflags,
                           uint32_t datalen_ptr, uint32_t roflags_ptr) {
  if (riflags & ~W2N_WASI_RIFLAGS_ALL)
    return W2N_WASI_ERRNO_INVAL;
  long flags = (riflags & W2N_WASI_RIFLAGS_RECV_PEEK ? W2N_MSG_PEEK : 0) |
               (riflags & W2N_WASI_RIFLAGS_RECV_WAITALL ? W2N_MSG_WAITALL : 0);
  int msg_flags;
  int32_t err = transfer(fd, W2N_WASI_RIGHTS_FD_READ, W2N_SYS_recvmsg, iovs,
                         count, flags, datalen_ptr, 1, roflags_ptr, &msg_flags);
  if (err)
    return err;
  w2n_guest_store_u16(roflags_ptr, msg_flags & W2N_MSG_TRUNC
                                       ? W2N_WASI_ROFLAGS_RECV_DATA_TRUNCATED
                                       : 0);
  return W2N_WASI_ERRNO_SUCCESS;
}

int32_t w2n_wasi_sock_send(void *c, uint32_t fd, uint32_t iovs,
                           uint32_t count, uint32_t siflags,
                           uint32_t datalen_ptr) {
  if (siflags & ~W2N_WASI_SIFLAGS_ALL)
    return W2N_WASI_ERRNO_INVAL;
  int msg_flags;
  return transfer(fd, W2N_WASI_RIGHTS_FD_WRITE, W2N_SYS_sendmsg, iovs, count,
                  W2N_MSG_NOSIGNAL, datalen_ptr, 0, 0, &msg_flags);
}

/* WASI's RD and WR bits; Linux's SHUT_RD, SHUT_WR, SHUT_RDWR are 0, 1, 2. */
int32_t w2n_wasi_sock_shutdown(void *c, uint32_t fd, uint32_t how) {
  if (how == 0 || how & ~W2N_WASI_SDFLAGS_ALL)
    return W2N_WASI_ERRNO_INVAL;
  w2n_wasi_fd_entry *e;
  int32_t err = get_socket(fd, W2N_WASI_RIGHTS_SOCK_SHUTDOWN, &e);
  if (err)
    return err;
  long r = w2n_syscall2(W2N_SYS_shutdown, e->host, (long)how - 1);
  return w2n_syscall_failed(r) ? w2n_wasi_errno_from_syscall(r)
                               : W2N_WASI_ERRNO_SUCCESS;
}

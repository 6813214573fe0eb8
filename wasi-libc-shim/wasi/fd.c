/*===- wasi/fd.c - The fd_* functions -------------------------------------===*
 *
 * Each looks its fd up with the rights it needs (BADF, then NOTCAPABLE),
 * then checks the guest's other arguments (INVAL, FAULT) before any I/O, so
 * that a failed call has no effect. Errors of the host call come through
 * the one errno mapping. An fd of a bundled file or directory (no host fd)
 * is served from the bundle's image: reads are copies out of the mapped
 * executable, and what would change it is ROFS.
 *===----------------------------------------------------------------------===*/
#include "wasi/bundle.h"
#include "wasi/fdtable.h"
#include "wasi/guest.h"

#include "arch/syscall.h"

#define OK W2N_WASI_ERRNO_SUCCESS
#define FAULT W2N_WASI_ERRNO_FAULT
#define INVAL W2N_WASI_ERRNO_INVAL
/* Declares e, the entry of Fd, or returns BADF or NOTCAPABLE. */
#define GET(Fd, Rights)                                                        \
  w2n_wasi_fd_entry *e;                                                        \
  int32_t err_ = w2n_wasi_fd_get(Fd, Rights, &e);                              \
  if (err_ != W2N_WASI_ERRNO_SUCCESS) {                                        \
    return err_;                                                               \
  }

static int32_t fail(long r) { return w2n_wasi_errno_from_syscall(r); }

typedef w2n_host_iovec host_iovec;
enum { MaxIovs = W2N_MAX_IOVS };

int32_t w2n_wasi_host_iovs(uint32_t iovs, uint32_t count, host_iovec *out,
                           uint32_t *n) {
  uint8_t *a = w2n_guest_array(iovs, count, W2N_WASI_IOVEC_SIZE);
  if (!a)
    return FAULT;
  for (uint32_t i = 0; i < count; ++i) {
    uint8_t *v = a + i * W2N_WASI_IOVEC_SIZE;
    uint32_t buf = w2n_load_u32(v + W2N_WASI_IOVEC_OFFSET_BUF);
    uint32_t len = w2n_load_u32(v + W2N_WASI_IOVEC_OFFSET_BUF_LEN);
    uint8_t *p = w2n_guest(buf, len);
    if (!p)
      return FAULT;
    if (i < MaxIovs)
      out[i] = (host_iovec){p, len};
  }
  *n = count < MaxIovs ? count : MaxIovs;
  return OK;
}
#define host_iovs w2n_wasi_host_iovs

static int32_t store_size(uint32_t ptr, uint64_t n) {
  return w2n_guest_store_u32(ptr, (uint32_t)n) ? OK : FAULT;
}

/* Whether e has no host fd: a bundled file or directory. */
static int bundled(const w2n_wasi_fd_entry *e) { return e->host < 0; }

/* Copies a bundled file's bytes from offset into the buffers. */
static uint64_t read_bundled(const w2n_wasi_fd_entry *e, const host_iovec *v,
                             uint32_t n, uint64_t offset) {
  const w2n_bundle_node *node = w2n_bundle_node_at(e->node);
  if (node->type != W2N_BUNDLE_FILE)
    return 0;
  const uint8_t *data = w2n_bundle_bytes(node->data_off);
  uint64_t total = 0;
  for (uint32_t i = 0; i < n && offset < node->size; ++i) {
    uint64_t k = node->size - offset < v[i].len ? node->size - offset
                                                : v[i].len;
    memcpy(v[i].base, data + offset, k);
    offset += k;
    total += k;
  }
  return total;
}

int32_t w2n_wasi_fd_read(void *c, uint32_t fd, uint32_t iovs, uint32_t count,
                         uint32_t nread_ptr) {
  GET(fd, W2N_WASI_RIGHTS_FD_READ);
  host_iovec v[MaxIovs];
  uint32_t n;
  int32_t err = host_iovs(iovs, count, v, &n);
  if (err || !w2n_guest(nread_ptr, 4))
    return err ? err : FAULT;
  if (bundled(e)) {
    if (e->filetype == W2N_WASI_FILETYPE_DIRECTORY)
      return W2N_WASI_ERRNO_ISDIR;
    uint64_t k = read_bundled(e, v, n, e->pos);
    e->pos += k;
    return store_size(nread_ptr, k);
  }
  long r = w2n_syscall3(W2N_SYS_readv, e->host, (long)v, n);
  return w2n_syscall_failed(r) ? fail(r) : store_size(nread_ptr, (uint64_t)r);
}

/* Writes everything, looping on short writes (stdout and stderr lines stay
 * whole), unless an error comes after some progress: that progress is the
 * result, as POSIX's write reports it. */
int32_t w2n_wasi_fd_write(void *c, uint32_t fd, uint32_t iovs, uint32_t count,
                          uint32_t nwritten_ptr) {
  GET(fd, W2N_WASI_RIGHTS_FD_WRITE);
  if (!w2n_guest(nwritten_ptr, 4))
    return FAULT;
  uint64_t total = 0;
  for (uint32_t first = 0; first < count || first == 0;) {
    host_iovec v[MaxIovs];
    uint32_t n;
    int32_t err =
        host_iovs(iovs + first * W2N_WASI_CIOVEC_SIZE, count - first, v, &n);
    if (err)
      return total ? store_size(nwritten_ptr, total) : err;
    uint32_t i = 0;
    while (i < n) {
      long r = w2n_syscall3(W2N_SYS_writev, e->host, (long)(v + i), n - i);
      if (w2n_syscall_failed(r))
        return total ? store_size(nwritten_ptr, total) : fail(r);
      total += (uint64_t)r;
      /* Skip what was written: whole buffers, then part of one. */
      while (i < n && (unsigned long)r >= v[i].len)
        r -= (long)v[i++].len;
      if (i < n) {
        v[i].base = (uint8_t *)v[i].base + r;
        v[i].len -= (unsigned long)r;
      }
      if (total >= 0x7ffff000u) /* Linux's own cap on one write */
        return store_size(nwritten_ptr, total);
    }
    first += n;
    if (n == 0)
      break;
  }
  return store_size(nwritten_ptr, total);
}

/* pread/pwrite one buffer at a time (the generic syscall tables lack
 * preadv2 on every arch alike); a short transfer ends the call. */
static int32_t positioned(uint32_t fd, uint64_t rights, long sysno,
                          uint32_t iovs, uint32_t count, uint64_t offset,
                          uint32_t done_ptr) {
  GET(fd, rights);
  if (offset > INT64_MAX)
    return INVAL;
  host_iovec v[MaxIovs];
  uint32_t n;
  int32_t err = host_iovs(iovs, count, v, &n);
  if (err || !w2n_guest(done_ptr, 4))
    return err ? err : FAULT;
  if (bundled(e)) /* only reads: a bundled fd has no write rights */
    return e->filetype == W2N_WASI_FILETYPE_DIRECTORY
               ? W2N_WASI_ERRNO_ISDIR
               : store_size(done_ptr, read_bundled(e, v, n, offset));
  uint64_t total = 0;
  for (uint32_t i = 0; i < n; ++i) {
    long r = w2n_syscall4(sysno, e->host, (long)v[i].base, (long)v[i].len,
                          (long)(offset + total));
    if (w2n_syscall_failed(r))
      return total ? store_size(done_ptr, total) : fail(r);
    total += (uint64_t)r;
    if ((unsigned long)r < v[i].len)
      break;
  }
  return store_size(done_ptr, total);
}

int32_t w2n_wasi_fd_pread(void *c, uint32_t fd, uint32_t iovs, uint32_t count,
                          uint64_t offset, uint32_t nread_ptr) {
  return positioned(fd, W2N_WASI_RIGHTS_FD_READ | W2N_WASI_RIGHTS_FD_SEEK,
                    W2N_SYS_pread64, iovs, count, offset, nread_ptr);
}

int32_t w2n_wasi_fd_pwrite(void *c, uint32_t fd, uint32_t iovs, uint32_t count,
                           uint64_t offset, uint32_t nwritten_ptr) {
  return positioned(fd, W2N_WASI_RIGHTS_FD_WRITE | W2N_WASI_RIGHTS_FD_SEEK,
                    W2N_SYS_pwrite64, iovs, count, offset, nwritten_ptr);
}

/* WASI's whence values are Linux's SEEK_SET, SEEK_CUR, SEEK_END. Asking
 * where one is (0 from CUR, ftell's call) needs only TELL, as in Wasmtime;
 * a bad whence is INVAL before the fd is looked at, as Wasmtime decodes
 * its arguments first. */
int32_t w2n_wasi_fd_seek(void *c, uint32_t fd, int64_t offset, uint32_t whence,
                         uint32_t newoffset_ptr) {
  if (whence > W2N_WASI_WHENCE_END)
    return INVAL;
  GET(fd, offset == 0 && whence == W2N_WASI_WHENCE_CUR
              ? W2N_WASI_RIGHTS_FD_TELL
              : W2N_WASI_RIGHTS_FD_SEEK);
  if (!w2n_guest(newoffset_ptr, 8))
    return FAULT;
  if (bundled(e)) {
    const w2n_bundle_node *node = w2n_bundle_node_at(e->node);
    int64_t base = whence == W2N_WASI_WHENCE_SET   ? 0
                   : whence == W2N_WASI_WHENCE_CUR ? (int64_t)e->pos
                                                   : (int64_t)node->size;
    if ((offset < 0 && base + offset < 0) ||
        (offset > 0 && base > INT64_MAX - offset))
      return INVAL;
    e->pos = (uint64_t)(base + offset);
    return w2n_guest_store_u64(newoffset_ptr, e->pos) ? OK : FAULT;
  }
  long r = w2n_syscall3(W2N_SYS_lseek, e->host, (long)offset, whence);
  if (w2n_syscall_failed(r))
    return fail(r);
  return w2n_guest_store_u64(newoffset_ptr, (uint64_t)r) ? OK : FAULT;
}

int32_t w2n_wasi_fd_tell(void *c, uint32_t fd, uint32_t offset_ptr) {
  return w2n_wasi_fd_seek(c, fd, 0, W2N_WASI_WHENCE_CUR, offset_ptr);
}

int32_t w2n_wasi_fd_close(void *c, uint32_t fd) {
  GET(fd, 0);
  int host = e->host;
  w2n_wasi_fd_free(fd);
  if (host < 0)
    return OK;
  /* Linux frees the fd even when close reports an error (EINTR, EIO). */
  long r = w2n_syscall1(W2N_SYS_close, host);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

/* The host fd of `to` keeps its number (dup3 replaces what it refers to),
 * so renumbering onto 1 or 2 still leaves host fd 2 for trap messages. */
int32_t w2n_wasi_fd_renumber(void *c, uint32_t from, uint32_t to) {
  w2n_wasi_fd_entry *src, *dst;
  int32_t err = w2n_wasi_fd_get(from, 0, &src);
  if (!err)
    err = w2n_wasi_fd_get(to, 0, &dst);
  if (err || from == to)
    return err;
  if (bundled(src) || bundled(dst)) {
    /* Nothing to dup: the entry moves, and to's host fd (if any) goes. */
    int old = dst->host;
    *dst = *src;
    w2n_wasi_fd_free(from);
    if (old >= 0)
      w2n_syscall1(W2N_SYS_close, old);
    return OK;
  }
  long r = w2n_syscall3(W2N_SYS_dup3, src->host, dst->host, 0);
  if (w2n_syscall_failed(r))
    return fail(r);
  int old = src->host;
  int host = dst->host;
  *dst = *src;
  dst->host = host;
  w2n_wasi_fd_free(from);
  w2n_syscall1(W2N_SYS_close, old);
  return OK;
}

int32_t w2n_wasi_fd_fdstat_get(void *c, uint32_t fd, uint32_t stat_ptr) {
  GET(fd, 0);
  uint8_t *p = w2n_guest(stat_ptr, W2N_WASI_FDSTAT_SIZE);
  if (!p)
    return FAULT;
  memset(p, 0, W2N_WASI_FDSTAT_SIZE);
  p[W2N_WASI_FDSTAT_OFFSET_FS_FILETYPE] = e->filetype;
  w2n_put_u16(p + W2N_WASI_FDSTAT_OFFSET_FS_FLAGS, e->flags);
  w2n_put_u64(p + W2N_WASI_FDSTAT_OFFSET_FS_RIGHTS_BASE, e->rights_base);
  w2n_put_u64(p + W2N_WASI_FDSTAT_OFFSET_FS_RIGHTS_INHERITING,
              e->rights_inheriting);
  return OK;
}

/* Linux changes only O_APPEND and O_NONBLOCK after open; asking to change
 * a sync flag is INVAL (Wasmtime refuses those too). */
int32_t w2n_wasi_fd_fdstat_set_flags(void *c, uint32_t fd, uint32_t flags) {
  GET(fd, W2N_WASI_RIGHTS_FD_FDSTAT_SET_FLAGS);
  const uint32_t sync =
      W2N_WASI_FDFLAGS_DSYNC | W2N_WASI_FDFLAGS_RSYNC | W2N_WASI_FDFLAGS_SYNC;
  if (flags & ~W2N_WASI_FDFLAGS_ALL || (flags & sync) != (e->flags & sync))
    return INVAL;
  if (bundled(e)) {
    if (flags & W2N_WASI_FDFLAGS_APPEND)
      return W2N_WASI_ERRNO_ROFS;
    e->flags = (uint16_t)flags;
    return OK;
  }
  long fl = w2n_syscall2(W2N_SYS_fcntl, e->host, W2N_F_GETFL);
  if (w2n_syscall_failed(fl))
    return fail(fl);
  fl &= ~(long)(W2N_O_APPEND | W2N_O_NONBLOCK);
  if (flags & W2N_WASI_FDFLAGS_APPEND)
    fl |= W2N_O_APPEND;
  if (flags & W2N_WASI_FDFLAGS_NONBLOCK)
    fl |= W2N_O_NONBLOCK;
  long r = w2n_syscall3(W2N_SYS_fcntl, e->host, W2N_F_SETFL, fl);
  if (w2n_syscall_failed(r))
    return fail(r);
  e->flags = (uint16_t)flags;
  return OK;
}

/* Rights only shrink: asking for one the fd lacks is NOTCAPABLE. */
int32_t w2n_wasi_fd_fdstat_set_rights(void *c, uint32_t fd, uint64_t base,
                                      uint64_t inheriting) {
  GET(fd, 0);
  if ((base & ~e->rights_base) || (inheriting & ~e->rights_inheriting))
    return W2N_WASI_ERRNO_NOTCAPABLE;
  e->rights_base = base;
  e->rights_inheriting = inheriting;
  return OK;
}

static uint64_t statx_time(const uint8_t *t) {
  int64_t sec;
  memcpy(&sec, t, 8);
  uint32_t nsec = w2n_load_u32(t + 8);
  return sec < 0 ? 0 : (uint64_t)sec * 1000000000u + nsec;
}

void w2n_wasi_filestat_from_statx(uint8_t *p, const uint8_t *stx) {
  /* st_dev as glibc's makedev builds it from statx's major and minor. */
  uint64_t major = w2n_load_u32(stx + W2N_STATX_OFFSET_DEV_MAJOR);
  uint64_t minor = w2n_load_u32(stx + W2N_STATX_OFFSET_DEV_MINOR);
  uint64_t dev = (major & 0xfffff000u) << 32 | (major & 0xfffu) << 8 |
                 (minor & 0xffffff00u) << 12 | (minor & 0xffu);
  memset(p, 0, W2N_WASI_FILESTAT_SIZE);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_DEV, dev);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_INO,
              w2n_load_u64(stx + W2N_STATX_OFFSET_INO));
  p[W2N_WASI_FILESTAT_OFFSET_FILETYPE] =
      w2n_wasi_filetype_from_mode(w2n_load_u16(stx + W2N_STATX_OFFSET_MODE));
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_NLINK,
              w2n_load_u32(stx + W2N_STATX_OFFSET_NLINK));
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_SIZE,
              w2n_load_u64(stx + W2N_STATX_OFFSET_SIZE));
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_ATIM,
              statx_time(stx + W2N_STATX_OFFSET_ATIME));
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_MTIM,
              statx_time(stx + W2N_STATX_OFFSET_MTIME));
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_CTIM,
              statx_time(stx + W2N_STATX_OFFSET_CTIME));
}

int32_t w2n_wasi_fd_filestat_get(void *c, uint32_t fd, uint32_t buf_ptr) {
  GET(fd, W2N_WASI_RIGHTS_FD_FILESTAT_GET);
  uint8_t *p = w2n_guest(buf_ptr, W2N_WASI_FILESTAT_SIZE);
  if (!p)
    return FAULT;
  if (bundled(e)) {
    w2n_bundle_filestat(e->node, p);
    return OK;
  }
  uint8_t stx[W2N_STATX_SIZE];
  long r = w2n_wasi_statx_fd(e->host, W2N_STATX_BASIC_STATS, stx);
  if (r)
    return fail(r);
  w2n_wasi_filestat_from_statx(p, stx);
  return OK;
}

int32_t w2n_wasi_fd_filestat_set_size(void *c, uint32_t fd, uint64_t size) {
  GET(fd, W2N_WASI_RIGHTS_FD_FILESTAT_SET_SIZE);
  if (size > INT64_MAX)
    return INVAL;
  long r = w2n_syscall2(W2N_SYS_ftruncate, e->host, (long)size);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

/* One of utimensat's two timespecs from a timestamp and its two flags. */
#define W2N_UTIME_NOW ((1l << 30) - 1)
#define W2N_UTIME_OMIT ((1l << 30) - 2)
static void utime(long ts[2], uint64_t t, uint32_t flags, uint32_t set,
                  uint32_t now) {
  ts[0] = (long)(t / 1000000000u);
  ts[1] = (flags & now)   ? W2N_UTIME_NOW
          : (flags & set) ? (long)(t % 1000000000u)
                          : W2N_UTIME_OMIT;
}

int32_t w2n_wasi_utimens(long ts[4], uint64_t atim, uint64_t mtim,
                         uint32_t fst) {
  if (fst & ~W2N_WASI_FSTFLAGS_ALL ||
      (fst & W2N_WASI_FSTFLAGS_ATIM && fst & W2N_WASI_FSTFLAGS_ATIM_NOW) ||
      (fst & W2N_WASI_FSTFLAGS_MTIM && fst & W2N_WASI_FSTFLAGS_MTIM_NOW))
    return INVAL;
  utime(ts, atim, fst, W2N_WASI_FSTFLAGS_ATIM, W2N_WASI_FSTFLAGS_ATIM_NOW);
  utime(ts + 2, mtim, fst, W2N_WASI_FSTFLAGS_MTIM, W2N_WASI_FSTFLAGS_MTIM_NOW);
  return OK;
}

int32_t w2n_wasi_fd_filestat_set_times(void *c, uint32_t fd, uint64_t atim,
                                       uint64_t mtim, uint32_t fst) {
  GET(fd, W2N_WASI_RIGHTS_FD_FILESTAT_SET_TIMES);
  long ts[4];
  int32_t err = w2n_wasi_utimens(ts, atim, mtim, fst);
  if (err)
    return err;
  if (bundled(e))
    return W2N_WASI_ERRNO_ROFS;
  /* A NULL path makes utimensat act on the fd itself. */
  long r = w2n_syscall4(W2N_SYS_utimensat, e->host, 0, (long)ts, 0);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

int32_t w2n_wasi_fd_advise(void *c, uint32_t fd, uint64_t offset, uint64_t len,
                           uint32_t advice) {
  /* WASI swaps Linux's POSIX_FADV_RANDOM (1) and _SEQUENTIAL (2). */
  static const uint8_t to_linux[] = {0, 2, 1, 3, 4, 5};
  if (advice > W2N_WASI_ADVICE_NOREUSE)
    return INVAL;
  GET(fd, W2N_WASI_RIGHTS_FD_ADVISE);
  if (bundled(e))
    return OK; /* the kernel reads ahead in the executable as it sees fit */
  long r = w2n_syscall4(W2N_SYS_fadvise64, e->host, (long)offset, (long)len,
                        to_linux[advice]);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

int32_t w2n_wasi_fd_allocate(void *c, uint32_t fd, uint64_t offset,
                             uint64_t len) {
  GET(fd, W2N_WASI_RIGHTS_FD_ALLOCATE);
  long r = w2n_syscall4(W2N_SYS_fallocate, e->host, 0, (long)offset, (long)len);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

int32_t w2n_wasi_fd_datasync(void *c, uint32_t fd) {
  GET(fd, W2N_WASI_RIGHTS_FD_DATASYNC);
  if (bundled(e))
    return OK;
  long r = w2n_syscall1(W2N_SYS_fdatasync, e->host);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

int32_t w2n_wasi_fd_sync(void *c, uint32_t fd) {
  GET(fd, W2N_WASI_RIGHTS_FD_SYNC);
  if (bundled(e))
    return OK;
  long r = w2n_syscall1(W2N_SYS_fsync, e->host);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

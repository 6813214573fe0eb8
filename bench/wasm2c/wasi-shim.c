/* A minimal WASI preview1 host for modules translated by wasm2c (bench/run's
 * peer comparison). It implements, on POSIX, what a wasi-libc program that
 * computes and prints needs: standard streams 0-2 (write, read, seek, close,
 * fdstat, filestat), args, an empty environment, clocks, random bytes,
 * sched_yield and proc_exit. There are no preopened directories, so every
 * path operation fails with EBADF. A translated module that imports a
 * function not defined here fails to link, which bench/run reports.
 *
 * bench/run compiles this file with `-include <module>.h` (the header wasm2c
 * writes), so each definition is checked against the declaration of the
 * import the module actually uses. */
#include "wasi-shim.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* Linux accepts up to 1024 iovecs in one readv/writev (UIO_MAXIOV). */
#define MAX_IOVECS 1024

typedef struct Z_wasi_snapshot_preview1_instance_t wasi_t;

/* errno values of wasi_snapshot_preview1 (witx `errno`). */
enum {
  E_SUCCESS = 0,
  E_2BIG = 1,
  E_ACCES = 2,
  E_AGAIN = 6,
  E_BADF = 8,
  E_FAULT = 21,
  E_FBIG = 22,
  E_INTR = 27,
  E_INVAL = 28,
  E_IO = 29,
  E_ISDIR = 31,
  E_NOMEM = 48,
  E_NOSPC = 51,
  E_NOSYS = 52,
  E_OVERFLOW = 61,
  E_PERM = 63,
  E_PIPE = 64,
  E_SPIPE = 70,
};

/* filetype */
enum {
  FT_UNKNOWN = 0,
  FT_BLOCK_DEVICE = 1,
  FT_CHARACTER_DEVICE = 2,
  FT_DIRECTORY = 3,
  FT_REGULAR_FILE = 4,
  FT_SOCKET_STREAM = 6,
  FT_SYMBOLIC_LINK = 7,
};

/* fdflags */
enum { FDF_APPEND = 1, FDF_DSYNC = 2, FDF_NONBLOCK = 4, FDF_SYNC = 16 };

/* rights: bits 0..29; fd_seek is bit 2 and fd_tell bit 5. */
#define RIGHTS_ALL ((UINT64_C(1) << 30) - 1)
#define RIGHT_FD_SEEK (UINT64_C(1) << 2)
#define RIGHT_FD_TELL (UINT64_C(1) << 5)

static uint16_t from_host_errno(int e) {
  switch (e) {
  case E2BIG: return E_2BIG;
  case EACCES: return E_ACCES;
  case EAGAIN: return E_AGAIN;
  case EBADF: return E_BADF;
  case EFAULT: return E_FAULT;
  case EFBIG: return E_FBIG;
  case EINTR: return E_INTR;
  case EINVAL: return E_INVAL;
  case EISDIR: return E_ISDIR;
  case ENOMEM: return E_NOMEM;
  case ENOSPC: return E_NOSPC;
  case ENOSYS: return E_NOSYS;
  case EOVERFLOW: return E_OVERFLOW;
  case EPERM: return E_PERM;
  case EPIPE: return E_PIPE;
  case ESPIPE: return E_SPIPE;
  default: return E_IO;
  }
}

/* Guest memory [off, off+len) as a host pointer, or NULL when it is not
 * inside the linear memory. */
static uint8_t *guest(wasi_t *w, uint32_t off, uint64_t len) {
  if ((uint64_t)off + len > (uint64_t)w->memory->size)
    return NULL;
  return w->memory->data + off;
}

static uint32_t load_u32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v); /* wasm is little-endian, like the hosts we run on */
  return v;
}

static int store_u32(wasi_t *w, uint32_t off, uint32_t v) {
  uint8_t *p = guest(w, off, sizeof v);
  if (!p)
    return 0;
  memcpy(p, &v, sizeof v);
  return 1;
}

static int store_u64(wasi_t *w, uint32_t off, uint64_t v) {
  uint8_t *p = guest(w, off, sizeof v);
  if (!p)
    return 0;
  memcpy(p, &v, sizeof v);
  return 1;
}

/* Only the standard streams exist; one the program closed is gone. */
static int closed_std[3];

static int host_fd(uint32_t fd) {
  if (fd > 2 || closed_std[fd])
    return -1;
  return (int)fd;
}

/* ---- args and environment ------------------------------------------- */

u32 WASI_SHIM_FN(args_sizes_get)(wasi_t *w, u32 argc_out, u32 size_out) {
  uint64_t size = 0;
  for (int i = 0; i < w->argc; ++i)
    size += strlen(w->argv[i]) + 1;
  if (size > UINT32_MAX)
    return E_2BIG;
  if (!store_u32(w, argc_out, (uint32_t)w->argc) ||
      !store_u32(w, size_out, (uint32_t)size))
    return E_FAULT;
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(args_get)(wasi_t *w, u32 argv_out, u32 buf_out) {
  uint32_t at = buf_out;
  for (int i = 0; i < w->argc; ++i) {
    size_t n = strlen(w->argv[i]) + 1;
    uint8_t *dst = guest(w, at, n);
    if (!dst || !store_u32(w, argv_out + 4u * (uint32_t)i, at))
      return E_FAULT;
    memcpy(dst, w->argv[i], n);
    at += (uint32_t)n;
  }
  return E_SUCCESS;
}

/* The program gets no environment variables (as wasm2native without --env,
 * and node's WASI with env: {}). */
u32 WASI_SHIM_FN(environ_sizes_get)(wasi_t *w, u32 count_out, u32 size_out) {
  if (!store_u32(w, count_out, 0) || !store_u32(w, size_out, 0))
    return E_FAULT;
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(environ_get)(wasi_t *w, u32 environ_out, u32 buf_out) {
  (void)w;
  (void)environ_out;
  (void)buf_out;
  return E_SUCCESS;
}

/* ---- clocks, random, scheduling ------------------------------------ */

static int host_clock(uint32_t id, clockid_t *out) {
  switch (id) {
  case 0: *out = CLOCK_REALTIME; return 1;
  case 1: *out = CLOCK_MONOTONIC; return 1;
  case 2: *out = CLOCK_PROCESS_CPUTIME_ID; return 1;
  case 3: *out = CLOCK_THREAD_CPUTIME_ID; return 1;
  default: return 0;
  }
}

u32 WASI_SHIM_FN(clock_res_get)(wasi_t *w, u32 id, u32 res_out) {
  clockid_t c;
  struct timespec ts;
  if (!host_clock(id, &c))
    return E_INVAL;
  if (clock_getres(c, &ts) != 0)
    return from_host_errno(errno);
  if (!store_u64(w, res_out, (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec))
    return E_FAULT;
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(clock_time_get)(wasi_t *w, u32 id, u64 precision, u32 time_out) {
  clockid_t c;
  struct timespec ts;
  (void)precision;
  if (!host_clock(id, &c))
    return E_INVAL;
  if (clock_gettime(c, &ts) != 0)
    return from_host_errno(errno);
  if (!store_u64(w, time_out, (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec))
    return E_FAULT;
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(random_get)(wasi_t *w, u32 buf, u32 len) {
  uint8_t *p = guest(w, buf, len);
  if (!p)
    return E_FAULT;
  while (len > 0) {
    ssize_t n = getrandom(p, len, 0);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return from_host_errno(errno);
    }
    p += n;
    len -= (uint32_t)n;
  }
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(sched_yield)(wasi_t *w) {
  (void)w;
  sched_yield();
  return E_SUCCESS;
}

void WASI_SHIM_FN(proc_exit)(wasi_t *w, u32 code) {
  (void)w;
  exit((int)code);
}

u32 WASI_SHIM_FN(proc_raise)(wasi_t *w, u32 sig) {
  (void)w;
  (void)sig;
  return E_NOSYS;
}

/* ---- file descriptors ----------------------------------------------- */

/* Turn a guest iovec array into host iovecs; at most MAX_IOVECS of them (a
 * short transfer is allowed by the interface). Returns a WASI errno. */
static uint16_t host_iovecs(wasi_t *w, u32 iovs, u32 count, struct iovec *out,
                            int *n_out) {
  int n = 0;
  if (count > MAX_IOVECS)
    count = MAX_IOVECS;
  for (uint32_t i = 0; i < count; ++i) {
    const uint8_t *rec = guest(w, iovs + 8u * i, 8);
    if (!rec)
      return E_FAULT;
    uint32_t buf = load_u32(rec), len = load_u32(rec + 4);
    uint8_t *p = guest(w, buf, len);
    if (!p)
      return E_FAULT;
    out[n].iov_base = p;
    out[n].iov_len = len;
    ++n;
  }
  *n_out = n;
  return E_SUCCESS;
}

/* readv or writev on fd through the guest's (c)iovecs, retried on EINTR;
 * the byte count goes to done_out. */
static u32 vectored(wasi_t *w, u32 fd, u32 iovs, u32 iovs_len, u32 done_out,
                    ssize_t (*io)(int, const struct iovec *, int)) {
  struct iovec v[MAX_IOVECS];
  int n, h = host_fd(fd);
  if (h < 0)
    return E_BADF;
  uint16_t e = host_iovecs(w, iovs, iovs_len, v, &n);
  if (e != E_SUCCESS)
    return e;
  ssize_t r;
  do
    r = io(h, v, n);
  while (r < 0 && errno == EINTR);
  if (r < 0)
    return from_host_errno(errno);
  if (!store_u32(w, done_out, (uint32_t)r))
    return E_FAULT;
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(fd_write)(wasi_t *w, u32 fd, u32 iovs, u32 iovs_len, u32 nwritten_out) {
  return vectored(w, fd, iovs, iovs_len, nwritten_out, writev);
}

u32 WASI_SHIM_FN(fd_read)(wasi_t *w, u32 fd, u32 iovs, u32 iovs_len, u32 nread_out) {
  return vectored(w, fd, iovs, iovs_len, nread_out, readv);
}

u32 WASI_SHIM_FN(fd_seek)(wasi_t *w, u32 fd, u64 offset, u32 whence, u32 newoffset_out) {
  int h = host_fd(fd), how;
  if (h < 0)
    return E_BADF;
  switch (whence) {
  case 0: how = SEEK_SET; break;
  case 1: how = SEEK_CUR; break;
  case 2: how = SEEK_END; break;
  default: return E_INVAL;
  }
  off_t r = lseek(h, (off_t)(int64_t)offset, how);
  if (r < 0)
    return from_host_errno(errno);
  if (!store_u64(w, newoffset_out, (uint64_t)r))
    return E_FAULT;
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(fd_tell)(wasi_t *w, u32 fd, u32 offset_out) {
  int h = host_fd(fd);
  if (h < 0)
    return E_BADF;
  off_t r = lseek(h, 0, SEEK_CUR);
  if (r < 0)
    return from_host_errno(errno);
  if (!store_u64(w, offset_out, (uint64_t)r))
    return E_FAULT;
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(fd_close)(wasi_t *w, u32 fd) {
  (void)w;
  int h = host_fd(fd);
  if (h < 0)
    return E_BADF;
  closed_std[h] = 1;
  if (close(h) != 0 && errno != EINTR)
    return from_host_errno(errno);
  return E_SUCCESS;
}

static uint8_t filetype_of(mode_t m) {
  if (S_ISREG(m)) return FT_REGULAR_FILE;
  if (S_ISDIR(m)) return FT_DIRECTORY;
  if (S_ISCHR(m)) return FT_CHARACTER_DEVICE;
  if (S_ISBLK(m)) return FT_BLOCK_DEVICE;
  if (S_ISSOCK(m)) return FT_SOCKET_STREAM;
  if (S_ISLNK(m)) return FT_SYMBOLIC_LINK;
  return FT_UNKNOWN; /* a pipe has no filetype of its own in preview1 */
}

/* fdstat: filetype u8 @0, flags u16 @2, rights_base u64 @8,
 * rights_inheriting u64 @16; 24 bytes. */
u32 WASI_SHIM_FN(fd_fdstat_get)(wasi_t *w, u32 fd, u32 stat_out) {
  int h = host_fd(fd);
  struct stat st;
  if (h < 0)
    return E_BADF;
  if (fstat(h, &st) != 0)
    return from_host_errno(errno);
  int fl = fcntl(h, F_GETFL);
  if (fl < 0)
    return from_host_errno(errno);
  uint16_t flags = 0;
  if (fl & O_APPEND) flags |= FDF_APPEND;
  if (fl & O_NONBLOCK) flags |= FDF_NONBLOCK;
  if ((fl & O_SYNC) == O_SYNC) flags |= FDF_SYNC;
  else if (fl & O_DSYNC) flags |= FDF_DSYNC;
  uint64_t rights = RIGHTS_ALL;
  /* wasi-libc's isatty() looks for a character device without seek/tell;
   * pipes cannot seek either. */
  if (isatty(h) || lseek(h, 0, SEEK_CUR) < 0)
    rights &= ~(RIGHT_FD_SEEK | RIGHT_FD_TELL);
  uint8_t *p = guest(w, stat_out, 24);
  if (!p)
    return E_FAULT;
  memset(p, 0, 24);
  p[0] = filetype_of(st.st_mode);
  memcpy(p + 2, &flags, 2);
  memcpy(p + 8, &rights, 8);
  memcpy(p + 16, &rights, 8);
  return E_SUCCESS;
}

u32 WASI_SHIM_FN(fd_fdstat_set_flags)(wasi_t *w, u32 fd, u32 flags) {
  (void)w;
  (void)flags;
  return host_fd(fd) < 0 ? E_BADF : E_NOSYS;
}

static uint64_t ns_of(struct timespec ts) {
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* filestat: dev u64 @0, ino u64 @8, filetype u8 @16, nlink u64 @24,
 * size u64 @32, atim @40, mtim @48, ctim @56; 64 bytes. */
u32 WASI_SHIM_FN(fd_filestat_get)(wasi_t *w, u32 fd, u32 stat_out) {
  int h = host_fd(fd);
  struct stat st;
  if (h < 0)
    return E_BADF;
  if (fstat(h, &st) != 0)
    return from_host_errno(errno);
  uint8_t *p = guest(w, stat_out, 64);
  if (!p)
    return E_FAULT;
  uint64_t v[8] = {(uint64_t)st.st_dev,  (uint64_t)st.st_ino,
                   0,                    (uint64_t)st.st_nlink,
                   (uint64_t)st.st_size, ns_of(st.st_atim),
                   ns_of(st.st_mtim),    ns_of(st.st_ctim)};
  memcpy(p, v, 64);
  p[16] = filetype_of(st.st_mode);
  return E_SUCCESS;
}

/* No preopened directories: wasi-libc's start-up scan ends at fd 3. */
u32 WASI_SHIM_FN(fd_prestat_get)(wasi_t *w, u32 fd, u32 prestat_out) {
  (void)w;
  (void)fd;
  (void)prestat_out;
  return E_BADF;
}

u32 WASI_SHIM_FN(fd_prestat_dir_name)(wasi_t *w, u32 fd, u32 path, u32 len) {
  (void)w;
  (void)fd;
  (void)path;
  (void)len;
  return E_BADF;
}

u32 WASI_SHIM_FN(path_open)(wasi_t *w, u32 dirfd, u32 dirflags, u32 path,
                            u32 path_len, u32 oflags, u64 rights_base,
                            u64 rights_inheriting, u32 fdflags, u32 fd_out) {
  (void)w; (void)dirfd; (void)dirflags; (void)path; (void)path_len;
  (void)oflags; (void)rights_base; (void)rights_inheriting; (void)fdflags;
  (void)fd_out;
  return E_BADF; /* there is no directory to open anything in */
}

u32 WASI_SHIM_FN(poll_oneoff)(wasi_t *w, u32 in, u32 out, u32 nsubscriptions,
                              u32 nevents_out) {
  (void)w; (void)in; (void)out; (void)nsubscriptions; (void)nevents_out;
  return E_NOSYS;
}

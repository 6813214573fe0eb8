/*===- wasi/fdtable.h - The guest's file descriptors ----------------------===*
 *
 * A WASI fd is an index into this table, not a host fd: the guest sees only
 * what it was given (0, 1 and 2 at start; preopens and opened files later),
 * each with the rights it may use. Every fd operation looks its fd up with
 * w2n_wasi_fd_get, which checks both that the fd exists (BADF) and that it
 * carries the rights the operation needs (NOTCAPABLE).
 *===----------------------------------------------------------------------===*/
#ifndef W2N_WASI_FDTABLE_H
#define W2N_WASI_FDTABLE_H

#include <stdint.h>

#include "w2n/bundle.h"

#define W2N_WASI_MAX_FDS 1024

typedef struct w2n_wasi_fd_entry {
  uint8_t used;     /* whether the slot holds an fd */
  int host;         /* the host fd; -1 for what is only in a bundle */
  /* The bundle node (w2n/bundle.h) of a bundled file or directory, or of
   * the lower layer of a host directory a bundle shares its path with;
   * W2N_BUNDLE_NO_NODE for none. */
  uint32_t node;
  uint64_t pos;     /* a bundled file's position */
  uint8_t filetype; /* W2N_WASI_FILETYPE_* */
  uint16_t flags;   /* W2N_WASI_FDFLAGS_*, as last set */
  uint64_t rights_base, rights_inheriting;
  /* A preopened directory's name as the guest sees it (fd_prestat_*);
   * NULL for every other fd. */
  const char *preopen;
  uint32_t preopen_len;
} w2n_wasi_fd_entry;

/* Fills 0, 1 and 2 from the host's standard streams (those that are open). */
void w2n_wasi_fdtable_init(void);

/* The entry of fd in *out, when it exists (else BADF) and has every right
 * in rights (else NOTCAPABLE). */
int32_t w2n_wasi_fd_get(uint32_t fd, uint64_t rights, w2n_wasi_fd_entry **out);

/* Opens the executable's --dir directories as fds 3, 4, ... (wasi/preopen.c). */
void w2n_wasi_preopens_init(void);

/* Takes the lowest free guest fd for host, with the filetype and rights of
 * what host refers to, masked by rights; returns the guest fd, or -1 when
 * the table is full (the host fd is then still the caller's). */
int32_t w2n_wasi_fd_alloc(int host, uint64_t rights, uint64_t inheriting);

/* Takes the lowest free guest fd for bundle node (with host, a host
 * directory of the same path as its upper layer, or -1); returns it, or -1
 * when the table is full. */
int32_t w2n_wasi_fd_alloc_node(uint32_t node, int host, uint64_t rights,
                               uint64_t inheriting);

/* The rights an fd of each kind may have at most. */
uint64_t w2n_wasi_rights_for(uint8_t filetype);

/* Frees fd's slot (the host fd is the caller's to close). */
void w2n_wasi_fd_free(uint32_t fd);

/* The WASI filetype of a host st_mode / stx_mode. */
uint8_t w2n_wasi_filetype_from_mode(uint32_t mode);

/* statx(fd, "", AT_EMPTY_PATH) into buf (256 bytes); 0 or -errno. */
long w2n_wasi_statx_fd(int host, uint32_t mask, uint8_t *buf);

/* The host's struct iovec. A call moves at most W2N_MAX_IOVS buffers,
 * which is a short read or write, as the guest must be ready for. */
typedef struct {
  void *base;
  unsigned long len;
} w2n_host_iovec;
#define W2N_MAX_IOVS 64

/* Translates the guest's (c)iovec array into host ones: FAULT when the
 * array or any buffer lies outside memory; *n is how many were taken. */
int32_t w2n_wasi_host_iovs(uint32_t iovs, uint32_t count, w2n_host_iovec *out,
                           uint32_t *n);

/* A WASI filestat record at p from a statx buffer. */
void w2n_wasi_filestat_from_statx(uint8_t *p, const uint8_t *stx);

/* utimensat's two timespecs from WASI's times and fstflags; INVAL when the
 * flags are contradictory or unknown. */
int32_t w2n_wasi_utimens(long ts[4], uint64_t atim, uint64_t mtim,
                         uint32_t fst);

/* statx's fields, the same on every architecture. */
#define W2N_STATX_SIZE 256
#define W2N_STATX_TYPE 0x1u
#define W2N_STATX_BASIC_STATS 0x7ffu
#define W2N_STATX_OFFSET_NLINK 16
#define W2N_STATX_OFFSET_MODE 28
#define W2N_STATX_OFFSET_INO 32
#define W2N_STATX_OFFSET_SIZE 40
/* Each time is s64 seconds, then u32 nanoseconds. */
#define W2N_STATX_OFFSET_ATIME 64
#define W2N_STATX_OFFSET_CTIME 96
#define W2N_STATX_OFFSET_MTIME 112
#define W2N_STATX_OFFSET_DEV_MAJOR 136
#define W2N_STATX_OFFSET_DEV_MINOR 140

/* fcntl commands and open flags (the same on the three architectures). */
#define W2N_F_GETFL 3
#define W2N_F_SETFL 4
#define W2N_O_ACCMODE 03
#define W2N_O_RDONLY 0
#define W2N_O_WRONLY 01
#define W2N_O_APPEND 02000
#define W2N_O_NONBLOCK 04000
#define W2N_O_DSYNC 010000
#define W2N_O_SYNC 04010000 /* includes O_DSYNC; O_RSYNC is O_SYNC */
#define W2N_O_RDWR 02
#define W2N_O_CREAT 0100
#define W2N_O_EXCL 0200
#define W2N_O_TRUNC 01000
#define W2N_O_CLOEXEC 02000000
#define W2N_O_PATH 010000000
/* These two differ on AArch64, which shares the others. */
#if defined(__aarch64__)
#define W2N_O_DIRECTORY 040000
#define W2N_O_NOFOLLOW 0100000
#else
#define W2N_O_DIRECTORY 0200000
#define W2N_O_NOFOLLOW 0400000
#endif
#define W2N_AT_SYMLINK_NOFOLLOW 0x100
#define W2N_AT_REMOVEDIR 0x200
#define W2N_AT_EMPTY_PATH 0x1000

#endif /* W2N_WASI_FDTABLE_H */

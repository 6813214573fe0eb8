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

#define W2N_WASI_MAX_FDS 1024

typedef struct w2n_wasi_fd_entry {
  int host;         /* the host fd; -1 when the slot is free */
  uint8_t filetype; /* W2N_WASI_FILETYPE_* */
  uint16_t flags;   /* W2N_WASI_FDFLAGS_*, as last set */
  uint64_t rights_base, rights_inheriting;
} w2n_wasi_fd_entry;

/* Fills 0, 1 and 2 from the host's standard streams (those that are open). */
void w2n_wasi_fdtable_init(void);

/* The entry of fd in *out, when it exists (else BADF) and has every right
 * in rights (else NOTCAPABLE). */
int32_t w2n_wasi_fd_get(uint32_t fd, uint64_t rights, w2n_wasi_fd_entry **out);

/* Frees fd's slot (the host fd is the caller's to close). */
void w2n_wasi_fd_free(uint32_t fd);

/* The WASI filetype of a host st_mode / stx_mode. */
uint8_t w2n_wasi_filetype_from_mode(uint32_t mode);

/* statx(fd, "", AT_EMPTY_PATH) into buf (256 bytes); 0 or -errno. */
long w2n_wasi_statx_fd(int host, uint32_t mask, uint8_t *buf);

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

#endif /* W2N_WASI_FDTABLE_H */

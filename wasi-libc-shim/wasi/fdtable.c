/*===- wasi/fdtable.c - The guest's file descriptors ----------------------===*
 *
 * Rights follow the filetype, as Wasmtime grants them: a character device
 * (a terminal) gets no SEEK or TELL, which is how wasi-libc's isatty tells
 * one; a regular file or a pipe gets every fd right (a pipe's seek then
 * fails with the host's SPIPE, as natively). The host's access mode takes
 * away READ or WRITE, so that a write to a read-only stdin is NOTCAPABLE.
 *===----------------------------------------------------------------------===*/
#include "wasi/fdtable.h"
#include "wasi/guest.h"
#include "wasi/bundle.h"

#include "arch/syscall.h"

static w2n_wasi_fd_entry table[W2N_WASI_MAX_FDS];
static int initialised;

/* The rights a file of any kind may have that are about its data. */
#define W2N_RIGHTS_FD                                                          \
  (W2N_WASI_RIGHTS_FD_DATASYNC | W2N_WASI_RIGHTS_FD_READ |                     \
   W2N_WASI_RIGHTS_FD_SEEK | W2N_WASI_RIGHTS_FD_FDSTAT_SET_FLAGS |             \
   W2N_WASI_RIGHTS_FD_SYNC | W2N_WASI_RIGHTS_FD_TELL |                         \
   W2N_WASI_RIGHTS_FD_WRITE | W2N_WASI_RIGHTS_FD_ADVISE |                      \
   W2N_WASI_RIGHTS_FD_ALLOCATE | W2N_WASI_RIGHTS_FD_FILESTAT_GET |             \
   W2N_WASI_RIGHTS_FD_FILESTAT_SET_SIZE |                                      \
   W2N_WASI_RIGHTS_FD_FILESTAT_SET_TIMES | W2N_WASI_RIGHTS_POLL_FD_READWRITE)
#define W2N_RIGHTS_TTY                                                         \
  (W2N_WASI_RIGHTS_FD_READ | W2N_WASI_RIGHTS_FD_WRITE |                        \
   W2N_WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | W2N_WASI_RIGHTS_FD_FILESTAT_GET |     \
   W2N_WASI_RIGHTS_POLL_FD_READWRITE)
#define W2N_RIGHTS_SOCKET                                                      \
  (W2N_RIGHTS_TTY | W2N_WASI_RIGHTS_SOCK_SHUTDOWN |                            \
   W2N_WASI_RIGHTS_SOCK_ACCEPT)
/* A bundled file's: reading it and its metadata. */
#define W2N_RIGHTS_BUNDLED_FILE                                                \
  (W2N_WASI_RIGHTS_FD_READ | W2N_WASI_RIGHTS_FD_SEEK |                         \
   W2N_WASI_RIGHTS_FD_TELL | W2N_WASI_RIGHTS_FD_ADVISE |                       \
   W2N_WASI_RIGHTS_FD_FILESTAT_GET | W2N_WASI_RIGHTS_POLL_FD_READWRITE)
/* A directory's: its own metadata and everything under it. */
#define W2N_RIGHTS_DIR                                                         \
  (W2N_WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | W2N_WASI_RIGHTS_FD_SYNC |             \
   W2N_WASI_RIGHTS_FD_DATASYNC | W2N_WASI_RIGHTS_FD_ADVISE |                   \
   W2N_WASI_RIGHTS_PATH_CREATE_DIRECTORY | W2N_WASI_RIGHTS_PATH_CREATE_FILE |  \
   W2N_WASI_RIGHTS_PATH_LINK_SOURCE | W2N_WASI_RIGHTS_PATH_LINK_TARGET |       \
   W2N_WASI_RIGHTS_PATH_OPEN | W2N_WASI_RIGHTS_FD_READDIR |                    \
   W2N_WASI_RIGHTS_PATH_READLINK | W2N_WASI_RIGHTS_PATH_RENAME_SOURCE |        \
   W2N_WASI_RIGHTS_PATH_RENAME_TARGET | W2N_WASI_RIGHTS_PATH_FILESTAT_GET |    \
   W2N_WASI_RIGHTS_PATH_FILESTAT_SET_SIZE |                                    \
   W2N_WASI_RIGHTS_PATH_FILESTAT_SET_TIMES | W2N_WASI_RIGHTS_FD_FILESTAT_GET | \
   W2N_WASI_RIGHTS_FD_FILESTAT_SET_TIMES | W2N_WASI_RIGHTS_PATH_SYMLINK |      \
   W2N_WASI_RIGHTS_PATH_REMOVE_DIRECTORY | W2N_WASI_RIGHTS_PATH_UNLINK_FILE |  \
   W2N_WASI_RIGHTS_POLL_FD_READWRITE)

uint64_t w2n_wasi_rights_for(uint8_t filetype) {
  switch (filetype) {
  case W2N_WASI_FILETYPE_CHARACTER_DEVICE:
    return W2N_RIGHTS_TTY;
  case W2N_WASI_FILETYPE_DIRECTORY:
    return W2N_RIGHTS_DIR;
  case W2N_WASI_FILETYPE_SOCKET_STREAM:
  case W2N_WASI_FILETYPE_SOCKET_DGRAM:
    return W2N_RIGHTS_SOCKET;
  default:
    return W2N_RIGHTS_FD;
  }
}

uint8_t w2n_wasi_filetype_from_mode(uint32_t mode) {
  switch (mode & 0170000) {
  case 0020000:
    return W2N_WASI_FILETYPE_CHARACTER_DEVICE;
  case 0060000:
    return W2N_WASI_FILETYPE_BLOCK_DEVICE;
  case 0040000:
    return W2N_WASI_FILETYPE_DIRECTORY;
  case 0100000:
    return W2N_WASI_FILETYPE_REGULAR_FILE;
  /* A socket's kind (stream or datagram) would need getsockopt; streams
   * are what a WASI program is handed. */
  case 0140000:
    return W2N_WASI_FILETYPE_SOCKET_STREAM;
  case 0120000:
    return W2N_WASI_FILETYPE_SYMBOLIC_LINK;
  default:
    return W2N_WASI_FILETYPE_UNKNOWN; /* FIFOs: WASI has no type */
  }
}

long w2n_wasi_statx_fd(int host, uint32_t mask, uint8_t *buf) {
  long r = w2n_syscall5(W2N_SYS_statx, host, (long)"", W2N_AT_EMPTY_PATH,
                        mask, (long)buf);
  return w2n_syscall_failed(r) ? r : 0;
}

static void adopt(uint32_t fd, int host) {
  uint8_t stx[W2N_STATX_SIZE];
  long fl = w2n_syscall2(W2N_SYS_fcntl, host, W2N_F_GETFL);
  if (w2n_syscall_failed(fl) || w2n_wasi_statx_fd(host, W2N_STATX_TYPE, stx))
    return; /* not open: the guest's fd stays BADF */
  w2n_wasi_fd_entry *e = &table[fd];
  e->used = 1;
  e->host = host;
  e->node = W2N_BUNDLE_NO_NODE;
  e->pos = 0;
  e->filetype =
      w2n_wasi_filetype_from_mode(w2n_load_u16(stx + W2N_STATX_OFFSET_MODE));
  uint64_t rights = w2n_wasi_rights_for(e->filetype);
  if ((fl & W2N_O_ACCMODE) == W2N_O_RDONLY)
    rights &= ~W2N_WASI_RIGHTS_FD_WRITE;
  else if ((fl & W2N_O_ACCMODE) == W2N_O_WRONLY)
    rights &= ~W2N_WASI_RIGHTS_FD_READ;
  e->rights_base = rights;
  e->rights_inheriting = 0;
  e->preopen = 0;
  e->preopen_len = 0;
  e->flags = 0;
  if (fl & W2N_O_APPEND)
    e->flags |= W2N_WASI_FDFLAGS_APPEND;
  if (fl & W2N_O_NONBLOCK)
    e->flags |= W2N_WASI_FDFLAGS_NONBLOCK;
  if ((fl & W2N_O_SYNC) == W2N_O_SYNC)
    e->flags |= W2N_WASI_FDFLAGS_SYNC | W2N_WASI_FDFLAGS_RSYNC;
  if (fl & W2N_O_DSYNC)
    e->flags |= W2N_WASI_FDFLAGS_DSYNC;
}

void w2n_wasi_fdtable_init(void) {
  for (uint32_t i = 0; i < W2N_WASI_MAX_FDS; ++i)
    w2n_wasi_fd_free(i);
  for (uint32_t i = 0; i < 3; ++i)
    adopt(i, (int)i);
  initialised = 1;
}

int32_t w2n_wasi_fd_get(uint32_t fd, uint64_t rights, w2n_wasi_fd_entry **out) {
  if (!initialised || fd >= W2N_WASI_MAX_FDS || !table[fd].used)
    return W2N_WASI_ERRNO_BADF;
  if ((table[fd].rights_base & rights) != rights)
    return W2N_WASI_ERRNO_NOTCAPABLE;
  *out = &table[fd];
  return W2N_WASI_ERRNO_SUCCESS;
}

int32_t w2n_wasi_fd_alloc(int host, uint64_t rights, uint64_t inheriting) {
  for (uint32_t fd = 0; fd < W2N_WASI_MAX_FDS; ++fd) {
    if (table[fd].used)
      continue;
    adopt(fd, host);
    if (!table[fd].used)
      return -1;
    table[fd].rights_base &= rights;
    table[fd].rights_inheriting = inheriting;
    return (int32_t)fd;
  }
  return -1;
}

int32_t w2n_wasi_fd_alloc_node(uint32_t node, int host, uint64_t rights,
                               uint64_t inheriting) {
  const w2n_bundle_node *n = w2n_bundle_node_at(node);
  for (uint32_t fd = 0; fd < W2N_WASI_MAX_FDS; ++fd) {
    if (table[fd].used)
      continue;
    w2n_wasi_fd_entry *e = &table[fd];
    e->used = 1;
    e->host = host;
    e->node = node;
    e->pos = 0;
    e->filetype = n->type;
    e->flags = 0;
    e->preopen = 0;
    e->preopen_len = 0;
    e->rights_base = rights & (n->type == W2N_BUNDLE_DIR
                                   ? W2N_RIGHTS_DIR
                                   : W2N_RIGHTS_BUNDLED_FILE);
    e->rights_inheriting = inheriting;
    return (int32_t)fd;
  }
  return -1;
}

void w2n_wasi_fd_free(uint32_t fd) {
  if (fd < W2N_WASI_MAX_FDS) {
    table[fd].used = 0;
    table[fd].host = -1;
    table[fd].node = W2N_BUNDLE_NO_NODE;
  }
}

/*===- wasi/readdir.c - fd_readdir on host and bundled directories --------===*
 *
 * A cookie says where the next call resumes. For a host directory it is
 * the host's d_off of the entry before (0: the start), which lseek on the
 * directory takes back, so each call starts by seeking to it; d_off is
 * below 2^63. Bundle entries get cookies with the top bit set: 2^63 + k
 * resumes at the bundle's entry k ("." and ".." are 0 and 1, child i is
 * i + 2). A directory with both layers lists the host's entries, then the
 * bundle's children the host does not have.
 *
 * Entries go out until the buffer is full; the last one may be cut short,
 * which tells the guest (bufused == buf_len) to come back with more room.
 * "." and ".." are listed, as Wasmtime lists them.
 *===----------------------------------------------------------------------===*/
#include "wasi/bundle.h"
#include "wasi/fdtable.h"
#include "wasi/guest.h"

#include "arch/syscall.h"

#define BUNDLE_COOKIE (UINT64_C(1) << 63)

/* The host's struct linux_dirent64: d_ino, d_off, d_reclen, d_type, name. */
#define W2N_DIRENT64_OFFSET_INO 0
#define W2N_DIRENT64_OFFSET_OFF 8
#define W2N_DIRENT64_OFFSET_RECLEN 16
#define W2N_DIRENT64_OFFSET_TYPE 18
#define W2N_DIRENT64_OFFSET_NAME 19

static uint8_t filetype_from_dt(uint8_t dt) {
  switch (dt) {
  case 2:
    return W2N_WASI_FILETYPE_CHARACTER_DEVICE;
  case 4:
    return W2N_WASI_FILETYPE_DIRECTORY;
  case 6:
    return W2N_WASI_FILETYPE_BLOCK_DEVICE;
  case 8:
    return W2N_WASI_FILETYPE_REGULAR_FILE;
  case 10:
    return W2N_WASI_FILETYPE_SYMBOLIC_LINK;
  case 12:
    return W2N_WASI_FILETYPE_SOCKET_STREAM;
  default:
    return W2N_WASI_FILETYPE_UNKNOWN;
  }
}

typedef struct {
  uint8_t *out;
  uint32_t len, used;
} dirent_buf;

/* Appends one entry, cut short when the buffer ends; 0 once it is full. */
static int emit(dirent_buf *b, uint64_t next, uint64_t ino, uint8_t type,
                const char *name, uint32_t namlen) {
  uint8_t ent[W2N_WASI_DIRENT_SIZE];
  memset(ent, 0, sizeof ent);
  w2n_put_u64(ent + W2N_WASI_DIRENT_OFFSET_D_NEXT, next);
  w2n_put_u64(ent + W2N_WASI_DIRENT_OFFSET_D_INO, ino);
  w2n_put_u32(ent + W2N_WASI_DIRENT_OFFSET_D_NAMLEN, namlen);
  ent[W2N_WASI_DIRENT_OFFSET_D_TYPE] = type;
  uint32_t k = b->len - b->used < sizeof ent ? b->len - b->used : sizeof ent;
  memcpy(b->out + b->used, ent, k);
  b->used += k;
  k = b->len - b->used < namlen ? b->len - b->used : namlen;
  memcpy(b->out + b->used, name, k);
  b->used += k;
  return b->used < b->len;
}

/* The host directory's entries from cookie on; 1 when they ran out (the
 * bundle's may follow), 0 when the buffer is full, or -errno. */
static long host_entries(int dir, uint64_t cookie, dirent_buf *b) {
  long r = w2n_syscall3(W2N_SYS_lseek, dir, (long)cookie, 0 /* SET */);
  if (w2n_syscall_failed(r))
    return r;
  _Alignas(8) uint8_t host[4096];
  for (;;) {
    long n = w2n_syscall3(W2N_SYS_getdents64, dir, (long)host, sizeof host);
    if (w2n_syscall_failed(n))
      return n;
    if (n == 0)
      return 1;
    for (long at = 0; at < n;) {
      const uint8_t *d = host + at;
      const char *name = (const char *)d + W2N_DIRENT64_OFFSET_NAME;
      if (!emit(b, w2n_load_u64(d + W2N_DIRENT64_OFFSET_OFF),
                w2n_load_u64(d + W2N_DIRENT64_OFFSET_INO),
                filetype_from_dt(d[W2N_DIRENT64_OFFSET_TYPE]), name,
                (uint32_t)strlen(name)))
        return 0;
      at += w2n_load_u16(d + W2N_DIRENT64_OFFSET_RECLEN);
    }
  }
}

/* The bundle directory's entries from k on; with a host directory over it
 * (host >= 0), only the children the host lacks, and no "." or "..". */
static void bundle_entries(uint32_t node, int host, uint64_t k,
                           dirent_buf *b) {
  const w2n_bundle_node *d = w2n_bundle_node_at(node);
  const w2n_bundle_header *h = w2n_bundle_image();
  for (; k < (uint64_t)d->num_children + 2; ++k) {
    if (k < 2) {
      if (host >= 0)
        continue;
      uint32_t self = k == 0 ? node : d->parent;
      if (!emit(b, BUNDLE_COOKIE | (k + 1), (uint64_t)self + 1,
                W2N_WASI_FILETYPE_DIRECTORY, "..", (uint32_t)k + 1))
        return;
      continue;
    }
    uint32_t child = d->first_child + (uint32_t)(k - 2);
    const w2n_bundle_node *c = w2n_bundle_node_at(child);
    char name[W2N_WASI_DIRENT_SIZE + 256];
    uint32_t n = c->name_len < 255 ? c->name_len : 255;
    memcpy(name, w2n_bundle_bytes(h->names_off + c->name_off), n);
    name[n] = 0;
    if (host >= 0) {
      uint8_t stx[W2N_STATX_SIZE];
      if (w2n_syscall5(W2N_SYS_statx, host, (long)name,
                       W2N_AT_SYMLINK_NOFOLLOW, W2N_STATX_TYPE,
                       (long)stx) != -2 /* ENOENT: not hidden */)
        continue;
    }
    if (!emit(b, BUNDLE_COOKIE | (k + 1), (uint64_t)child + 1, c->type, name,
              n))
      return;
  }
}

int32_t w2n_wasi_fd_readdir(void *c, uint32_t fd, uint32_t buf, uint32_t len,
                            uint64_t cookie, uint32_t bufused_ptr) {
  w2n_wasi_fd_entry *e;
  int32_t err = w2n_wasi_fd_get(fd, 0, &e);
  if (err)
    return err;
  if (e->filetype != W2N_WASI_FILETYPE_DIRECTORY)
    return W2N_WASI_ERRNO_NOTDIR;
  if (!(e->rights_base & W2N_WASI_RIGHTS_FD_READDIR))
    return W2N_WASI_ERRNO_NOTCAPABLE;
  dirent_buf b = {w2n_guest(buf, len), len, 0};
  if (!b.out || !w2n_guest(bufused_ptr, 4))
    return W2N_WASI_ERRNO_FAULT;
  int in_bundle = (cookie & BUNDLE_COOKIE) != 0;
  if (in_bundle && e->node == W2N_BUNDLE_NO_NODE)
    return W2N_WASI_ERRNO_INVAL;
  uint64_t k = in_bundle ? cookie & ~BUNDLE_COOKIE : 0;
  int more = len > 0;
  if (more && e->host >= 0 && !in_bundle) {
    long r = host_entries(e->host, cookie, &b);
    if (w2n_syscall_failed(r))
      return w2n_wasi_errno_from_syscall(r);
    more = r == 1;
    k = 2;
  }
  if (more && e->node != W2N_BUNDLE_NO_NODE)
    bundle_entries(e->node, e->host, k, &b);
  w2n_guest_store_u32(bufused_ptr, b.used);
  return W2N_WASI_ERRNO_SUCCESS;
}

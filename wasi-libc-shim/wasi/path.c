/*===- wasi/path.c - The path_* functions ---------------------------------===*
 *
 * Each checks its directory fd (BADF, NOTDIR, then NOTCAPABLE for the
 * rights the operation needs) and its other arguments before it resolves
 * the path (wasi/resolve.h), then acts with one *at system call on the
 * directory and name the resolver returns, never following a final
 * symbolic link itself: where a link is to be followed the resolver has
 * already done so inside the sandbox.
 *
 * Where the name is only in a bundle (the lower layer), reads are served
 * from it, and anything that would change it fails as on a read-only file
 * system (ROFS); a name a bundle has cannot be created over it (EXIST).
 *===----------------------------------------------------------------------===*/
#include "wasi/bundle.h"
#include "wasi/fdtable.h"
#include "wasi/guest.h"
#include "wasi/resolve.h"

#include "arch/syscall.h"

#define OK W2N_WASI_ERRNO_SUCCESS
#define FAULT W2N_WASI_ERRNO_FAULT
#define INVAL W2N_WASI_ERRNO_INVAL

static int32_t fail(long r) { return w2n_wasi_errno_from_syscall(r); }

#define W2N_EISDIR 21 /* Linux's, on every target */

/* The directory entry of fd, which must have rights. */
static int32_t get_dir(uint32_t fd, uint64_t rights, w2n_wasi_fd_entry **e) {
  int32_t err = w2n_wasi_fd_get(fd, 0, e);
  if (err)
    return err;
  if ((*e)->filetype != W2N_WASI_FILETYPE_DIRECTORY)
    return W2N_WASI_ERRNO_NOTDIR;
  return w2n_wasi_fd_get(fd, rights, e);
}

/* Looks fd up as a directory with rights and resolves path under it. */
static int32_t resolve(uint32_t fd, uint64_t rights, uint32_t path,
                       uint32_t len, int follow, w2n_wasi_path *p) {
  w2n_wasi_fd_entry *e;
  int32_t err = get_dir(fd, rights, &e);
  return err ? err : w2n_wasi_path_resolve(e, path, len, follow, p);
}

/* How a lookup treats a final link: WASI's SYMLINK_FOLLOW lookup flag, and
 * POSIX's "name/" that always follows. */
static int lookup_follow(uint32_t lookupflags) {
  return lookupflags & W2N_WASI_LOOKUPFLAGS_SYMLINK_FOLLOW
             ? W2N_RESOLVE_FOLLOW
             : W2N_RESOLVE_FOLLOW_IF_SLASH;
}

/* The result of a system call on a resolved path, which is then released. */
static int32_t done(w2n_wasi_path *p, long r) {
  w2n_wasi_path_release(p);
  return w2n_syscall_failed(r) ? fail(r) : OK;
}

#define NO_NODE W2N_BUNDLE_NO_NODE
#define ROFS W2N_WASI_ERRNO_ROFS
#define NOENT W2N_WASI_ERRNO_NOENT

/* The bundle's entry for the resolved name when the host has nothing by
 * that name (the host's entry wins), else NO_NODE. */
static uint32_t lower_entry(w2n_wasi_path *p) {
  if (p->node == NO_NODE)
    return NO_NODE;
  const char *name = w2n_wasi_path_name(p, 0);
  if (name[0] == '.' && name[1] == 0)
    return p->dir >= 0 ? NO_NODE : p->node;
  if (p->dir >= 0) {
    uint8_t stx[W2N_STATX_SIZE];
    long r = w2n_syscall5(W2N_SYS_statx, p->dir, (long)name,
                          W2N_AT_SYMLINK_NOFOLLOW, W2N_STATX_TYPE, (long)stx);
    if (r != -2 /* ENOENT */)
      return NO_NODE;
  }
  return w2n_bundle_lookup(p->node, name, p->name_len);
}

/* Where a name a change would act on is: 0 on the host, or the error the
 * change gets (ROFS in a bundle; NOENT where neither has it). */
static int32_t changeable(w2n_wasi_path *p) {
  if (lower_entry(p) != NO_NODE)
    return ROFS;
  return p->dir < 0 ? NOENT : OK;
}

/* Where a name a creation would make goes: 0 on the host, EXIST when a
 * bundle has it, ROFS in a directory only a bundle has. */
static int32_t creatable(w2n_wasi_path *p) {
  if (lower_entry(p) != NO_NODE)
    return W2N_WASI_ERRNO_EXIST;
  return p->dir < 0 ? ROFS : OK;
}

/* Opens bundle node n (the lower entry of p) as path_open would. */
static int32_t open_bundled(uint32_t n, w2n_wasi_path *p, uint32_t oflags,
                            int writing, uint64_t base, uint64_t inheriting,
                            const w2n_wasi_fd_entry *dir, uint32_t fd_ptr) {
  const w2n_bundle_node *node = w2n_bundle_node_at(n);
  if ((oflags & W2N_WASI_OFLAGS_CREAT) && (oflags & W2N_WASI_OFLAGS_EXCL))
    return W2N_WASI_ERRNO_EXIST;
  if (node->type == W2N_BUNDLE_SYMLINK)
    return W2N_WASI_ERRNO_LOOP; /* O_NOFOLLOW's answer */
  if ((oflags & W2N_WASI_OFLAGS_DIRECTORY || p->trailing_slash) &&
      node->type != W2N_BUNDLE_DIR)
    return W2N_WASI_ERRNO_NOTDIR;
  if (node->type == W2N_BUNDLE_DIR && writing)
    return W2N_WASI_ERRNO_ISDIR;
  if (writing || oflags & W2N_WASI_OFLAGS_TRUNC)
    return ROFS;
  int32_t guest = w2n_wasi_fd_alloc_node(n, -1, base & dir->rights_inheriting,
                                         inheriting & dir->rights_inheriting);
  if (guest < 0)
    return W2N_WASI_ERRNO_MFILE;
  w2n_guest_store_u32(fd_ptr, (uint32_t)guest);
  return OK;
}

/* Rights that need the file opened for writing (wasi-libc asks for all
 * four with O_WRONLY or O_RDWR, and none of them with O_RDONLY). */
#define W2N_RIGHTS_WRITING                                                     \
  (W2N_WASI_RIGHTS_FD_WRITE | W2N_WASI_RIGHTS_FD_DATASYNC |                    \
   W2N_WASI_RIGHTS_FD_ALLOCATE | W2N_WASI_RIGHTS_FD_FILESTAT_SET_SIZE)

int32_t w2n_wasi_path_open(void *c, uint32_t fd, uint32_t dirflags,
                           uint32_t path, uint32_t path_len, uint32_t oflags,
                           uint64_t base, uint64_t inheriting,
                           uint32_t fdflags, uint32_t fd_ptr) {
  if (dirflags & ~W2N_WASI_LOOKUPFLAGS_ALL || oflags & ~W2N_WASI_OFLAGS_ALL ||
      fdflags & ~W2N_WASI_FDFLAGS_ALL)
    return INVAL;
  uint64_t need = W2N_WASI_RIGHTS_PATH_OPEN;
  if (oflags & W2N_WASI_OFLAGS_CREAT)
    need |= W2N_WASI_RIGHTS_PATH_CREATE_FILE;
  if (oflags & W2N_WASI_OFLAGS_TRUNC)
    need |= W2N_WASI_RIGHTS_PATH_FILESTAT_SET_SIZE;
  w2n_wasi_fd_entry *dir;
  int32_t err = get_dir(fd, need, &dir);
  if (err)
    return err;
  if (!w2n_guest(fd_ptr, 4))
    return FAULT;

  long flags = W2N_O_CLOEXEC | W2N_O_NOFOLLOW;
  /* A directory is opened for reading whatever other writing rights were
   * asked for (a preopen's own rights include some): its fd keeps only
   * directory rights. Asked for FD_WRITE, it is opened for writing, which
   * the kernel refuses with EISDIR, as Wasmtime and POSIX do. */
  int writing = (base & W2N_RIGHTS_WRITING) != 0 &&
                (!(oflags & W2N_WASI_OFLAGS_DIRECTORY) ||
                 (base & W2N_WASI_RIGHTS_FD_WRITE));
  int reading =
      (base & (W2N_WASI_RIGHTS_FD_READ | W2N_WASI_RIGHTS_FD_READDIR)) != 0;
  flags |= writing ? (reading ? W2N_O_RDWR : W2N_O_WRONLY) : W2N_O_RDONLY;
  if (oflags & W2N_WASI_OFLAGS_CREAT)
    flags |= W2N_O_CREAT;
  if (oflags & W2N_WASI_OFLAGS_DIRECTORY)
    flags |= W2N_O_DIRECTORY;
  if (oflags & W2N_WASI_OFLAGS_EXCL)
    flags |= W2N_O_EXCL;
  if (oflags & W2N_WASI_OFLAGS_TRUNC)
    flags |= W2N_O_TRUNC;
  if (fdflags & W2N_WASI_FDFLAGS_APPEND)
    flags |= W2N_O_APPEND;
  if (fdflags & W2N_WASI_FDFLAGS_NONBLOCK)
    flags |= W2N_O_NONBLOCK;
  if (fdflags & W2N_WASI_FDFLAGS_DSYNC)
    flags |= W2N_O_DSYNC;
  if (fdflags & (W2N_WASI_FDFLAGS_SYNC | W2N_WASI_FDFLAGS_RSYNC))
    flags |= W2N_O_SYNC; /* Linux's O_RSYNC is O_SYNC */

  /* With O_EXCL a final link is never followed (POSIX: the open fails). */
  int follow = (dirflags & W2N_WASI_LOOKUPFLAGS_SYMLINK_FOLLOW) &&
                       !(oflags & W2N_WASI_OFLAGS_EXCL)
                   ? W2N_RESOLVE_FOLLOW
                   : W2N_RESOLVE_FOLLOW_IF_SLASH;
  w2n_wasi_path p;
  err = w2n_wasi_path_resolve(dir, path, path_len, follow, &p);
  if (err)
    return err;
  if (p.trailing_slash)
    flags |= W2N_O_DIRECTORY;
  uint32_t lower = lower_entry(&p);
  if (lower != NO_NODE || p.dir < 0) {
    w2n_wasi_path_release(&p);
    if (lower == NO_NODE)
      return oflags & W2N_WASI_OFLAGS_CREAT ? ROFS : NOENT;
    return open_bundled(lower, &p, oflags, writing, base, inheriting, dir,
                        fd_ptr);
  }
  const char *name = w2n_wasi_path_name(&p, 0);
  long host = w2n_syscall4(W2N_SYS_openat, p.dir, (long)name, flags, 0666);
  /* Rights a directory may have (FD_DATASYNC among them) are not a request
   * to write it: a program that passes a preopen's own rights back, as
   * WASI's path_open_preopen test does, gets a directory handle, read-only,
   * as under Wasmtime. Asked for FD_WRITE, as open(2) with O_WRONLY or
   * O_RDWR asks, a directory is ISDIR, as POSIX says. */
  if (host == -W2N_EISDIR && !(base & W2N_WASI_RIGHTS_FD_WRITE) &&
      !(oflags & (W2N_WASI_OFLAGS_CREAT | W2N_WASI_OFLAGS_TRUNC)))
    host = w2n_syscall4(W2N_SYS_openat, p.dir, (long)name,
                        (flags & ~(long)(W2N_O_ACCMODE | W2N_O_APPEND)) |
                            W2N_O_RDONLY | W2N_O_DIRECTORY,
                        0);
  /* A directory a bundle has too keeps the bundle's as its lower layer. */
  uint32_t layer = NO_NODE;
  if (!w2n_syscall_failed(host) && p.node != NO_NODE)
    layer = name[0] == '.' && name[1] == 0
                ? p.node
                : w2n_bundle_lookup(p.node, name, p.name_len);
  w2n_wasi_path_release(&p);
  if (w2n_syscall_failed(host))
    return fail(host);
  int32_t guest = w2n_wasi_fd_alloc((int)host, base & dir->rights_inheriting,
                                    inheriting & dir->rights_inheriting);
  if (guest < 0) {
    w2n_syscall1(W2N_SYS_close, host);
    return W2N_WASI_ERRNO_MFILE;
  }
  w2n_wasi_fd_entry *e;
  if (layer != NO_NODE && !w2n_wasi_fd_get((uint32_t)guest, 0, &e) &&
      e->filetype == W2N_WASI_FILETYPE_DIRECTORY &&
      w2n_bundle_node_at(layer)->type == W2N_BUNDLE_DIR)
    e->node = layer;
  w2n_guest_store_u32(fd_ptr, (uint32_t)guest);
  return OK;
}

int32_t w2n_wasi_path_create_directory(void *c, uint32_t fd, uint32_t path,
                                       uint32_t len) {
  w2n_wasi_path p;
  int32_t err = resolve(fd, W2N_WASI_RIGHTS_PATH_CREATE_DIRECTORY, path, len,
                        W2N_RESOLVE_NOFOLLOW, &p);
  if (!err && (err = creatable(&p)))
    w2n_wasi_path_release(&p);
  if (err)
    return err;
  return done(&p, w2n_syscall3(W2N_SYS_mkdirat, p.dir,
                               (long)w2n_wasi_path_name(&p, 1), 0777));
}

/* Removes a name the host directory has (rmdir with AT_REMOVEDIR, else
 * unlink); the kernel applies the trailing-slash rules. */
static int32_t remove_name(uint32_t fd, uint64_t right, uint32_t path,
                           uint32_t len, long at_flags) {
  w2n_wasi_path p;
  int32_t err = resolve(fd, right, path, len, W2N_RESOLVE_NOFOLLOW, &p);
  if (!err && (err = changeable(&p)))
    w2n_wasi_path_release(&p);
  if (err)
    return err;
  return done(&p, w2n_syscall3(W2N_SYS_unlinkat, p.dir,
                               (long)w2n_wasi_path_name(&p, 1), at_flags));
}

int32_t w2n_wasi_path_remove_directory(void *c, uint32_t fd, uint32_t path,
                                       uint32_t len) {
  return remove_name(fd, W2N_WASI_RIGHTS_PATH_REMOVE_DIRECTORY, path, len,
                     W2N_AT_REMOVEDIR);
}

int32_t w2n_wasi_path_unlink_file(void *c, uint32_t fd, uint32_t path,
                                  uint32_t len) {
  return remove_name(fd, W2N_WASI_RIGHTS_PATH_UNLINK_FILE, path, len, 0);
}

/* statx of the resolved name, which must be a directory when the guest's
 * path ended in '/'. */
static long statx_path(w2n_wasi_path *p, uint8_t *stx) {
  long r = w2n_syscall5(W2N_SYS_statx, p->dir, (long)w2n_wasi_path_name(p, 0),
                        W2N_AT_SYMLINK_NOFOLLOW, W2N_STATX_BASIC_STATS,
                        (long)stx);
  if (w2n_syscall_failed(r))
    return r;
  if (p->trailing_slash &&
      (w2n_load_u16(stx + W2N_STATX_OFFSET_MODE) & 0170000) != 0040000)
    return -20; /* ENOTDIR */
  return 0;
}

int32_t w2n_wasi_path_filestat_get(void *c, uint32_t fd, uint32_t flags,
                                   uint32_t path, uint32_t len,
                                   uint32_t buf_ptr) {
  if (flags & ~W2N_WASI_LOOKUPFLAGS_ALL)
    return INVAL;
  w2n_wasi_fd_entry *dir;
  int32_t err = get_dir(fd, W2N_WASI_RIGHTS_PATH_FILESTAT_GET, &dir);
  if (err)
    return err;
  uint8_t *out = w2n_guest(buf_ptr, W2N_WASI_FILESTAT_SIZE);
  if (!out)
    return FAULT;
  w2n_wasi_path p;
  err = w2n_wasi_path_resolve(dir, path, len, lookup_follow(flags), &p);
  if (err)
    return err;
  uint32_t lower = lower_entry(&p);
  if (lower != NO_NODE || p.dir < 0) {
    w2n_wasi_path_release(&p);
    if (lower == NO_NODE)
      return NOENT;
    if (p.trailing_slash && w2n_bundle_node_at(lower)->type != W2N_BUNDLE_DIR)
      return W2N_WASI_ERRNO_NOTDIR;
    w2n_bundle_filestat(lower, out);
    return OK;
  }
  uint8_t stx[W2N_STATX_SIZE];
  long r = statx_path(&p, stx);
  w2n_wasi_path_release(&p);
  if (r)
    return fail(r);
  w2n_wasi_filestat_from_statx(out, stx);
  return OK;
}

int32_t w2n_wasi_path_filestat_set_times(void *c, uint32_t fd, uint32_t flags,
                                         uint32_t path, uint32_t len,
                                         uint64_t atim, uint64_t mtim,
                                         uint32_t fst) {
  if (flags & ~W2N_WASI_LOOKUPFLAGS_ALL)
    return INVAL;
  long ts[4];
  int32_t err = w2n_wasi_utimens(ts, atim, mtim, fst);
  if (err)
    return err;
  w2n_wasi_path p;
  err = resolve(fd, W2N_WASI_RIGHTS_PATH_FILESTAT_SET_TIMES, path, len,
                lookup_follow(flags), &p);
  if (!err && (err = changeable(&p)))
    w2n_wasi_path_release(&p);
  if (err)
    return err;
  uint8_t stx[W2N_STATX_SIZE];
  long r = p.trailing_slash ? statx_path(&p, stx) : 0;
  if (r)
    return done(&p, r);
  return done(&p, w2n_syscall4(W2N_SYS_utimensat, p.dir,
                               (long)w2n_wasi_path_name(&p, 0), (long)ts,
                               W2N_AT_SYMLINK_NOFOLLOW));
}

/* The source is the link itself unless SYMLINK_FOLLOW asks for what it
 * leads to (linkat's AT_SYMLINK_FOLLOW, done by the resolver). */
int32_t w2n_wasi_path_link(void *c, uint32_t old_fd, uint32_t old_flags,
                           uint32_t old_path, uint32_t old_len,
                           uint32_t new_fd, uint32_t new_path,
                           uint32_t new_len) {
  if (old_flags & ~W2N_WASI_LOOKUPFLAGS_ALL)
    return INVAL;
  w2n_wasi_fd_entry *from_dir, *to_dir;
  int32_t err = get_dir(old_fd, W2N_WASI_RIGHTS_PATH_LINK_SOURCE, &from_dir);
  if (!err)
    err = get_dir(new_fd, W2N_WASI_RIGHTS_PATH_LINK_TARGET, &to_dir);
  if (err)
    return err;
  w2n_wasi_path from, to;
  err = w2n_wasi_path_resolve(from_dir, old_path, old_len,
                              lookup_follow(old_flags), &from);
  if (err)
    return err;
  err = w2n_wasi_path_resolve(to_dir, new_path, new_len, W2N_RESOLVE_NOFOLLOW,
                              &to);
  if (err) {
    w2n_wasi_path_release(&from);
    return err;
  }
  /* A bundled file cannot gain a host name: another file system. */
  err = lower_entry(&from) != NO_NODE ? W2N_WASI_ERRNO_XDEV
        : from.dir < 0                ? NOENT
                                      : creatable(&to);
  if (err) {
    w2n_wasi_path_release(&from);
    w2n_wasi_path_release(&to);
    return err;
  }
  uint8_t stx[W2N_STATX_SIZE];
  long r = from.trailing_slash ? statx_path(&from, stx) : 0;
  if (!r)
    r = w2n_syscall5(W2N_SYS_linkat, from.dir,
                     (long)w2n_wasi_path_name(&from, 0), to.dir,
                     (long)w2n_wasi_path_name(&to, 1), 0);
  w2n_wasi_path_release(&from);
  return done(&to, r);
}

int32_t w2n_wasi_path_rename(void *c, uint32_t fd, uint32_t old_path,
                             uint32_t old_len, uint32_t new_fd,
                             uint32_t new_path, uint32_t new_len) {
  w2n_wasi_fd_entry *from_dir, *to_dir;
  int32_t err = get_dir(fd, W2N_WASI_RIGHTS_PATH_RENAME_SOURCE, &from_dir);
  if (!err)
    err = get_dir(new_fd, W2N_WASI_RIGHTS_PATH_RENAME_TARGET, &to_dir);
  if (err)
    return err;
  w2n_wasi_path from, to;
  err = w2n_wasi_path_resolve(from_dir, old_path, old_len,
                              W2N_RESOLVE_NOFOLLOW, &from);
  if (err)
    return err;
  err = w2n_wasi_path_resolve(to_dir, new_path, new_len, W2N_RESOLVE_NOFOLLOW,
                              &to);
  if (err) {
    w2n_wasi_path_release(&from);
    return err;
  }
  err = changeable(&from);
  if (!err)
    err = lower_entry(&to) != NO_NODE || to.dir < 0 ? ROFS : OK;
  if (err) {
    w2n_wasi_path_release(&from);
    w2n_wasi_path_release(&to);
    return err;
  }
  long r = w2n_syscall5(W2N_SYS_renameat2, from.dir,
                        (long)w2n_wasi_path_name(&from, 1), to.dir,
                        (long)w2n_wasi_path_name(&to, 1), 0);
  w2n_wasi_path_release(&from);
  return done(&to, r);
}

/* The link's target is stored as given, but must be relative: a link that
 * could only ever lead outside the sandbox is refused (PERM, as WASI's
 * path-resolution rules and Wasmtime say). */
int32_t w2n_wasi_path_symlink(void *c, uint32_t old_path, uint32_t old_len,
                              uint32_t fd, uint32_t new_path,
                              uint32_t new_len) {
  w2n_wasi_fd_entry *dir;
  int32_t err = get_dir(fd, W2N_WASI_RIGHTS_PATH_SYMLINK, &dir);
  if (err)
    return err;
  const uint8_t *src = w2n_guest(old_path, old_len);
  if (!src)
    return FAULT;
  if (old_len >= W2N_PATH_MAX)
    return W2N_WASI_ERRNO_NAMETOOLONG;
  char target[W2N_PATH_MAX];
  for (uint32_t i = 0; i < old_len; ++i)
    if ((target[i] = (char)src[i]) == 0)
      return INVAL;
  target[old_len] = 0;
  if (old_len > 0 && target[0] == '/')
    return W2N_WASI_ERRNO_PERM;
  w2n_wasi_path p;
  err = w2n_wasi_path_resolve(dir, new_path, new_len, W2N_RESOLVE_NOFOLLOW,
                              &p);
  if (!err && (err = creatable(&p)))
    w2n_wasi_path_release(&p);
  if (err)
    return err;
  return done(&p, w2n_syscall3(W2N_SYS_symlinkat, (long)target, p.dir,
                               (long)w2n_wasi_path_name(&p, 1)));
}

/* A buffer too small gets the start of the target, as POSIX readlink
 * gives it. */
int32_t w2n_wasi_path_readlink(void *c, uint32_t fd, uint32_t path,
                               uint32_t len, uint32_t buf, uint32_t buf_len,
                               uint32_t bufused_ptr) {
  w2n_wasi_fd_entry *dir;
  int32_t err = get_dir(fd, W2N_WASI_RIGHTS_PATH_READLINK, &dir);
  if (err)
    return err;
  uint8_t *out = w2n_guest(buf, buf_len);
  if (!out || !w2n_guest(bufused_ptr, 4))
    return FAULT;
  w2n_wasi_path p;
  err = w2n_wasi_path_resolve(dir, path, len, W2N_RESOLVE_FOLLOW_IF_SLASH, &p);
  if (err)
    return err;
  char target[W2N_PATH_MAX];
  long r;
  uint32_t lower = lower_entry(&p);
  if (lower != NO_NODE || p.dir < 0) {
    const w2n_bundle_node *n =
        lower == NO_NODE ? 0 : w2n_bundle_node_at(lower);
    r = !n                                 ? -2  /* ENOENT */
        : n->type != W2N_BUNDLE_SYMLINK    ? -22 /* EINVAL */
        : n->size > sizeof target          ? -36 /* ENAMETOOLONG */
                                           : (long)n->size;
    if (n && r >= 0)
      memcpy(target, w2n_bundle_bytes(n->data_off), (size_t)r);
  } else {
    r = w2n_syscall4(W2N_SYS_readlinkat, p.dir,
                     (long)w2n_wasi_path_name(&p, 0), (long)target,
                     sizeof target);
  }
  w2n_wasi_path_release(&p);
  if (w2n_syscall_failed(r))
    return fail(r);
  uint32_t n = (uint32_t)r < buf_len ? (uint32_t)r : buf_len;
  memcpy(out, target, n);
  w2n_guest_store_u32(bufused_ptr, n);
  return OK;
}

/*===- wasi/resolve.c - Paths that cannot leave their directory -----------===*/
#include "wasi/resolve.h"
#include "wasi/bundle.h"
#include "wasi/guest.h"

#include "arch/syscall.h"

#define W2N_ENOENT 2
#define W2N_ENOTDIR 20
#define W2N_EINVAL 22
#define W2N_ELOOP 40

/* Whether s is well-formed UTF-8 (no overlong forms, surrogates or code
 * points past U+10FFFF): WASI strings are Unicode. */
static int utf8_valid(const uint8_t *s, uint32_t n) {
  for (uint32_t i = 0; i < n;) {
    uint8_t c = s[i];
    uint32_t extra;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      extra = 1, cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      extra = 2, cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      extra = 3, cp = c & 0x07;
    } else {
      return 0;
    }
    if (n - i <= extra)
      return 0;
    for (uint32_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xc0) != 0x80)
        return 0;
      cp = cp << 6 | (s[i + k] & 0x3f);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return 0;
    i += extra + 1;
  }
  return 1;
}

/* The directories entered: level 0 is where the walk started (the
 * caller's), the others were opened by the walk. Each level has a host
 * directory (fds, -1 where the path exists only in a bundle) and a bundle
 * directory node (nodes, W2N_BUNDLE_NO_NODE where it has none). */
typedef struct {
  int fds[W2N_PATH_MAX_DEPTH + 1];
  uint32_t nodes[W2N_PATH_MAX_DEPTH + 1];
  uint32_t depth;
} dir_stack;

static void close_above(dir_stack *s, uint32_t keep) {
  for (; s->depth > keep; --s->depth)
    if (s->fds[s->depth] >= 0)
      w2n_syscall1(W2N_SYS_close, s->fds[s->depth]);
}

static int32_t push(dir_stack *s, long fd, uint32_t node) {
  if (s->depth == W2N_PATH_MAX_DEPTH) {
    if (fd >= 0)
      w2n_syscall1(W2N_SYS_close, fd);
    return W2N_WASI_ERRNO_NAMETOOLONG;
  }
  ++s->depth;
  s->fds[s->depth] = (int)fd;
  s->nodes[s->depth] = node;
  return W2N_WASI_ERRNO_SUCCESS;
}

/* Replaces the walk's remaining path by a link's target followed by what
 * came after the link (tail, which starts with its '/' when there is
 * any). */
static int32_t splice(char *into, uint32_t *into_len, const char *target,
                      uint32_t target_len, const char *tail,
                      uint32_t tail_len) {
  if (target_len == 0)
    return W2N_WASI_ERRNO_NOENT;
  if (target[0] == '/')
    return W2N_WASI_ERRNO_PERM;
  if ((uint64_t)target_len + tail_len > W2N_PATH_MAX)
    return W2N_WASI_ERRNO_NAMETOOLONG;
  memcpy(into, target, target_len);
  memcpy(into + target_len, tail, tail_len);
  *into_len = target_len + tail_len;
  return W2N_WASI_ERRNO_SUCCESS;
}

static void set_name(w2n_wasi_path *out, const char *name, uint32_t n,
                     int slash) {
  memcpy(out->name, name, n);
  out->name[n] = 0;
  out->name_len = n;
  out->trailing_slash = slash;
}

int32_t w2n_wasi_path_resolve(const w2n_wasi_fd_entry *dir, uint32_t path,
                              uint32_t len, int follow, w2n_wasi_path *out) {
  const uint8_t *src = w2n_guest(path, len);
  if (!src)
    return W2N_WASI_ERRNO_FAULT;
  if (len == 0)
    return W2N_WASI_ERRNO_NOENT;
  if (len > W2N_PATH_MAX)
    return W2N_WASI_ERRNO_NAMETOOLONG;
  for (uint32_t i = 0; i < len; ++i)
    if (src[i] == 0)
      return W2N_WASI_ERRNO_INVAL;
  if (!utf8_valid(src, len))
    return W2N_WASI_ERRNO_ILSEQ;
  if (src[0] == '/')
    return W2N_WASI_ERRNO_PERM;

  /* What is left to walk is rest[at, rest_len); a link's expansion is
   * built in the other buffer. */
  char bufs[2][W2N_PATH_MAX];
  char target[W2N_PATH_MAX];
  uint32_t which = 0;
  char *rest = bufs[0];
  uint32_t rest_len = len;
  memcpy(rest, src, len);
  uint32_t at = 0;
  uint32_t links = 0;
  dir_stack s;
  s.fds[0] = dir->host;
  s.nodes[0] = dir->node;
  s.depth = 0;
  int32_t err;

  for (;;) {
    while (at < rest_len && rest[at] == '/')
      ++at;
    uint32_t start = at;
    while (at < rest_len && rest[at] != '/')
      ++at;
    uint32_t n = at - start;
    const char *comp = rest + start;
    uint32_t after = at;
    while (after < rest_len && rest[after] == '/')
      ++after;
    int last = after == rest_len;
    int slash = last && at < rest_len;

    if (n == 0 || (n == 1 && comp[0] == '.')) {
      if (last) {
        set_name(out, ".", 1, slash);
        break;
      }
      continue;
    }
    if (n == 2 && comp[0] == '.' && comp[1] == '.') {
      if (s.depth == 0) {
        err = W2N_WASI_ERRNO_PERM;
        goto fail;
      }
      close_above(&s, s.depth - 1);
      if (last) {
        set_name(out, ".", 1, slash);
        break;
      }
      continue;
    }
    if (n > W2N_NAME_MAX) {
      err = W2N_WASI_ERRNO_NAMETOOLONG;
      goto fail;
    }
    char name[W2N_NAME_MAX + 1];
    memcpy(name, comp, n);
    name[n] = 0;
    int top = s.fds[s.depth];
    uint32_t top_node = s.nodes[s.depth];

    if (last && !(follow == W2N_RESOLVE_FOLLOW ||
                  (follow == W2N_RESOLVE_FOLLOW_IF_SLASH && slash))) {
      set_name(out, name, n, slash);
      break;
    }
    /* The host directory first: where it has the name, it wins. */
    long t = -W2N_ENOENT; /* a link's length, or why there is none */
    long host_dir = -1;
    if (top >= 0 && !last) {
      host_dir = w2n_syscall4(W2N_SYS_openat, top, (long)name,
                              W2N_O_PATH | W2N_O_DIRECTORY | W2N_O_NOFOLLOW |
                                  W2N_O_CLOEXEC,
                              0);
      if (w2n_syscall_failed(host_dir)) {
        /* Not a directory: perhaps a link to one. */
        if (host_dir != -W2N_ENOTDIR && host_dir != -W2N_ELOOP &&
            host_dir != -W2N_ENOENT) {
          err = w2n_wasi_errno_from_syscall(host_dir);
          goto fail;
        }
        if (host_dir != -W2N_ENOENT)
          t = w2n_syscall4(W2N_SYS_readlinkat, top, (long)name, (long)target,
                           sizeof target);
        host_dir = -1;
      } else {
        t = -W2N_EINVAL; /* there, and not a link */
      }
    } else if (top >= 0) {
      t = w2n_syscall4(W2N_SYS_readlinkat, top, (long)name, (long)target,
                       sizeof target);
    }
    if (t == -W2N_ENOENT && top_node != W2N_BUNDLE_NO_NODE) {
      /* Absent from the host: the bundle's entry, if any. */
      uint32_t child = w2n_bundle_lookup(top_node, name, n);
      const w2n_bundle_node *c =
          child == W2N_BUNDLE_NO_NODE ? 0 : w2n_bundle_node_at(child);
      if (c && c->type == W2N_BUNDLE_SYMLINK && c->size < sizeof target) {
        memcpy(target, w2n_bundle_bytes(c->data_off), c->size);
        t = (long)c->size;
      } else if (c && c->type == W2N_BUNDLE_DIR && !last) {
        err = push(&s, -1, child);
        if (err)
          goto fail;
        continue;
      } else if (c) {
        t = -W2N_EINVAL; /* there, and not a link */
      }
    }
    if (w2n_syscall_failed(t)) {
      if (last) { /* not a link, or absent: the operation will see */
        set_name(out, name, n, slash);
        break;
      }
      if (host_dir >= 0) {
        /* A host directory; the bundle's of the same name is its lower
         * layer. */
        uint32_t lower = top_node == W2N_BUNDLE_NO_NODE
                             ? W2N_BUNDLE_NO_NODE
                             : w2n_bundle_lookup(top_node, name, n);
        if (lower != W2N_BUNDLE_NO_NODE &&
            w2n_bundle_node_at(lower)->type != W2N_BUNDLE_DIR)
          lower = W2N_BUNDLE_NO_NODE;
        err = push(&s, host_dir, lower);
        if (err)
          goto fail;
        continue;
      }
      err = t == -W2N_EINVAL ? W2N_WASI_ERRNO_NOTDIR
            : t == -W2N_ENOENT ? W2N_WASI_ERRNO_NOENT
                               : w2n_wasi_errno_from_syscall(t);
      goto fail;
    }
    if (++links > W2N_PATH_MAX_SYMLINKS) {
      err = W2N_WASI_ERRNO_LOOP;
      goto fail;
    }
    if ((uint64_t)t >= sizeof target) {
      err = W2N_WASI_ERRNO_NAMETOOLONG;
      goto fail;
    }
    /* The tail keeps one '/' before what follows the link (or the
     * trailing one). */
    uint32_t tail = at < rest_len ? at : rest_len;
    which ^= 1;
    err = splice(bufs[which], &rest_len, target, (uint32_t)t, rest + tail,
                 rest_len - tail);
    if (err)
      goto fail;
    rest = bufs[which];
    at = 0;
  }
  /* Keep only the innermost directory. */
  for (uint32_t i = 1; i < s.depth; ++i)
    if (s.fds[i] >= 0)
      w2n_syscall1(W2N_SYS_close, s.fds[i]);
  out->dir = s.fds[s.depth];
  out->node = s.nodes[s.depth];
  out->owned = s.depth > 0 && s.fds[s.depth] >= 0;
  return W2N_WASI_ERRNO_SUCCESS;
fail:
  close_above(&s, 0);
  return err;
}

void w2n_wasi_path_release(w2n_wasi_path *p) {
  if (p->owned)
    w2n_syscall1(W2N_SYS_close, p->dir);
  p->owned = 0;
}

const char *w2n_wasi_path_name(w2n_wasi_path *p, int with_slash) {
  uint32_t n = p->name_len;
  p->name[n] = with_slash && p->trailing_slash ? '/' : 0;
  p->name[n + 1] = 0;
  return p->name;
}

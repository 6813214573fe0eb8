/*===- wasi/preopen.c - The directories an executable was given -----------===*
 *
 * Each `--dir=HOST::GUEST` compiled into the executable is opened at
 * start-up and becomes the next guest fd after the standard streams, in
 * command-line order; fd_prestat_* tell the guest (wasi-libc scans them
 * before main) which name each stands for. A directory that cannot be
 * opened stops the program before it starts, as Wasmtime's --dir does:
 * running without a file tree it was promised would only fail later and
 * less clearly.
 *
 * Bundles (--bundle) come after: one whose guest path a --dir has too
 * becomes that preopen's lower layer (the host directory wins where both
 * have a name, and takes whatever is created); any other is a preopen of
 * its own, read-only.
 *===----------------------------------------------------------------------===*/
#include "wasi/bundle.h"
#include "wasi/fdtable.h"
#include "wasi/guest.h"

#include "arch/syscall.h"
#include "w2n/exe.h"

#define W2N_AT_FDCWD (-100)

static const char *reason(long err) {
  switch (-err) {
  case 2:
    return "no such file or directory";
  case 13:
    return "permission denied";
  case 20:
    return "not a directory";
  case 24:
    return "too many open files";
  default:
    return "cannot be opened";
  }
}

_Noreturn static void refuse(const char *host, const char *why) {
  w2n_exe_print("wasm2native: error: cannot open the directory '");
  w2n_exe_print(host);
  w2n_exe_print("' given with --dir: ");
  w2n_exe_print(why);
  w2n_exe_print("\n");
  w2n_exe_exit(1);
}

void w2n_wasi_preopens_init(void) {
  static const w2n_exe_config none;
  const w2n_exe_config *config = w2n_exe_config_get();
  if (!config)
    config = &none;
  for (uint32_t i = 0; i < config->num_dirs; ++i) {
    const w2n_exe_dir *d = &config->dirs[i];
    long host = w2n_syscall4(W2N_SYS_openat, W2N_AT_FDCWD, (long)d->host,
                             W2N_O_RDONLY | W2N_O_DIRECTORY | W2N_O_CLOEXEC, 0);
    if (w2n_syscall_failed(host))
      refuse(d->host, reason(host));
    int32_t fd = w2n_wasi_fd_alloc((int)host, W2N_WASI_RIGHTS_ALL,
                                   W2N_WASI_RIGHTS_ALL);
    w2n_wasi_fd_entry *e;
    if (fd < 0 || w2n_wasi_fd_get((uint32_t)fd, 0, &e))
      refuse(d->host, "too many open files");
    e->preopen = d->guest;
    e->preopen_len = (uint32_t)strlen(d->guest);
  }
  const w2n_bundle_header *h = w2n_bundle_image();
  if (!h)
    return;
  const w2n_bundle_root *roots =
      (const w2n_bundle_root *)w2n_bundle_bytes(h->bundles_off);
  for (uint32_t i = 0; i < h->num_bundles; ++i) {
    const char *guest =
        (const char *)w2n_bundle_bytes(h->names_off + roots[i].guest_off);
    uint32_t len = roots[i].guest_len;
    w2n_wasi_fd_entry *e = 0;
    for (uint32_t fd = 3; fd < 3 + config->num_dirs && !e; ++fd)
      if (!w2n_wasi_fd_get(fd, 0, &e) &&
          !(e->preopen_len == len && memcmp(e->preopen, guest, len) == 0 &&
            e->node == W2N_BUNDLE_NO_NODE))
        e = 0;
    if (e) {
      e->node = roots[i].root;
      continue;
    }
    int32_t fd = w2n_wasi_fd_alloc_node(roots[i].root, -1, W2N_WASI_RIGHTS_ALL,
                                        W2N_WASI_RIGHTS_ALL);
    if (fd < 0 || w2n_wasi_fd_get((uint32_t)fd, 0, &e))
      refuse(guest, "too many open files");
    e->preopen = guest;
    e->preopen_len = len;
  }
}

/* The entry of fd when it is a preopen (BADF otherwise, as for no fd). */
static int32_t get_preopen(uint32_t fd, w2n_wasi_fd_entry **e) {
  int32_t err = w2n_wasi_fd_get(fd, 0, e);
  if (!err && !(*e)->preopen)
    err = W2N_WASI_ERRNO_BADF;
  return err;
}

int32_t w2n_wasi_fd_prestat_get(void *c, uint32_t fd, uint32_t buf_ptr) {
  w2n_wasi_fd_entry *e;
  int32_t err = get_preopen(fd, &e);
  if (err)
    return err;
  uint8_t *p = w2n_guest(buf_ptr, W2N_WASI_PRESTAT_SIZE);
  if (!p)
    return W2N_WASI_ERRNO_FAULT;
  memset(p, 0, W2N_WASI_PRESTAT_SIZE);
  p[W2N_WASI_PRESTAT_OFFSET_TAG] = W2N_WASI_PREOPENTYPE_DIR;
  w2n_put_u32(p + W2N_WASI_PRESTAT_OFFSET_DIR_PR_NAME_LEN, e->preopen_len);
  return W2N_WASI_ERRNO_SUCCESS;
}

/* The name without a terminating NUL, as wasi-libc expects; a buffer too
 * small for it is NAMETOOLONG (Wasmtime's answer). */
int32_t w2n_wasi_fd_prestat_dir_name(void *c, uint32_t fd, uint32_t path,
                                     uint32_t len) {
  w2n_wasi_fd_entry *e;
  int32_t err = get_preopen(fd, &e);
  if (err)
    return err;
  uint32_t n = e->preopen_len;
  if (len < n)
    return W2N_WASI_ERRNO_NAMETOOLONG;
  uint8_t *p = w2n_guest(path, n);
  if (!p)
    return W2N_WASI_ERRNO_FAULT;
  memcpy(p, e->preopen, n);
  return W2N_WASI_ERRNO_SUCCESS;
}

/*===- exe/wasi.c - wasi_snapshot_preview1, the part written so far -------===*
 *
 * What C programs built with wasi-libc need to start, print and exit: args,
 * environment (empty: no capabilities are given yet), fd_write, fd_seek,
 * fd_close, fd_fdstat_get on the standard streams, clocks, random and
 * proc_exit. Every guest pointer and length is checked against the memory
 * before use; guest structs are read and written with memcpy at the
 * offsets of w2n/wasi.h. The rest of preview1 is to come (issue 4).
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "exe/exe.h"
#include "w2n/wasi.h"

#include "arch/syscall.h"

static struct {
  w2n_memory *memory;
  int argc;
  char **argv;
} ctx;

void w2n_wasi_set_memory(w2n_memory *memory) { ctx.memory = memory; }
void w2n_wasi_set_args(int argc, char **argv) {
  ctx.argc = argc;
  ctx.argv = argv;
}

/* The guest range [ptr, ptr + len), or NULL when it is outside memory. */
static uint8_t *guest(uint32_t ptr, uint64_t len) {
  if (!ctx.memory || (uint64_t)ptr + len > ctx.memory->size)
    return 0;
  return ctx.memory->base + ptr;
}

static int store_u32(uint32_t ptr, uint32_t v) {
  uint8_t *p = guest(ptr, 4);
  if (!p)
    return 0;
  memcpy(p, &v, 4);
  return 1;
}

static int store_u64(uint32_t ptr, uint64_t v) {
  uint8_t *p = guest(ptr, 8);
  if (!p)
    return 0;
  memcpy(p, &v, 8);
  return 1;
}

/* Linux errno (positive) to WASI errno, for the calls made here. */
static int32_t wasi_errno(long e) {
  switch (e) {
  case 1: return W2N_WASI_ERRNO_PERM;
  case 2: return W2N_WASI_ERRNO_NOENT;
  case 4: return W2N_WASI_ERRNO_INTR;
  case 5: return W2N_WASI_ERRNO_IO;
  case 9: return W2N_WASI_ERRNO_BADF;
  case 11: return W2N_WASI_ERRNO_AGAIN;
  case 12: return W2N_WASI_ERRNO_NOMEM;
  case 13: return W2N_WASI_ERRNO_ACCES;
  case 14: return W2N_WASI_ERRNO_FAULT;
  case 22: return W2N_WASI_ERRNO_INVAL;
  case 27: return W2N_WASI_ERRNO_FBIG;
  case 28: return W2N_WASI_ERRNO_NOSPC;
  case 29: return W2N_WASI_ERRNO_SPIPE;
  case 32: return W2N_WASI_ERRNO_PIPE;
  case 75: return W2N_WASI_ERRNO_OVERFLOW;
  default: return W2N_WASI_ERRNO_IO;
  }
}

static int32_t args_sizes_get(void *c, int32_t argc_ptr, int32_t size_ptr) {
  (void)c;
  uint32_t size = 0;
  for (int i = 0; i < ctx.argc; ++i)
    size += (uint32_t)strlen(ctx.argv[i]) + 1;
  if (!store_u32((uint32_t)argc_ptr, (uint32_t)ctx.argc) ||
      !store_u32((uint32_t)size_ptr, size))
    return W2N_WASI_ERRNO_FAULT;
  return W2N_WASI_ERRNO_SUCCESS;
}

static int32_t args_get(void *c, int32_t argv_ptr, int32_t buf_ptr) {
  (void)c;
  uint32_t at = (uint32_t)buf_ptr;
  for (int i = 0; i < ctx.argc; ++i) {
    uint32_t n = (uint32_t)strlen(ctx.argv[i]) + 1;
    uint8_t *dst = guest(at, n);
    if (!dst || !store_u32((uint32_t)argv_ptr + 4u * (uint32_t)i, at))
      return W2N_WASI_ERRNO_FAULT;
    memcpy(dst, ctx.argv[i], n);
    at += n;
  }
  return W2N_WASI_ERRNO_SUCCESS;
}

static int32_t environ_sizes_get(void *c, int32_t count_ptr, int32_t size_ptr) {
  (void)c;
  if (!store_u32((uint32_t)count_ptr, 0) || !store_u32((uint32_t)size_ptr, 0))
    return W2N_WASI_ERRNO_FAULT;
  return W2N_WASI_ERRNO_SUCCESS;
}

static int32_t environ_get(void *c, int32_t env_ptr, int32_t buf_ptr) {
  (void)c;
  (void)env_ptr;
  (void)buf_ptr;
  return W2N_WASI_ERRNO_SUCCESS;
}

static int32_t fd_write(void *c, int32_t fd, int32_t iovs, int32_t iovs_len,
                        int32_t nwritten_ptr) {
  (void)c;
  uint64_t total = 0;
  for (uint32_t i = 0; i < (uint32_t)iovs_len; ++i) {
    uint8_t *iov = guest((uint32_t)iovs + 8u * i, 8);
    if (!iov)
      return W2N_WASI_ERRNO_FAULT;
    uint32_t buf, len;
    memcpy(&buf, iov, 4);
    memcpy(&len, iov + 4, 4);
    uint8_t *p = guest(buf, len);
    if (!p)
      return W2N_WASI_ERRNO_FAULT;
    uint32_t done = 0;
    while (done < len) {
      long r = w2n_syscall3(W2N_SYS_write, fd, (long)(p + done), len - done);
      if (w2n_syscall_failed(r)) {
        if (total || done)
          break; /* report what was written */
        return wasi_errno(-r);
      }
      done += (uint32_t)r;
    }
    total += done;
    if (done < len)
      break;
  }
  if (!store_u32((uint32_t)nwritten_ptr, (uint32_t)total))
    return W2N_WASI_ERRNO_FAULT;
  return W2N_WASI_ERRNO_SUCCESS;
}

static int32_t fd_seek(void *c, int32_t fd, int64_t offset, int32_t whence,
                       int32_t newoffset_ptr) {
  (void)c;
  if (whence < 0 || whence > 2) /* WASI's whence values are Linux's */
    return W2N_WASI_ERRNO_INVAL;
  long r = w2n_syscall3(W2N_SYS_lseek, fd, (long)offset, whence);
  if (w2n_syscall_failed(r))
    return wasi_errno(-r);
  if (!store_u64((uint32_t)newoffset_ptr, (uint64_t)r))
    return W2N_WASI_ERRNO_FAULT;
  return W2N_WASI_ERRNO_SUCCESS;
}

static int32_t fd_close(void *c, int32_t fd) {
  (void)c;
  long r = w2n_syscall1(W2N_SYS_close, fd);
  return w2n_syscall_failed(r) ? wasi_errno(-r) : W2N_WASI_ERRNO_SUCCESS;
}

static int32_t fd_fdstat_get(void *c, int32_t fd, int32_t stat_ptr) {
  (void)c;
  /* statx has one layout on every architecture; stx_mode is at 28. */
  uint8_t stx[256];
  long r = w2n_syscall5(W2N_SYS_statx, fd, (long)"", 0x1000 /* AT_EMPTY_PATH */,
                        0x1 /* STATX_TYPE */, (long)stx);
  if (w2n_syscall_failed(r))
    return wasi_errno(-r);
  uint16_t mode;
  memcpy(&mode, stx + 28, 2);
  uint8_t type;
  switch (mode & 0170000) {
  case 0020000: type = W2N_WASI_FILETYPE_CHARACTER_DEVICE; break;
  case 0060000: type = W2N_WASI_FILETYPE_BLOCK_DEVICE; break;
  case 0040000: type = W2N_WASI_FILETYPE_DIRECTORY; break;
  case 0100000: type = W2N_WASI_FILETYPE_REGULAR_FILE; break;
  case 0140000: type = W2N_WASI_FILETYPE_SOCKET_STREAM; break;
  case 0120000: type = W2N_WASI_FILETYPE_SYMBOLIC_LINK; break;
  default: type = W2N_WASI_FILETYPE_UNKNOWN; break;
  }
  uint8_t out[W2N_WASI_FDSTAT_SIZE];
  memset(out, 0, sizeof out);
  out[W2N_WASI_FDSTAT_OFFSET_FS_FILETYPE] = type;
  uint64_t rights = W2N_WASI_RIGHTS_ALL;
  memcpy(out + W2N_WASI_FDSTAT_OFFSET_FS_RIGHTS_BASE, &rights, 8);
  memcpy(out + W2N_WASI_FDSTAT_OFFSET_FS_RIGHTS_INHERITING, &rights, 8);
  uint8_t *p = guest((uint32_t)stat_ptr, sizeof out);
  if (!p)
    return W2N_WASI_ERRNO_FAULT;
  memcpy(p, out, sizeof out);
  return W2N_WASI_ERRNO_SUCCESS;
}

static void proc_exit(void *c, int32_t code) {
  (void)c;
  w2n_exe_exit(code);
}

/* The functions above with their lowered signatures. */
#define W2N_I W2N_I32
#define W2N_L W2N_I64
static const uint8_t sig_ii_i[] = {W2N_I, W2N_I, W2N_I};
static const uint8_t sig_iiii_i[] = {W2N_I, W2N_I, W2N_I, W2N_I, W2N_I};
static const uint8_t sig_ilii_i[] = {W2N_I, W2N_L, W2N_I, W2N_I, W2N_I};
static const uint8_t sig_i_i[] = {W2N_I, W2N_I};
static const uint8_t sig_i_[] = {W2N_I};

static const struct {
  const char *name;
  void *fn;
  w2n_func_type_desc type;
} functions[] = {
    {"args_get", (void *)args_get, {2, 1, sig_ii_i}},
    {"args_sizes_get", (void *)args_sizes_get, {2, 1, sig_ii_i}},
    {"environ_get", (void *)environ_get, {2, 1, sig_ii_i}},
    {"environ_sizes_get", (void *)environ_sizes_get, {2, 1, sig_ii_i}},
    {"fd_write", (void *)fd_write, {4, 1, sig_iiii_i}},
    {"fd_seek", (void *)fd_seek, {4, 1, sig_ilii_i}},
    {"fd_close", (void *)fd_close, {1, 1, sig_i_i}},
    {"fd_fdstat_get", (void *)fd_fdstat_get, {2, 1, sig_ii_i}},
    {"proc_exit", (void *)proc_exit, {1, 0, sig_i_}},
};

int w2n_wasi_bind(const w2n_module_desc *desc, uint32_t i,
                  w2n_funcref *record) {
  const w2n_import_desc *imp = &desc->imports[i];
  if (imp->module_len != sizeof W2N_WASI_MODULE - 1 ||
      memcmp(imp->module, W2N_WASI_MODULE, imp->module_len) != 0)
    return 0;
  for (unsigned f = 0; f < sizeof functions / sizeof functions[0]; ++f) {
    if (strlen(functions[f].name) != imp->name_len ||
        memcmp(functions[f].name, imp->name, imp->name_len) != 0)
      continue;
    record->type_id = w2n_core_type_id(&functions[f].type);
    record->fn = functions[f].fn;
    record->ctx = 0;
    return record->type_id == w2n_core_type_id(&desc->types[imp->index]);
  }
  return 0;
}

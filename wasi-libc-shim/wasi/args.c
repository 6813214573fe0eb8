/*===- wasi/args.c - Start-up state, arguments and environment ------------===*
 *
 * Arguments and environment are both a list of NUL-terminated strings that
 * the guest copies in two steps (sizes, then the strings and a pointer to
 * each), so one pair of helpers serves both. The environment is what
 * exe/environ.c built from the executable's capabilities (--env,
 * --inherit-env), never the host's by default.
 *===----------------------------------------------------------------------===*/
#include "wasi/fdtable.h"
#include "wasi/guest.h"

w2n_memory *w2n_wasi_memory;
static int argc_;
static char **argv_;

void w2n_wasi_set_memory(w2n_memory *memory) { w2n_wasi_memory = memory; }

void w2n_wasi_init(int argc, char **argv) {
  argc_ = argc;
  argv_ = argv;
  w2n_wasi_fdtable_init();
  w2n_wasi_preopens_init();
}

static const char *arg(uint32_t i) { return argv_[i]; }

static int32_t list_sizes(uint32_t n, const char *(*at)(uint32_t),
                          uint32_t count_ptr, uint32_t size_ptr) {
  uint64_t size = 0;
  for (uint32_t i = 0; i < n; ++i)
    size += strlen(at(i)) + 1;
  if (size > UINT32_MAX)
    return W2N_WASI_ERRNO_OVERFLOW;
  if (!w2n_guest_store_u32(count_ptr, n) ||
      !w2n_guest_store_u32(size_ptr, (uint32_t)size))
    return W2N_WASI_ERRNO_FAULT;
  return W2N_WASI_ERRNO_SUCCESS;
}

static int32_t list_get(uint32_t n, const char *(*at)(uint32_t), uint32_t ptrs,
                        uint32_t buf) {
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t len = (uint32_t)strlen(at(i)) + 1;
    uint8_t *dst = w2n_guest(buf, len);
    if (!dst || !w2n_guest_store_u32(ptrs + 4u * i, buf))
      return W2N_WASI_ERRNO_FAULT;
    memcpy(dst, at(i), len);
    buf += len;
  }
  return W2N_WASI_ERRNO_SUCCESS;
}

int32_t w2n_wasi_args_sizes_get(void *c, uint32_t count_ptr,
                                uint32_t size_ptr) {
  return list_sizes((uint32_t)argc_, arg, count_ptr, size_ptr);
}

int32_t w2n_wasi_args_get(void *c, uint32_t argv_ptr, uint32_t buf_ptr) {
  return list_get((uint32_t)argc_, arg, argv_ptr, buf_ptr);
}

int32_t w2n_wasi_environ_sizes_get(void *c, uint32_t count_ptr,
                                   uint32_t size_ptr) {
  return list_sizes(w2n_exe_environ_count(), w2n_exe_environ_entry, count_ptr,
                    size_ptr);
}

int32_t w2n_wasi_environ_get(void *c, uint32_t env_ptr, uint32_t buf_ptr) {
  return list_get(w2n_exe_environ_count(), w2n_exe_environ_entry, env_ptr,
                  buf_ptr);
}

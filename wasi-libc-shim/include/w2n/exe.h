/*===- w2n/exe.h - What an executable was given at compile time ------------===*
 *
 * Capabilities are fixed when an executable is compiled (`--dir`, `--env`,
 * `--inherit-env`): the driver emits them as the constant
 * w2n_exe_config_data in the module's object, and the runtime reads it at
 * start-up. An executable without one gets no environment and no files.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_EXE_H
#define W2N_EXE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define W2N_EXE_CONFIG_VERSION 2u

/* A host directory the guest sees as a preopen (`--dir=HOST::GUEST`). A
 * relative host path is relative to the working directory the executable
 * starts in. */
typedef struct w2n_exe_dir {
  const char *host;
  const char *guest;
} w2n_exe_dir;

typedef struct w2n_exe_config {
  uint32_t version;     /* W2N_EXE_CONFIG_VERSION */
  uint32_t inherit_env; /* pass the host's environment through */
  uint32_t num_env;
  uint32_t num_dirs;
  const char *const *env; /* "NAME=VALUE", NUL-terminated; these win over
                             inherited variables of the same name */
  const w2n_exe_dir *dirs; /* preopened as fds 3, 4, ... in this order */
} w2n_exe_config;

#define W2N_EXE_CONFIG_SYMBOL "w2n_exe_config_data"

/* The WASI functions an executable's module imports: an array of
 * W2N_WASI_FUNCTION_COUNT function addresses in the order of
 * W2N_WASI_FUNCTIONS (w2n/wasi.h), null for those it does not import. The
 * driver emits it so that only those functions are linked. */
#define W2N_EXE_WASI_SYMBOL "w2n_exe_wasi_functions"

#ifdef __cplusplus
}
#endif

#endif /* W2N_EXE_H */

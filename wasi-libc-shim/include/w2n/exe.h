/*===- w2n/exe.h - What an executable was given at compile time ------------===*
 *
 * Capabilities are fixed when an executable is compiled (`--env`,
 * `--inherit-env`; `--dir` to come): the driver emits them as the constant
 * w2n_exe_config_data in the module's object, and the runtime reads it at
 * start-up. An executable without one gets no environment and no files.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_EXE_H
#define W2N_EXE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define W2N_EXE_CONFIG_VERSION 1u

typedef struct w2n_exe_config {
  uint32_t version;     /* W2N_EXE_CONFIG_VERSION */
  uint32_t inherit_env; /* pass the host's environment through */
  uint32_t num_env;
  uint32_t reserved;
  const char *const *env; /* "NAME=VALUE", NUL-terminated; these win over
                             inherited variables of the same name */
} w2n_exe_config;

#define W2N_EXE_CONFIG_SYMBOL "w2n_exe_config_data"

#ifdef __cplusplus
}
#endif

#endif /* W2N_EXE_H */

/*===- exe/environ.c - The guest's environment, from w2n_exe_config -------===*
 *
 * The variables given with --env, and with --inherit-env the host's too
 * (where --env names the same variable, its value wins). Built once at
 * start-up; the WASI calls read it.
 *===----------------------------------------------------------------------===*/
#include "core/os.h"
#include "exe/exe.h"
#include "w2n/exe.h"

extern const w2n_exe_config w2n_exe_config_data __attribute__((weak));

const w2n_exe_config *w2n_exe_config_get(void) {
  const w2n_exe_config *config = &w2n_exe_config_data;
  return config && config->version == W2N_EXE_CONFIG_VERSION ? config : 0;
}

static const char **entries;
static uint32_t count;

/* Whether "NAME=..." entries a and b name the same variable. */
static int same_name(const char *a, const char *b) {
  while (*a && *a != '=' && *a == *b)
    ++a, ++b;
  return (*a == '=' || !*a) && (*b == '=' || !*b);
}

void w2n_exe_environ_init(char **envp) {
  const w2n_exe_config *config = w2n_exe_config_get();
  if (!config)
    return;
  uint32_t host = 0;
  if (config->inherit_env)
    while (envp[host])
      ++host;
  entries = w2n_os_alloc((host + config->num_env + 1) * sizeof(char *));
  if (!entries) {
    w2n_exe_print("wasm2native: error: out of memory for the environment\n");
    w2n_exe_exit(1);
  }
  for (uint32_t i = 0; i < host; ++i) {
    int overridden = 0;
    for (uint32_t j = 0; j < config->num_env && !overridden; ++j)
      overridden = same_name(envp[i], config->env[j]);
    if (!overridden)
      entries[count++] = envp[i];
  }
  for (uint32_t j = 0; j < config->num_env; ++j)
    entries[count++] = config->env[j];
}

uint32_t w2n_exe_environ_count(void) { return count; }
const char *w2n_exe_environ_entry(uint32_t i) { return entries[i]; }

/*===- wasi/bind.c - Binding a module's WASI imports ----------------------===*
 *
 * The table of names and types is generated from W2N_WASI_FUNCTIONS, so
 * all 46 are there: function X of preview1 is the C function w2n_wasi_X
 * (in the file of its area), whose address the driver passes in
 * w2n_exe_wasi_functions when the module imports it, and its type is
 * the lowered signature the header gives. An import binds only when the
 * module declares exactly that type; anything else is the start-up's
 * "unknown import".
 *===----------------------------------------------------------------------===*/
#include "wasi/guest.h"

/* The addresses of the functions the module imports, from the driver
 * (w2n/exe.h): referring to all of them here would link all of them. */
extern void (*const w2n_exe_wasi_functions[W2N_WASI_FUNCTION_COUNT])(void)
    __attribute__((weak));

static const struct {
  const char *name;
  const char *sig; /* "ii_i": parameters, '_', results; i = i32, l = i64 */
} functions[] = {
#define W2N_WASI_ENTRY(Ident, Name, Sig) {Name, Sig},
    W2N_WASI_FUNCTIONS(W2N_WASI_ENTRY)
#undef W2N_WASI_ENTRY
};

/* The canonical id of a signature string of W2N_WASI_FUNCTIONS. */
static uint32_t sig_type_id(const char *sig) {
  w2n_valtype types[16];
  uint32_t n = 0, params = 0;
  for (; *sig && n < sizeof types; ++sig) {
    if (*sig == '_')
      params = n;
    else
      types[n++] = *sig == 'l' ? W2N_I64 : W2N_I32;
  }
  w2n_func_type_desc type = {params, n - params, types, 0, 0, 0};
  return w2n_core_type_id(&type);
}

int w2n_wasi_bind(const w2n_module_desc *desc, uint32_t i,
                  uint32_t type_id, w2n_funcref *record) {
  const w2n_import_desc *imp = &desc->imports[i];
  if (imp->module_len != sizeof W2N_WASI_MODULE - 1 ||
      memcmp(imp->module, W2N_WASI_MODULE, imp->module_len) != 0)
    return 0;
  for (unsigned f = 0; f < W2N_WASI_FUNCTION_COUNT; ++f) {
    if (strlen(functions[f].name) != imp->name_len ||
        memcmp(functions[f].name, imp->name, imp->name_len) != 0)
      continue;
    if (!w2n_exe_wasi_functions || !w2n_exe_wasi_functions[f])
      return 0;
    record->type_id = sig_type_id(functions[f].sig);
    record->fn = (void *)w2n_exe_wasi_functions[f];
    record->ctx = 0;
    return record->type_id != W2N_NO_TYPE_ID &&
           record->type_id == type_id;
  }
  return 0;
}

/* The descriptors of the four modules of exehost.test, for the host. */
extern const char m0_module, m1_module, m2_module, m3_module;
const void *const w2n_host_modules[] = {&m0_module, &m1_module, &m2_module,
                                        &m3_module};
const unsigned w2n_host_module_count = 4;

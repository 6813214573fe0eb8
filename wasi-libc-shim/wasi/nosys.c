/*===- wasi/nosys.c - The functions not written yet ----------------------===*
 *
 * Every function of preview1 is bound, so that any WASI program starts and
 * finds out, at the call, that a function is missing (NOSYS), as wasi-libc
 * expects of a host without, say, sockets. All of them are one function:
 * it ignores its arguments, which is safe because on x86-64, AArch64 and
 * riscv64 the caller passes them in registers (or stack it owns), so a
 * callee that reads none may be called with any number. The path_*
 * functions come with preopens; sock_* on a socket handed to the program.
 *===----------------------------------------------------------------------===*/
#include "w2n/wasi.h"

#include <stdint.h>

int32_t w2n_wasi_nosys(void);
int32_t w2n_wasi_nosys(void) { return W2N_WASI_ERRNO_NOSYS; }

#define W2N_NOSYS(Ident)                                                       \
  int32_t w2n_wasi_##Ident(void) __attribute__((alias("w2n_wasi_nosys")));
W2N_NOSYS(path_create_directory)
W2N_NOSYS(path_filestat_get)
W2N_NOSYS(path_filestat_set_times)
W2N_NOSYS(path_link)
W2N_NOSYS(path_open)
W2N_NOSYS(path_readlink)
W2N_NOSYS(path_remove_directory)
W2N_NOSYS(path_rename)
W2N_NOSYS(path_symlink)
W2N_NOSYS(path_unlink_file)
W2N_NOSYS(sock_accept)
W2N_NOSYS(sock_recv)
W2N_NOSYS(sock_send)
W2N_NOSYS(sock_shutdown)

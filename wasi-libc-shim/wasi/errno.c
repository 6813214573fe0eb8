/*===- wasi/errno.c - Linux errno values to WASI's ------------------------===*
 *
 * The one place where a host error becomes the guest's. x86-64, AArch64 and
 * riscv64 share the asm-generic errno numbers, so one table serves all
 * three. Every Linux errno with a WASI counterpart is here; the ones WASI
 * lacks (ENOTBLK, ENODATA, ETIME, ...) and any unknown value become IO,
 * which is what the guest can do least wrong with.
 *===----------------------------------------------------------------------===*/
#include "wasi/guest.h"

/* Indexed by Linux errno (asm-generic/errno-base.h and errno.h). */
static const uint8_t from_linux[] = {
    [1] = W2N_WASI_ERRNO_PERM,
    [2] = W2N_WASI_ERRNO_NOENT,
    [3] = W2N_WASI_ERRNO_SRCH,
    [4] = W2N_WASI_ERRNO_INTR,
    [5] = W2N_WASI_ERRNO_IO,
    [6] = W2N_WASI_ERRNO_NXIO,
    [7] = W2N_WASI_ERRNO_2BIG,
    [8] = W2N_WASI_ERRNO_NOEXEC,
    [9] = W2N_WASI_ERRNO_BADF,
    [10] = W2N_WASI_ERRNO_CHILD,
    [11] = W2N_WASI_ERRNO_AGAIN, /* also EWOULDBLOCK */
    [12] = W2N_WASI_ERRNO_NOMEM,
    [13] = W2N_WASI_ERRNO_ACCES,
    [14] = W2N_WASI_ERRNO_FAULT,
    [16] = W2N_WASI_ERRNO_BUSY,
    [17] = W2N_WASI_ERRNO_EXIST,
    [18] = W2N_WASI_ERRNO_XDEV,
    [19] = W2N_WASI_ERRNO_NODEV,
    [20] = W2N_WASI_ERRNO_NOTDIR,
    [21] = W2N_WASI_ERRNO_ISDIR,
    [22] = W2N_WASI_ERRNO_INVAL,
    [23] = W2N_WASI_ERRNO_NFILE,
    [24] = W2N_WASI_ERRNO_MFILE,
    [25] = W2N_WASI_ERRNO_NOTTY,
    [26] = W2N_WASI_ERRNO_TXTBSY,
    [27] = W2N_WASI_ERRNO_FBIG,
    [28] = W2N_WASI_ERRNO_NOSPC,
    [29] = W2N_WASI_ERRNO_SPIPE,
    [30] = W2N_WASI_ERRNO_ROFS,
    [31] = W2N_WASI_ERRNO_MLINK,
    [32] = W2N_WASI_ERRNO_PIPE,
    [33] = W2N_WASI_ERRNO_DOM,
    [34] = W2N_WASI_ERRNO_RANGE,
    [35] = W2N_WASI_ERRNO_DEADLK, /* also EDEADLOCK */
    [36] = W2N_WASI_ERRNO_NAMETOOLONG,
    [37] = W2N_WASI_ERRNO_NOLCK,
    [38] = W2N_WASI_ERRNO_NOSYS,
    [39] = W2N_WASI_ERRNO_NOTEMPTY,
    [40] = W2N_WASI_ERRNO_LOOP,
    [42] = W2N_WASI_ERRNO_NOMSG,
    [43] = W2N_WASI_ERRNO_IDRM,
    [67] = W2N_WASI_ERRNO_NOLINK,
    [71] = W2N_WASI_ERRNO_PROTO,
    [72] = W2N_WASI_ERRNO_MULTIHOP,
    [74] = W2N_WASI_ERRNO_BADMSG,
    [75] = W2N_WASI_ERRNO_OVERFLOW,
    [84] = W2N_WASI_ERRNO_ILSEQ,
    [88] = W2N_WASI_ERRNO_NOTSOCK,
    [89] = W2N_WASI_ERRNO_DESTADDRREQ,
    [90] = W2N_WASI_ERRNO_MSGSIZE,
    [91] = W2N_WASI_ERRNO_PROTOTYPE,
    [92] = W2N_WASI_ERRNO_NOPROTOOPT,
    [93] = W2N_WASI_ERRNO_PROTONOSUPPORT,
    [94] = W2N_WASI_ERRNO_PROTONOSUPPORT, /* ESOCKTNOSUPPORT */
    [95] = W2N_WASI_ERRNO_NOTSUP,         /* also EOPNOTSUPP */
    [96] = W2N_WASI_ERRNO_AFNOSUPPORT,    /* EPFNOSUPPORT */
    [97] = W2N_WASI_ERRNO_AFNOSUPPORT,
    [98] = W2N_WASI_ERRNO_ADDRINUSE,
    [99] = W2N_WASI_ERRNO_ADDRNOTAVAIL,
    [100] = W2N_WASI_ERRNO_NETDOWN,
    [101] = W2N_WASI_ERRNO_NETUNREACH,
    [102] = W2N_WASI_ERRNO_NETRESET,
    [103] = W2N_WASI_ERRNO_CONNABORTED,
    [104] = W2N_WASI_ERRNO_CONNRESET,
    [105] = W2N_WASI_ERRNO_NOBUFS,
    [106] = W2N_WASI_ERRNO_ISCONN,
    [107] = W2N_WASI_ERRNO_NOTCONN,
    [110] = W2N_WASI_ERRNO_TIMEDOUT,
    [111] = W2N_WASI_ERRNO_CONNREFUSED,
    [113] = W2N_WASI_ERRNO_HOSTUNREACH,
    [114] = W2N_WASI_ERRNO_ALREADY,
    [115] = W2N_WASI_ERRNO_INPROGRESS,
    [116] = W2N_WASI_ERRNO_STALE,
    [122] = W2N_WASI_ERRNO_DQUOT,
    [125] = W2N_WASI_ERRNO_CANCELED,
    [130] = W2N_WASI_ERRNO_OWNERDEAD,
    [131] = W2N_WASI_ERRNO_NOTRECOVERABLE,
};

int32_t w2n_wasi_errno_from_syscall(long ret) {
  unsigned long e = (unsigned long)-ret;
  if (e < sizeof from_linux && from_linux[e])
    return from_linux[e];
  return W2N_WASI_ERRNO_IO;
}

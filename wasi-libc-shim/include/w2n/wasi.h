/*===- w2n/wasi.h - The ABI of wasi_snapshot_preview1 ----------------------===*
 *
 * Everything the runtime must agree on, bit for bit, with a module built
 * against WASI preview 1: the values of every enumeration and flag set, the
 * layout of every record as it lies in the guest's linear memory, and the
 * core-wasm signature of every function of the `wasi_snapshot_preview1`
 * module. A guest compiled by any toolchain (wasi-libc, Rust's std, ...)
 * reads and writes these bytes itself, so nothing here may change.
 *
 * Source: typenames.witx and wasi_snapshot_preview1.witx of the preview1
 * snapshot (WebAssembly/WASI, branch wasi-0.1, preview1/witx/; before that
 * legacy/preview1/witx/). Names follow the witx ones: type `$fdflags`, flag
 * `$nonblock` -> w2n_wasi_fdflags, W2N_WASI_FDFLAGS_NONBLOCK.
 *
 * Layout (the witx rules, which are C's on wasm32): a record's fields lie in
 * order, each at the next multiple of its alignment; an integer's alignment
 * is its size; a record's alignment is its largest field's, and its size is
 * rounded up to it. A union (tagged in witx) is its tag, then the payload at
 * the next multiple of the largest case's alignment. Guest pointers and
 * `size` are u32: a guest address is an offset into linear memory, never a
 * host pointer.
 *
 * The structs below have that layout on every target the runtime is built
 * for (x86-64, AArch64, riscv64: uint64_t is 8-aligned in structs), which
 * the static asserts check. They describe guest memory, but the runtime
 * must not cast a guest address to them: guest data may be misaligned, and
 * the bytes may change under it. It reads and writes fields with memcpy at
 * base + W2N_WASI_<RECORD>_OFFSET_<FIELD>, and moves W2N_WASI_<RECORD>_SIZE
 * bytes at a time. Padding bytes are not part of the ABI.
 *
 * Lowering of a function to core wasm (W2N_WASI_FUNCTIONS):
 *   - every parameter of at most 32 bits (u8/u16/u32 integers, enums, flags
 *     of repr up to u32, handles, pointers) is one i32; u64, s64 and the
 *     64-bit `rights` are one i64;
 *   - a `string` or a `list` (iovec_array, ciovec_array) is two i32s: the
 *     guest address and the length (bytes, or elements);
 *   - a result `(expected T (error $errno))` returns the errno as i32 and
 *     writes T through out-pointer i32 parameters appended after the others,
 *     one per element of T when T is a tuple (sock_recv: size, roflags);
 *   - proc_exit returns nothing and does not return.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_WASI_H
#define W2N_WASI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#define W2N_WASI_STATIC_ASSERT(Cond, Msg) static_assert(Cond, Msg)
#define W2N_WASI_ALIGNOF(T) alignof(T)
#else
#define W2N_WASI_STATIC_ASSERT(Cond, Msg) _Static_assert(Cond, Msg)
#define W2N_WASI_ALIGNOF(T) _Alignof(T)
#endif
#define W2N_WASI_OFFSETOF(T, Member) __builtin_offsetof(T, Member)

/* The import module name, and the export through which the functions reach
 * the guest's memory (the witx's `(import "memory" (memory))`). */
#define W2N_WASI_MODULE "wasi_snapshot_preview1"
#define W2N_WASI_MEMORY_EXPORT "memory"

/*===-- Scalar types ------------------------------------------------------===*/

typedef uint32_t w2n_wasi_ptr; /* a guest address: offset in linear memory */
typedef uint32_t w2n_wasi_size;
typedef uint64_t w2n_wasi_filesize;
typedef uint64_t w2n_wasi_timestamp; /* nanoseconds */
typedef uint32_t w2n_wasi_clockid;
typedef uint16_t w2n_wasi_errno;
typedef uint64_t w2n_wasi_rights;
typedef uint32_t w2n_wasi_fd;
typedef int64_t w2n_wasi_filedelta;
typedef uint8_t w2n_wasi_whence;
typedef uint64_t w2n_wasi_dircookie;
typedef uint32_t w2n_wasi_dirnamlen;
typedef uint64_t w2n_wasi_inode;
typedef uint8_t w2n_wasi_filetype;
typedef uint8_t w2n_wasi_advice;
typedef uint16_t w2n_wasi_fdflags;
typedef uint64_t w2n_wasi_device;
typedef uint16_t w2n_wasi_fstflags;
typedef uint32_t w2n_wasi_lookupflags;
typedef uint16_t w2n_wasi_oflags;
typedef uint64_t w2n_wasi_linkcount;
typedef uint64_t w2n_wasi_userdata;
typedef uint8_t w2n_wasi_eventtype;
typedef uint16_t w2n_wasi_eventrwflags;
typedef uint16_t w2n_wasi_subclockflags;
typedef uint32_t w2n_wasi_exitcode;
typedef uint8_t w2n_wasi_signal;
typedef uint16_t w2n_wasi_riflags;
typedef uint16_t w2n_wasi_roflags;
typedef uint16_t w2n_wasi_siflags; /* no flags defined: must be 0 */
typedef uint8_t w2n_wasi_sdflags;
typedef uint8_t w2n_wasi_preopentype;

/*===-- errno (u16) -------------------------------------------------------===*/

#define W2N_WASI_ERRNO_SUCCESS 0
#define W2N_WASI_ERRNO_2BIG 1
#define W2N_WASI_ERRNO_ACCES 2
#define W2N_WASI_ERRNO_ADDRINUSE 3
#define W2N_WASI_ERRNO_ADDRNOTAVAIL 4
#define W2N_WASI_ERRNO_AFNOSUPPORT 5
#define W2N_WASI_ERRNO_AGAIN 6
#define W2N_WASI_ERRNO_ALREADY 7
#define W2N_WASI_ERRNO_BADF 8
#define W2N_WASI_ERRNO_BADMSG 9
#define W2N_WASI_ERRNO_BUSY 10
#define W2N_WASI_ERRNO_CANCELED 11
#define W2N_WASI_ERRNO_CHILD 12
#define W2N_WASI_ERRNO_CONNABORTED 13
#define W2N_WASI_ERRNO_CONNREFUSED 14
#define W2N_WASI_ERRNO_CONNRESET 15
#define W2N_WASI_ERRNO_DEADLK 16
#define W2N_WASI_ERRNO_DESTADDRREQ 17
#define W2N_WASI_ERRNO_DOM 18
#define W2N_WASI_ERRNO_DQUOT 19
#define W2N_WASI_ERRNO_EXIST 20
#define W2N_WASI_ERRNO_FAULT 21
#define W2N_WASI_ERRNO_FBIG 22
#define W2N_WASI_ERRNO_HOSTUNREACH 23
#define W2N_WASI_ERRNO_IDRM 24
#define W2N_WASI_ERRNO_ILSEQ 25
#define W2N_WASI_ERRNO_INPROGRESS 26
#define W2N_WASI_ERRNO_INTR 27
#define W2N_WASI_ERRNO_INVAL 28
#define W2N_WASI_ERRNO_IO 29
#define W2N_WASI_ERRNO_ISCONN 30
#define W2N_WASI_ERRNO_ISDIR 31
#define W2N_WASI_ERRNO_LOOP 32
#define W2N_WASI_ERRNO_MFILE 33
#define W2N_WASI_ERRNO_MLINK 34
#define W2N_WASI_ERRNO_MSGSIZE 35
#define W2N_WASI_ERRNO_MULTIHOP 36
#define W2N_WASI_ERRNO_NAMETOOLONG 37
#define W2N_WASI_ERRNO_NETDOWN 38
#define W2N_WASI_ERRNO_NETRESET 39
#define W2N_WASI_ERRNO_NETUNREACH 40
#define W2N_WASI_ERRNO_NFILE 41
#define W2N_WASI_ERRNO_NOBUFS 42
#define W2N_WASI_ERRNO_NODEV 43
#define W2N_WASI_ERRNO_NOENT 44
#define W2N_WASI_ERRNO_NOEXEC 45
#define W2N_WASI_ERRNO_NOLCK 46
#define W2N_WASI_ERRNO_NOLINK 47
#define W2N_WASI_ERRNO_NOMEM 48
#define W2N_WASI_ERRNO_NOMSG 49
#define W2N_WASI_ERRNO_NOPROTOOPT 50
#define W2N_WASI_ERRNO_NOSPC 51
#define W2N_WASI_ERRNO_NOSYS 52
#define W2N_WASI_ERRNO_NOTCONN 53
#define W2N_WASI_ERRNO_NOTDIR 54
#define W2N_WASI_ERRNO_NOTEMPTY 55
#define W2N_WASI_ERRNO_NOTRECOVERABLE 56
#define W2N_WASI_ERRNO_NOTSOCK 57
#define W2N_WASI_ERRNO_NOTSUP 58
#define W2N_WASI_ERRNO_NOTTY 59
#define W2N_WASI_ERRNO_NXIO 60
#define W2N_WASI_ERRNO_OVERFLOW 61
#define W2N_WASI_ERRNO_OWNERDEAD 62
#define W2N_WASI_ERRNO_PERM 63
#define W2N_WASI_ERRNO_PIPE 64
#define W2N_WASI_ERRNO_PROTO 65
#define W2N_WASI_ERRNO_PROTONOSUPPORT 66
#define W2N_WASI_ERRNO_PROTOTYPE 67
#define W2N_WASI_ERRNO_RANGE 68
#define W2N_WASI_ERRNO_ROFS 69
#define W2N_WASI_ERRNO_SPIPE 70
#define W2N_WASI_ERRNO_SRCH 71
#define W2N_WASI_ERRNO_STALE 72
#define W2N_WASI_ERRNO_TIMEDOUT 73
#define W2N_WASI_ERRNO_TXTBSY 74
#define W2N_WASI_ERRNO_XDEV 75
#define W2N_WASI_ERRNO_NOTCAPABLE 76 /* WASI's own: a right is missing */
#define W2N_WASI_ERRNO_COUNT 77

/*===-- rights (u64 flags) ------------------------------------------------===*/

#define W2N_WASI_RIGHTS_FD_DATASYNC (UINT64_C(1) << 0)
#define W2N_WASI_RIGHTS_FD_READ (UINT64_C(1) << 1)
#define W2N_WASI_RIGHTS_FD_SEEK (UINT64_C(1) << 2)
#define W2N_WASI_RIGHTS_FD_FDSTAT_SET_FLAGS (UINT64_C(1) << 3)
#define W2N_WASI_RIGHTS_FD_SYNC (UINT64_C(1) << 4)
#define W2N_WASI_RIGHTS_FD_TELL (UINT64_C(1) << 5)
#define W2N_WASI_RIGHTS_FD_WRITE (UINT64_C(1) << 6)
#define W2N_WASI_RIGHTS_FD_ADVISE (UINT64_C(1) << 7)
#define W2N_WASI_RIGHTS_FD_ALLOCATE (UINT64_C(1) << 8)
#define W2N_WASI_RIGHTS_PATH_CREATE_DIRECTORY (UINT64_C(1) << 9)
#define W2N_WASI_RIGHTS_PATH_CREATE_FILE (UINT64_C(1) << 10)
#define W2N_WASI_RIGHTS_PATH_LINK_SOURCE (UINT64_C(1) << 11)
#define W2N_WASI_RIGHTS_PATH_LINK_TARGET (UINT64_C(1) << 12)
#define W2N_WASI_RIGHTS_PATH_OPEN (UINT64_C(1) << 13)
#define W2N_WASI_RIGHTS_FD_READDIR (UINT64_C(1) << 14)
#define W2N_WASI_RIGHTS_PATH_READLINK (UINT64_C(1) << 15)
#define W2N_WASI_RIGHTS_PATH_RENAME_SOURCE (UINT64_C(1) << 16)
#define W2N_WASI_RIGHTS_PATH_RENAME_TARGET (UINT64_C(1) << 17)
#define W2N_WASI_RIGHTS_PATH_FILESTAT_GET (UINT64_C(1) << 18)
#define W2N_WASI_RIGHTS_PATH_FILESTAT_SET_SIZE (UINT64_C(1) << 19)
#define W2N_WASI_RIGHTS_PATH_FILESTAT_SET_TIMES (UINT64_C(1) << 20)
#define W2N_WASI_RIGHTS_FD_FILESTAT_GET (UINT64_C(1) << 21)
#define W2N_WASI_RIGHTS_FD_FILESTAT_SET_SIZE (UINT64_C(1) << 22)
#define W2N_WASI_RIGHTS_FD_FILESTAT_SET_TIMES (UINT64_C(1) << 23)
#define W2N_WASI_RIGHTS_PATH_SYMLINK (UINT64_C(1) << 24)
#define W2N_WASI_RIGHTS_PATH_REMOVE_DIRECTORY (UINT64_C(1) << 25)
#define W2N_WASI_RIGHTS_PATH_UNLINK_FILE (UINT64_C(1) << 26)
#define W2N_WASI_RIGHTS_POLL_FD_READWRITE (UINT64_C(1) << 27)
#define W2N_WASI_RIGHTS_SOCK_SHUTDOWN (UINT64_C(1) << 28)
#define W2N_WASI_RIGHTS_SOCK_ACCEPT (UINT64_C(1) << 29)
#define W2N_WASI_RIGHTS_ALL ((UINT64_C(1) << 30) - 1) /* bits 0..29 */

/*===-- Enumerations ------------------------------------------------------===*/

/* dircookie (u64): where fd_readdir starts reading */
#define W2N_WASI_DIRCOOKIE_START 0

/* clockid (u32) */
#define W2N_WASI_CLOCKID_REALTIME 0
#define W2N_WASI_CLOCKID_MONOTONIC 1
#define W2N_WASI_CLOCKID_PROCESS_CPUTIME_ID 2
#define W2N_WASI_CLOCKID_THREAD_CPUTIME_ID 3

/* whence (u8) */
#define W2N_WASI_WHENCE_SET 0
#define W2N_WASI_WHENCE_CUR 1
#define W2N_WASI_WHENCE_END 2

/* filetype (u8) */
#define W2N_WASI_FILETYPE_UNKNOWN 0
#define W2N_WASI_FILETYPE_BLOCK_DEVICE 1
#define W2N_WASI_FILETYPE_CHARACTER_DEVICE 2
#define W2N_WASI_FILETYPE_DIRECTORY 3
#define W2N_WASI_FILETYPE_REGULAR_FILE 4
#define W2N_WASI_FILETYPE_SOCKET_DGRAM 5
#define W2N_WASI_FILETYPE_SOCKET_STREAM 6
#define W2N_WASI_FILETYPE_SYMBOLIC_LINK 7

/* advice (u8) */
#define W2N_WASI_ADVICE_NORMAL 0
#define W2N_WASI_ADVICE_SEQUENTIAL 1
#define W2N_WASI_ADVICE_RANDOM 2
#define W2N_WASI_ADVICE_WILLNEED 3
#define W2N_WASI_ADVICE_DONTNEED 4
#define W2N_WASI_ADVICE_NOREUSE 5

/* eventtype (u8); also the tag of subscription_u */
#define W2N_WASI_EVENTTYPE_CLOCK 0
#define W2N_WASI_EVENTTYPE_FD_READ 1
#define W2N_WASI_EVENTTYPE_FD_WRITE 2

/* preopentype (u8); also the tag of prestat */
#define W2N_WASI_PREOPENTYPE_DIR 0

/* signal (u8), for proc_raise */
#define W2N_WASI_SIGNAL_NONE 0 /* reserved */
#define W2N_WASI_SIGNAL_HUP 1
#define W2N_WASI_SIGNAL_INT 2
#define W2N_WASI_SIGNAL_QUIT 3
#define W2N_WASI_SIGNAL_ILL 4
#define W2N_WASI_SIGNAL_TRAP 5
#define W2N_WASI_SIGNAL_ABRT 6
#define W2N_WASI_SIGNAL_BUS 7
#define W2N_WASI_SIGNAL_FPE 8
#define W2N_WASI_SIGNAL_KILL 9
#define W2N_WASI_SIGNAL_USR1 10
#define W2N_WASI_SIGNAL_SEGV 11
#define W2N_WASI_SIGNAL_USR2 12
#define W2N_WASI_SIGNAL_PIPE 13
#define W2N_WASI_SIGNAL_ALRM 14
#define W2N_WASI_SIGNAL_TERM 15
#define W2N_WASI_SIGNAL_CHLD 16
#define W2N_WASI_SIGNAL_CONT 17
#define W2N_WASI_SIGNAL_STOP 18
#define W2N_WASI_SIGNAL_TSTP 19
#define W2N_WASI_SIGNAL_TTIN 20
#define W2N_WASI_SIGNAL_TTOU 21
#define W2N_WASI_SIGNAL_URG 22
#define W2N_WASI_SIGNAL_XCPU 23
#define W2N_WASI_SIGNAL_XFSZ 24
#define W2N_WASI_SIGNAL_VTALRM 25
#define W2N_WASI_SIGNAL_PROF 26
#define W2N_WASI_SIGNAL_WINCH 27
#define W2N_WASI_SIGNAL_POLL 28
#define W2N_WASI_SIGNAL_PWR 29
#define W2N_WASI_SIGNAL_SYS 30
#define W2N_WASI_SIGNAL_COUNT 31

/*===-- Flag sets ---------------------------------------------------------===*/
/* Each with an _ALL mask: a bit outside it is the guest's error (INVAL). */

/* fdflags (u16) */
#define W2N_WASI_FDFLAGS_APPEND (1u << 0)
#define W2N_WASI_FDFLAGS_DSYNC (1u << 1)
#define W2N_WASI_FDFLAGS_NONBLOCK (1u << 2)
#define W2N_WASI_FDFLAGS_RSYNC (1u << 3)
#define W2N_WASI_FDFLAGS_SYNC (1u << 4)
#define W2N_WASI_FDFLAGS_ALL 0x1fu

/* fstflags (u16) */
#define W2N_WASI_FSTFLAGS_ATIM (1u << 0)
#define W2N_WASI_FSTFLAGS_ATIM_NOW (1u << 1)
#define W2N_WASI_FSTFLAGS_MTIM (1u << 2)
#define W2N_WASI_FSTFLAGS_MTIM_NOW (1u << 3)
#define W2N_WASI_FSTFLAGS_ALL 0xfu

/* lookupflags (u32) */
#define W2N_WASI_LOOKUPFLAGS_SYMLINK_FOLLOW (1u << 0)
#define W2N_WASI_LOOKUPFLAGS_ALL 0x1u

/* oflags (u16) */
#define W2N_WASI_OFLAGS_CREAT (1u << 0)
#define W2N_WASI_OFLAGS_DIRECTORY (1u << 1)
#define W2N_WASI_OFLAGS_EXCL (1u << 2)
#define W2N_WASI_OFLAGS_TRUNC (1u << 3)
#define W2N_WASI_OFLAGS_ALL 0xfu

/* eventrwflags (u16) */
#define W2N_WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP (1u << 0)
#define W2N_WASI_EVENTRWFLAGS_ALL 0x1u

/* subclockflags (u16): set, the timeout is absolute; clear, relative */
#define W2N_WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME (1u << 0)
#define W2N_WASI_SUBCLOCKFLAGS_ALL 0x1u

/* riflags (u16), given to sock_recv */
#define W2N_WASI_RIFLAGS_RECV_PEEK (1u << 0)
#define W2N_WASI_RIFLAGS_RECV_WAITALL (1u << 1)
#define W2N_WASI_RIFLAGS_ALL 0x3u

/* roflags (u16), returned by sock_recv */
#define W2N_WASI_ROFLAGS_RECV_DATA_TRUNCATED (1u << 0)
#define W2N_WASI_ROFLAGS_ALL 0x1u

/* siflags (u16), given to sock_send: none defined */
#define W2N_WASI_SIFLAGS_ALL 0x0u

/* sdflags (u8), given to sock_shutdown */
#define W2N_WASI_SDFLAGS_RD (1u << 0)
#define W2N_WASI_SDFLAGS_WR (1u << 1)
#define W2N_WASI_SDFLAGS_ALL 0x3u

/*===-- Records, as they lie in guest memory ------------------------------===*/

/* iovec: a buffer to fill (fd_read, fd_pread, sock_recv). */
#define W2N_WASI_IOVEC_SIZE 8
#define W2N_WASI_IOVEC_ALIGN 4
#define W2N_WASI_IOVEC_OFFSET_BUF 0
#define W2N_WASI_IOVEC_OFFSET_BUF_LEN 4
typedef struct w2n_wasi_iovec {
  w2n_wasi_ptr buf;
  w2n_wasi_size buf_len;
} w2n_wasi_iovec;

/* ciovec: a buffer to write from (fd_write, fd_pwrite, sock_send). */
#define W2N_WASI_CIOVEC_SIZE 8
#define W2N_WASI_CIOVEC_ALIGN 4
#define W2N_WASI_CIOVEC_OFFSET_BUF 0
#define W2N_WASI_CIOVEC_OFFSET_BUF_LEN 4
typedef struct w2n_wasi_ciovec {
  w2n_wasi_ptr buf;
  w2n_wasi_size buf_len;
} w2n_wasi_ciovec;

/* dirent: fd_readdir writes each one followed by d_namlen bytes of name
 * (no NUL), so a name starts at W2N_WASI_DIRENT_SIZE, after 3 bytes of
 * padding behind d_type. */
#define W2N_WASI_DIRENT_SIZE 24
#define W2N_WASI_DIRENT_ALIGN 8
#define W2N_WASI_DIRENT_OFFSET_D_NEXT 0
#define W2N_WASI_DIRENT_OFFSET_D_INO 8
#define W2N_WASI_DIRENT_OFFSET_D_NAMLEN 16
#define W2N_WASI_DIRENT_OFFSET_D_TYPE 20
typedef struct w2n_wasi_dirent {
  w2n_wasi_dircookie d_next; /* cookie of the entry after this one */
  w2n_wasi_inode d_ino;
  w2n_wasi_dirnamlen d_namlen;
  w2n_wasi_filetype d_type;
} w2n_wasi_dirent;

/* fdstat: written by fd_fdstat_get. */
#define W2N_WASI_FDSTAT_SIZE 24
#define W2N_WASI_FDSTAT_ALIGN 8
#define W2N_WASI_FDSTAT_OFFSET_FS_FILETYPE 0
#define W2N_WASI_FDSTAT_OFFSET_FS_FLAGS 2
#define W2N_WASI_FDSTAT_OFFSET_FS_RIGHTS_BASE 8
#define W2N_WASI_FDSTAT_OFFSET_FS_RIGHTS_INHERITING 16
typedef struct w2n_wasi_fdstat {
  w2n_wasi_filetype fs_filetype;
  w2n_wasi_fdflags fs_flags;
  w2n_wasi_rights fs_rights_base;
  w2n_wasi_rights fs_rights_inheriting;
} w2n_wasi_fdstat;

/* filestat: written by fd_filestat_get and path_filestat_get. A timestamp
 * may be 0 where the host has none. */
#define W2N_WASI_FILESTAT_SIZE 64
#define W2N_WASI_FILESTAT_ALIGN 8
#define W2N_WASI_FILESTAT_OFFSET_DEV 0
#define W2N_WASI_FILESTAT_OFFSET_INO 8
#define W2N_WASI_FILESTAT_OFFSET_FILETYPE 16
#define W2N_WASI_FILESTAT_OFFSET_NLINK 24
#define W2N_WASI_FILESTAT_OFFSET_SIZE 32
#define W2N_WASI_FILESTAT_OFFSET_ATIM 40
#define W2N_WASI_FILESTAT_OFFSET_MTIM 48
#define W2N_WASI_FILESTAT_OFFSET_CTIM 56
typedef struct w2n_wasi_filestat {
  w2n_wasi_device dev;
  w2n_wasi_inode ino;
  w2n_wasi_filetype filetype;
  w2n_wasi_linkcount nlink;
  w2n_wasi_filesize size;
  w2n_wasi_timestamp atim;
  w2n_wasi_timestamp mtim;
  w2n_wasi_timestamp ctim;
} w2n_wasi_filestat;

/* event_fd_readwrite: the payload of an fd_read or fd_write event. */
#define W2N_WASI_EVENT_FD_READWRITE_SIZE 16
#define W2N_WASI_EVENT_FD_READWRITE_ALIGN 8
#define W2N_WASI_EVENT_FD_READWRITE_OFFSET_NBYTES 0
#define W2N_WASI_EVENT_FD_READWRITE_OFFSET_FLAGS 8
typedef struct w2n_wasi_event_fd_readwrite {
  w2n_wasi_filesize nbytes; /* bytes available to read or write */
  w2n_wasi_eventrwflags flags;
} w2n_wasi_event_fd_readwrite;

/* event: poll_oneoff writes one per subscription that fired. fd_readwrite
 * is a plain field, not a union member; a clock event ignores it. */
#define W2N_WASI_EVENT_SIZE 32
#define W2N_WASI_EVENT_ALIGN 8
#define W2N_WASI_EVENT_OFFSET_USERDATA 0
#define W2N_WASI_EVENT_OFFSET_ERROR 8
#define W2N_WASI_EVENT_OFFSET_TYPE 10
#define W2N_WASI_EVENT_OFFSET_FD_READWRITE 16
#define W2N_WASI_EVENT_OFFSET_FD_READWRITE_NBYTES 16
#define W2N_WASI_EVENT_OFFSET_FD_READWRITE_FLAGS 24
typedef struct w2n_wasi_event {
  w2n_wasi_userdata userdata; /* the subscription's */
  w2n_wasi_errno error;
  w2n_wasi_eventtype type;
  w2n_wasi_event_fd_readwrite fd_readwrite;
} w2n_wasi_event;

/* subscription_clock: the payload of a clock subscription. */
#define W2N_WASI_SUBSCRIPTION_CLOCK_SIZE 32
#define W2N_WASI_SUBSCRIPTION_CLOCK_ALIGN 8
#define W2N_WASI_SUBSCRIPTION_CLOCK_OFFSET_ID 0
#define W2N_WASI_SUBSCRIPTION_CLOCK_OFFSET_TIMEOUT 8
#define W2N_WASI_SUBSCRIPTION_CLOCK_OFFSET_PRECISION 16
#define W2N_WASI_SUBSCRIPTION_CLOCK_OFFSET_FLAGS 24
typedef struct w2n_wasi_subscription_clock {
  w2n_wasi_clockid id;
  w2n_wasi_timestamp timeout;
  w2n_wasi_timestamp precision; /* slack the implementation may add */
  w2n_wasi_subclockflags flags;
} w2n_wasi_subscription_clock;

/* subscription_fd_readwrite: the payload of an fd_read or fd_write
 * subscription. */
#define W2N_WASI_SUBSCRIPTION_FD_READWRITE_SIZE 4
#define W2N_WASI_SUBSCRIPTION_FD_READWRITE_ALIGN 4
#define W2N_WASI_SUBSCRIPTION_FD_READWRITE_OFFSET_FILE_DESCRIPTOR 0
typedef struct w2n_wasi_subscription_fd_readwrite {
  w2n_wasi_fd file_descriptor;
} w2n_wasi_subscription_fd_readwrite;

/* subscription_u: a union tagged by eventtype; the payload is 8-aligned
 * because subscription_clock is. */
#define W2N_WASI_SUBSCRIPTION_U_SIZE 40
#define W2N_WASI_SUBSCRIPTION_U_ALIGN 8
#define W2N_WASI_SUBSCRIPTION_U_OFFSET_TAG 0
#define W2N_WASI_SUBSCRIPTION_U_OFFSET_U 8
typedef union w2n_wasi_subscription_u_payload {
  w2n_wasi_subscription_clock clock;           /* EVENTTYPE_CLOCK */
  w2n_wasi_subscription_fd_readwrite fd_read;  /* EVENTTYPE_FD_READ */
  w2n_wasi_subscription_fd_readwrite fd_write; /* EVENTTYPE_FD_WRITE */
} w2n_wasi_subscription_u_payload;
typedef struct w2n_wasi_subscription_u {
  w2n_wasi_eventtype tag;
  w2n_wasi_subscription_u_payload u;
} w2n_wasi_subscription_u;

/* subscription: poll_oneoff reads an array of them. The flat offsets reach
 * into the union from the start of the subscription. */
#define W2N_WASI_SUBSCRIPTION_SIZE 48
#define W2N_WASI_SUBSCRIPTION_ALIGN 8
#define W2N_WASI_SUBSCRIPTION_OFFSET_USERDATA 0
#define W2N_WASI_SUBSCRIPTION_OFFSET_U 8
#define W2N_WASI_SUBSCRIPTION_OFFSET_TAG 8
#define W2N_WASI_SUBSCRIPTION_OFFSET_CLOCK_ID 16
#define W2N_WASI_SUBSCRIPTION_OFFSET_CLOCK_TIMEOUT 24
#define W2N_WASI_SUBSCRIPTION_OFFSET_CLOCK_PRECISION 32
#define W2N_WASI_SUBSCRIPTION_OFFSET_CLOCK_FLAGS 40
#define W2N_WASI_SUBSCRIPTION_OFFSET_FD_READWRITE_FILE_DESCRIPTOR 16
typedef struct w2n_wasi_subscription {
  w2n_wasi_userdata userdata; /* copied to the event */
  w2n_wasi_subscription_u u;
} w2n_wasi_subscription;

/* prestat_dir: the payload of a directory preopen. */
#define W2N_WASI_PRESTAT_DIR_SIZE 4
#define W2N_WASI_PRESTAT_DIR_ALIGN 4
#define W2N_WASI_PRESTAT_DIR_OFFSET_PR_NAME_LEN 0
typedef struct w2n_wasi_prestat_dir {
  w2n_wasi_size pr_name_len; /* bytes of fd_prestat_dir_name, no NUL */
} w2n_wasi_prestat_dir;

/* prestat: a union tagged by preopentype, written by fd_prestat_get. */
#define W2N_WASI_PRESTAT_SIZE 8
#define W2N_WASI_PRESTAT_ALIGN 4
#define W2N_WASI_PRESTAT_OFFSET_TAG 0
#define W2N_WASI_PRESTAT_OFFSET_U 4
#define W2N_WASI_PRESTAT_OFFSET_DIR_PR_NAME_LEN 4
typedef union w2n_wasi_prestat_payload {
  w2n_wasi_prestat_dir dir; /* PREOPENTYPE_DIR */
} w2n_wasi_prestat_payload;
typedef struct w2n_wasi_prestat {
  w2n_wasi_preopentype tag;
  w2n_wasi_prestat_payload u;
} w2n_wasi_prestat;

/*===-- Layout checks -----------------------------------------------------===*/

#define W2N_WASI_CHECK_RECORD(Type, NAME)                                      \
  W2N_WASI_STATIC_ASSERT(sizeof(Type) == W2N_WASI_##NAME##_SIZE,               \
                         "witx size of " #Type);                               \
  W2N_WASI_STATIC_ASSERT(W2N_WASI_ALIGNOF(Type) == W2N_WASI_##NAME##_ALIGN,    \
                         "witx alignment of " #Type)
#define W2N_WASI_CHECK_FIELD(Type, NAME, Member, MEMBER)                       \
  W2N_WASI_STATIC_ASSERT(W2N_WASI_OFFSETOF(Type, Member) ==                    \
                             W2N_WASI_##NAME##_OFFSET_##MEMBER,                \
                         "witx offset of " #Type "." #Member)

W2N_WASI_CHECK_RECORD(w2n_wasi_iovec, IOVEC);
W2N_WASI_CHECK_FIELD(w2n_wasi_iovec, IOVEC, buf, BUF);
W2N_WASI_CHECK_FIELD(w2n_wasi_iovec, IOVEC, buf_len, BUF_LEN);

W2N_WASI_CHECK_RECORD(w2n_wasi_ciovec, CIOVEC);
W2N_WASI_CHECK_FIELD(w2n_wasi_ciovec, CIOVEC, buf, BUF);
W2N_WASI_CHECK_FIELD(w2n_wasi_ciovec, CIOVEC, buf_len, BUF_LEN);

W2N_WASI_CHECK_RECORD(w2n_wasi_dirent, DIRENT);
W2N_WASI_CHECK_FIELD(w2n_wasi_dirent, DIRENT, d_next, D_NEXT);
W2N_WASI_CHECK_FIELD(w2n_wasi_dirent, DIRENT, d_ino, D_INO);
W2N_WASI_CHECK_FIELD(w2n_wasi_dirent, DIRENT, d_namlen, D_NAMLEN);
W2N_WASI_CHECK_FIELD(w2n_wasi_dirent, DIRENT, d_type, D_TYPE);

W2N_WASI_CHECK_RECORD(w2n_wasi_fdstat, FDSTAT);
W2N_WASI_CHECK_FIELD(w2n_wasi_fdstat, FDSTAT, fs_filetype, FS_FILETYPE);
W2N_WASI_CHECK_FIELD(w2n_wasi_fdstat, FDSTAT, fs_flags, FS_FLAGS);
W2N_WASI_CHECK_FIELD(w2n_wasi_fdstat, FDSTAT, fs_rights_base, FS_RIGHTS_BASE);
W2N_WASI_CHECK_FIELD(w2n_wasi_fdstat, FDSTAT, fs_rights_inheriting,
                     FS_RIGHTS_INHERITING);

W2N_WASI_CHECK_RECORD(w2n_wasi_filestat, FILESTAT);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, dev, DEV);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, ino, INO);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, filetype, FILETYPE);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, nlink, NLINK);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, size, SIZE);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, atim, ATIM);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, mtim, MTIM);
W2N_WASI_CHECK_FIELD(w2n_wasi_filestat, FILESTAT, ctim, CTIM);

W2N_WASI_CHECK_RECORD(w2n_wasi_event_fd_readwrite, EVENT_FD_READWRITE);
W2N_WASI_CHECK_FIELD(w2n_wasi_event_fd_readwrite, EVENT_FD_READWRITE, nbytes,
                     NBYTES);
W2N_WASI_CHECK_FIELD(w2n_wasi_event_fd_readwrite, EVENT_FD_READWRITE, flags,
                     FLAGS);

W2N_WASI_CHECK_RECORD(w2n_wasi_event, EVENT);
W2N_WASI_CHECK_FIELD(w2n_wasi_event, EVENT, userdata, USERDATA);
W2N_WASI_CHECK_FIELD(w2n_wasi_event, EVENT, error, ERROR);
W2N_WASI_CHECK_FIELD(w2n_wasi_event, EVENT, type, TYPE);
W2N_WASI_CHECK_FIELD(w2n_wasi_event, EVENT, fd_readwrite, FD_READWRITE);
W2N_WASI_CHECK_FIELD(w2n_wasi_event, EVENT, fd_readwrite.nbytes,
                     FD_READWRITE_NBYTES);
W2N_WASI_CHECK_FIELD(w2n_wasi_event, EVENT, fd_readwrite.flags,
                     FD_READWRITE_FLAGS);

W2N_WASI_CHECK_RECORD(w2n_wasi_subscription_clock, SUBSCRIPTION_CLOCK);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription_clock, SUBSCRIPTION_CLOCK, id, ID);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription_clock, SUBSCRIPTION_CLOCK, timeout,
                     TIMEOUT);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription_clock, SUBSCRIPTION_CLOCK, precision,
                     PRECISION);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription_clock, SUBSCRIPTION_CLOCK, flags,
                     FLAGS);

W2N_WASI_CHECK_RECORD(w2n_wasi_subscription_fd_readwrite,
                      SUBSCRIPTION_FD_READWRITE);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription_fd_readwrite,
                     SUBSCRIPTION_FD_READWRITE, file_descriptor,
                     FILE_DESCRIPTOR);

W2N_WASI_CHECK_RECORD(w2n_wasi_subscription_u, SUBSCRIPTION_U);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription_u, SUBSCRIPTION_U, tag, TAG);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription_u, SUBSCRIPTION_U, u, U);

W2N_WASI_CHECK_RECORD(w2n_wasi_subscription, SUBSCRIPTION);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION, userdata, USERDATA);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION, u, U);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION, u.tag, TAG);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION, u.u.clock.id,
                     CLOCK_ID);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION, u.u.clock.timeout,
                     CLOCK_TIMEOUT);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION, u.u.clock.precision,
                     CLOCK_PRECISION);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION, u.u.clock.flags,
                     CLOCK_FLAGS);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION,
                     u.u.fd_read.file_descriptor, FD_READWRITE_FILE_DESCRIPTOR);
W2N_WASI_CHECK_FIELD(w2n_wasi_subscription, SUBSCRIPTION,
                     u.u.fd_write.file_descriptor,
                     FD_READWRITE_FILE_DESCRIPTOR);

W2N_WASI_CHECK_RECORD(w2n_wasi_prestat_dir, PRESTAT_DIR);
W2N_WASI_CHECK_FIELD(w2n_wasi_prestat_dir, PRESTAT_DIR, pr_name_len,
                     PR_NAME_LEN);

W2N_WASI_CHECK_RECORD(w2n_wasi_prestat, PRESTAT);
W2N_WASI_CHECK_FIELD(w2n_wasi_prestat, PRESTAT, tag, TAG);
W2N_WASI_CHECK_FIELD(w2n_wasi_prestat, PRESTAT, u, U);
W2N_WASI_CHECK_FIELD(w2n_wasi_prestat, PRESTAT, u.dir.pr_name_len,
                     DIR_PR_NAME_LEN);

#undef W2N_WASI_CHECK_RECORD
#undef W2N_WASI_CHECK_FIELD

/*===-- Functions ---------------------------------------------------------===*/

/* X(Ident, ImportName, Sig) for every function of wasi_snapshot_preview1,
 * in the witx's order. Sig is the import's core-wasm type after lowering
 * (see the top of this file), as in frontend/Opcodes.def: parameter types,
 * '_', result types; i = i32, l = i64. The comment above each entry names
 * the lowered parameters; `*x` is an out-pointer through which the function
 * stores x (of the width given) when it succeeds. */
#define W2N_WASI_FUNCTIONS(X)                                                  \
  /* argv, argv_buf */                                                         \
  X(args_get, "args_get", "ii_i")                                              \
  /* *argc, *argv_buf_size */                                                  \
  X(args_sizes_get, "args_sizes_get", "ii_i")                                  \
  /* environ, environ_buf */                                                   \
  X(environ_get, "environ_get", "ii_i")                                        \
  /* *count, *environ_buf_size */                                              \
  X(environ_sizes_get, "environ_sizes_get", "ii_i")                            \
  /* id, *resolution (u64) */                                                  \
  X(clock_res_get, "clock_res_get", "ii_i")                                    \
  /* id, precision, *time (u64) */                                             \
  X(clock_time_get, "clock_time_get", "ili_i")                                 \
  /* fd, offset, len, advice */                                                \
  X(fd_advise, "fd_advise", "illi_i")                                          \
  /* fd, offset, len */                                                        \
  X(fd_allocate, "fd_allocate", "ill_i")                                       \
  /* fd */                                                                     \
  X(fd_close, "fd_close", "i_i")                                               \
  /* fd */                                                                     \
  X(fd_datasync, "fd_datasync", "i_i")                                         \
  /* fd, *fdstat */                                                            \
  X(fd_fdstat_get, "fd_fdstat_get", "ii_i")                                    \
  /* fd, fdflags */                                                            \
  X(fd_fdstat_set_flags, "fd_fdstat_set_flags", "ii_i")                        \
  /* fd, fs_rights_base, fs_rights_inheriting */                               \
  X(fd_fdstat_set_rights, "fd_fdstat_set_rights", "ill_i")                     \
  /* fd, *filestat */                                                          \
  X(fd_filestat_get, "fd_filestat_get", "ii_i")                                \
  /* fd, size */                                                               \
  X(fd_filestat_set_size, "fd_filestat_set_size", "il_i")                      \
  /* fd, atim, mtim, fst_flags */                                              \
  X(fd_filestat_set_times, "fd_filestat_set_times", "illi_i")                  \
  /* fd, iovs, iovs_len, offset, *nread (u32) */                               \
  X(fd_pread, "fd_pread", "iiili_i")                                           \
  /* fd, *prestat */                                                           \
  X(fd_prestat_get, "fd_prestat_get", "ii_i")                                  \
  /* fd, path, path_len */                                                     \
  X(fd_prestat_dir_name, "fd_prestat_dir_name", "iii_i")                       \
  /* fd, iovs, iovs_len, offset, *nwritten (u32) */                            \
  X(fd_pwrite, "fd_pwrite", "iiili_i")                                         \
  /* fd, iovs, iovs_len, *nread (u32) */                                       \
  X(fd_read, "fd_read", "iiii_i")                                              \
  /* fd, buf, buf_len, cookie, *bufused (u32) */                               \
  X(fd_readdir, "fd_readdir", "iiili_i")                                       \
  /* fd, to */                                                                 \
  X(fd_renumber, "fd_renumber", "ii_i")                                        \
  /* fd, offset (s64), whence, *newoffset (u64) */                             \
  X(fd_seek, "fd_seek", "ilii_i")                                              \
  /* fd */                                                                     \
  X(fd_sync, "fd_sync", "i_i")                                                 \
  /* fd, *offset (u64) */                                                      \
  X(fd_tell, "fd_tell", "ii_i")                                                \
  /* fd, iovs, iovs_len, *nwritten (u32) */                                    \
  X(fd_write, "fd_write", "iiii_i")                                            \
  /* fd, path, path_len */                                                     \
  X(path_create_directory, "path_create_directory", "iii_i")                   \
  /* fd, flags, path, path_len, *filestat */                                   \
  X(path_filestat_get, "path_filestat_get", "iiiii_i")                         \
  /* fd, flags, path, path_len, atim, mtim, fst_flags */                       \
  X(path_filestat_set_times, "path_filestat_set_times", "iiiilli_i")           \
  /* old_fd, old_flags, old_path, old_path_len, new_fd, new_path,              \
     new_path_len */                                                           \
  X(path_link, "path_link", "iiiiiii_i")                                       \
  /* fd, dirflags, path, path_len, oflags, fs_rights_base,                     \
     fs_rights_inheriting, fdflags, *opened_fd (u32) */                        \
  X(path_open, "path_open", "iiiiillii_i")                                     \
  /* fd, path, path_len, buf, buf_len, *bufused (u32) */                       \
  X(path_readlink, "path_readlink", "iiiiii_i")                                \
  /* fd, path, path_len */                                                     \
  X(path_remove_directory, "path_remove_directory", "iii_i")                   \
  /* fd, old_path, old_path_len, new_fd, new_path, new_path_len */             \
  X(path_rename, "path_rename", "iiiiii_i")                                    \
  /* old_path, old_path_len, fd, new_path, new_path_len */                     \
  X(path_symlink, "path_symlink", "iiiii_i")                                   \
  /* fd, path, path_len */                                                     \
  X(path_unlink_file, "path_unlink_file", "iii_i")                             \
  /* in, out, nsubscriptions, *nevents (u32) */                                \
  X(poll_oneoff, "poll_oneoff", "iiii_i")                                      \
  /* rval; does not return */                                                  \
  X(proc_exit, "proc_exit", "i_")                                              \
  /* sig */                                                                    \
  X(proc_raise, "proc_raise", "i_i")                                           \
  /* (none) */                                                                 \
  X(sched_yield, "sched_yield", "_i")                                          \
  /* buf, buf_len */                                                           \
  X(random_get, "random_get", "ii_i")                                          \
  /* fd, fdflags, *new_fd (u32) */                                             \
  X(sock_accept, "sock_accept", "iii_i")                                       \
  /* fd, ri_data, ri_data_len, ri_flags, *ro_datalen (u32),                    \
     *ro_flags (u16) */                                                        \
  X(sock_recv, "sock_recv", "iiiiii_i")                                        \
  /* fd, si_data, si_data_len, si_flags, *so_datalen (u32) */                  \
  X(sock_send, "sock_send", "iiiii_i")                                         \
  /* fd, sdflags */                                                            \
  X(sock_shutdown, "sock_shutdown", "ii_i")

/* W2N_WASI_FUNC_<ident>: a function's index in W2N_WASI_FUNCTIONS. */
typedef enum w2n_wasi_function {
#define W2N_WASI_FUNC_ENUM(Ident, Name, Sig) W2N_WASI_FUNC_##Ident,
  W2N_WASI_FUNCTIONS(W2N_WASI_FUNC_ENUM)
#undef W2N_WASI_FUNC_ENUM
  W2N_WASI_FUNCTION_COUNT
} w2n_wasi_function;
W2N_WASI_STATIC_ASSERT(W2N_WASI_FUNCTION_COUNT == 46,
                       "wasi_snapshot_preview1 has 46 functions");

#ifdef __cplusplus
}
#endif

#endif /* W2N_WASI_H */

/*===- arch/generic/syscall_numbers.h - asm-generic system call numbers ---===*
 *
 * aarch64 and riscv64 number their system calls from the kernel's shared
 * table (include/uapi/asm-generic/unistd.h, scripts/syscall.tbl since
 * Linux 6.11), so both arch/<arch>/syscall.h include this list. Only the
 * 64-bit ABI matters here. That table has no open, stat, poll or other
 * pre-*at calls; the runtime uses the *at forms on every target so one
 * implementation serves all three. A call that only some of its users have
 * (renameat: aarch64 yes, riscv64 no) is defined by the arch header.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_GENERIC_SYSCALL_NUMBERS_H
#define W2N_ARCH_GENERIC_SYSCALL_NUMBERS_H

/* Files and descriptors. */
#define W2N_SYS_dup3 24
#define W2N_SYS_fcntl 25
#define W2N_SYS_ioctl 29
#define W2N_SYS_mkdirat 34
#define W2N_SYS_unlinkat 35
#define W2N_SYS_symlinkat 36
#define W2N_SYS_linkat 37
#define W2N_SYS_ftruncate 46
#define W2N_SYS_fallocate 47
#define W2N_SYS_openat 56
#define W2N_SYS_close 57
#define W2N_SYS_getdents64 61
#define W2N_SYS_lseek 62
#define W2N_SYS_read 63
#define W2N_SYS_write 64
#define W2N_SYS_readv 65
#define W2N_SYS_writev 66
#define W2N_SYS_pread64 67
#define W2N_SYS_pwrite64 68
#define W2N_SYS_readlinkat 78
/* newfstatat and fstat exist on 64-bit asm-generic targets that select the
 * "newstat" ABI, as aarch64 and riscv64 both do; their struct stat is the
 * asm-generic layout, not x86-64's. statx has one layout everywhere. */
#define W2N_SYS_newfstatat 79
#define W2N_SYS_fstat 80
#define W2N_SYS_fsync 82
#define W2N_SYS_fdatasync 83
#define W2N_SYS_utimensat 88
#define W2N_SYS_fadvise64 223
#define W2N_SYS_renameat2 276
#define W2N_SYS_statx 291

/* Memory. */
#define W2N_SYS_munmap 215
#define W2N_SYS_mmap 222
#define W2N_SYS_mprotect 226
#define W2N_SYS_madvise 233

/* Signals. */
#define W2N_SYS_sigaltstack 132
#define W2N_SYS_rt_sigaction 134
#define W2N_SYS_rt_sigprocmask 135
#define W2N_SYS_rt_sigreturn 139

/* Processes and threads. */
#define W2N_SYS_exit 93
#define W2N_SYS_exit_group 94
#define W2N_SYS_sched_yield 124
#define W2N_SYS_kill 129
#define W2N_SYS_tgkill 131
#define W2N_SYS_uname 160
#define W2N_SYS_getpid 172
#define W2N_SYS_gettid 178
#define W2N_SYS_prlimit64 261

/* Time, polling, randomness. */
#define W2N_SYS_ppoll 73
#define W2N_SYS_nanosleep 101
#define W2N_SYS_clock_gettime 113
#define W2N_SYS_futex 98
#define W2N_SYS_clock_getres 114
#define W2N_SYS_clock_nanosleep 115
#define W2N_SYS_getrandom 278

/* Sockets (WASI's sock_accept, sock_recv, sock_send, sock_shutdown). */
#define W2N_SYS_sendto 206
#define W2N_SYS_recvfrom 207
#define W2N_SYS_shutdown 210
#define W2N_SYS_sendmsg 211
#define W2N_SYS_recvmsg 212
#define W2N_SYS_accept4 242

#endif /* W2N_ARCH_GENERIC_SYSCALL_NUMBERS_H */

/*===- arch/x86_64/syscall.h - Raw Linux system calls on x86-64 -----------===*
 *
 * The executable runtime has no libc: every service it needs from the
 * kernel goes through these stubs. x86-64 has its own system call table
 * (arch/x86/entry/syscalls/syscall_64.tbl in the kernel), so the numbers
 * here differ from the asm-generic ones used by aarch64 and riscv64.
 *
 * Convention: the number goes in rax, arguments in rdi, rsi, rdx, r10, r8,
 * r9 (r10, not rcx, for the fourth: `syscall` overwrites rcx with the
 * return address and r11 with rflags), the result comes back in rax. A
 * result in [-4095, -1] is a negated errno value.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_X86_64_SYSCALL_H
#define W2N_ARCH_X86_64_SYSCALL_H

/* Files and descriptors. */
#define W2N_SYS_read 0
#define W2N_SYS_write 1
#define W2N_SYS_close 3
#define W2N_SYS_fstat 5
#define W2N_SYS_lseek 8
#define W2N_SYS_ioctl 16
#define W2N_SYS_pread64 17
#define W2N_SYS_pwrite64 18
#define W2N_SYS_readv 19
#define W2N_SYS_writev 20
#define W2N_SYS_fcntl 72
#define W2N_SYS_fsync 74
#define W2N_SYS_fdatasync 75
#define W2N_SYS_ftruncate 77
#define W2N_SYS_getdents64 217
#define W2N_SYS_fadvise64 221
#define W2N_SYS_openat 257
#define W2N_SYS_mkdirat 258
#define W2N_SYS_newfstatat 262
#define W2N_SYS_unlinkat 263
#define W2N_SYS_renameat 264
#define W2N_SYS_linkat 265
#define W2N_SYS_symlinkat 266
#define W2N_SYS_readlinkat 267
#define W2N_SYS_utimensat 280
#define W2N_SYS_fallocate 285
#define W2N_SYS_dup3 292
#define W2N_SYS_renameat2 316
#define W2N_SYS_statx 332

/* Memory. */
#define W2N_SYS_mmap 9
#define W2N_SYS_mprotect 10
#define W2N_SYS_munmap 11
#define W2N_SYS_madvise 28

/* Signals. */
#define W2N_SYS_rt_sigaction 13
#define W2N_SYS_rt_sigprocmask 14
#define W2N_SYS_rt_sigreturn 15
#define W2N_SYS_sigaltstack 131

/* Processes and threads. */
#define W2N_SYS_sched_yield 24
#define W2N_SYS_getpid 39
#define W2N_SYS_exit 60
#define W2N_SYS_kill 62
#define W2N_SYS_uname 63
#define W2N_SYS_gettid 186
#define W2N_SYS_exit_group 231
#define W2N_SYS_tgkill 234
#define W2N_SYS_prlimit64 302

/* Time, polling, randomness. */
#define W2N_SYS_nanosleep 35
#define W2N_SYS_clock_gettime 228
#define W2N_SYS_futex 202
#define W2N_SYS_clock_getres 229
#define W2N_SYS_clock_nanosleep 230
#define W2N_SYS_ppoll 271
#define W2N_SYS_getrandom 318

/* Sockets (WASI's sock_accept, sock_recv, sock_send, sock_shutdown). */
#define W2N_SYS_sendto 44
#define W2N_SYS_recvfrom 45
#define W2N_SYS_sendmsg 46
#define W2N_SYS_recvmsg 47
#define W2N_SYS_shutdown 48
#define W2N_SYS_accept4 288

/* The stubs. "memory" is clobbered because the kernel reads and writes
 * through pointer arguments the compiler cannot see. */

static inline long w2n_syscall0(long n) {
  long ret;
  __asm__ __volatile__("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
  return ret;
}

static inline long w2n_syscall1(long n, long a) {
  long ret;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a)
                       : "rcx", "r11", "memory");
  return ret;
}

static inline long w2n_syscall2(long n, long a, long b) {
  long ret;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a), "S"(b)
                       : "rcx", "r11", "memory");
  return ret;
}

static inline long w2n_syscall3(long n, long a, long b, long c) {
  long ret;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a), "S"(b), "d"(c)
                       : "rcx", "r11", "memory");
  return ret;
}

/* r10, r8 and r9 have no constraint letters: bind them as register
 * variables, which GCC and Clang guarantee only for asm operands. */

static inline long w2n_syscall4(long n, long a, long b, long c, long d) {
  long ret;
  register long r10 __asm__("r10") = d;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                       : "rcx", "r11", "memory");
  return ret;
}

static inline long w2n_syscall5(long n, long a, long b, long c, long d,
                                long e) {
  long ret;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
                       : "rcx", "r11", "memory");
  return ret;
}

static inline long w2n_syscall6(long n, long a, long b, long c, long d, long e,
                                long f) {
  long ret;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
                         "r"(r9)
                       : "rcx", "r11", "memory");
  return ret;
}

#endif /* W2N_ARCH_X86_64_SYSCALL_H */

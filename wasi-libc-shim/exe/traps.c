/*===- exe/traps.c - Traps and faults of a static executable --------------===*
 *
 * A trap prints "wasm trap: MESSAGE" to stderr and exits with status 134, as
 * Wasmtime does; guard-page faults and stack overflow arrive as SIGSEGV on
 * an alternate stack and become the matching trap. A program that defines
 * w2n_exe_trap_hook (the spec suite's test host does) gets each trap there
 * instead, and leaves it by a jump of its own.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/unwind.h"
#include "exe/exe.h"

#include "arch/signal.h"
#include "arch/syscall.h"

/* Defined only by test hosts; see exe/exe.h. */
extern void w2n_exe_trap_hook(uint32_t kind) __attribute__((weak));

/* The module whose function names traps report. */
static const w2n_module_desc *named_module;

static const char *const trap_messages[] = {
#define W2N_TRAP_MESSAGE(Name, Message) Message,
    W2N_TRAP_KINDS(W2N_TRAP_MESSAGE)
#undef W2N_TRAP_MESSAGE
};

/* The lowest stack address WebAssembly code may reach, and so where a
 * fault means the call stack was exhausted. */
static uintptr_t stack_limit;

uintptr_t w2n_exe_stack_limit(void) { return stack_limit; }

void w2n_exe_print(const char *s) {
  size_t n = strlen(s);
  while (n) {
    long r = w2n_syscall3(W2N_SYS_write, 2, (long)s, (long)n);
    if (w2n_syscall_failed(r))
      return;
    s += r;
    n -= (size_t)r;
  }
}

_Noreturn void w2n_exe_exit(int status) {
  for (;;)
    w2n_syscall1(W2N_SYS_exit_group, status);
}

/* The index of the WebAssembly function whose code holds pc, or -1. The
 * module's functions are laid out in index order, and its init function
 * right after them (lowering/ModuleLowering.cpp), which bounds the last. */
static int64_t function_at(uintptr_t pc) {
  const w2n_module_desc *desc = named_module;
  if (!desc)
    return -1;
  uint32_t defined = desc->num_funcs - desc->num_imported_funcs;
  int64_t best = -1;
  uintptr_t best_start = 0;
  for (uint32_t i = 0; i < defined; ++i) {
    uintptr_t start = (uintptr_t)desc->func_ptrs[i];
    if (start <= pc && start >= best_start) {
      best = (int64_t)(desc->num_imported_funcs + i);
      best_start = start;
    }
  }
  if (best < 0 || pc >= (uintptr_t)desc->init)
    return -1;
  return best;
}

static void print_decimal(uint64_t v) {
  char buf[24];
  char *p = buf + sizeof buf;
  *--p = 0;
  do
    *--p = (char)('0' + v % 10);
  while (v /= 10);
  w2n_exe_print(p);
}

/* "wasm trap: MESSAGE", naming the function when pc is in one: by its name
 * from the name section, else by its index. */
static _Noreturn void trap_at(uint32_t kind, uintptr_t pc) {
  if (w2n_exe_trap_hook) {
    w2n_exe_trap_hook(kind);
    w2n_exe_exit(134); /* the hook must not return */
  }
  w2n_exe_print("wasm trap: ");
  w2n_exe_print(kind < W2N_TRAP_COUNT ? trap_messages[kind] : "unknown trap");
  int64_t func = function_at(pc);
  if (func >= 0) {
    w2n_exe_print(", in function ");
    const char *name =
        named_module->func_names ? named_module->func_names[func] : 0;
    if (name)
      w2n_exe_print(name);
    else
      print_decimal((uint64_t)func);
  }
  w2n_exe_print("\n");
  w2n_exe_exit(134);
}

/* An exception nothing caught: from _start (whose caller, w2n_start, has
 * no unwind table) or from the start function. */
_Noreturn void w2n_os_eh_uncaught(void *exn) {
  const w2n_exn *e = exn;
  if (w2n_exe_trap_hook) {
    w2n_exe_trap_hook(W2N_TRAP_UNCAUGHT_EXCEPTION);
    w2n_exe_exit(134);
  }
  w2n_exe_print("wasm trap: uncaught exception: ");
  if (e->tag->module) {
    w2n_exe_print("tag ");
    print_decimal(e->tag->index);
  } else {
    w2n_exe_print("a host's tag");
  }
  w2n_exe_print(" with ");
  print_decimal(e->num_values);
  w2n_exe_print(e->num_values == 1 ? " value\n" : " values\n");
  w2n_exe_exit(134);
}

_Noreturn void w2n_trap(uint32_t kind) {
  /* Called from a trap block of the function that trapped. The call is
   * the block's last instruction, so its return address may be the next
   * function's first: look one byte back. */
  trap_at(kind, (uintptr_t)__builtin_return_address(0) - 1);
}

static void on_fault(int sig, w2n_siginfo *info, void *ucontext) {
  uintptr_t addr = (uintptr_t)info->addr;
  uintptr_t pc = (uintptr_t)W2N_UCONTEXT_PC((w2n_ucontext *)ucontext);
  if (w2n_exe_in_reservation(addr))
    trap_at(W2N_TRAP_MEMORY_OUT_OF_BOUNDS, pc);
  /* A frame larger than the margin below the limit lands here. */
  if ((addr < stack_limit && stack_limit - addr < (1u << 20)) ||
      w2n_exe_thread_stack_fault(addr))
    trap_at(W2N_TRAP_CALL_STACK_EXHAUSTED, pc);
  /* Not ours: die of the signal, as without a handler. */
  w2n_sigaction dfl;
  w2n_sigaction_init(&dfl, W2N_SIG_DFL, 0);
  w2n_syscall4(W2N_SYS_rt_sigaction, sig, (long)&dfl, 0, W2N_SIGSET_SIZE);
}

static void install_fault_handlers(void) {
  static _Alignas(16) uint8_t alt_stack[64 * 1024];
  w2n_stack ss = {alt_stack, 0, sizeof alt_stack};
  w2n_syscall2(W2N_SYS_sigaltstack, (long)&ss, 0);
  w2n_sigaction sa;
  w2n_sigaction_init(&sa, on_fault, W2N_SA_SIGINFO | W2N_SA_ONSTACK);
  w2n_syscall4(W2N_SYS_rt_sigaction, W2N_SIGSEGV, (long)&sa, 0, W2N_SIGSET_SIZE);
  w2n_syscall4(W2N_SYS_rt_sigaction, W2N_SIGBUS, (long)&sa, 0, W2N_SIGSET_SIZE);
}

/* Leaves room below the limit for the runtime's own frames (WASI calls)
 * and for the signal frame of a fault. */
#define W2N_STACK_MARGIN (256u * 1024)
#define W2N_RLIMIT_STACK 3

static uintptr_t compute_stack_limit(void) {
  uint64_t lim[2] = {8u << 20, 8u << 20};
  w2n_syscall4(W2N_SYS_prlimit64, 0, W2N_RLIMIT_STACK, 0, (long)lim);
  uint64_t size = lim[0];
  if (size > (64ull << 20) || size < (1u << 20))
    size = 8u << 20;
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  return here - (uintptr_t)size + W2N_STACK_MARGIN;
}

void w2n_exe_traps_init(const w2n_module_desc *named) {
  named_module = named;
  install_fault_handlers();
  stack_limit = compute_stack_limit();
}

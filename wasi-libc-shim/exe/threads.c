/*===- exe/threads.c - WASI threads (wasi "thread-spawn") ------------------===*
 *
 * wasi-threads, as wasi-libc's threads target uses it: the module imports
 * its memory (shared) and "wasi" "thread-spawn", and exports
 * wasi_thread_start(tid, start_arg). Each new thread gets a new instance
 * of the module with the same imports (so the same memory; the module's
 * start function initialises memory once, as toolchains emit it), its own
 * stack with a guard region and its own signal stack, and runs
 * wasi_thread_start in a raw clone(2). A trap in any thread ends the
 * process, as proc_exit from any thread does (exit_group).
 *
 * Stacks are reclaimed when a later spawn finds their thread gone
 * (CLONE_CHILD_CLEARTID clears its word when it exits). Instances are kept:
 * a finished thread's instance may still be referenced by funcrefs stored
 * in shared memory.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"
#include "exe/exe.h"

#include "arch/signal.h"
#include "arch/syscall.h"

#define THREAD_STACK (8u << 20)
#define GUARD (64u << 10)
#define ALT_STACK (64u << 10)
/* Room below an instance's stack limit for the runtime's frames (WASI
 * calls) and a fault's signal frame, as on the main thread. */
#define MARGIN (256u << 10)
#define MAX_THREADS 1024

#define W2N_CLONE_VM 0x100
#define W2N_CLONE_FS 0x200
#define W2N_CLONE_FILES 0x400
#define W2N_CLONE_SIGHAND 0x800
#define W2N_CLONE_THREAD 0x10000
#define W2N_CLONE_SYSVSEM 0x40000
#define W2N_CLONE_CHILD_CLEARTID 0x200000

/* WASI errno values thread-spawn returns negated. */
#define W2N_WASI_EAGAIN 6

long w2n_exe_clone(unsigned long flags, void *stack, uint32_t *ctid,
                   void (*fn)(void *), void *arg);

/* A thread's memory, from low to high addresses: its signal stack, an
 * inaccessible guard, then its stack. */
typedef struct thread {
  uint8_t *mapping; /* NULL: a free slot */
  uint32_t running; /* nonzero until the kernel clears it at exit */
  int32_t tid;
  int32_t start_arg;
  const w2n_funcref *start;
} thread;

static thread threads[MAX_THREADS];
static const w2n_module_desc *module;
static const w2n_extern *module_imports;
static uint32_t num_module_imports;
static int32_t next_tid = 1;
static volatile char lock;

#define MAPPING_SIZE ((uint64_t)ALT_STACK + GUARD + THREAD_STACK)

void w2n_exe_threads_init(const w2n_module_desc *desc,
                          const w2n_extern *imports, uint32_t num_imports) {
  module = desc;
  module_imports = imports;
  num_module_imports = num_imports;
}

int w2n_exe_thread_stack_fault(uintptr_t addr) {
  for (unsigned i = 0; i < MAX_THREADS; ++i) {
    uintptr_t guard = (uintptr_t)threads[i].mapping + ALT_STACK;
    if (threads[i].mapping && addr >= guard && addr < guard + GUARD + MARGIN)
      return 1;
  }
  return 0;
}

static _Noreturn void thread_main(void *arg) {
  thread *t = arg;
  w2n_stack ss = {t->mapping, 0, ALT_STACK};
  w2n_syscall2(W2N_SYS_sigaltstack, (long)&ss, 0);
  ((void (*)(void *, int32_t, int32_t))t->start->fn)(t->start->ctx, t->tid,
                                                      t->start_arg);
  for (;;)
    w2n_syscall1(W2N_SYS_exit, 0);
}

/* Frees the memory of threads that have exited; under the lock. */
static void reap(void) {
  for (unsigned i = 0; i < MAX_THREADS; ++i)
    if (threads[i].mapping &&
        __atomic_load_n(&threads[i].running, __ATOMIC_ACQUIRE) == 0) {
      w2n_syscall2(W2N_SYS_munmap, (long)threads[i].mapping,
                   (long)MAPPING_SIZE);
      threads[i].mapping = 0;
    }
}

static int32_t spawn(int32_t start_arg) {
  reap();
  thread *t = 0;
  for (unsigned i = 0; i < MAX_THREADS && !t; ++i)
    if (!threads[i].mapping)
      t = &threads[i];
  if (!t || next_tid > 0x1fffffff)
    return -W2N_WASI_EAGAIN;
  w2n_instance *inst;
  if (w2n_core_instance_new(module, module_imports, num_module_imports, &inst,
                            0) != W2N_OK)
    return -W2N_WASI_EAGAIN;
  w2n_extern start;
  if (w2n_core_find_export(inst, "wasi_thread_start", 17, &start) != W2N_OK ||
      start.tag != W2N_EXTERN_FUNCREF) {
    w2n_core_instance_free(inst);
    return -W2N_WASI_EAGAIN;
  }
  long r = w2n_syscall6(W2N_SYS_mmap, 0, (long)MAPPING_SIZE, 3 /* rw */,
                        0x22 /* private, anonymous */, -1, 0);
  if (w2n_syscall_failed(r)) {
    w2n_core_instance_free(inst);
    return -W2N_WASI_EAGAIN;
  }
  uint8_t *mapping = (uint8_t *)r;
  w2n_syscall3(W2N_SYS_mprotect, (long)(mapping + ALT_STACK), GUARD, 0);
  inst->stack_limit = (uintptr_t)mapping + ALT_STACK + GUARD + MARGIN;
  t->mapping = mapping;
  t->tid = next_tid++;
  t->start_arg = start_arg;
  t->start = start.of.func;
  __atomic_store_n(&t->running, 1, __ATOMIC_RELEASE);
  long tid = w2n_exe_clone(W2N_CLONE_VM | W2N_CLONE_FS | W2N_CLONE_FILES |
                               W2N_CLONE_SIGHAND | W2N_CLONE_THREAD |
                               W2N_CLONE_SYSVSEM | W2N_CLONE_CHILD_CLEARTID,
                           mapping + MAPPING_SIZE, &t->running, thread_main, t);
  if (w2n_syscall_failed(tid)) {
    w2n_syscall2(W2N_SYS_munmap, (long)mapping, (long)MAPPING_SIZE);
    t->mapping = 0;
    t->running = 0;
    return -W2N_WASI_EAGAIN;
  }
  return t->tid;
}

int32_t w2n_exe_thread_spawn(void *ctx, int32_t start_arg) {
  (void)ctx;
  while (__atomic_test_and_set(&lock, __ATOMIC_ACQUIRE))
    ;
  int32_t tid = spawn(start_arg);
  __atomic_clear(&lock, __ATOMIC_RELEASE);
  return tid;
}

/*===- embed/trap.c - Trap frames, fault handling, stack limits -----------===*
 *
 * A trap unwinds to the innermost entry point by siglongjmp; nothing in
 * generated code needs unwinding (it holds no resources). Faults become
 * traps only while WebAssembly code runs on the faulting thread (a trap
 * frame is active), and only at addresses that guard mode makes fault on
 * purpose: inside a linear memory's reservation. Any other fault is left
 * to whoever handled it before us (or to the default action: a crash).
 *===----------------------------------------------------------------------===*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "embed/trap.h"

#include "core/unwind.h"

#include "w2n/embed.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room left on the stack below the limit for runtime functions, host
 * functions and the frame that crosses it. */
#define STACK_MARGIN (256u * 1024u)
/* A fault this far below the stack's low end is an overflow of it (Linux
 * keeps a gap of 256 pages below a growing stack). */
#define STACK_GUARD_SPAN (1u << 20)
#define ALT_STACK_SIZE (64u * 1024u)

typedef struct trap_frame {
  sigjmp_buf env;
  struct trap_frame *prev;
} trap_frame;

static _Thread_local trap_frame *innermost;
static _Thread_local uintptr_t stack_low; /* 0 until the thread is set up */

/* --- Reservations ----------------------------------------------------------
 * A list of chunks that only grows; slots are reused. The fault handler
 * reads it without locking: a slot's size is written before its base. */
#define REGION_SLOTS 126
typedef struct region_chunk {
  struct region_chunk *_Atomic next;
  _Atomic uintptr_t base[REGION_SLOTS];
  _Atomic uintptr_t size[REGION_SLOTS];
} region_chunk;

static region_chunk *_Atomic regions;
static pthread_mutex_t regions_lock = PTHREAD_MUTEX_INITIALIZER;

int w2n_embed_register_region(void *base, uint64_t size) {
  pthread_mutex_lock(&regions_lock);
  for (region_chunk *c = atomic_load(&regions); c; c = atomic_load(&c->next))
    for (int i = 0; i < REGION_SLOTS; ++i)
      if (atomic_load(&c->base[i]) == 0) {
        atomic_store(&c->size[i], (uintptr_t)size);
        atomic_store(&c->base[i], (uintptr_t)base);
        pthread_mutex_unlock(&regions_lock);
        return 1;
      }
  region_chunk *c = calloc(1, sizeof(region_chunk));
  if (!c) {
    pthread_mutex_unlock(&regions_lock);
    return 0;
  }
  atomic_store(&c->size[0], (uintptr_t)size);
  atomic_store(&c->base[0], (uintptr_t)base);
  atomic_store(&c->next, atomic_load(&regions));
  atomic_store(&regions, c);
  pthread_mutex_unlock(&regions_lock);
  return 1;
}

void w2n_embed_unregister_region(void *base) {
  pthread_mutex_lock(&regions_lock);
  for (region_chunk *c = atomic_load(&regions); c; c = atomic_load(&c->next))
    for (int i = 0; i < REGION_SLOTS; ++i)
      if (atomic_load(&c->base[i]) == (uintptr_t)base) {
        atomic_store(&c->base[i], 0);
        pthread_mutex_unlock(&regions_lock);
        return;
      }
  pthread_mutex_unlock(&regions_lock);
}

static int in_region(uintptr_t addr) {
  for (region_chunk *c = atomic_load(&regions); c; c = atomic_load(&c->next))
    for (int i = 0; i < REGION_SLOTS; ++i) {
      uintptr_t base = atomic_load(&c->base[i]);
      if (base && addr - base < atomic_load(&c->size[i]))
        return 1;
    }
  return 0;
}

/* --- Signals -------------------------------------------------------------- */

static struct sigaction previous_segv, previous_bus;

static void on_fault(int sig, siginfo_t *info, void *context) {
  (void)context;
  trap_frame *frame = innermost;
  uintptr_t addr = (uintptr_t)info->si_addr;
  if (frame && info->si_code > 0) {
    if (in_region(addr))
      siglongjmp(frame->env, W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
    if (stack_low && addr < stack_low + STACK_MARGIN &&
        addr + STACK_GUARD_SPAN >= stack_low)
      siglongjmp(frame->env, W2N_TRAP_CALL_STACK_EXHAUSTED);
  }
  /* Not ours: hand the signal to the previous disposition. A fault
   * happens again when we return; a signal sent by kill does not. */
  sigaction(sig, sig == SIGSEGV ? &previous_segv : &previous_bus, NULL);
  if (info->si_code <= 0)
    raise(sig);
}

static void install_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, &previous_segv);
  sigaction(SIGBUS, &sa, &previous_bus);
}

/* Once per thread: its stack bounds, and an alternate signal stack (unless
 * it has one), so that the handler can run when the stack is exhausted. */
static void setup_thread(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, install_handlers);

  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  stack_low = (uintptr_t)addr;
  if (!stack_low) /* unknown: fall back on the current frame, less 1 MiB */
    stack_low = (uintptr_t)__builtin_frame_address(0) - (1u << 20);

  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
    stack_t alt;
    alt.ss_sp = malloc(ALT_STACK_SIZE);
    alt.ss_size = ALT_STACK_SIZE;
    alt.ss_flags = 0;
    if (alt.ss_sp && sigaltstack(&alt, NULL) != 0)
      free(alt.ss_sp);
  }
}

uintptr_t w2n_embed_stack_limit(void) {
  if (!stack_low)
    setup_thread();
  return stack_low + STACK_MARGIN;
}

w2n_trap_kind w2n_embed_run_protected(void (*fn)(void *), void *arg) {
  if (!stack_low)
    setup_thread();
  trap_frame frame;
  frame.prev = innermost;
  /* Save the signal mask: a trap from the fault handler must unblock
   * SIGSEGV again on its way out. */
  int kind = sigsetjmp(frame.env, 1);
  if (kind == 0) {
    innermost = &frame;
    fn(arg);
    innermost = frame.prev;
    return W2N_TRAP_NONE;
  }
  innermost = frame.prev;
  return (w2n_trap_kind)kind;
}

void w2n_trap(uint32_t kind) {
  trap_frame *frame = innermost;
  if (kind == W2N_TRAP_NONE || kind >= W2N_TRAP_COUNT)
    kind = W2N_TRAP_HOST;
  if (!frame) {
    fprintf(stderr, "wasm trap outside of any call: %s\n",
            w2n_trap_message((w2n_trap_kind)kind));
    abort();
  }
  siglongjmp(frame->env, (int)kind);
}

/* Entry trampolines stop every exception, so this is reached only by one
 * thrown where no WebAssembly frame with unwind tables leads back to an
 * entry: a runtime bug, reported as a trap rather than a crash. */
_Noreturn void w2n_os_eh_uncaught(void *exn) {
  (void)exn;
  w2n_trap(W2N_TRAP_UNCAUGHT_EXCEPTION);
  abort();
}

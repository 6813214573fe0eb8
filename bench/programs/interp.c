/* Bytecode interpreter: a stack machine with locals, arithmetic,
   comparisons, conditional jumps, calls and returns, dispatched by a
   switch loop. Runs three programs with known answers: recursive
   fib(30) = 832040, the sieve count of primes below 2,000,000 = 148933,
   and an iterated sum of i*i mod 1000003 checked against the same loop
   in C. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, EQ, JMP, JZ, CALL, RET, HALT, GLOAD, GSTORE, DUP, POP };

typedef struct { int ret_pc, fp; } frame;

/* Aligned so that edits elsewhere in the file do not move the dispatch
   loop: natively its speed depends on where it lands (15% between two
   16-byte-aligned addresses). */
__attribute__((aligned(64)))
static int64_t run(const int32_t *code, int pc, int64_t *heap) {
  /* static: too large for the default 64 KiB WebAssembly stack */
  static int64_t stack[4096]; int sp = 0;
  static int64_t locals[1 << 16]; int fp = 0;
  static frame frames[4096]; int nf = 0;
  for (;;) {
    int32_t op = code[pc++];
    switch (op) {
    case PUSH: stack[sp++] = code[pc++]; break;
    case LOAD: stack[sp++] = locals[fp + code[pc++]]; break;
    case STORE: locals[fp + code[pc++]] = stack[--sp]; break;
    case ADD: sp--; stack[sp - 1] += stack[sp]; break;
    case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
    case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
    case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
    case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
    case JMP: pc = code[pc]; break;
    case JZ: if (stack[--sp] == 0) pc = code[pc]; else pc++; break;
    case CALL: { /* CALL target nargs: args popped into the new frame's locals */
      int target = code[pc], nargs = code[pc + 1];
      frames[nf].ret_pc = pc + 2; frames[nf].fp = fp; nf++;
      fp += 8;
      for (int i = nargs - 1; i >= 0; i--) locals[fp + i] = stack[--sp];
      pc = target; break;
    }
    case RET: nf--; pc = frames[nf].ret_pc; fp = frames[nf].fp; break;
    case HALT: return stack[sp - 1];
    case GLOAD: stack[sp - 1] = heap[stack[sp - 1]]; break;
    case GSTORE: sp -= 2; heap[stack[sp]] = stack[sp + 1]; break; /* addr value GSTORE */
    case DUP: stack[sp] = stack[sp - 1]; sp++; break;
    case POP: sp--; break;
    default: return -1;
    }
  }
}

static int32_t code[1024]; static int ncode;
static int at(void) { return ncode; }
static void e1(int32_t a) { code[ncode++] = a; }
static void e2(int32_t a, int32_t b) { e1(a); e1(b); }

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  /* SCALE > 1: fib(24) = 46368 and the primes below 100000 = 9592 instead (about
     1/18 and 1/20 of the work); SCALE divides the iterations of the sum loop */
  int full = scale == 1, fibn = full ? 30 : 24, lim = full ? 2000000 : 100000;
  int64_t fibv = full ? 832040 : 46368, nprimes = full ? 148933 : 9592;
  int32_t iters = 30000000 / scale < 1000 ? 1000 : (int32_t)(30000000 / scale);
  int64_t *heap = calloc(2000001, sizeof(int64_t));
  /* fib(n): if n < 2 return n; return fib(n-1) + fib(n-2) */
  int fib = at();
  e2(LOAD, 0); e2(PUSH, 2); e1(LT); int j1 = at(); e2(JZ, 0);
  e2(LOAD, 0); e1(RET);
  code[j1 + 1] = at();
  e2(LOAD, 0); e2(PUSH, 1); e1(SUB); e1(CALL); e1(fib); e1(1);
  e2(LOAD, 0); e2(PUSH, 2); e1(SUB); e1(CALL); e1(fib); e1(1);
  e1(ADD); e1(RET);
  int main_fib = at();
  e2(PUSH, fibn); e1(CALL); e1(fib); e1(1); e1(HALT);

  /* sieve: locals 0=i 1=j 2=count; heap[k]=1 marks composite; N = lim */
  int sieve = at();
  e2(PUSH, 2); e2(STORE, 0); e2(PUSH, 0); e2(STORE, 2);
  int loop_i = at();
  e2(LOAD, 0); e2(PUSH, lim); e1(LT); int exit_i = at(); e2(JZ, 0);
  e2(LOAD, 0); e1(GLOAD); int skip = at(); e1(JZ); e1(0); /* if heap[i]==0 -> prime */
  int next_i = at(); e2(LOAD, 0); e2(PUSH, 1); e1(ADD); e2(STORE, 0); e2(JMP, loop_i);
  code[skip + 1] = at();
  e2(LOAD, 2); e2(PUSH, 1); e1(ADD); e2(STORE, 2);
  e2(LOAD, 0); e2(LOAD, 0); e1(MUL); e2(STORE, 1);
  int loop_j = at();
  e2(LOAD, 1); e2(PUSH, lim); e1(LT); int exit_j = at(); e2(JZ, 0);
  e2(LOAD, 1); e2(PUSH, 1); e1(GSTORE);
  e2(LOAD, 1); e2(LOAD, 0); e1(ADD); e2(STORE, 1); e2(JMP, loop_j);
  code[exit_j + 1] = next_i;
  code[exit_i + 1] = at();
  e2(LOAD, 2); e1(HALT);

  /* sum: s = 0; for i in 0..iters: s = (s + i*i) % 1000003 */
  int sum = at();
  e2(PUSH, 0); e2(STORE, 0); e2(PUSH, 0); e2(STORE, 1);
  int loop_s = at();
  e2(LOAD, 0); e2(PUSH, iters); e1(LT); int exit_s = at(); e2(JZ, 0);
  e2(LOAD, 1); e2(LOAD, 0); e2(LOAD, 0); e1(MUL); e1(ADD); e2(PUSH, 1000003); e1(MOD); e2(STORE, 1);
  e2(LOAD, 0); e2(PUSH, 1); e1(ADD); e2(STORE, 0); e2(JMP, loop_s);
  code[exit_s + 1] = at();
  e2(LOAD, 1); e1(HALT);

  int64_t f = run(code, main_fib, heap);
  if (f != fibv) { printf("interp: FAILED fib %lld\n", (long long)f); return 1; }
  int64_t p = run(code, sieve, heap);
  if (p != nprimes) { printf("interp: FAILED sieve %lld\n", (long long)p); return 1; }
  int64_t s = run(code, sum, heap);
  int64_t ref = 0;
  for (int64_t i = 0; i < iters; i++) ref = (ref + i * i) % 1000003;
  if (s != ref) { printf("interp: FAILED sum %lld != %lld\n", (long long)s, (long long)ref); return 1; }
  printf("interp: ok %lld %lld %lld\n", (long long)f, (long long)p, (long long)s);
  return 0;
}

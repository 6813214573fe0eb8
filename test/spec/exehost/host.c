/*===- test/spec/exehost/host.c - Spec commands in a static executable ----===*
 *
 * A test host that runs spec-suite commands on the freestanding runtime of
 * executables (wasi-libc-shim/exe), for any target, natively or under
 * qemu-user: modules compiled by `wasm2native compile --emit=obj`, linked
 * with this file, its jump (jmp-<arch>.S), a table of the modules'
 * descriptors and the runtime archive. Traps come through the runtime's
 * own handlers (exe/traps.c: faults on guard pages, stack exhaustion,
 * w2n_trap), which hand them to w2n_exe_trap_hook here instead of exiting.
 *
 * It reads requests from stdin, one a line, and answers each on stdout:
 *   m K            instantiate module K of w2n_host_modules
 *                  -> ok INSTANCE
 *   r NAME I       register instance I for imports from module NAME (I is
 *                  `none` after a module that failed: imports from NAME
 *                  are then unknown)
 *                  -> ok
 *   c I NAME V...  call export NAME of instance I with the values V
 *                  -> ok V...        its results
 *   g I NAME       read global export NAME of instance I
 *                  -> ok V
 *   M I NAME       the bytes of memory export NAME of instance I
 *                  -> ok PAGES BYTES  (BYTES as a NAME is written)
 * Any of them may answer instead
 *                  err STATUS TRAP IMPORT INSTANCE MESSAGE
 * with a w2n_status, a w2n_trap_kind, the failing import's index, the
 * instance a trapping initialisation left (or -1) and the message. NAME
 * and MESSAGE are `=` and hex, two digits a byte (`=` alone when empty,
 * as some export names are); a value V is TYPE:HEX, the
 * w2n_valtype in decimal and the 16 bytes of its w2n_value in memory
 * order. Imports from "spectest" are the spec interpreter's (no-op print
 * functions, global_i32 ... = 666, a table of 10..20 funcrefs and one
 * indexed by i64, a memory of
 * 1..2 pages); those from "fuzzing-support" are binaryen's logging
 * functions, which answer `log V` lines before the answer of the request
 * during which they were called.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "exe/exe.h"

#include "arch/syscall.h"

typedef struct {
  uint64_t regs[32];
} host_jmp_buf;
int w2n_host_setjmp(host_jmp_buf *buf);
_Noreturn void w2n_host_longjmp(host_jmp_buf *buf, int value);

/* Provided by the link: the descriptors of the script's modules. */
extern const w2n_module_desc *const w2n_host_modules[];
extern const uint32_t w2n_host_module_count;

enum {
  MaxInstances = 4096,
  MaxRegistered = 256,
  MaxLine = 1 << 16,
  MaxValues = 64,
  MaxImports = 1024,
  MaxName = 4096
};

static w2n_instance *instances[MaxInstances];
static uint32_t num_instances;
static struct {
  char name[MaxName];
  uint32_t len;
  uint32_t instance;
} registered[MaxRegistered];
static uint32_t num_registered;

/* --- Traps ---------------------------------------------------------------- */

static host_jmp_buf recovery;
static volatile uint32_t trap_kind;

void w2n_exe_trap_hook(uint32_t kind) {
  trap_kind = kind;
  /* A fault's handler runs with its signal blocked, and leaves by this
   * jump rather than by returning: unblock everything, as siglongjmp
   * would restore the mask. */
  uint64_t none = 0;
  w2n_syscall4(W2N_SYS_rt_sigprocmask, 2 /* SIG_SETMASK */, (long)&none, 0,
               sizeof none);
  w2n_host_longjmp(&recovery, 1);
}

/* Runs fn(arg); returns the kind of the trap it ended in, or NONE. */
static uint32_t run_protected(void (*fn)(void *), void *arg) {
  if (w2n_host_setjmp(&recovery) == 0) {
    fn(arg);
    return W2N_TRAP_NONE;
  }
  return trap_kind;
}

static const char *const trap_messages[] = {
#define W2N_TRAP_MESSAGE(Name, Message) Message,
    W2N_TRAP_KINDS(W2N_TRAP_MESSAGE)
#undef W2N_TRAP_MESSAGE
};

/* --- Output ------------------------------------------------------------- */

static char out_buf[MaxLine * 2];
static size_t out_len;

static void write_out(void) {
  const char *p = out_buf;
  while (out_len) {
    long r = w2n_syscall3(W2N_SYS_write, 1, (long)p, (long)out_len);
    if (w2n_syscall_failed(r))
      w2n_exe_exit(3);
    p += r;
    out_len -= (size_t)r;
  }
}
/* Long answers (a memory's bytes) go out in pieces. */
static void put(const char *s, size_t n) {
  while (n) {
    if (out_len == sizeof out_buf)
      write_out();
    size_t k = sizeof out_buf - out_len < n ? sizeof out_buf - out_len : n;
    memcpy(out_buf + out_len, s, k);
    out_len += k;
    s += k;
    n -= k;
  }
}
static void puts_(const char *s) { put(s, strlen(s)); }
static void put_hex(const void *p, size_t n) {
  static const char digits[] = "0123456789abcdef";
  const uint8_t *b = p;
  for (size_t i = 0; i < n; ++i) {
    char pair[2] = {digits[b[i] >> 4], digits[b[i] & 15]};
    put(pair, 2);
  }
}
static void put_int(int64_t v) {
  char buf[24], *p = buf + sizeof buf;
  uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (v < 0)
    *--p = '-';
  put(p, (size_t)(buf + sizeof buf - p));
}
static void put_value(uint8_t type, const w2n_value *v) {
  put(" ", 1);
  put_int(type);
  put(":", 1);
  put_hex(v, sizeof *v);
}
static void flush_line(void) {
  put("\n", 1);
  write_out();
}
static void answer_error(w2n_status status, uint32_t trap, uint32_t import,
                         int64_t instance, const char *message) {
  puts_("err ");
  put_int(status);
  put(" ", 1);
  put_int(trap);
  put(" ", 1);
  put_int(import);
  put(" ", 1);
  put_int(instance);
  put(" =", 2);
  put_hex(message, strlen(message));
  flush_line();
}
static void answer_trap(uint32_t kind, int64_t instance) {
  answer_error(W2N_ERROR_TRAP, kind, 0, instance,
               kind < W2N_TRAP_COUNT ? trap_messages[kind] : "unknown trap");
}

/* --- Input -------------------------------------------------------------- */

static char in_buf[MaxLine];
static size_t in_len, in_pos;

/* The next line, without its newline, or NULL at the end of the input. */
static char *read_line(void) {
  static char line[MaxLine];
  size_t n = 0;
  for (;;) {
    if (in_pos == in_len) {
      long r = w2n_syscall3(W2N_SYS_read, 0, (long)in_buf, sizeof in_buf);
      if (w2n_syscall_failed(r) || r == 0)
        return n ? (line[n] = 0, line) : 0;
      in_len = (size_t)r;
      in_pos = 0;
    }
    char c = in_buf[in_pos++];
    if (c == '\n') {
      line[n] = 0;
      return line;
    }
    if (n + 1 < sizeof line)
      line[n++] = c;
  }
}

/* The next space-separated word of *cursor, NUL-terminated in place. */
static char *word(char **cursor) {
  char *p = *cursor;
  while (*p == ' ')
    ++p;
  if (!*p)
    return 0;
  char *start = p;
  while (*p && *p != ' ')
    ++p;
  if (*p)
    *p++ = 0;
  *cursor = p;
  return start;
}

static int parse_uint(const char *s, uint64_t *out) {
  uint64_t v = 0;
  if (!s || !*s)
    return 0;
  for (; *s; ++s) {
    if (*s < '0' || *s > '9')
      return 0;
    v = v * 10 + (uint64_t)(*s - '0');
  }
  *out = v;
  return 1;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Decodes HEX into out (at most cap bytes); the byte count, or -1. */
static long parse_hex(const char *s, uint8_t *out, size_t cap) {
  size_t n = 0;
  for (; s[0]; s += 2) {
    int hi = hex_digit(s[0]), lo = s[1] ? hex_digit(s[1]) : -1;
    if (hi < 0 || lo < 0 || n == cap)
      return -1;
    out[n++] = (uint8_t)(hi << 4 | lo);
  }
  return (long)n;
}

/* A name or message: =HEX. */
static long parse_name(const char *s, uint8_t *out, size_t cap) {
  return s && *s == '=' ? parse_hex(s + 1, out, cap) : -1;
}

/* TYPE:HEX */
static int parse_value(char *s, uint8_t *type, w2n_value *v) {
  char *colon = s;
  while (*colon && *colon != ':')
    ++colon;
  if (!*colon)
    return 0;
  *colon = 0;
  uint64_t t;
  if (!parse_uint(s, &t) || t > 255)
    return 0;
  *type = (uint8_t)t;
  memset(v, 0, sizeof *v);
  return parse_hex(colon + 1, (uint8_t *)v, sizeof *v) == (long)sizeof *v;
}

/* --- spectest ------------------------------------------------------------- */

static void do_nothing(void *env, const w2n_value *args, w2n_value *results) {}

static const w2n_valtype t_i32[] = {W2N_I32}, t_i64[] = {W2N_I64},
                     t_f32[] = {W2N_F32}, t_f64[] = {W2N_F64},
                     t_i32_f32[] = {W2N_I32, W2N_F32},
                     t_f64_f64[] = {W2N_F64, W2N_F64};
static const struct {
  const char *name;
  w2n_func_type_desc type;
} spectest_funcs[] = {
    {"print", {0, 0, 0, 0, 0, 0}},
    {"print_i32", {1, 0, t_i32, 0, 0, 0}},
    {"print_i64", {1, 0, t_i64, 0, 0, 0}},
    {"print_f32", {1, 0, t_f32, 0, 0, 0}},
    {"print_f64", {1, 0, t_f64, 0, 0, 0}},
    {"print_i32_f32", {2, 0, t_i32_f32, 0, 0, 0}},
    {"print_f64_f64", {2, 0, t_f64_f64, 0, 0, 0}},
};
static w2n_memory *spectest_memory, *spectest_shared_memory;
static w2n_table *spectest_table, *spectest_table64;
static w2n_value spectest_globals[4];
static const char *const spectest_global_names[4] = {
    "global_i32", "global_i64", "global_f32", "global_f64"};
static const w2n_valtype spectest_global_types[4] = {W2N_I32, W2N_I64, W2N_F32,
                                                 W2N_F64};

static int name_is(const char *name, uint32_t len, const char *s) {
  return strlen(s) == len && memcmp(name, s, len) == 0;
}

static w2n_extern spectest_lookup(const char *name, uint32_t len) {
  w2n_extern e;
  memset(&e, 0, sizeof e);
  e.tag = W2N_EXTERN_NONE;
  for (size_t i = 0; i < sizeof spectest_funcs / sizeof spectest_funcs[0]; ++i)
    if (name_is(name, len, spectest_funcs[i].name))
      return w2n_extern_host_func(do_nothing, 0, &spectest_funcs[i].type);
  if (name_is(name, len, "table") && spectest_table)
    return w2n_extern_table(spectest_table);
  if (name_is(name, len, "table64") && spectest_table64)
    return w2n_extern_table(spectest_table64);
  if (name_is(name, len, "memory") && spectest_memory)
    return w2n_extern_memory(spectest_memory);
  if (name_is(name, len, "shared_memory") && spectest_shared_memory)
    return w2n_extern_memory(spectest_shared_memory);
  for (int g = 0; g < 4; ++g)
    if (name_is(name, len, spectest_global_names[g])) {
      e.tag = W2N_EXTERN_GLOBAL_REF;
      e.of.global.value = &spectest_globals[g];
      e.of.global.type = spectest_global_types[g];
      e.of.global.mutable_ = 0;
    }
  return e;
}

/* --- fuzzing-support ------------------------------------------------------ */

/* The logging imports of binaryen's -ttf modules (test/diff): each call
 * is a line `log V` before the answer to the request that made it. env
 * points at the parameter's type. log-v128 fails as a host error, as the
 * call throws in JavaScript. */
static void log_value(void *env, const w2n_value *args, w2n_value *results) {
  puts_("log");
  put_value((uint8_t)*(const w2n_valtype *)env, &args[0]);
  flush_line();
}
static void log_v128(void *env, const w2n_value *args, w2n_value *results) {
  w2n_trap(W2N_TRAP_HOST);
}

static const w2n_valtype log_types[] = {W2N_I32, W2N_I64, W2N_F32, W2N_F64,
                                    W2N_V128};
static const char *const log_names[] = {"log-i32", "log-i64", "log-f32",
                                        "log-f64", "log-v128"};
static const w2n_func_type_desc log_signatures[] = {{1, 0, &log_types[0], 0, 0, 0},
                                                    {1, 0, &log_types[1], 0, 0, 0},
                                                    {1, 0, &log_types[2], 0, 0, 0},
                                                    {1, 0, &log_types[3], 0, 0, 0},
                                                    {1, 0, &log_types[4], 0, 0, 0}};

static w2n_extern fuzzing_support_lookup(const char *name, uint32_t len) {
  w2n_extern e;
  memset(&e, 0, sizeof e);
  e.tag = W2N_EXTERN_NONE;
  for (int i = 0; i < 5; ++i)
    if (name_is(name, len, log_names[i]))
      return w2n_extern_host_func(log_types[i] == W2N_V128 ? log_v128
                                                           : log_value,
                                  (void *)&log_types[i], &log_signatures[i]);
  return e;
}

static void spectest_init(void) {
  w2n_limits memory = {1, 2, 1, 0, 0}, shared = {1, 2, 1, 0, 1},
             table = {10, 20, 1, 0, 0}, table64 = {10, 20, 1, 1, 0};
  spectest_memory = w2n_core_memory_new(&memory);
  spectest_shared_memory = w2n_core_memory_new(&shared);
  spectest_table = w2n_core_table_new(W2N_FUNCREF, &table, 0);
  spectest_table64 = w2n_core_table_new(W2N_FUNCREF, &table64, 0);
  spectest_globals[0].i32 = 666;
  spectest_globals[1].i64 = 666;
  spectest_globals[2].f32 = 666.6f;
  spectest_globals[3].f64 = 666.6;
}

/* --- Requests ------------------------------------------------------------- */

static w2n_instance *instance_arg(char **cursor) {
  uint64_t i;
  if (!parse_uint(word(cursor), &i) || i >= num_instances || !instances[i])
    return 0;
  return instances[i];
}

static w2n_exn *thrown; /* by the last run_init or run_call */

static void run_init(void *inst) { thrown = w2n_core_instance_run_init(inst); }

static void answer_exception(int64_t instance) {
  answer_error(W2N_ERROR_EXCEPTION, 0, 0, instance, "uncaught exception");
}

static void instantiate(char *args) {
  uint64_t k;
  if (!parse_uint(word(&args), &k) || k >= w2n_host_module_count) {
    answer_error(W2N_ERROR_INVALID_ARGUMENT, 0, 0, -1, "bad module");
    return;
  }
  const w2n_module_desc *desc = w2n_host_modules[k];
  if (desc->num_imports > MaxImports || num_instances == MaxInstances) {
    answer_error(W2N_ERROR_RESOURCES, 0, 0, -1, "too many");
    return;
  }
  static w2n_extern imports[MaxImports];
  for (uint32_t i = 0; i < desc->num_imports; ++i) {
    const w2n_import_desc *imp = &desc->imports[i];
    w2n_extern *e = &imports[i];
    memset(e, 0, sizeof *e);
    e->tag = W2N_EXTERN_NONE;
    if (name_is(imp->module, imp->module_len, "spectest")) {
      *e = spectest_lookup(imp->name, imp->name_len);
      continue;
    }
    if (name_is(imp->module, imp->module_len, "fuzzing-support")) {
      *e = fuzzing_support_lookup(imp->name, imp->name_len);
      continue;
    }
    for (uint32_t r = num_registered; r-- > 0;)
      if (registered[r].len == imp->module_len &&
          memcmp(registered[r].name, imp->module, imp->module_len) == 0) {
        if (registered[r].instance == UINT32_MAX ||
            w2n_core_find_export(instances[registered[r].instance], imp->name,
                                 imp->name_len, e) != W2N_OK)
          e->tag = W2N_EXTERN_NONE;
        break;
      }
  }
  w2n_instance *inst;
  w2n_error err;
  w2n_status s =
      w2n_core_instance_new(desc, imports, desc->num_imports, &inst, &err);
  if (s != W2N_OK) {
    answer_error(s, err.trap, err.import_index, -1, err.message);
    return;
  }
  inst->stack_limit = w2n_exe_stack_limit();
  uint32_t index = num_instances++;
  instances[index] = inst;
  thrown = 0;
  uint32_t trap = run_protected(run_init, inst);
  if (trap != W2N_TRAP_NONE) {
    answer_trap(trap, index);
    return;
  }
  if (thrown) {
    answer_exception(index);
    return;
  }
  puts_("ok ");
  put_int(index);
  flush_line();
}

static void register_instance(char *args) {
  static uint8_t name[MaxName];
  long len = parse_name(word(&args), name, sizeof name);
  char *which = word(&args);
  uint64_t i = UINT32_MAX;
  int none = which && strlen(which) == 4 && memcmp(which, "none", 4) == 0;
  if (len < 0 || (!none && (!parse_uint(which, &i) || i >= num_instances)) ||
      num_registered == MaxRegistered) {
    answer_error(W2N_ERROR_INVALID_ARGUMENT, 0, 0, -1, "bad register");
    return;
  }
  memcpy(registered[num_registered].name, name, (size_t)len);
  registered[num_registered].len = (uint32_t)len;
  registered[num_registered].instance = (uint32_t)i;
  ++num_registered;
  puts_("ok");
  flush_line();
}

/* The export a request names (instance, =HEX name), if it is of kind tag;
 * else answers that there is no such export and returns 0. */
static int find_export(char **args, w2n_extern_tag tag, const char *missing,
                       w2n_instance **inst, w2n_extern *e) {
  static uint8_t name[MaxName];
  *inst = instance_arg(args);
  long len = parse_name(word(args), name, sizeof name);
  if (*inst && len >= 0 &&
      w2n_core_find_export(*inst, (const char *)name, (size_t)len, e) ==
          W2N_OK &&
      e->tag == tag)
    return 1;
  answer_error(W2N_ERROR_INVALID_ARGUMENT, 0, 0, -1, missing);
  return 0;
}

typedef struct call {
  w2n_entry_fn entry;
  const w2n_funcref *func;
  const w2n_value *args;
  w2n_value *results;
} call;

static void run_call(void *p) {
  call *c = p;
  thrown = c->entry(c->func->fn, c->func->ctx, c->args, c->results);
}

static void call_export(char *args) {
  w2n_instance *inst;
  w2n_extern e;
  if (!find_export(&args, W2N_EXTERN_FUNCREF, "no function", &inst, &e))
    return;
  int64_t t = w2n_core_type_index(inst, e.of.func->type_id);
  if (t < 0) {
    answer_error(W2N_ERROR_INVALID_ARGUMENT, 0, 0, -1, "no type");
    return;
  }
  const w2n_func_type_desc *type = &inst->module->types[t];
  static w2n_value values[MaxValues], results[MaxValues];
  uint32_t n = 0;
  for (char *v; (v = word(&args));) {
    uint8_t vt;
    if (n == MaxValues || n >= type->num_params ||
        !parse_value(v, &vt, &values[n]) || vt != w2n_valtype_top(type->types[n])) {
      answer_error(W2N_ERROR_INVALID_ARGUMENT, 0, 0, -1, "bad argument");
      return;
    }
    ++n;
  }
  if (n != type->num_params || type->num_results > MaxValues) {
    answer_error(W2N_ERROR_INVALID_ARGUMENT, 0, 0, -1, "bad arguments");
    return;
  }
  memset(results, 0, sizeof results);
  call c = {inst->module->entries[t], e.of.func, values, results};
  thrown = 0;
  uint32_t trap = run_protected(run_call, &c);
  if (trap != W2N_TRAP_NONE) {
    answer_trap(trap, -1);
    return;
  }
  if (thrown) {
    answer_exception(-1);
    return;
  }
  puts_("ok");
  for (uint32_t i = 0; i < type->num_results; ++i)
    put_value((uint8_t)w2n_valtype_top(type->types[type->num_params + i]),
              &results[i]);
  flush_line();
}

static void get_global(char *args) {
  w2n_instance *inst;
  w2n_extern e;
  if (!find_export(&args, W2N_EXTERN_GLOBAL_REF, "no global", &inst, &e))
    return;
  puts_("ok");
  put_value((uint8_t)w2n_valtype_top(e.of.global.type), e.of.global.value);
  flush_line();
}

static void dump_memory(char *args) {
  w2n_instance *inst;
  w2n_extern e;
  if (!find_export(&args, W2N_EXTERN_MEMORY_REF, "no memory", &inst, &e))
    return;
  puts_("ok ");
  put_int((int64_t)(e.of.memory->size / W2N_PAGE_SIZE));
  put(" =", 2);
  put_hex(e.of.memory->base, e.of.memory->size);
  flush_line();
}

_Noreturn void w2n_start(long argc, char **argv, char **envp) {
  w2n_exe_traps_init(0);
  spectest_init();
  for (char *line; (line = read_line());) {
    char *op = word(&line);
    if (!op)
      continue;
    if (op[0] == 'm' && !op[1])
      instantiate(line);
    else if (op[0] == 'r' && !op[1])
      register_instance(line);
    else if (op[0] == 'c' && !op[1])
      call_export(line);
    else if (op[0] == 'g' && !op[1])
      get_global(line);
    else if (op[0] == 'M' && !op[1])
      dump_memory(line);
    else if (op[0] == 'q' && !op[1])
      break;
    else
      answer_error(W2N_ERROR_INVALID_ARGUMENT, 0, 0, -1, "unknown request");
  }
  w2n_exe_exit(0);
}

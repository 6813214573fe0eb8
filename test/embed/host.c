/* A C host embedding a module compiled by wasm2native twice, once with
 * guard-page bounds checks (prefix guard) and once with explicit checks
 * (prefix explicit): several instances at once, a host import, a mutable
 * global, multiple results, traps that come back as errors after which
 * the instance stays usable, and exceptions: thrown by the host and
 * caught by WebAssembly, and uncaught ones that reach the host with their
 * tag and values. Exits 0 when every check passes. */
#include "guard.h"
#include "explicit.h"

#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,        \
              #cond);                                                          \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static void log_count(void *env, const w2n_value *args, w2n_value *results) {
  (void)results;
  int32_t *last = env;
  *last = (int32_t)args[0].i32;
}

static const w2n_valtype log_types[] = {W2N_I32};
static const w2n_func_type_desc log_type = {1, 0, log_types, 0, 0, 0};

/* What the host's "throw" needs: the tags it throws. */
typedef struct thrower {
  const w2n_tag *err;      /* the module's exported (i32, i64) tag */
  const w2n_tag *host_tag; /* the host's (i32) tag */
} thrower;

static void throw_one(void *env, const w2n_value *args, w2n_value *results) {
  (void)results;
  thrower *t = env;
  w2n_value values[2];
  values[0].i32 = args[0].i32;
  values[1].i64 = (uint64_t)-7;
  int32_t n = (int32_t)args[0].i32;
  w2n_host_throw(w2n_exception_new(n >= 0 ? t->err : t->host_tag, values));
}

/* The checks, for one compiled flavour: the same wrappers exist under each
 * prefix, so a macro instantiates them. */
#define TEST_FLAVOUR(P)                                                        \
  static void test_##P(void) {                                                 \
    int32_t last_a = 0, last_b = 0;                                            \
    w2n_extern imports_a[P##_num_imports], imports_b[P##_num_imports];        \
    imports_a[P##_import_host_log] =                                           \
        w2n_extern_host_func(log_count, &last_a, &log_type);                  \
    imports_b[P##_import_host_log] =                                           \
        w2n_extern_host_func(log_count, &last_b, &log_type);                  \
    w2n_tag *host_tag = w2n_tag_new(&log_type);                                \
    thrower throw_a = {0, host_tag}, throw_b = {0, host_tag};                  \
    imports_a[P##_import_host_tag] = w2n_extern_tag_ref(host_tag);               \
    imports_b[P##_import_host_tag] = w2n_extern_tag_ref(host_tag);               \
    imports_a[P##_import_host_throw] =                                         \
        w2n_extern_host_func(throw_one, &throw_a, &log_type);                 \
    imports_b[P##_import_host_throw] =                                         \
        w2n_extern_host_func(throw_one, &throw_b, &log_type);                 \
    w2n_instance *a, *b;                                                       \
    w2n_error err;                                                             \
    CHECK(w2n_instantiate(&P##_module, imports_a, P##_num_imports, &a,        \
                          &err) == W2N_OK);                                    \
    CHECK(w2n_instantiate(&P##_module, imports_b, P##_num_imports, &b,        \
                          &err) == W2N_OK);                                    \
    w2n_extern tag_a, tag_b;                                                   \
    CHECK(w2n_instance_export(a, "err", 3, &tag_a) == W2N_OK &&               \
          tag_a.tag == W2N_EXTERN_TAG_REF);                                    \
    CHECK(w2n_instance_export(b, "err", 3, &tag_b) == W2N_OK &&               \
          tag_b.of.tag != tag_a.of.tag); /* each instance has its own */      \
    throw_a.err = tag_a.of.tag;                                                \
    throw_b.err = tag_b.of.tag;                                                \
    int32_t r = 0;                                                             \
    /* Two instances, two states. */                                          \
    CHECK(P##_inc(a, 5, &r, &err) == W2N_OK && r == 5 && last_a == 5);        \
    CHECK(P##_inc(a, 2, &r, &err) == W2N_OK && r == 7 && last_a == 7);        \
    CHECK(P##_inc(b, 1, &r, &err) == W2N_OK && r == 1 && last_b == 1);        \
    w2n_extern count;                                                          \
    CHECK(w2n_instance_export(a, "count", 5, &count) == W2N_OK);              \
    w2n_value v;                                                               \
    CHECK(w2n_global_get(&count, &v) == W2N_OK && v.i32 == 7);                \
    /* Traps come back as errors with the spec's message... */                \
    CHECK(P##_div(a, 1, 0, &r, &err) == W2N_ERROR_TRAP &&                     \
          err.trap == W2N_TRAP_INTEGER_DIVIDE_BY_ZERO &&                      \
          strcmp(err.message, "integer divide by zero") == 0);               \
    CHECK(P##_div(a, INT32_MIN, -1, &r, &err) == W2N_ERROR_TRAP &&            \
          err.trap == W2N_TRAP_INTEGER_OVERFLOW);                             \
    CHECK(P##_load(a, 65533, &r, &err) == W2N_ERROR_TRAP &&                   \
          err.trap == W2N_TRAP_MEMORY_OUT_OF_BOUNDS &&                        \
          strcmp(err.message, "out of bounds memory access") == 0);          \
    CHECK(P##_load(a, -1, &r, &err) == W2N_ERROR_TRAP &&                      \
          err.trap == W2N_TRAP_MEMORY_OUT_OF_BOUNDS);                         \
    CHECK(P##_recurse(a, 0, &r, &err) == W2N_ERROR_TRAP &&                    \
          err.trap == W2N_TRAP_CALL_STACK_EXHAUSTED &&                        \
          strcmp(err.message, "call stack exhausted") == 0);                 \
    /* ...and the instance stays usable. */                                   \
    CHECK(P##_div(a, 42, 5, &r, &err) == W2N_OK && r == 8);                   \
    CHECK(P##_load(a, 65532, &r, &err) == W2N_OK && r == 0);                  \
    CHECK(P##_inc(a, 1, &r, &err) == W2N_OK && r == 8 && last_a == 8);        \
    int64_t q = 0, rem = 0;                                                    \
    CHECK(P##_divmod(b, 47, 10, &q, &rem, &err) == W2N_OK && q == 4 &&        \
          rem == 7);                                                           \
    /* An uncaught exception comes back with its tag and values... */         \
    CHECK(P##_raise(a, 9, &err) == W2N_ERROR_EXCEPTION && err.exception &&    \
          err.exception->tag == tag_a.of.tag &&                               \
          err.exception->num_values == 2 &&                                    \
          err.exception->values[0].i32 == 9 &&                                 \
          (int64_t)err.exception->values[1].i64 == -7 &&                       \
          strcmp(err.message, "uncaught exception") == 0);                   \
    CHECK(P##_raise_host_tag(b, 3, &err) == W2N_ERROR_EXCEPTION &&            \
          err.exception->tag == host_tag && err.exception->values[0].i32 == 3); \
    /* ...a host function's exception is caught by WebAssembly... */          \
    CHECK(P##_catch_host(a, 41, &r, &err) == W2N_OK && r == 42);              \
    CHECK(P##_catch_host(b, -4, &r, &err) == W2N_OK && r == -5);              \
    /* ...and the instance stays usable. */                                   \
    CHECK(P##_inc(a, 1, &r, &err) == W2N_OK && r == 9 && last_a == 9);        \
    w2n_instance_free(a);                                                      \
    w2n_instance_free(b);                                                      \
    w2n_tag_delete(host_tag);                                                  \
  }

TEST_FLAVOUR(guard)
TEST_FLAVOUR(explicit)

int main(void) {
  test_guard();
  test_explicit();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("embedding: all checks passed\n");
  return 0;
}

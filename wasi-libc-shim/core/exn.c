/*===- core/exn.c - Exception objects --------------------------------------===*
 *
 * throw allocates an exception and unwinds; a handler reads its values, and
 * catch_ref and the legacy rethrow keep it as an exnref, which may end up
 * in a global, a table or another exception. Nothing tells when the last
 * reference goes, so without a collector an exception lives as long as the
 * process: they are bump-allocated from large chunks, 16 bytes plus 16 per
 * value each, which keeps a throw to a few instructions.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

#define CHUNK_SIZE (1u << 20)

static char *chunk_next, *chunk_end;
static volatile char lock;

static void *allocate(size_t size) {
  if (size > CHUNK_SIZE / 4)
    return w2n_os_alloc(size);
  while (__atomic_test_and_set(&lock, __ATOMIC_ACQUIRE))
    ;
  if ((size_t)(chunk_end - chunk_next) < size) {
    char *chunk = w2n_os_alloc(CHUNK_SIZE);
    if (!chunk) {
      __atomic_clear(&lock, __ATOMIC_RELEASE);
      return NULL;
    }
    chunk_next = chunk;
    chunk_end = chunk + CHUNK_SIZE;
  }
  void *p = chunk_next;
  chunk_next += size;
  __atomic_clear(&lock, __ATOMIC_RELEASE);
  return p;
}

w2n_exn *w2n_exn_new(w2n_instance *inst, const w2n_tag *tag) {
  (void)inst;
  uint32_t n = tag->type->num_params;
  w2n_exn *exn = allocate(sizeof(w2n_exn) + n * sizeof(w2n_value));
  if (!exn) /* the spec's resource exhaustion */
    w2n_trap(W2N_TRAP_CALL_STACK_EXHAUSTED);
  exn->tag = tag;
  exn->num_values = n;
  return exn;
}

const w2n_exn *w2n_exception_new(const w2n_tag *tag, const w2n_value *values) {
  uint32_t n = tag->type->num_params;
  w2n_exn *exn = allocate(sizeof(w2n_exn) + n * sizeof(w2n_value));
  if (!exn)
    return NULL;
  exn->tag = tag;
  exn->num_values = n;
  for (uint32_t i = 0; i < n; ++i)
    exn->values[i] = values[i];
  return exn;
}

/* A host tag and the copy of its type, in one allocation. */
w2n_tag *w2n_tag_new(const w2n_func_type_desc *type) {
  uint32_t n = type->num_params + type->num_results;
  size_t size = sizeof(w2n_tag) + sizeof(w2n_func_type_desc) +
                n * sizeof(w2n_valtype);
  w2n_tag *tag = w2n_os_alloc(size);
  if (!tag)
    return NULL;
  w2n_func_type_desc *copy = (w2n_func_type_desc *)(tag + 1);
  w2n_valtype *types = (w2n_valtype *)(copy + 1);
  for (uint32_t i = 0; i < n; ++i)
    types[i] = type->types[i];
  *copy = *type;
  copy->types = types;
  tag->type_id = w2n_core_type_id(copy);
  if (tag->type_id == W2N_NO_TYPE_ID) {
    w2n_os_free(tag, size);
    return NULL;
  }
  tag->type = copy;
  return tag;
}

void w2n_tag_delete(w2n_tag *tag) {
  if (!tag)
    return;
  uint32_t n = tag->type->num_params + tag->type->num_results;
  w2n_os_free(tag, sizeof(w2n_tag) + sizeof(w2n_func_type_desc) +
                       n * sizeof(w2n_valtype));
}

void w2n_host_throw(const w2n_exn *exn) { *w2n_os_pending_exception() = exn; }

w2n_exn *w2n_host_take_exception(void) {
  const w2n_exn **slot = w2n_os_pending_exception();
  const w2n_exn *exn = *slot;
  *slot = NULL;
  /* Exceptions are immutable; generated code only reads them. */
  return (w2n_exn *)exn;
}

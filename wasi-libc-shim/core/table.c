/*===- core/table.c - Tables and the bulk table instructions ---------------===*
 *
 * A table is an array of pointers (funcref records or externref values,
 * NULL for null) that grows by reallocation up to its maximum. Generated
 * code reloads `elems` and `size` on every access, so they may move.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

typedef struct core_table {
  w2n_table pub; /* first: a w2n_table * is a core_table * */
  uint8_t has_max;
  uint8_t is64;
} core_table;

static void fill(void **elems, uint32_t n, void *val) {
  for (uint32_t i = 0; i < n; ++i)
    elems[i] = val;
}

w2n_table *w2n_core_table_new(w2n_valtype elem_type, const w2n_limits *limits,
                              void *init) {
  if (limits->min > W2N_MAX_TABLE_ELEMS ||
      (limits->has_max && limits->min > limits->max))
    return NULL;
  core_table *t = w2n_os_alloc(sizeof(core_table));
  if (!t)
    return NULL;
  uint32_t size = (uint32_t)limits->min;
  if (size) {
    t->pub.elems = w2n_os_alloc(size * sizeof(void *));
    if (!t->pub.elems) {
      w2n_os_free(t, sizeof(core_table));
      return NULL;
    }
    fill(t->pub.elems, size, init);
  }
  t->pub.size = size;
  t->pub.capacity = size;
  t->pub.max = limits->has_max ? limits->max
               : limits->is64  ? UINT64_MAX
                               : UINT32_MAX;
  t->pub.elem_type = elem_type;
  t->has_max = limits->has_max != 0;
  t->is64 = limits->is64 != 0;
  return &t->pub;
}

void w2n_core_table_delete(w2n_table *table) {
  if (!table)
    return;
  w2n_os_free(table->elems, table->capacity * sizeof(void *));
  w2n_os_free(table, sizeof(core_table));
}

int w2n_core_table_has_max(const w2n_table *table) {
  return ((const core_table *)table)->has_max;
}

int w2n_core_table_is64(const w2n_table *table) {
  return ((const core_table *)table)->is64;
}

int64_t w2n_table_grow(w2n_table *table, void *init, uint64_t delta) {
  uint32_t old = table->size;
  if (delta > W2N_MAX_TABLE_ELEMS - old)
    return -1;
  uint64_t size = (uint64_t)old + delta;
  if (size > table->max)
    return -1;
  if (size > table->capacity) {
    /* Amortised: tables grown one element at a time stay linear. */
    uint64_t capacity = (uint64_t)table->capacity * 2;
    if (capacity < size)
      capacity = size;
    if (capacity > W2N_MAX_TABLE_ELEMS)
      capacity = W2N_MAX_TABLE_ELEMS;
    void **elems =
        w2n_os_realloc(table->elems, table->capacity * sizeof(void *),
                       (size_t)capacity * sizeof(void *));
    if (!elems)
      return -1;
    table->elems = elems;
    table->capacity = (uint32_t)capacity;
  }
  fill(table->elems + old, (uint32_t)delta, init);
  table->size = (uint32_t)size;
  return old;
}

void w2n_table_fill(w2n_table *table, uint64_t i, void *val, uint64_t n) {
  if (!w2n_core_in_bounds(i, n, table->size))
    w2n_trap(W2N_TRAP_TABLE_OUT_OF_BOUNDS);
  fill(table->elems + i, (uint32_t)n, val);
}

void w2n_table_copy(w2n_table *dst, w2n_table *src, uint64_t d, uint64_t s,
                    uint64_t n) {
  if (!w2n_core_in_bounds(d, n, dst->size) ||
      !w2n_core_in_bounds(s, n, src->size))
    w2n_trap(W2N_TRAP_TABLE_OUT_OF_BOUNDS);
  if (n)
    __builtin_memmove(dst->elems + d, src->elems + s, n * sizeof(void *));
}

void w2n_table_init(w2n_table *table, w2n_elem_segment *seg, uint64_t d,
                    uint32_t s, uint32_t n) {
  if (!w2n_core_in_bounds(s, n, seg->size) ||
      !w2n_core_in_bounds(d, n, table->size))
    w2n_trap(W2N_TRAP_TABLE_OUT_OF_BOUNDS);
  if (n)
    __builtin_memcpy(table->elems + d, seg->items + s, n * sizeof(void *));
}

/*===- core/types.c - Canonical signature ids ------------------------------===*
 *
 * call_indirect compares a callee's signature with the expected one by id
 * (one 32-bit compare), across instances of different modules: so every
 * signature, from any module or host, gets its id from one process-wide
 * table in which structurally equal signatures share an entry. Entries are
 * never removed (a signature is a few bytes); ids are indices into the
 * table.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

typedef struct interned_type {
  uint32_t hash;
  uint32_t num_params;
  uint32_t num_results;
  uint8_t *types; /* a copy: the descriptor's module may be unloaded */
} interned_type;

static interned_type *table;
static uint32_t count, capacity;
/* Buckets: open addressing over ids + 1 (0 is empty); a power of two. */
static uint32_t *buckets;
static uint32_t num_buckets;
static volatile char lock;

static void acquire(void) {
  while (__atomic_test_and_set(&lock, __ATOMIC_ACQUIRE))
    ;
}

static void release(void) { __atomic_clear(&lock, __ATOMIC_RELEASE); }

static uint32_t hash_type(const w2n_func_type_desc *t) {
  /* FNV-1a over the counts and the type codes. */
  uint32_t h = 2166136261u;
  uint32_t n = t->num_params + t->num_results;
  h = (h ^ t->num_params) * 16777619u;
  h = (h ^ t->num_results) * 16777619u;
  for (uint32_t i = 0; i < n; ++i)
    h = (h ^ t->types[i]) * 16777619u;
  return h;
}

static int same_type(const interned_type *a, const w2n_func_type_desc *b,
                     uint32_t hash) {
  if (a->hash != hash || a->num_params != b->num_params ||
      a->num_results != b->num_results)
    return 0;
  uint32_t n = b->num_params + b->num_results;
  for (uint32_t i = 0; i < n; ++i)
    if (a->types[i] != b->types[i])
      return 0;
  return 1;
}

static int grow_buckets(void) {
  uint32_t new_count = num_buckets ? 2 * num_buckets : 64;
  uint32_t *new_buckets = w2n_os_alloc(new_count * sizeof(uint32_t));
  if (!new_buckets)
    return 0;
  for (uint32_t id = 0; id < count; ++id) {
    uint32_t b = table[id].hash & (new_count - 1);
    while (new_buckets[b])
      b = (b + 1) & (new_count - 1);
    new_buckets[b] = id + 1;
  }
  w2n_os_free(buckets, num_buckets * sizeof(uint32_t));
  buckets = new_buckets;
  num_buckets = new_count;
  return 1;
}

static uint32_t intern(const w2n_func_type_desc *t) {
  uint32_t hash = hash_type(t);
  if (num_buckets) {
    for (uint32_t b = hash & (num_buckets - 1); buckets[b];
         b = (b + 1) & (num_buckets - 1))
      if (same_type(&table[buckets[b] - 1], t, hash))
        return buckets[b] - 1;
  }

  /* A new signature. Keep the buckets at most half full. */
  if (2 * (count + 1) > num_buckets && !grow_buckets())
    return W2N_NO_TYPE_ID;
  if (count == capacity) {
    uint32_t new_capacity = capacity ? 2 * capacity : 64;
    interned_type *grown =
        w2n_os_realloc(table, capacity * sizeof(interned_type),
                       new_capacity * sizeof(interned_type));
    if (!grown)
      return W2N_NO_TYPE_ID;
    table = grown;
    capacity = new_capacity;
  }
  uint32_t n = t->num_params + t->num_results;
  uint8_t *copy = NULL;
  if (n) {
    copy = w2n_os_alloc(n);
    if (!copy)
      return W2N_NO_TYPE_ID;
    for (uint32_t i = 0; i < n; ++i)
      copy[i] = t->types[i];
  }
  uint32_t id = count++;
  table[id] = (interned_type){hash, t->num_params, t->num_results, copy};
  uint32_t b = hash & (num_buckets - 1);
  while (buckets[b])
    b = (b + 1) & (num_buckets - 1);
  buckets[b] = id + 1;
  return id;
}

uint32_t w2n_core_type_id(const w2n_func_type_desc *type) {
  acquire();
  uint32_t id = intern(type);
  release();
  return id;
}

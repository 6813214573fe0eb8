/*===- core/types.c - Canonical type ids -----------------------------------===*
 *
 * call_indirect compares a callee's type with the expected one by id (one
 * 32-bit compare), across instances of different modules: so every type,
 * from any module or host, gets its id from one process-wide table in which
 * equivalent types share an id. 3.0 defines equivalence by recursion group
 * (iso-recursive): two groups are equivalent when they are member by member
 * after their references to earlier types are replaced by canonical ids and
 * their references within the group by positions. So a group is interned
 * whole, by that key, and its types get consecutive ids. Entries are never
 * removed (a group is a few words); ids index the per-type table, which
 * also keeps each type's declared supertype for subtype checks.
 *===----------------------------------------------------------------------===*/
#include "core/core.h"
#include "core/os.h"

typedef struct interned_group {
  uint32_t hash;
  uint32_t first_id;
  uint32_t key_len;
  uint32_t *key; /* a copy: the descriptor's module may be unloaded */
} interned_group;

typedef struct type_info {
  uint32_t super_id; /* W2N_NO_TYPE_ID when none was declared */
} type_info;

static interned_group *groups;
static uint32_t num_groups, groups_capacity;
static type_info *types;
static uint32_t num_types, types_capacity;
/* Buckets: open addressing over group indices + 1 (0 is empty); a power of
 * two. */
static uint32_t *buckets;
static uint32_t num_buckets;
static volatile char lock;

static void acquire(void) {
  while (__atomic_test_and_set(&lock, __ATOMIC_ACQUIRE))
    ;
}

static void release(void) { __atomic_clear(&lock, __ATOMIC_RELEASE); }

/* How a key spells a type index: an earlier group's type by its canonical
 * id, a type of the group itself by its position. */
enum { EARLIER = 1, IN_GROUP = 2, NONE = 3 };

w2n_valtype w2n_core_canonical_valtype(w2n_valtype v,
                                       const uint32_t *type_ids) {
  if ((v & 0xff) != W2N_HEAP_DEFINED)
    return v;
  uint32_t index = w2n_valtype_index(v);
  return (v & (W2N_REF_NONNULL | 0xff)) | type_ids[index] << 8;
}

/* The key of the group of size types from index first of the types at
 * descs: words written to key (NULL: counted only), its length returned.
 * type_ids gives the canonical ids of earlier types (NULL: a host's type,
 * whose defined heap types are canonical ids already). */
static uint32_t group_key(const w2n_func_type_desc *descs, uint32_t first,
                          uint32_t size, const uint32_t *type_ids,
                          uint32_t *key) {
  uint32_t n = 0;
#define PUT(w)                                                                 \
  do {                                                                         \
    if (key)                                                                   \
      key[n] = (w);                                                            \
    ++n;                                                                       \
  } while (0)
#define PUT_INDEX(x)                                                           \
  do {                                                                         \
    uint32_t x_ = (x);                                                         \
    if (!type_ids) {                                                           \
      PUT(EARLIER);                                                            \
      PUT(x_);                                                                 \
    } else if (x_ >= first && x_ - first < size) {                             \
      PUT(IN_GROUP);                                                           \
      PUT(x_ - first);                                                         \
    } else {                                                                   \
      PUT(EARLIER);                                                            \
      PUT(type_ids[x_]);                                                       \
    }                                                                          \
  } while (0)
  PUT(size);
  for (uint32_t i = 0; i < size; ++i) {
    const w2n_func_type_desc *t = &descs[i];
    PUT(t->non_final);
    PUT(t->num_params);
    PUT(t->num_results);
    if (t->super_plus1)
      PUT_INDEX(t->super_plus1 - 1);
    else
      PUT(NONE);
    for (uint32_t j = 0; j < t->num_params + t->num_results; ++j) {
      w2n_valtype v = t->types[j];
      if ((v & 0xff) != W2N_HEAP_DEFINED) {
        PUT(v);
        continue;
      }
      PUT(v & (W2N_REF_NONNULL | 0xff));
      PUT_INDEX(w2n_valtype_index(v));
    }
  }
#undef PUT_INDEX
#undef PUT
  return n;
}

static uint32_t hash_key(const uint32_t *key, uint32_t len) {
  uint32_t h = 2166136261u; /* FNV-1a over the words */
  for (uint32_t i = 0; i < len; ++i)
    h = (h ^ key[i]) * 16777619u;
  return h;
}

static int grow_buckets(void) {
  uint32_t new_count = num_buckets ? 2 * num_buckets : 64;
  uint32_t *new_buckets = w2n_os_alloc(new_count * sizeof(uint32_t));
  if (!new_buckets)
    return 0;
  for (uint32_t g = 0; g < num_groups; ++g) {
    uint32_t b = groups[g].hash & (new_count - 1);
    while (new_buckets[b])
      b = (b + 1) & (new_count - 1);
    new_buckets[b] = g + 1;
  }
  w2n_os_free(buckets, num_buckets * sizeof(uint32_t));
  buckets = new_buckets;
  num_buckets = new_count;
  return 1;
}

static int reserve(void **array, uint32_t *capacity, uint32_t want,
                   size_t elem_size) {
  if (want <= *capacity)
    return 1;
  uint32_t new_capacity = *capacity ? *capacity : 64;
  while (new_capacity < want)
    new_capacity *= 2;
  void *grown = w2n_os_realloc(*array, *capacity * elem_size,
                               new_capacity * elem_size);
  if (!grown)
    return 0;
  *array = grown;
  *capacity = new_capacity;
  return 1;
}

/* The first id of the group with this key (owned by the caller), interning
 * it if new; W2N_NO_TYPE_ID when out of memory. */
static uint32_t intern(const w2n_func_type_desc *descs, uint32_t first,
                       const uint32_t *type_ids, const uint32_t *key,
                       uint32_t len) {
  uint32_t hash = hash_key(key, len);
  if (num_buckets) {
    for (uint32_t b = hash & (num_buckets - 1); buckets[b];
         b = (b + 1) & (num_buckets - 1)) {
      const interned_group *g = &groups[buckets[b] - 1];
      if (g->hash != hash || g->key_len != len)
        continue;
      uint32_t i = 0;
      while (i < len && g->key[i] == key[i])
        ++i;
      if (i == len)
        return g->first_id;
    }
  }

  /* A new group. Keep the buckets at most half full. */
  uint32_t size = key[0];
  if (2 * (num_groups + 1) > num_buckets && !grow_buckets())
    return W2N_NO_TYPE_ID;
  if (!reserve((void **)&groups, &groups_capacity, num_groups + 1,
               sizeof(interned_group)) ||
      !reserve((void **)&types, &types_capacity, num_types + size,
               sizeof(type_info)) ||
      num_types + size >= 0x7fffff) /* ids fit a heap type's 23 bits */
    return W2N_NO_TYPE_ID;
  uint32_t *copy = w2n_os_alloc(len * sizeof(uint32_t));
  if (!copy)
    return W2N_NO_TYPE_ID;
  for (uint32_t i = 0; i < len; ++i)
    copy[i] = key[i];
  uint32_t first_id = num_types;
  for (uint32_t i = 0; i < size; ++i) {
    uint32_t super = descs[i].super_plus1;
    uint32_t super_id = W2N_NO_TYPE_ID;
    if (super && !type_ids)
      super_id = super - 1;
    else if (super && super - 1 >= first)
      super_id = first_id + (super - 1 - first);
    else if (super)
      super_id = type_ids[super - 1];
    types[num_types++].super_id = super_id;
  }
  groups[num_groups] = (interned_group){hash, first_id, len, copy};
  uint32_t b = hash & (num_buckets - 1);
  while (buckets[b])
    b = (b + 1) & (num_buckets - 1);
  buckets[b] = ++num_groups;
  return first_id;
}

static uint32_t intern_group(const w2n_func_type_desc *descs, uint32_t first,
                             uint32_t size, const uint32_t *type_ids) {
  uint32_t small[64];
  uint32_t len = group_key(descs, first, size, type_ids, NULL);
  uint32_t *key = small;
  if (len > 64 && !(key = w2n_os_alloc(len * sizeof(uint32_t))))
    return W2N_NO_TYPE_ID;
  group_key(descs, first, size, type_ids, key);
  acquire();
  uint32_t id = intern(descs, first, type_ids, key, len);
  release();
  if (key != small)
    w2n_os_free(key, len * sizeof(uint32_t));
  return id;
}

uint32_t w2n_core_type_id(const w2n_func_type_desc *type) {
  return intern_group(type, 0, 1, NULL);
}

int w2n_core_module_type_ids(const w2n_module_desc *desc, uint32_t *type_ids) {
  for (uint32_t first = 0; first < desc->num_types;) {
    uint32_t size = desc->types[first].group_size;
    if (size == 0)
      size = 1;
    uint32_t id = intern_group(&desc->types[first], first, size, type_ids);
    if (id == W2N_NO_TYPE_ID)
      return 0;
    for (uint32_t i = 0; i < size; ++i)
      type_ids[first + i] = id + i;
    first += size;
  }
  return 1;
}

static int is_subtype_locked(uint32_t sub, uint32_t super) {
  /* Supertypes have smaller ids: they are interned first. */
  while (sub != W2N_NO_TYPE_ID && sub >= super) {
    if (sub == super)
      return 1;
    sub = types[sub].super_id;
  }
  return 0;
}

int w2n_type_is_subtype(uint32_t sub, uint32_t super) {
  if (sub == super)
    return 1;
  acquire();
  int result = sub < num_types && is_subtype_locked(sub, super);
  release();
  return result;
}

int w2n_core_valtype_matches(w2n_valtype a, w2n_valtype b) {
  if (a == b)
    return 1;
  if (!w2n_valtype_is_ref(a) || !w2n_valtype_is_ref(b))
    return 0;
  if (!(a & W2N_REF_NONNULL) && (b & W2N_REF_NONNULL))
    return 0;
  uint32_t ha = a & 0xff, hb = b & 0xff;
  switch (ha) {
  case W2N_HEAP_DEFINED:
    /* Every defined type is a function type. */
    if (hb == W2N_HEAP_DEFINED)
      return w2n_type_is_subtype(w2n_valtype_index(a), w2n_valtype_index(b));
    return hb == W2N_FUNCREF;
  case W2N_NULLFUNCREF:
    return hb == W2N_FUNCREF || hb == W2N_HEAP_DEFINED || hb == ha;
  case W2N_NULLEXTERNREF:
    return hb == W2N_EXTERNREF || hb == ha;
  default:
    return ha == hb;
  }
}

/* Open-addressing hash table (linear probing, power-of-two capacity,
   tombstone deletion, growth) mapping 64-bit keys to 64-bit values;
   checks every lookup against a shadow array indexed by key id, and the
   final count. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

typedef struct { uint64_t *keys, *vals; uint8_t *st; size_t cap, used, live; } table; /* st: 0 empty 1 live 2 dead */

static uint64_t mix(uint64_t k) { k ^= k >> 33; k *= 0xff51afd7ed558ccdull; k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ull; k ^= k >> 33; return k; }

static void tinit(table *t, size_t cap) {
  t->cap = cap; t->used = t->live = 0;
  t->keys = malloc(sizeof(uint64_t) * cap); t->vals = malloc(sizeof(uint64_t) * cap); t->st = calloc(cap, 1);
}
static void tput(table *t, uint64_t k, uint64_t v);
static void grow(table *t) {
  table n; tinit(&n, t->live * 4 > t->cap ? t->cap * 2 : t->cap);
  for (size_t i = 0; i < t->cap; i++) if (t->st[i] == 1) tput(&n, t->keys[i], t->vals[i]);
  free(t->keys); free(t->vals); free(t->st); *t = n;
}
static void tput(table *t, uint64_t k, uint64_t v) {
  if ((t->used + 1) * 4 > t->cap * 3) grow(t);
  size_t m = t->cap - 1, i = mix(k) & m, tomb = (size_t)-1;
  for (;;) {
    if (t->st[i] == 0) break;
    if (t->st[i] == 2) { if (tomb == (size_t)-1) tomb = i; }
    else if (t->keys[i] == k) { t->vals[i] = v; return; }
    i = (i + 1) & m;
  }
  if (tomb != (size_t)-1) i = tomb; else t->used++;
  t->st[i] = 1; t->keys[i] = k; t->vals[i] = v; t->live++;
}
static int tget(const table *t, uint64_t k, uint64_t *v) {
  size_t m = t->cap - 1, i = mix(k) & m;
  for (;;) {
    if (t->st[i] == 0) return 0;
    if (t->st[i] == 1 && t->keys[i] == k) { *v = t->vals[i]; return 1; }
    i = (i + 1) & m;
  }
}
static int tdel(table *t, uint64_t k) {
  size_t m = t->cap - 1, i = mix(k) & m;
  for (;;) {
    if (t->st[i] == 0) return 0;
    if (t->st[i] == 1 && t->keys[i] == k) { t->st[i] = 2; t->live--; return 1; }
    i = (i + 1) & m;
  }
}

static uint64_t rng = 0x0DDB1A5E5BAD5EEDull;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

#define NKEYS 1000000
#define OPS 12000000
#define NONE UINT64_MAX

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  /* SCALE divides the number of keys and of operations (still 12 per key) */
  size_t nkeys = NKEYS / scale < 1000 ? 1000 : (size_t)(NKEYS / scale);
  long ops = (long)nkeys * (OPS / NKEYS);
  uint64_t *ids = malloc(sizeof(uint64_t) * nkeys), *shadow = malloc(sizeof(uint64_t) * nkeys);
  for (size_t i = 0; i < nkeys; i++) { ids[i] = rnd() | 1; shadow[i] = NONE; }
  table t; tinit(&t, 16);
  size_t live = 0; uint64_t acc = 0;
  for (long op = 0; op < ops; op++) {
    uint64_t r = rnd();
    size_t id = (size_t)((r >> 8) % NKEYS);
    if (scale > 1) id %= nkeys; /* SCALE 1 keeps the constant divisor */
    uint64_t k = ids[id], v;
    switch (r & 7) {
    case 0: case 1: case 2:
      if (shadow[id] == NONE) live++;
      shadow[id] = r >> 3; tput(&t, k, r >> 3); break;
    case 3:
      if (tdel(&t, k) != (shadow[id] != NONE)) { printf("hashtable: FAILED delete op %ld\n", op); return 1; }
      if (shadow[id] != NONE) { live--; shadow[id] = NONE; }
      break;
    default: {
      int f = tget(&t, k, &v);
      if (f != (shadow[id] != NONE) || (f && v != shadow[id])) { printf("hashtable: FAILED lookup op %ld\n", op); return 1; }
      if (f) acc += v;
    }
    }
  }
  if (t.live != live) { printf("hashtable: FAILED count %zu != %zu\n", t.live, live); return 1; }
  for (size_t i = 0; i < nkeys; i++) {
    uint64_t v; int f = tget(&t, ids[i], &v);
    if (f != (shadow[i] != NONE) || (f && v != shadow[i])) { printf("hashtable: FAILED final %zu\n", i); return 1; }
  }
  printf("hashtable: ok %zu %016llx\n", live, (unsigned long long)acc);
  return 0;
}

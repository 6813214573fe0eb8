/* LZ77-style compressor (hash-chain match finder, 64 KiB window,
   literal runs and (length, distance) matches in a byte format) and
   decompressor; checks decompress(compress(x)) == x on text-like and
   random data, and that the text-like data actually compresses. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define WIN 65535
#define HBITS 15
#define MINM 4
#define MAXM 258
#define CHAIN 96

static uint32_t hash4(const uint8_t *p) {
  uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
  return (v * 2654435761u) >> (32 - HBITS);
}

static uint8_t *put_varint(uint8_t *o, size_t v) {
  while (v >= 128) { *o++ = (uint8_t)(v | 128); v >>= 7; }
  *o++ = (uint8_t)v; return o;
}
static const uint8_t *get_varint(const uint8_t *p, size_t *v) {
  size_t r = 0; int sh = 0;
  for (;;) { uint8_t b = *p++; r |= (size_t)(b & 127) << sh; if (!(b & 128)) break; sh += 7; }
  *v = r; return p;
}

/* format: token varint t; if t even: literal run of t/2 bytes follows;
   if odd: match of length (t>>1)+MINM... encoded as t = ((len-MINM)<<1)|1, then distance varint */
static size_t compress(const uint8_t *in, size_t n, uint8_t *out) {
  int32_t *head = malloc(sizeof(int32_t) << HBITS);
  int32_t *prev = malloc(sizeof(int32_t) * n);
  for (int i = 0; i < (1 << HBITS); i++) head[i] = -1;
  uint8_t *o = out;
  size_t lit = 0, i = 0;
  while (i < n) {
    size_t bestlen = 0, bestdist = 0;
    if (i + MINM <= n) {
      uint32_t h = hash4(in + i);
      int32_t cand = head[h];
      int chain = CHAIN;
      size_t maxl = n - i < MAXM ? n - i : MAXM;
      while (cand >= 0 && i - (size_t)cand <= WIN && chain--) {
        const uint8_t *a = in + cand, *b = in + i;
        if (a[bestlen] == b[bestlen]) {
          size_t l = 0;
          while (l < maxl && a[l] == b[l]) l++;
          if (l > bestlen) { bestlen = l; bestdist = i - cand; if (l == maxl) break; }
        }
        cand = prev[cand];
      }
      prev[i] = head[h]; head[h] = (int32_t)i;
    }
    if (bestlen >= MINM) {
      if (lit) { o = put_varint(o, lit << 1); memcpy(o, in + i - lit, lit); o += lit; lit = 0; }
      o = put_varint(o, ((bestlen - MINM) << 1) | 1);
      o = put_varint(o, bestdist);
      for (size_t k = 1; k < bestlen; k++) {
        size_t j = i + k;
        if (j + MINM <= n) { uint32_t h = hash4(in + j); prev[j] = head[h]; head[h] = (int32_t)j; }
      }
      i += bestlen;
    } else { lit++; i++; }
  }
  if (lit) { o = put_varint(o, lit << 1); memcpy(o, in + i - lit, lit); o += lit; }
  free(head); free(prev);
  return (size_t)(o - out);
}

static size_t decompress(const uint8_t *in, size_t n, uint8_t *out, size_t cap) {
  const uint8_t *p = in, *end = in + n;
  size_t w = 0;
  while (p < end) {
    size_t t; p = get_varint(p, &t);
    if (!(t & 1)) {
      size_t l = t >> 1;
      if (w + l > cap) return (size_t)-1;
      memcpy(out + w, p, l); p += l; w += l;
    } else {
      size_t l = (t >> 1) + MINM, d; p = get_varint(p, &d);
      if (d == 0 || d > w || w + l > cap) return (size_t)-1;
      for (size_t k = 0; k < l; k++) out[w + k] = out[w + k - d];
      w += l;
    }
  }
  return w;
}

static uint64_t rng = 0x1234567887654321ull;
static uint32_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)(rng >> 32); }

#define SZ (16 << 20)

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  size_t sz = SZ / scale < (1 << 16) ? (1 << 16) : SZ / scale; /* SCALE divides the data sizes */
  static const char *words[] = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "wasm",
    "native", "compiler", "memory", "function", "table", "export", "import", "module", "stack", "value",
    "branch", "loop", "block", "if", "else", "end", "call", "return", "local", "global", "i32", "i64", "f32"};
  uint8_t *text = malloc(sz), *rnd_data = malloc(sz / 4);
  uint8_t *comp = malloc(sz + sz / 8 + 64), *dec = malloc(sz);
  size_t n = 0;
  while (n < sz) {
    const char *w = words[rnd() % 32];
    size_t l = strlen(w);
    if (n + l + 1 > sz) { while (n < sz) text[n++] = ' '; break; }
    memcpy(text + n, w, l); n += l;
    uint32_t r = rnd() % 16;
    text[n++] = r == 0 ? '\n' : r == 1 ? ',' : ' ';
  }
  for (size_t i = 0; i < sz / 4; i++) rnd_data[i] = (uint8_t)rnd();
  uint32_t sum = 0;
  for (int pass = 0; pass < 2; pass++) {
    const uint8_t *src = pass ? rnd_data : text;
    size_t len = pass ? sz / 4 : sz;
    size_t c = compress(src, len, comp);
    size_t d = decompress(comp, c, dec, sz);
    if (d != len || memcmp(dec, src, len) != 0) { printf("lz77: FAILED roundtrip pass %d\n", pass); return 1; }
    if (pass == 0 && c * 2 > len) { printf("lz77: FAILED poor ratio %zu/%zu\n", c, len); return 1; }
    sum = sum * 31 + (uint32_t)c;
  }
  printf("lz77: ok %u\n", sum);
  return 0;
}

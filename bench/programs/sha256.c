/* SHA-256 (FIPS 180-4): checks the standard test vectors ("", "abc",
   the 448-bit message, one million 'a'), then hashes a long generated
   buffer repeatedly (hash chaining). */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static const uint32_t K[64] = {
  0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,
  0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,
  0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
  0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
  0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,
  0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
  0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,
  0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2};

typedef struct { uint32_t h[8]; uint8_t buf[64]; size_t len; uint64_t total; } sha_ctx;

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void block(sha_ctx *c, const uint8_t *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) w[i] = (uint32_t)p[4*i] << 24 | (uint32_t)p[4*i+1] << 16 | (uint32_t)p[4*i+2] << 8 | p[4*i+3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ROR(w[i-15], 7) ^ ROR(w[i-15], 18) ^ (w[i-15] >> 3);
    uint32_t s1 = ROR(w[i-2], 17) ^ ROR(w[i-2], 19) ^ (w[i-2] >> 10);
    w[i] = w[i-16] + s0 + w[i-7] + s1;
  }
  uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t S1 = ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25);
    uint32_t ch = (e & f) ^ (~e & g);
    uint32_t t1 = h + S1 + ch + K[i] + w[i];
    uint32_t S0 = ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22);
    uint32_t mj = (a & b) ^ (a & cc) ^ (b & cc);
    uint32_t t2 = S0 + mj;
    h = g; g = f; f = e; e = d + t1; d = cc; cc = b; b = a; a = t1 + t2;
  }
  c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d; c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

static void sha_init(sha_ctx *c) {
  static const uint32_t iv[8] = {0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19};
  memcpy(c->h, iv, sizeof iv); c->len = 0; c->total = 0;
}
static void sha_update(sha_ctx *c, const uint8_t *p, size_t n) {
  c->total += n;
  while (n) {
    if (c->len == 0 && n >= 64) { block(c, p); p += 64; n -= 64; continue; }
    size_t take = 64 - c->len; if (take > n) take = n;
    memcpy(c->buf + c->len, p, take); c->len += take; p += take; n -= take;
    if (c->len == 64) { block(c, c->buf); c->len = 0; }
  }
}
static void sha_final(sha_ctx *c, uint8_t out[32]) {
  uint64_t bits = c->total * 8;
  uint8_t pad = 0x80, z = 0;
  sha_update(c, &pad, 1);
  while (c->len != 56) sha_update(c, &z, 1);
  uint8_t lb[8];
  for (int i = 0; i < 8; i++) lb[i] = (uint8_t)(bits >> (56 - 8 * i));
  sha_update(c, lb, 8);
  for (int i = 0; i < 8; i++) { out[4*i] = c->h[i] >> 24; out[4*i+1] = c->h[i] >> 16; out[4*i+2] = c->h[i] >> 8; out[4*i+3] = c->h[i]; }
}
static void hex(const uint8_t *d, char *s) { for (int i = 0; i < 32; i++) sprintf(s + 2 * i, "%02x", d[i]); }

static int check(const char *msg, size_t reps, const char *expect) {
  sha_ctx c; uint8_t d[32]; char s[65];
  sha_init(&c);
  for (size_t i = 0; i < reps; i++) sha_update(&c, (const uint8_t *)msg, strlen(msg));
  sha_final(&c, d); hex(d, s);
  if (strcmp(s, expect) != 0) { printf("sha256: FAILED vector \"%.20s\" x%zu: %s\n", msg, reps, s); return 0; }
  return 1;
}

#define BUFSZ (1 << 20)
#define ROUNDS 200

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  if (!check("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")) return 1;
  if (!check("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")) return 1;
  if (!check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")) return 1;
  if (!check("a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")) return 1;
  uint8_t *buf = malloc(BUFSZ);
  uint32_t x = 12345;
  for (int i = 0; i < BUFSZ; i++) { x = x * 1103515245u + 12345u; buf[i] = (uint8_t)(x >> 16); }
  uint8_t d[32] = {0};
  long rounds = scale < ROUNDS ? ROUNDS / scale : 1; /* SCALE divides the chained hashes */
  for (int r = 0; r < rounds; r++) {
    memcpy(buf, d, 32); /* chain: each round's input depends on the previous digest */
    sha_ctx c; sha_init(&c); sha_update(&c, buf, BUFSZ); sha_final(&c, d);
  }
  char s[65]; hex(d, s);
  printf("sha256: ok %s\n", s);
  return 0;
}

/* SIMD kernels: with -msimd128 for WebAssembly they use <wasm_simd128.h>
   (f32x4, i32x4, u8x16 operations); otherwise a plain-C path that
   computes the same lanes in the same order, so both give identical
   results. Kernels: SAXPY plus a 4-lane dot product (float), an integer
   hash-mixing kernel (i32x4 mul/add/xor/shift), and saturating u8
   addition with a byte histogram. Each is checked against a scalar
   reference computed here. */
#pragma STDC FP_CONTRACT OFF
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define N (1 << 16)
#define ROUNDS 16000

static void saxpy(float *y, const float *x, float a, int n) {
#ifdef __wasm_simd128__
  v128_t va = wasm_f32x4_splat(a);
  for (int i = 0; i < n; i += 4) {
    v128_t vx = wasm_v128_load(x + i), vy = wasm_v128_load(y + i);
    wasm_v128_store(y + i, wasm_f32x4_add(wasm_f32x4_mul(va, vx), vy));
  }
#else
  for (int i = 0; i < n; i++) { float t = a * x[i]; y[i] = t + y[i]; }
#endif
}

static float dot4(const float *x, const float *y, int n) {
  float s[4];
#ifdef __wasm_simd128__
  v128_t acc = wasm_f32x4_splat(0.0f);
  for (int i = 0; i < n; i += 4) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(x + i), wasm_v128_load(y + i)));
  wasm_v128_store(s, acc);
#else
  s[0] = s[1] = s[2] = s[3] = 0;
  for (int i = 0; i < n; i += 4)
    for (int l = 0; l < 4; l++) { float t = x[i + l] * y[i + l]; s[l] = s[l] + t; }
#endif
  return (s[0] + s[1]) + (s[2] + s[3]);
}

static void mix(uint32_t *h, const uint32_t *d, int n) {
#ifdef __wasm_simd128__
  v128_t m = wasm_i32x4_splat((int32_t)0x9E3779B1u);
  for (int i = 0; i < n; i += 4) {
    v128_t v = wasm_v128_xor(wasm_v128_load(h + i), wasm_v128_load(d + i));
    v = wasm_i32x4_mul(v, m);
    v = wasm_v128_xor(v, wasm_u32x4_shr(v, 15));
    v = wasm_i32x4_add(v, wasm_i32x4_shl(v, 3));
    wasm_v128_store(h + i, v);
  }
#else
  for (int i = 0; i < n; i++) {
    uint32_t v = (h[i] ^ d[i]) * 0x9E3779B1u;
    v ^= v >> 15; v += v << 3; h[i] = v;
  }
#endif
}

static void addsat(uint8_t *a, const uint8_t *b, int n) {
#ifdef __wasm_simd128__
  for (int i = 0; i < n; i += 16)
    wasm_v128_store(a + i, wasm_u8x16_add_sat(wasm_v128_load(a + i), wasm_v128_load(b + i)));
#else
  for (int i = 0; i < n; i++) { unsigned s = (unsigned)a[i] + b[i]; a[i] = (uint8_t)(s > 255 ? 255 : s); }
#endif
}

static uint64_t rng = 0xC0FFEE1234567890ull;
static uint32_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)(rng >> 32); }

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  float *x = malloc(sizeof(float) * N), *y = malloc(sizeof(float) * N), *yr = malloc(sizeof(float) * N);
  uint32_t *h = malloc(4 * N), *d = malloc(4 * N), *hr = malloc(4 * N);
  uint8_t *a = malloc(N), *b = malloc(N), *ar = malloc(N);
  for (int i = 0; i < N; i++) {
    x[i] = (float)(rnd() % 2001) / 1000.0f - 1.0f; y[i] = yr[i] = (float)(rnd() % 2001) / 1000.0f - 1.0f;
    d[i] = rnd(); h[i] = hr[i] = rnd();
    b[i] = (uint8_t)(rnd() % 3); a[i] = ar[i] = (uint8_t)(rnd() % 64);
  }
  /* scalar references for the first round */
  for (int i = 0; i < N; i++) { float t = 0.5f * x[i]; yr[i] = t + yr[i]; }
  for (int i = 0; i < N; i++) { uint32_t v = (hr[i] ^ d[i]) * 0x9E3779B1u; v ^= v >> 15; v += v << 3; hr[i] = v; }
  for (int i = 0; i < N; i++) { unsigned s = (unsigned)ar[i] + b[i]; ar[i] = (uint8_t)(s > 255 ? 255 : s); }
  float sr[4] = {0, 0, 0, 0};
  for (int i = 0; i < N; i++) { float t = x[i] * yr[i]; sr[i & 3] = sr[i & 3] + t; }
  float dref = (sr[0] + sr[1]) + (sr[2] + sr[3]);

  double dsum = 0;
  /* SCALE divides the rounds, but at least 256 so that the saturation check holds */
  long rounds = ROUNDS / scale < 256 ? 256 : ROUNDS / scale;
  for (int r = 0; r < rounds; r++) {
    float alpha = (r & 1) ? -0.5f : 0.5f;
    saxpy(y, x, alpha, N);
    mix(h, d, N);
    addsat(a, b, N);
    float dt = dot4(x, y, N);
    dsum += dt;
    if (r == 0) {
      if (memcmp(y, yr, sizeof(float) * N) || memcmp(h, hr, 4 * N) || memcmp(a, ar, N) || dt != dref) {
        printf("simd: FAILED first round differs from scalar reference\n"); return 1;
      }
    }
  }
  uint32_t hh = 0; unsigned hist[256] = {0};
  for (int i = 0; i < N; i++) { hh = hh * 31 + h[i]; hist[a[i]]++; }
  /* after >= 256 rounds of adding b >= 0 most bytes have saturated */
  if (hist[255] < N / 2) { printf("simd: FAILED saturation count %u\n", hist[255]); return 1; }
  printf("simd: ok %.3f %08x %u\n", dsum, hh, hist[255]);
  return 0;
}

/*===- exe/math.c - The libm functions generated code may call ------------===*
 *
 * Baseline x86-64 (SSE2) has no rounding instructions, so LLVM lowers
 * ceil, floor, trunc and nearest (roundeven) to these calls. They work on
 * the bits: values of magnitude 2^52 (2^23 for float) and more are already
 * integers, and NaN comes back quiet (x + x), as WebAssembly wants.
 *===----------------------------------------------------------------------===*/
#include <stdint.h>

#include "exe/exe.h"

static uint64_t bits64(double x) {
  uint64_t b;
  memcpy(&b, &x, 8);
  return b;
}
static double from64(uint64_t b) {
  double x;
  memcpy(&x, &b, 8);
  return x;
}
static uint32_t bits32(float x) {
  uint32_t b;
  memcpy(&b, &x, 4);
  return b;
}
static float from32(uint32_t b) {
  float x;
  memcpy(&x, &b, 4);
  return x;
}

/* Rounds toward zero: clears the fraction bits below the binary point. */
double trunc(double x) {
  uint64_t b = bits64(x);
  int e = (int)((b >> 52) & 0x7ff) - 1023;
  if (e >= 52)
    return e == 1024 ? x + x : x; /* integral, infinite, or NaN */
  if (e < 0)
    return from64(b & (1ull << 63)); /* |x| < 1: a signed zero */
  return from64(b & ~((1ull << (52 - e)) - 1));
}

float truncf(float x) {
  uint32_t b = bits32(x);
  int e = (int)((b >> 23) & 0xff) - 127;
  if (e >= 23)
    return e == 128 ? x + x : x;
  if (e < 0)
    return from32(b & (1u << 31));
  return from32(b & ~((1u << (23 - e)) - 1));
}

double floor(double x) {
  double t = trunc(x);
  return (t != x && x < 0) ? t - 1.0 : t;
}

float floorf(float x) {
  float t = truncf(x);
  return (t != x && x < 0) ? t - 1.0f : t;
}

double ceil(double x) {
  double t = trunc(x);
  if (t != x && x > 0)
    return t + 1.0;
  /* ceil(-0.5) is -0.0: t is already a signed zero there. */
  return t;
}

float ceilf(float x) {
  float t = truncf(x);
  return (t != x && x > 0) ? t + 1.0f : t;
}

/* Ties to even, in the default rounding mode: adding and subtracting 2^52
 * rounds the fraction away exactly as the hardware rounds sums. */
double roundeven(double x) {
  uint64_t b = bits64(x);
  int e = (int)((b >> 52) & 0x7ff) - 1023;
  if (e >= 52)
    return e == 1024 ? x + x : x;
  volatile double big = 4503599627370496.0; /* 2^52 */
  double a = from64(b & ~(1ull << 63));
  double r = (a + big) - big;
  return from64(bits64(r) | (b & (1ull << 63)));
}

float roundevenf(float x) {
  uint32_t b = bits32(x);
  int e = (int)((b >> 23) & 0xff) - 127;
  if (e >= 23)
    return e == 128 ? x + x : x;
  volatile float big = 8388608.0f; /* 2^23 */
  float a = from32(b & ~(1u << 31));
  float r = (a + big) - big;
  return from32(bits32(r) | (b & (1u << 31)));
}

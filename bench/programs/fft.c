/* Iterative radix-2 complex FFT; checks inverse(forward(x)) == x, a
   single-tone spectrum, and Parseval's identity. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>

static uint64_t rng = 0xDEADBEEFCAFEF00Dull;
static double rnd(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return (double)(rng >> 11) / 9007199254740992.0 - 0.5;
}

#define LOGN 20
#define N (1 << LOGN)
#define ROUNDS 6

static void fft(double *re, double *im, int n, int inverse) {
  for (int i = 1, j = 0; i < n; i++) {
    int bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) { double t = re[i]; re[i] = re[j]; re[j] = t; t = im[i]; im[i] = im[j]; im[j] = t; }
  }
  for (int len = 2; len <= n; len <<= 1) {
    double ang = 2 * 3.14159265358979323846 / len * (inverse ? 1 : -1);
    double wr = cos(ang), wi = sin(ang);
    int half = len >> 1;
    for (int i = 0; i < n; i += len) {
      double cr = 1, ci = 0;
      for (int k = 0; k < half; k++) {
        int a = i + k, b = a + half;
        double xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
        re[b] = re[a] - xr; im[b] = im[a] - xi;
        re[a] += xr; im[a] += xi;
        double nr = cr * wr - ci * wi; ci = cr * wi + ci * wr; cr = nr;
      }
    }
  }
  if (inverse) for (int i = 0; i < n; i++) { re[i] /= n; im[i] /= n; }
}

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  int n = N; /* SCALE: n = N / (smallest power of two >= SCALE), n >= 1024; still ROUNDS rounds */
  while (n > 1024 && N / n < scale) n >>= 1;
  double *re = malloc(sizeof(double) * n), *im = malloc(sizeof(double) * n);
  double *r0 = malloc(sizeof(double) * n), *i0 = malloc(sizeof(double) * n);
  /* known vector: pure tone at bin 5 of a length-64 transform */
  for (int i = 0; i < 64; i++) { re[i] = cos(2 * 3.14159265358979323846 * 5 * i / 64); im[i] = 0; }
  fft(re, im, 64, 0);
  for (int i = 0; i < 64; i++) {
    double expect = (i == 5 || i == 59) ? 32.0 : 0.0;
    if (fabs(re[i] - expect) > 1e-9 || fabs(im[i]) > 1e-9) { printf("fft: FAILED tone bin %d\n", i); return 1; }
  }
  double check = 0;
  for (int r = 0; r < ROUNDS; r++) {
    double e0 = 0, e1 = 0;
    for (int i = 0; i < n; i++) { r0[i] = re[i] = rnd(); i0[i] = im[i] = rnd(); e0 += re[i] * re[i] + im[i] * im[i]; }
    fft(re, im, n, 0);
    for (int i = 0; i < n; i++) e1 += re[i] * re[i] + im[i] * im[i];
    if (fabs(e1 / n - e0) > 1e-6 * e0) { printf("fft: FAILED parseval %g vs %g\n", e1 / n, e0); return 1; }
    check += re[r * 12345 % n] + im[r * 54321 % n];
    fft(re, im, n, 1);
    double maxerr = 0;
    for (int i = 0; i < n; i++) {
      double e = fabs(re[i] - r0[i]) + fabs(im[i] - i0[i]);
      if (e > maxerr) maxerr = e;
    }
    if (!(maxerr < 1e-9)) { printf("fft: FAILED roundtrip maxerr=%g\n", maxerr); return 1; }
  }
  printf("fft: ok %.6f\n", check);
  return 0;
}

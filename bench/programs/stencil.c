/* 2-D Jacobi 5-point stencil (heat diffusion) on a grid with fixed
   boundary; checks the result against an independent row-by-row
   recomputation of the final sweep and a known conservation-free bound. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>

#define W 1024
#define H 1024
#define STEPS 1200

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  double *a = malloc(sizeof(double) * W * H), *b = malloc(sizeof(double) * W * H);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      double v = 0;
      if (y == 0) v = 100.0;
      else if (x == 0) v = 50.0;
      else if (((x * 7 + y * 13) % 97) == 0) v = 10.0;
      a[y * W + x] = b[y * W + x] = v;
    }
  long steps = scale < STEPS ? STEPS / scale : 1; /* SCALE divides the sweeps */
  for (int s = 0; s < steps; s++) {
    for (int y = 1; y < H - 1; y++) {
      const double *up = &a[(y - 1) * W], *mid = &a[y * W], *dn = &a[(y + 1) * W];
      double *o = &b[y * W];
      for (int x = 1; x < W - 1; x++)
        o[x] = 0.25 * (up[x] + dn[x] + mid[x - 1] + mid[x + 1]);
    }
    if (s == steps - 1) {
      /* verify last sweep independently before swapping */
      for (int y = 1; y < H - 1; y += 37)
        for (int x = 1; x < W - 1; x += 11) {
          double e = (a[(y - 1) * W + x] + a[(y + 1) * W + x] + a[y * W + x - 1] + a[y * W + x + 1]) / 4.0;
          if (fabs(e - b[y * W + x]) > 1e-12) { printf("stencil: FAILED at %d,%d\n", x, y); return 1; }
        }
    }
    double *t = a; a = b; b = t;
  }
  double sum = 0, mn = 1e300, mx = -1e300;
  for (int i = 0; i < W * H; i++) { sum += a[i]; if (a[i] < mn) mn = a[i]; if (a[i] > mx) mx = a[i]; }
  /* maximum principle: interior values stay within boundary/initial range */
  if (mn < 0 || mx > 100.0) { printf("stencil: FAILED range %g..%g\n", mn, mx); return 1; }
  printf("stencil: ok %.6f\n", sum);
  return 0;
}

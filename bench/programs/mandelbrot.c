/* Mandelbrot set membership bitmap (Benchmarks Game style, 50
   iterations, escape radius 2); checks known points and prints a
   checksum of the bitmap. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define SZ 4000
#define ITER 50

static int inside(double cr, double ci) {
  double zr = 0, zi = 0;
  for (int i = 0; i < ITER; i++) {
    double tr = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci; zr = tr;
    if (zr * zr + zi * zi > 4.0) return 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  int sz = SZ; /* SCALE divides the pixels: sz^2 <= SZ^2 / SCALE (sz >= 256) */
  while (sz > 256 && (double)sz * sz * scale > (double)SZ * SZ) sz--;
  if (!inside(0, 0) || !inside(-1, 0) || inside(1, 1) || inside(0.5, 0)) { printf("mandelbrot: FAILED known points\n"); return 1; }
  int rowbytes = (sz + 7) / 8;
  uint8_t *bits = calloc((size_t)rowbytes * sz, 1);
  long count = 0;
  for (int y = 0; y < sz; y++) {
    double ci = 2.0 * y / sz - 1.0;
    for (int x = 0; x < sz; x++) {
      double cr = 2.0 * x / sz - 1.5;
      if (inside(cr, ci)) { bits[y * rowbytes + x / 8] |= (uint8_t)(0x80 >> (x & 7)); count++; }
    }
  }
  uint32_t h = 2166136261u;
  for (long i = 0; i < (long)rowbytes * sz; i++) { h ^= bits[i]; h *= 16777619u; }
  /* the area of the set is about 1.506; the grid covers area 4 */
  double area = 4.0 * count / ((double)sz * sz);
  if (area < 1.45 || area > 1.60) { printf("mandelbrot: FAILED area %f\n", area); return 1; }
  printf("mandelbrot: ok %ld %08x\n", count, h);
  return 0;
}

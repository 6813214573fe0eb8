/* Dense matrix multiply C = A*B (blocked, double), checked against
   C*x == A*(B*x) for a random vector x. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static double rnd(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return (double)(rng >> 11) / 9007199254740992.0 - 0.5;
}

#define N 512
#define BS 32
#define REPS 40

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  double *A = malloc(sizeof(double) * N * N), *B = malloc(sizeof(double) * N * N);
  double *C = calloc((size_t)N * N, sizeof(double));
  double *x = malloc(sizeof(double) * N), *y = malloc(sizeof(double) * N);
  double *z = malloc(sizeof(double) * N), *w = malloc(sizeof(double) * N);
  for (int i = 0; i < N * N; i++) A[i] = rnd();
  for (int i = 0; i < N * N; i++) B[i] = rnd();
  for (int i = 0; i < N; i++) x[i] = rnd();
  long reps = scale < REPS ? REPS / scale : 1; /* SCALE divides the repetitions */
  for (int rep = 0; rep < reps; rep++) {
    for (int i = 0; i < N * N; i++) C[i] = 0;
    for (int ii = 0; ii < N; ii += BS)
      for (int kk = 0; kk < N; kk += BS)
        for (int jj = 0; jj < N; jj += BS)
          for (int i = ii; i < ii + BS; i++)
            for (int k = kk; k < kk + BS; k++) {
              double a = A[i * N + k];
              double *c = &C[i * N + jj];
              const double *b = &B[k * N + jj];
              for (int j = 0; j < BS; j++) c[j] += a * b[j];
            }
  }
  /* check: C x vs A (B x) */
  for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += B[i * N + j] * x[j]; z[i] = s; }
  for (int i = 0; i < N; i++) { double s = 0; for (int j = 0; j < N; j++) s += A[i * N + j] * z[j]; w[i] = s; }
  double maxerr = 0, sum = 0;
  for (int i = 0; i < N; i++) {
    double s = 0; for (int j = 0; j < N; j++) s += C[i * N + j] * x[j];
    y[i] = s;
    double e = fabs(y[i] - w[i]);
    if (e > maxerr) maxerr = e;
  }
  for (int i = 0; i < N * N; i++) sum += C[i] * (double)((i % 7) + 1);
  if (!(maxerr < 1e-8)) { printf("matmul: FAILED maxerr=%g\n", maxerr); return 1; }
  printf("matmul: ok %.6f\n", sum);
  return 0;
}

/* Cholesky factorisation A = L*L^T of a symmetric positive definite
   matrix A = B*B^T + N*I; checks L*L^T against A. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static double rnd(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return (double)(rng >> 11) / 9007199254740992.0 - 0.5;
}

#define N 1200

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  /* SCALE divides the O(n^3) work: the leading n x n block of the N x N arrays
     (row stride stays N), with n^3 <= N^3 / SCALE and n >= 16 */
  int n = N;
  while (n > 16 && (double)n * n * n * scale > (double)N * N * N) n--;
  double *B = malloc(sizeof(double) * N * N), *A = malloc(sizeof(double) * N * N);
  double *L = calloc((size_t)N * N, sizeof(double));
  for (int i = 0; i < N * N; i++) B[i] = rnd();
  for (int i = 0; i < n; i++)
    for (int j = 0; j <= i; j++) {
      double s = 0;
      for (int k = 0; k < n; k++) s += B[i * N + k] * B[j * N + k];
      if (i == j) s += n;
      A[i * N + j] = A[j * N + i] = s;
    }
  for (int j = 0; j < n; j++) {
    double s = A[j * N + j];
    for (int k = 0; k < j; k++) s -= L[j * N + k] * L[j * N + k];
    if (!(s > 0)) { printf("cholesky: FAILED not positive definite at %d\n", j); return 1; }
    double d = sqrt(s);
    L[j * N + j] = d;
    double inv = 1.0 / d;
    for (int i = j + 1; i < n; i++) {
      double t = A[i * N + j];
      const double *li = &L[i * N], *lj = &L[j * N];
      for (int k = 0; k < j; k++) t -= li[k] * lj[k];
      L[i * N + j] = t * inv;
    }
  }
  double maxerr = 0, tr = 0;
  for (int i = 0; i < n; i++) {
    tr += L[i * N + i];
    for (int j = 0; j <= i; j++) {
      double s = 0;
      for (int k = 0; k <= j; k++) s += L[i * N + k] * L[j * N + k];
      double e = fabs(s - A[i * N + j]) / (fabs(A[i * N + j]) + 1.0);
      if (e > maxerr) maxerr = e;
    }
  }
  if (!(maxerr < 1e-12)) { printf("cholesky: FAILED maxerr=%g\n", maxerr); return 1; }
  printf("cholesky: ok %.6f\n", tr);
  return 0;
}

/* LU decomposition with partial pivoting (Doolittle, in place); checks
   P*A == L*U element-wise. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>

static uint64_t rng = 88172645463325252ull;
static double rnd(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return (double)(rng >> 11) / 9007199254740992.0 - 0.5;
}

#define N 1250

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  /* SCALE divides the O(n^3) work: only the trailing n x n block (rows and
     columns k0..N-1) is factored and checked, with n^3 <= N^3 / SCALE and
     n >= 16; the loops keep their constant upper bound N */
  int n = N;
  while (n > 16 && (double)n * n * n * scale > (double)N * N * N) n--;
  int k0 = N - n;
  double *A = malloc(sizeof(double) * N * N), *M = malloc(sizeof(double) * N * N);
  int *piv = malloc(sizeof(int) * N);
  for (int i = 0; i < N * N; i++) A[i] = rnd();
  for (int i = 0; i < N * N; i++) M[i] = A[i];
  for (int i = 0; i < N; i++) piv[i] = i;
  for (int k = k0; k < N; k++) {
    int p = k; double best = fabs(M[k * N + k]);
    for (int i = k + 1; i < N; i++) if (fabs(M[i * N + k]) > best) { best = fabs(M[i * N + k]); p = i; }
    if (best == 0) { printf("lu: FAILED singular\n"); return 1; }
    if (p != k) {
      for (int j = 0; j < N; j++) { double t = M[k * N + j]; M[k * N + j] = M[p * N + j]; M[p * N + j] = t; }
      int t = piv[k]; piv[k] = piv[p]; piv[p] = t;
    }
    double inv = 1.0 / M[k * N + k];
    for (int i = k + 1; i < N; i++) {
      double l = M[i * N + k] * inv;
      M[i * N + k] = l;
      double *ri = &M[i * N], *rk = &M[k * N];
      for (int j = k + 1; j < N; j++) ri[j] -= l * rk[j];
    }
  }
  /* reconstruct L*U and compare with rows of A permuted */
  double maxerr = 0;
  for (int i = k0; i < N; i++)
    for (int j = k0; j < N; j++) {
      int lim = i < j ? i : j;
      double s = 0;
      for (int k = k0; k < lim; k++) s += M[i * N + k] * M[k * N + j];
      s += (i <= j) ? M[i * N + j] : M[i * N + j] * M[j * N + j];
      double e = fabs(s - A[piv[i] * N + j]);
      if (e > maxerr) maxerr = e;
    }
  double logdet = 0;
  for (int i = k0; i < N; i++) logdet += log(fabs(M[i * N + i]));
  if (!(maxerr < 1e-9)) { printf("lu: FAILED maxerr=%g\n", maxerr); return 1; }
  printf("lu: ok %.6f\n", logdet);
  return 0;
}

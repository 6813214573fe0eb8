/* Sorting: an introsort-style quicksort (median of three, insertion sort
   for small ranges) on 32-bit keys and a bottom-up merge sort on 64-bit
   keys; checks sortedness, that the multiset is preserved (order-
   independent checksums), and that both agree on the same input. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static uint64_t rng = 0xA5A5A5A5DEADBEEFull;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static void isort(uint32_t *a, long n) {
  for (long i = 1; i < n; i++) { uint32_t v = a[i]; long j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; }
}
static void qsort32(uint32_t *a, long n) {
  while (n > 24) {
    uint32_t x = a[0], y = a[n / 2], z = a[n - 1], p;
    p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    long i = 0, j = n - 1;
    for (;;) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i >= j) break;
      uint32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--;
    }
    /* recurse into smaller part */
    if (j + 1 < n - j - 1) { qsort32(a, j + 1); a += j + 1; n -= j + 1; }
    else { qsort32(a + j + 1, n - j - 1); n = j + 1; }
  }
  isort(a, n);
}
static void msort64(uint64_t *a, uint64_t *tmp, long n) {
  for (long w = 1; w < n; w *= 2) {
    for (long lo = 0; lo < n; lo += 2 * w) {
      long mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      long i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
    }
    memcpy(a, tmp, sizeof(uint64_t) * n);
  }
}

#define N 6000000

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  long n = N / scale < 1000 ? 1000 : N / scale; /* SCALE divides the number of keys */
  uint32_t *a = malloc(sizeof(uint32_t) * n);
  uint64_t *b = malloc(sizeof(uint64_t) * n), *t = malloc(sizeof(uint64_t) * n);
  uint64_t s1 = 0, x1 = 0, s2 = 0, x2 = 0;
  for (long i = 0; i < n; i++) {
    uint32_t v = (uint32_t)(rnd() >> 32);
    if (i % 5 == 0) v &= 0xffff; /* many duplicates */
    a[i] = v; b[i] = v; s1 += v; x1 ^= v * 0x9E3779B97F4A7C15ull;
  }
  qsort32(a, n);
  msort64(b, t, n);
  for (long i = 0; i < n; i++) {
    if (i && a[i - 1] > a[i]) { printf("sort: FAILED quicksort order at %ld\n", i); return 1; }
    if (a[i] != b[i]) { printf("sort: FAILED quicksort/mergesort disagree at %ld\n", i); return 1; }
    s2 += a[i]; x2 ^= a[i] * 0x9E3779B97F4A7C15ull;
  }
  if (s1 != s2 || x1 != x2) { printf("sort: FAILED checksum\n"); return 1; }
  uint64_t h = 0;
  for (long i = 0; i < n; i += 1000) h = h * 1000003 + a[i];
  printf("sort: ok %016llx\n", (unsigned long long)h);
  return 0;
}

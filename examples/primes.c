// Counts the primes below a bound with a sieve of Eratosthenes: a small
// program with loops, memory traffic and a heap allocation.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  unsigned long limit = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
  unsigned char *composite = malloc(limit + 1);
  if (!composite) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  memset(composite, 0, limit + 1);
  unsigned long count = 0;
  for (unsigned long i = 2; i <= limit; ++i) {
    if (composite[i])
      continue;
    ++count;
    for (unsigned long long j = (unsigned long long)i * i; j <= limit; j += i)
      composite[j] = 1;
  }
  printf("%lu primes below %lu\n", count, limit + 1);
  free(composite);
  return 0;
}

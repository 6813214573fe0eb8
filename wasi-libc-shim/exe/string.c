/*===- exe/string.c - memcpy, memmove, memset, memcmp, strlen -------------===*
 *
 * The executable runtime has no libc, but code calls these anyway: LLVM
 * lowers memory.copy, memory.fill and large copies to memcpy, memmove and
 * memset calls, and the runtime uses them itself. They are simple: bytes
 * up to a word boundary of the destination, then whole words, then the
 * tail bytes.
 *
 * They must not turn into calls to themselves: at -O2, LLVM recognises a
 * byte-copy loop as memcpy. This file is therefore always compiled with
 * -ffreestanding -fno-builtin (which tells LLVM these library functions
 * may not be assumed), and its disassembly holds no calls.
 *===----------------------------------------------------------------------===*/

#include <stddef.h>
#include <stdint.h>

/* A machine word that may alias anything: callers pass buffers of any
 * type. Used only at addresses that are multiples of its size. */
typedef uintptr_t __attribute__((__may_alias__)) w2n_word;
/* The same at any alignment. x86-64 and AArch64 load it in one
 * instruction; rv64gc promises no fast misaligned access, so there the
 * compiler assembles it from bytes, which is slow but still correct. */
typedef uintptr_t __attribute__((__may_alias__, __aligned__(1))) w2n_uword;

#define W2N_WORD_SIZE sizeof(w2n_word)
/* 0x0101...01 and 0x8080...80, whatever the word size. */
#define W2N_ONES ((w2n_word)-1 / 0xff)
#define W2N_HIGHS (W2N_ONES * 0x80)

static inline int is_word_aligned(const void *p) {
  return ((uintptr_t)p & (W2N_WORD_SIZE - 1)) == 0;
}

/* Copies from low addresses to high. Correct for overlapping buffers when
 * dst < src, as memmove needs: every word is loaded before the store that
 * follows it, and that store ends below the next load's start. */
static inline void copy_forward(unsigned char *d, const unsigned char *s,
                                size_t n) {
  /* Below two words, aligning first saves nothing. */
  if (n >= 2 * W2N_WORD_SIZE) {
    for (; !is_word_aligned(d); --n)
      *d++ = *s++;
    if (is_word_aligned(s)) {
      for (; n >= 4 * W2N_WORD_SIZE; n -= 4 * W2N_WORD_SIZE) {
        w2n_word a = ((const w2n_word *)s)[0];
        w2n_word b = ((const w2n_word *)s)[1];
        w2n_word c = ((const w2n_word *)s)[2];
        w2n_word e = ((const w2n_word *)s)[3];
        ((w2n_word *)d)[0] = a;
        ((w2n_word *)d)[1] = b;
        ((w2n_word *)d)[2] = c;
        ((w2n_word *)d)[3] = e;
        d += 4 * W2N_WORD_SIZE;
        s += 4 * W2N_WORD_SIZE;
      }
      for (; n >= W2N_WORD_SIZE; n -= W2N_WORD_SIZE) {
        *(w2n_word *)d = *(const w2n_word *)s;
        d += W2N_WORD_SIZE;
        s += W2N_WORD_SIZE;
      }
    } else {
      for (; n >= W2N_WORD_SIZE; n -= W2N_WORD_SIZE) {
        *(w2n_word *)d = *(const w2n_uword *)s;
        d += W2N_WORD_SIZE;
        s += W2N_WORD_SIZE;
      }
    }
  }
  for (; n; --n)
    *d++ = *s++;
}

/* Copies from high addresses to low, for overlapping buffers with
 * dst > src: each store lands above every byte still to be loaded. */
static inline void copy_backward(unsigned char *d, const unsigned char *s,
                                 size_t n) {
  d += n;
  s += n;
  if (n >= 2 * W2N_WORD_SIZE) {
    for (; !is_word_aligned(d); --n)
      *--d = *--s;
    if (is_word_aligned(s)) {
      for (; n >= W2N_WORD_SIZE; n -= W2N_WORD_SIZE) {
        d -= W2N_WORD_SIZE;
        s -= W2N_WORD_SIZE;
        *(w2n_word *)d = *(const w2n_word *)s;
      }
    } else {
      for (; n >= W2N_WORD_SIZE; n -= W2N_WORD_SIZE) {
        d -= W2N_WORD_SIZE;
        s -= W2N_WORD_SIZE;
        *(w2n_word *)d = *(const w2n_uword *)s;
      }
    }
  }
  for (; n; --n)
    *--d = *--s;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  copy_forward(dst, src, n);
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  /* Unsigned arithmetic folds both safe cases into one test: dst below
   * src wraps to a huge distance, and dst at or past src + n is at least
   * n away. Only dst inside [src, src + n) needs the backward copy. */
  if ((uintptr_t)dst - (uintptr_t)src >= n)
    copy_forward(dst, src, n);
  else
    copy_backward(dst, src, n);
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  unsigned char b = (unsigned char)c;
  if (n >= 2 * W2N_WORD_SIZE) {
    for (; !is_word_aligned(d); --n)
      *d++ = b;
    w2n_word w = W2N_ONES * b; /* b in every byte */
    for (; n >= 4 * W2N_WORD_SIZE; n -= 4 * W2N_WORD_SIZE) {
      ((w2n_word *)d)[0] = w;
      ((w2n_word *)d)[1] = w;
      ((w2n_word *)d)[2] = w;
      ((w2n_word *)d)[3] = w;
      d += 4 * W2N_WORD_SIZE;
    }
    for (; n >= W2N_WORD_SIZE; n -= W2N_WORD_SIZE) {
      *(w2n_word *)d = w;
      d += W2N_WORD_SIZE;
    }
  }
  for (; n; --n)
    *d++ = b;
  return dst;
}

int memcmp(const void *lhs, const void *rhs, size_t n) {
  const unsigned char *p = lhs;
  const unsigned char *q = rhs;
  if (n >= 2 * W2N_WORD_SIZE) {
    for (; !is_word_aligned(p); --n, ++p, ++q)
      if (*p != *q)
        return *p - *q;
    /* Skip the words that are equal; the byte loop below then finds the
     * first difference inside the word that is not (the order is that of
     * the bytes, so the words themselves cannot be compared as numbers on
     * these little-endian targets). */
    if (is_word_aligned(q)) {
      for (; n >= W2N_WORD_SIZE; n -= W2N_WORD_SIZE) {
        if (*(const w2n_word *)p != *(const w2n_word *)q)
          break;
        p += W2N_WORD_SIZE;
        q += W2N_WORD_SIZE;
      }
    } else {
      for (; n >= W2N_WORD_SIZE; n -= W2N_WORD_SIZE) {
        if (*(const w2n_word *)p != *(const w2n_uword *)q)
          break;
        p += W2N_WORD_SIZE;
        q += W2N_WORD_SIZE;
      }
    }
  }
  for (; n; --n, ++p, ++q)
    if (*p != *q)
      return *p - *q;
  return 0;
}

/* LLVM turns memcmp calls whose result is only compared with zero into
 * bcmp on Linux targets, in code compiled with builtins enabled. memcmp's
 * answer is a valid bcmp answer, so bcmp is memcmp under a second name. */
int bcmp(const void *lhs, const void *rhs, size_t n)
    __attribute__((__alias__("memcmp")));

size_t strlen(const char *str) {
  const char *s = str;
  for (; !is_word_aligned(s); ++s)
    if (!*s)
      return (size_t)(s - str);
  /* Whole aligned words until one holds a zero byte. Reading past the
   * terminator stays inside the aligned word that holds it, hence inside
   * its page: this cannot fault. (x - 0x01..) & ~x & 0x80.. is nonzero
   * exactly when some byte of x is zero. */
  const w2n_word *w = (const w2n_word *)s;
  while (!((*w - W2N_ONES) & ~*w & W2N_HIGHS))
    ++w;
  for (s = (const char *)w; *s; ++s)
    ;
  return (size_t)(s - str);
}

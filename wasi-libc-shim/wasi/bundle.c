/*===- wasi/bundle.c - Reading the bundled file tree in place -------------===*/
#include "wasi/bundle.h"
#include "wasi/fdtable.h"
#include "wasi/guest.h"

/* Defined by the linker when the executable has a w2n_bundle section. */
extern const uint8_t __start_w2n_bundle[] __attribute__((weak));

const w2n_bundle_header *w2n_bundle_image(void) {
  const w2n_bundle_header *h = (const w2n_bundle_header *)__start_w2n_bundle;
  if (!h || memcmp(h->magic, W2N_BUNDLE_MAGIC, sizeof h->magic) != 0)
    return 0;
  return h;
}

const uint8_t *w2n_bundle_bytes(uint64_t off) {
  return __start_w2n_bundle + off;
}

const w2n_bundle_node *w2n_bundle_node_at(uint32_t node) {
  const w2n_bundle_header *h = w2n_bundle_image();
  return (const w2n_bundle_node *)w2n_bundle_bytes(h->nodes_off) + node;
}

static int compare_name(const w2n_bundle_node *n, const char *name,
                        uint32_t len) {
  const w2n_bundle_header *h = w2n_bundle_image();
  const char *s = (const char *)w2n_bundle_bytes(h->names_off + n->name_off);
  uint32_t k = n->name_len < len ? n->name_len : len;
  int c = memcmp(s, name, k);
  if (c)
    return c;
  return n->name_len < len ? -1 : n->name_len > len ? 1 : 0;
}

uint32_t w2n_bundle_lookup(uint32_t dir, const char *name, uint32_t len) {
  const w2n_bundle_node *d = w2n_bundle_node_at(dir);
  if (d->type != W2N_BUNDLE_DIR)
    return W2N_BUNDLE_NO_NODE;
  uint32_t lo = 0, hi = d->num_children;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int c = compare_name(w2n_bundle_node_at(d->first_child + mid), name, len);
    if (c == 0)
      return d->first_child + mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return W2N_BUNDLE_NO_NODE;
}

/* Bundled files live on a device of their own (an otherwise unused
 * number), each with its node's index as inode number. */
#define W2N_BUNDLE_DEV 0x77326e62u

void w2n_bundle_filestat(uint32_t node, uint8_t *p) {
  const w2n_bundle_node *n = w2n_bundle_node_at(node);
  memset(p, 0, W2N_WASI_FILESTAT_SIZE);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_DEV, W2N_BUNDLE_DEV);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_INO, (uint64_t)node + 1);
  p[W2N_WASI_FILESTAT_OFFSET_FILETYPE] = n->type;
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_NLINK, 1);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_SIZE,
              n->type == W2N_BUNDLE_DIR ? 0 : n->size);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_ATIM, n->mtime_ns);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_MTIM, n->mtime_ns);
  w2n_put_u64(p + W2N_WASI_FILESTAT_OFFSET_CTIM, n->mtime_ns);
}

/*===- w2n/bundle.h - The file tree a bundle carries -----------------------===*
 *
 * `--bundle=HOST_DIR[::GUEST_DIR]` packs directory trees into one image,
 * which the driver places in the executable's read-only section
 * `w2n_bundle` (last in the address space, after .bss, so that its size
 * does not matter to the code's reach) and the runtime reads in place
 * through the linker's __start_w2n_bundle: nothing is copied at start-up.
 *
 * The image, all integers little-endian, every offset from its start:
 *   header | bundles[num_bundles] | nodes[num_nodes] | names | file data
 * A directory's children are consecutive nodes sorted by name (bytewise),
 * so a lookup is a binary search; node 0 is the first bundle's root. A
 * symbolic link's target is in names (data_off, size) and is relative and
 * stays inside its bundle (the driver checks). The same tree and flags give
 * the same bytes: nothing of the host that built it but the tree goes in.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_BUNDLE_H
#define W2N_BUNDLE_H

#include <stdint.h>

#define W2N_BUNDLE_MAGIC "W2NBUND1"
#define W2N_BUNDLE_SECTION "w2n_bundle"
#define W2N_BUNDLE_NO_NODE UINT32_MAX

typedef struct w2n_bundle_header {
  char magic[8]; /* W2N_BUNDLE_MAGIC, no NUL */
  uint32_t num_bundles;
  uint32_t num_nodes;
  uint64_t bundles_off;
  uint64_t nodes_off;
  uint64_t names_off;
  uint64_t image_size;
} w2n_bundle_header;

/* One --bundle: the guest path it is preopened as, and its root. */
typedef struct w2n_bundle_root {
  uint32_t guest_off; /* into names */
  uint32_t guest_len;
  uint32_t root;      /* a directory node */
  uint32_t reserved;
} w2n_bundle_root;

/* W2N_BUNDLE_DIR, _FILE, _SYMLINK are WASI's filetype values. */
#define W2N_BUNDLE_DIR 3
#define W2N_BUNDLE_FILE 4
#define W2N_BUNDLE_SYMLINK 7

typedef struct w2n_bundle_node {
  uint8_t type;      /* W2N_BUNDLE_* */
  uint8_t reserved;
  uint16_t mode;     /* permission bits, as on the host */
  uint32_t parent;   /* the root is its own parent */
  uint32_t name_off; /* into names; the root's name is empty */
  uint32_t name_len;
  uint32_t first_child; /* directories: children are nodes */
  uint32_t num_children; /*   [first_child, first_child + num_children) */
  uint64_t data_off; /* files: contents; links: target (in names) */
  uint64_t size;     /* bytes of either */
  uint64_t mtime_ns; /* since the epoch */
} w2n_bundle_node;

#ifdef __cplusplus
static_assert(sizeof(w2n_bundle_header) == 48, "bundle header layout");
static_assert(sizeof(w2n_bundle_root) == 16, "bundle root layout");
static_assert(sizeof(w2n_bundle_node) == 48, "bundle node layout");
#else
_Static_assert(sizeof(w2n_bundle_header) == 48, "bundle header layout");
_Static_assert(sizeof(w2n_bundle_root) == 16, "bundle root layout");
_Static_assert(sizeof(w2n_bundle_node) == 48, "bundle node layout");
#endif

#endif /* W2N_BUNDLE_H */

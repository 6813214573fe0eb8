/*===- wasi/bundle.h - Reading the bundled file tree in place -------------===*
 *
 * The image (w2n/bundle.h) is part of the executable's mapped read-only
 * image; these functions read it where it lies. Nothing is validated at
 * start-up beyond the magic: the driver wrote the image, and checking it
 * all would touch every page of a bundle that may be GiBs.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_WASI_BUNDLE_H
#define W2N_WASI_BUNDLE_H

#include "w2n/bundle.h"

#include <stdint.h>

/* The image's header, or NULL when the executable has no bundle. */
const w2n_bundle_header *w2n_bundle_image(void);

const w2n_bundle_node *w2n_bundle_node_at(uint32_t node);

/* Bytes at an image offset (names, link targets, file contents). */
const uint8_t *w2n_bundle_bytes(uint64_t off);

/* The child of directory node dir named [name, name + len), or
 * W2N_BUNDLE_NO_NODE. */
uint32_t w2n_bundle_lookup(uint32_t dir, const char *name, uint32_t len);

/* A WASI filestat record for node at p. */
void w2n_bundle_filestat(uint32_t node, uint8_t *p);

#endif /* W2N_WASI_BUNDLE_H */

/*===- exe/eh.c - Finding FDEs in a static executable ---------------------===*
 *
 * The unwinder's w2n_os_find_fde for the executables wasm2native links:
 * static, linked by lld with --eh-frame-hdr, which writes .eh_frame_hdr
 * (a sorted table from function start to FDE) and a PT_GNU_EH_FRAME
 * program header that points at it. The program headers are found from
 * the ELF header, which lld maps at the start of the first PT_LOAD and
 * names __ehdr_start. Nothing is cached: a scan of a dozen program headers
 * costs less than the rest of a frame's unwinding, and needs no lock.
 *===----------------------------------------------------------------------===*/
#include "core/unwind.h"

#include <stddef.h>
#include <stdint.h>

/* Defined by the linker when the ELF header is mapped; weak, so that a
 * link without it (a custom linker script) finds no FDE rather than
 * failing. */
extern const uint8_t __ehdr_start[] __attribute__((weak, visibility("hidden")));

/* ELF64 (System V gABI): the fields read here. */
#define EHDR_PHOFF 32     /* uint64_t e_phoff */
#define EHDR_PHENTSIZE 54 /* uint16_t e_phentsize */
#define EHDR_PHNUM 56     /* uint16_t e_phnum */
#define PHDR_TYPE 0       /* uint32_t p_type */
#define PHDR_OFFSET 8     /* uint64_t p_offset */
#define PHDR_VADDR 16     /* uint64_t p_vaddr */
#define PT_LOAD 1
#define PT_GNU_EH_FRAME 0x6474e550u

static uint64_t field(const uint8_t *p, unsigned size) {
  uint64_t value = 0;
  for (unsigned i = 0; i < size; ++i)
    value |= (uint64_t)p[i] << (8 * i);
  return value;
}

/* The .eh_frame_hdr of this executable, or NULL. Addresses in program
 * headers are link-time ones; the load bias (0 unless static-pie) is
 * where the ELF header is against where its segment was linked. */
static const uint8_t *eh_frame_hdr(void) {
  const uint8_t *ehdr = __ehdr_start;
  if (!ehdr)
    return NULL;
  const uint8_t *phdrs = ehdr + field(ehdr + EHDR_PHOFF, 8);
  uint64_t entry_size = field(ehdr + EHDR_PHENTSIZE, 2);
  uint64_t count = field(ehdr + EHDR_PHNUM, 2);
  uintptr_t bias = 0;
  uint64_t hdr_vaddr = 0;
  for (uint64_t i = 0; i < count; ++i) {
    const uint8_t *phdr = phdrs + i * entry_size;
    uint64_t type = field(phdr + PHDR_TYPE, 4);
    if (type == PT_LOAD && field(phdr + PHDR_OFFSET, 8) == 0)
      bias = (uintptr_t)ehdr - (uintptr_t)field(phdr + PHDR_VADDR, 8);
    else if (type == PT_GNU_EH_FRAME)
      hdr_vaddr = field(phdr + PHDR_VADDR, 8);
  }
  return hdr_vaddr ? (const uint8_t *)(uintptr_t)(hdr_vaddr + bias) : NULL;
}

const void *w2n_os_find_fde(uintptr_t pc) {
  return w2n_eh_hdr_lookup(eh_frame_hdr(), pc);
}

/*===- arch/aarch64/eh_regs.h - Register context of the unwinder, AArch64 -===*
 *
 * The unwinder (core/unwind.c) and its assembly (eh.S) share one register
 * context: an array of 64-bit slots, indexed by DWARF register number where
 * the numbers are dense, so that the rules of .eh_frame apply to it
 * directly. On AArch64 (DWARF for the Arm 64-bit Architecture):
 *   slots 0-30   x0-x30 (DWARF 0-30; x30 is the link register and the
 *                return-address column of LLVM's CIEs)
 *   slot  31     sp (DWARF 31)
 *   slot  32     the pc of the frame the context describes (DWARF 32)
 *   slots 33-40  d8-d15, the low halves of v8-v15 (DWARF 72-79): AAPCS64
 *                keeps only those 64 bits across calls
 *
 * Only what survives a call has a meaning: x19-x29, x30 (as the return
 * address), sp, the pc and d8-d15. The other slots are unspecified.
 *
 * Included by C and by assembly: the byte offsets are plain numbers.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_AARCH64_EH_REGS_H
#define W2N_ARCH_AARCH64_EH_REGS_H

/* Slots of the context, and its size in bytes. */
#define W2N_EH_NREGS 41
#define W2N_EH_CONTEXT_SIZE 328

/* DWARF numbers of the stack pointer and the return-address column, and
 * the slot that holds the frame's pc. */
#define W2N_EH_SP_COLUMN 31
#define W2N_EH_RA_COLUMN 30
#define W2N_EH_PC_SLOT 32

/* Byte offsets, for eh.S: slot * 8. Pairs are adjacent, for stp/ldp. */
#define W2N_EH_OFF_X19 152
#define W2N_EH_OFF_X21 168
#define W2N_EH_OFF_X23 184
#define W2N_EH_OFF_X25 200
#define W2N_EH_OFF_X27 216
#define W2N_EH_OFF_X29 232 /* x29, then x30 */
#define W2N_EH_OFF_SP 248
#define W2N_EH_OFF_PC 256
#define W2N_EH_OFF_D8 264
#define W2N_EH_OFF_D10 280
#define W2N_EH_OFF_D12 296
#define W2N_EH_OFF_D14 312

/* The slot of DWARF register n, or -1 for one the context does not keep
 * (v0-v7 and v16-v31 are never callee-saved; nor is anything else). */
#define W2N_EH_SLOT(n)                                                         \
  ((n) <= 32 ? (int)(n) : ((n) >= 72 && (n) <= 79) ? (int)(n)-39 : -1)

#endif /* W2N_ARCH_AARCH64_EH_REGS_H */

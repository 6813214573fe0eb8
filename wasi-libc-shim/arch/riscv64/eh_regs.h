/*===- arch/riscv64/eh_regs.h - Register context of the unwinder, riscv64 -===*
 *
 * The unwinder (core/unwind.c) and its assembly (eh.S) share one register
 * context: an array of 64-bit slots, indexed by DWARF register number where
 * the numbers allow, so that the rules of .eh_frame apply to it directly.
 * On riscv64 (psABI, DWARF register numbers):
 *   slots 0-31   x0-x31 (DWARF 0-31; ra = x1 is the return-address column
 *                of LLVM's CIEs, sp = x2, s0-s1 = x8-x9, s2-s11 = x18-x27)
 *   slot  32     the pc of the frame the context describes (no DWARF number)
 *   slots 33-64  f0-f31 (DWARF 32-63; fs0-fs1 = f8-f9, fs2-fs11 = f18-f27),
 *                as 64-bit patterns: lp64d keeps doubles across calls
 *
 * Only what survives a call has a meaning: ra (as the return address), sp,
 * s0-s11, the pc and fs0-fs11. The other slots are unspecified. gp and tp
 * are the same in every frame and the unwinder never changes them.
 *
 * Included by C and by assembly: the byte offsets are plain numbers.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_RISCV64_EH_REGS_H
#define W2N_ARCH_RISCV64_EH_REGS_H

/* Slots of the context, and its size in bytes. */
#define W2N_EH_NREGS 65
#define W2N_EH_CONTEXT_SIZE 520

/* DWARF numbers of the stack pointer and the return-address column, and
 * the slot that holds the frame's pc. */
#define W2N_EH_SP_COLUMN 2
#define W2N_EH_RA_COLUMN 1
#define W2N_EH_PC_SLOT 32

/* Byte offsets, for eh.S: slot * 8. */
#define W2N_EH_OFF_RA 8
#define W2N_EH_OFF_SP 16
#define W2N_EH_OFF_S0 64
#define W2N_EH_OFF_S1 72
#define W2N_EH_OFF_S2 144 /* s2-s11 follow at 8-byte steps, to 216 */
#define W2N_EH_OFF_PC 256
#define W2N_EH_OFF_FS0 328
#define W2N_EH_OFF_FS1 336
#define W2N_EH_OFF_FS2 408 /* fs2-fs11 follow at 8-byte steps, to 480 */

/* The slot of DWARF register n, or -1 for one the context does not keep. */
#define W2N_EH_SLOT(n) ((n) <= 31 ? (int)(n) : (n) <= 63 ? (int)(n) + 1 : -1)

#endif /* W2N_ARCH_RISCV64_EH_REGS_H */

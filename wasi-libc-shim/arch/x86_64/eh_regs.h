/*===- arch/x86_64/eh_regs.h - Register context of the unwinder, x86-64 ---===*
 *
 * The unwinder (core/unwind.c) and its assembly (eh.S) share one register
 * context: an array of 64-bit slots indexed by DWARF register number, so
 * that the rules of .eh_frame apply to it directly. On x86-64 the DWARF
 * numbers are 0-15 for the integer registers (in the order rax, rdx, rcx,
 * rbx, rsi, rdi, rbp, rsp, r8-r15) and 16 for the return address, which is
 * the "pc" of the frame the context describes.
 *
 * Only what survives a call has a meaning: the callee-saved rbx, rbp and
 * r12-r15, rsp and the pc. The System V ABI has no callee-saved vector
 * registers. The other slots are unspecified.
 *
 * Included by C and by assembly: the byte offsets are plain numbers.
 *===----------------------------------------------------------------------===*/
#ifndef W2N_ARCH_X86_64_EH_REGS_H
#define W2N_ARCH_X86_64_EH_REGS_H

/* Slots of the context, and its size in bytes. */
#define W2N_EH_NREGS 17
#define W2N_EH_CONTEXT_SIZE 136

/* DWARF numbers of the stack pointer and the return-address column (what
 * LLVM's CIEs name), and the slot that holds the frame's pc. */
#define W2N_EH_SP_COLUMN 7
#define W2N_EH_RA_COLUMN 16
#define W2N_EH_PC_SLOT 16

/* Byte offsets, for eh.S: slot * 8. */
#define W2N_EH_OFF_RBX 24
#define W2N_EH_OFF_RBP 48
#define W2N_EH_OFF_RSP 56
#define W2N_EH_OFF_R12 96
#define W2N_EH_OFF_R13 104
#define W2N_EH_OFF_R14 112
#define W2N_EH_OFF_R15 120
#define W2N_EH_OFF_PC 128

/* The slot of DWARF register n, or -1 for one the context does not keep
 * (the vector registers 17-32 are never callee-saved here). */
#define W2N_EH_SLOT(n) ((n) <= 16 ? (int)(n) : -1)

#endif /* W2N_ARCH_X86_64_EH_REGS_H */

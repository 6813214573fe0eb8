/*===- arch/riscv64/eh.S - Entry and exit of the unwinder, riscv64 --------===*
 *
 * Exceptions unwind by the tables (.eh_frame, .gcc_except_table) that LLVM
 * emits for functions that may unwind; core/unwind.c walks them. What C
 * cannot do is here: read the registers of the thrower, and load them into
 * a frame to resume there. The register context is an array of 64-bit
 * slots by DWARF number (eh_regs.h).
 *
 *   void w2n_throw(void *exn)                       (never returns)
 *     Builds a context on its own stack that describes its caller at the
 *     call: s0-s11 and fs0-fs11 as they are (w2n_throw changes none of
 *     them before storing), sp as it was at the call, and ra, the return
 *     address, both as ra and as the pc. Then calls w2n_eh_raise(exn, ctx),
 *     which does not return; unimp if it does.
 *
 *   void w2n_eh_resume(w2n_eh_context *ctx, uintptr_t landing_pad,
 *                      void *exn)                   (never returns)
 *     Loads ra, s0-s11, fs0-fs11 and sp from ctx and jumps to landing_pad
 *     with exn in a0 and 1 in a1: the {ptr, i32} a landingpad reads.
 *
 *   void w2n_eh_capture(w2n_eh_context *ctx)
 *     Stores the callee-saved registers, sp and the return address into ctx
 *     and returns: the roots a conservative collector must scan besides
 *     the stack.
 *===----------------------------------------------------------------------===*/

#include "eh_regs.h"

/* The frame w2n_throw reserves: the context, rounded up so that sp stays
 * 16-aligned. */
#define THROW_FRAME ((W2N_EH_CONTEXT_SIZE + 15) & ~15)

/* Stores the callee-saved registers into the context at \base; ra goes in
 * as both itself and the pc. */
	.macro	store_callee_saved base
	sd	ra, W2N_EH_OFF_RA(\base)
	sd	ra, W2N_EH_OFF_PC(\base)
	sd	s0, W2N_EH_OFF_S0(\base)
	sd	s1, W2N_EH_OFF_S1(\base)
	sd	s2, W2N_EH_OFF_S2(\base)
	sd	s3, W2N_EH_OFF_S2+8(\base)
	sd	s4, W2N_EH_OFF_S2+16(\base)
	sd	s5, W2N_EH_OFF_S2+24(\base)
	sd	s6, W2N_EH_OFF_S2+32(\base)
	sd	s7, W2N_EH_OFF_S2+40(\base)
	sd	s8, W2N_EH_OFF_S2+48(\base)
	sd	s9, W2N_EH_OFF_S2+56(\base)
	sd	s10, W2N_EH_OFF_S2+64(\base)
	sd	s11, W2N_EH_OFF_S2+72(\base)
	fsd	fs0, W2N_EH_OFF_FS0(\base)
	fsd	fs1, W2N_EH_OFF_FS1(\base)
	fsd	fs2, W2N_EH_OFF_FS2(\base)
	fsd	fs3, W2N_EH_OFF_FS2+8(\base)
	fsd	fs4, W2N_EH_OFF_FS2+16(\base)
	fsd	fs5, W2N_EH_OFF_FS2+24(\base)
	fsd	fs6, W2N_EH_OFF_FS2+32(\base)
	fsd	fs7, W2N_EH_OFF_FS2+40(\base)
	fsd	fs8, W2N_EH_OFF_FS2+48(\base)
	fsd	fs9, W2N_EH_OFF_FS2+56(\base)
	fsd	fs10, W2N_EH_OFF_FS2+64(\base)
	fsd	fs11, W2N_EH_OFF_FS2+72(\base)
	.endm

	.text
	.globl	w2n_throw
	.type	w2n_throw, %function
w2n_throw:
	.cfi_startproc
	addi	sp, sp, -THROW_FRAME
	.cfi_adjust_cfa_offset THROW_FRAME
	store_callee_saved sp
	/* For debuggers: where the return address is now (the call below
	 * changes ra). */
	.cfi_offset ra, W2N_EH_OFF_RA - THROW_FRAME
	addi	t0, sp, THROW_FRAME
	sd	t0, W2N_EH_OFF_SP(sp)
	/* a0 is exn already. */
	mv	a1, sp
	call	w2n_eh_raise
	unimp
	.cfi_endproc
	.size	w2n_throw, .-w2n_throw

	.globl	w2n_eh_resume
	.type	w2n_eh_resume, %function
w2n_eh_resume:
	mv	t1, a1
	mv	t2, a0
	mv	a0, a2
	li	a1, 1
	ld	ra, W2N_EH_OFF_RA(t2)
	ld	s0, W2N_EH_OFF_S0(t2)
	ld	s1, W2N_EH_OFF_S1(t2)
	ld	s2, W2N_EH_OFF_S2(t2)
	ld	s3, W2N_EH_OFF_S2+8(t2)
	ld	s4, W2N_EH_OFF_S2+16(t2)
	ld	s5, W2N_EH_OFF_S2+24(t2)
	ld	s6, W2N_EH_OFF_S2+32(t2)
	ld	s7, W2N_EH_OFF_S2+40(t2)
	ld	s8, W2N_EH_OFF_S2+48(t2)
	ld	s9, W2N_EH_OFF_S2+56(t2)
	ld	s10, W2N_EH_OFF_S2+64(t2)
	ld	s11, W2N_EH_OFF_S2+72(t2)
	fld	fs0, W2N_EH_OFF_FS0(t2)
	fld	fs1, W2N_EH_OFF_FS1(t2)
	fld	fs2, W2N_EH_OFF_FS2(t2)
	fld	fs3, W2N_EH_OFF_FS2+8(t2)
	fld	fs4, W2N_EH_OFF_FS2+16(t2)
	fld	fs5, W2N_EH_OFF_FS2+24(t2)
	fld	fs6, W2N_EH_OFF_FS2+32(t2)
	fld	fs7, W2N_EH_OFF_FS2+40(t2)
	fld	fs8, W2N_EH_OFF_FS2+48(t2)
	fld	fs9, W2N_EH_OFF_FS2+56(t2)
	fld	fs10, W2N_EH_OFF_FS2+64(t2)
	fld	fs11, W2N_EH_OFF_FS2+72(t2)
	/* sp last: the context lies below the frame we go to, and a signal
	 * arriving once sp is above it may write over it. */
	ld	sp, W2N_EH_OFF_SP(t2)
	jr	t1
	.size	w2n_eh_resume, .-w2n_eh_resume

	.globl	w2n_eh_capture
	.type	w2n_eh_capture, %function
w2n_eh_capture:
	store_callee_saved a0
	sd	sp, W2N_EH_OFF_SP(a0)
	ret
	.size	w2n_eh_capture, .-w2n_eh_capture

	.section .note.GNU-stack, "", %progbits

/*===- arch/aarch64/eh.S - Entry and exit of the unwinder, AArch64 --------===*
 *
 * Exceptions unwind by the tables (.eh_frame, .gcc_except_table) that LLVM
 * emits for functions that may unwind; core/unwind.c walks them. What C
 * cannot do is here: read the registers of the thrower, and load them into
 * a frame to resume there. The register context is an array of 64-bit
 * slots by DWARF number (eh_regs.h).
 *
 *   void w2n_throw(void *exn)                       (never returns)
 *     Builds a context on its own stack that describes its caller at the
 *     call: x19-x29 and d8-d15 as they are (w2n_throw changes none of them
 *     before storing), sp as it was at the bl, and x30, the return address,
 *     both as x30 and as the pc. Then calls w2n_eh_raise(exn, ctx), which
 *     does not return; brk if it does.
 *
 *   void w2n_eh_resume(w2n_eh_context *ctx, uintptr_t landing_pad,
 *                      void *exn)                   (never returns)
 *     Loads x19-x30, d8-d15 and sp from ctx and jumps to landing_pad with
 *     exn in x0 and 1 in x1: the {ptr, i32} a landingpad reads.
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

/* Stores the callee-saved registers into the context at \base; x30 goes in
 * as both the link register and the pc. */
	.macro	store_callee_saved base
	stp	x19, x20, [\base, #W2N_EH_OFF_X19]
	stp	x21, x22, [\base, #W2N_EH_OFF_X21]
	stp	x23, x24, [\base, #W2N_EH_OFF_X23]
	stp	x25, x26, [\base, #W2N_EH_OFF_X25]
	stp	x27, x28, [\base, #W2N_EH_OFF_X27]
	stp	x29, x30, [\base, #W2N_EH_OFF_X29]
	str	x30, [\base, #W2N_EH_OFF_PC]
	stp	d8, d9, [\base, #W2N_EH_OFF_D8]
	stp	d10, d11, [\base, #W2N_EH_OFF_D10]
	stp	d12, d13, [\base, #W2N_EH_OFF_D12]
	stp	d14, d15, [\base, #W2N_EH_OFF_D14]
	.endm

	.text
	.globl	w2n_throw
	.type	w2n_throw, %function
w2n_throw:
	.cfi_startproc
	sub	sp, sp, #THROW_FRAME
	.cfi_adjust_cfa_offset THROW_FRAME
	store_callee_saved sp
	/* For debuggers: where the caller's frame pointer and link register
	 * are now. */
	.cfi_offset x29, W2N_EH_OFF_X29 - THROW_FRAME
	.cfi_offset x30, W2N_EH_OFF_X29 + 8 - THROW_FRAME
	add	x9, sp, #THROW_FRAME
	str	x9, [sp, #W2N_EH_OFF_SP]
	/* x0 is exn already. */
	mov	x1, sp
	bl	w2n_eh_raise
	brk	#1
	.cfi_endproc
	.size	w2n_throw, .-w2n_throw

	.globl	w2n_eh_resume
	.type	w2n_eh_resume, %function
w2n_eh_resume:
	mov	x16, x1
	mov	x17, x0
	mov	x0, x2
	mov	x1, #1
	ldp	x19, x20, [x17, #W2N_EH_OFF_X19]
	ldp	x21, x22, [x17, #W2N_EH_OFF_X21]
	ldp	x23, x24, [x17, #W2N_EH_OFF_X23]
	ldp	x25, x26, [x17, #W2N_EH_OFF_X25]
	ldp	x27, x28, [x17, #W2N_EH_OFF_X27]
	ldp	x29, x30, [x17, #W2N_EH_OFF_X29]
	ldp	d8, d9, [x17, #W2N_EH_OFF_D8]
	ldp	d10, d11, [x17, #W2N_EH_OFF_D10]
	ldp	d12, d13, [x17, #W2N_EH_OFF_D12]
	ldp	d14, d15, [x17, #W2N_EH_OFF_D14]
	/* sp last: the context lies below the frame we go to, and a signal
	 * arriving once sp is above it may write over it. */
	ldr	x9, [x17, #W2N_EH_OFF_SP]
	mov	sp, x9
	br	x16
	.size	w2n_eh_resume, .-w2n_eh_resume

	.globl	w2n_eh_capture
	.type	w2n_eh_capture, %function
w2n_eh_capture:
	store_callee_saved x0
	mov	x9, sp
	str	x9, [x0, #W2N_EH_OFF_SP]
	ret
	.size	w2n_eh_capture, .-w2n_eh_capture

	.section .note.GNU-stack, "", %progbits

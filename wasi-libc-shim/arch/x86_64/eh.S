/*===- arch/x86_64/eh.S - Entry and exit of the unwinder, x86-64 ----------===*
 *
 * Exceptions unwind by the tables (.eh_frame, .gcc_except_table) that LLVM
 * emits for functions that may unwind; core/unwind.c walks them. What C
 * cannot do is here: read the registers of the thrower, and load them into
 * a frame to resume there. The register context is an array of 64-bit
 * slots by DWARF number (eh_regs.h).
 *
 *   void w2n_throw(void *exn)                       (never returns)
 *     Builds a context on its own stack that describes its caller at the
 *     call: the callee-saved rbx, rbp, r12-r15 as they are (w2n_throw
 *     changes none of them before storing), rsp as it is after the call
 *     returns, and the return address as the pc. Then calls
 *     w2n_eh_raise(exn, ctx), which does not return; ud2 if it does.
 *
 *   void w2n_eh_resume(w2n_eh_context *ctx, uintptr_t landing_pad,
 *                      void *exn)                   (never returns)
 *     Loads rbx, rbp, r12-r15 and rsp from ctx and jumps to landing_pad
 *     with exn in rax and 1 in rdx: the {ptr, i32} a landingpad reads.
 *
 *   void w2n_eh_capture(w2n_eh_context *ctx)
 *     Stores the callee-saved registers, the caller's rsp and the return
 *     address into ctx and returns: the roots a conservative collector
 *     must scan besides the stack.
 *===----------------------------------------------------------------------===*/

#include "eh_regs.h"

/* The frame w2n_throw reserves: the context, and rsp 16-aligned at the
 * call (rsp is 8 mod 16 on entry, and 136 is 8 mod 16). */
#define THROW_FRAME W2N_EH_CONTEXT_SIZE

	.text
	.globl	w2n_throw
	.type	w2n_throw, @function
w2n_throw:
	.cfi_startproc
	subq	$THROW_FRAME, %rsp
	.cfi_adjust_cfa_offset THROW_FRAME
	movq	%rbx, W2N_EH_OFF_RBX(%rsp)
	movq	%rbp, W2N_EH_OFF_RBP(%rsp)
	movq	%r12, W2N_EH_OFF_R12(%rsp)
	movq	%r13, W2N_EH_OFF_R13(%rsp)
	movq	%r14, W2N_EH_OFF_R14(%rsp)
	movq	%r15, W2N_EH_OFF_R15(%rsp)
	/* The caller's rsp once the call has returned: past our frame and
	 * the return address. */
	leaq	THROW_FRAME+8(%rsp), %rax
	movq	%rax, W2N_EH_OFF_RSP(%rsp)
	movq	THROW_FRAME(%rsp), %rax
	movq	%rax, W2N_EH_OFF_PC(%rsp)
	/* rdi is exn already. Through the PLT, so that the embedding
	 * library links into shared objects too. */
	movq	%rsp, %rsi
	call	w2n_eh_raise@PLT
	ud2
	.cfi_endproc
	.size	w2n_throw, .-w2n_throw

	.globl	w2n_eh_resume
	.type	w2n_eh_resume, @function
w2n_eh_resume:
	movq	%rdx, %rax
	movl	$1, %edx
	movq	W2N_EH_OFF_RBX(%rdi), %rbx
	movq	W2N_EH_OFF_RBP(%rdi), %rbp
	movq	W2N_EH_OFF_R12(%rdi), %r12
	movq	W2N_EH_OFF_R13(%rdi), %r13
	movq	W2N_EH_OFF_R14(%rdi), %r14
	movq	W2N_EH_OFF_R15(%rdi), %r15
	/* rsp last: the context lies below the frame we go to, and a signal
	 * arriving once rsp is above it may write over it. */
	movq	W2N_EH_OFF_RSP(%rdi), %rsp
	jmp	*%rsi
	.size	w2n_eh_resume, .-w2n_eh_resume

	.globl	w2n_eh_capture
	.type	w2n_eh_capture, @function
w2n_eh_capture:
	movq	%rbx, W2N_EH_OFF_RBX(%rdi)
	movq	%rbp, W2N_EH_OFF_RBP(%rdi)
	movq	%r12, W2N_EH_OFF_R12(%rdi)
	movq	%r13, W2N_EH_OFF_R13(%rdi)
	movq	%r14, W2N_EH_OFF_R14(%rdi)
	movq	%r15, W2N_EH_OFF_R15(%rdi)
	leaq	8(%rsp), %rax
	movq	%rax, W2N_EH_OFF_RSP(%rdi)
	movq	(%rsp), %rax
	movq	%rax, W2N_EH_OFF_PC(%rdi)
	ret
	.size	w2n_eh_capture, .-w2n_eh_capture

	.section .note.GNU-stack, "", %progbits

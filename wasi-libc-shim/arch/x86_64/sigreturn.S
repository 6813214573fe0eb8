/*===- arch/x86_64/sigreturn.S - Signal handler return on x86-64 ----------===*
 *
 * The x86-64 kernel provides no signal trampoline: it makes the handler
 * return to sa_restorer, and delivers no signal at all to a handler
 * installed without SA_RESTORER (the process gets SIGSEGV instead). This
 * is that restorer. When the handler returns, rsp points at the frame the
 * kernel built (ucontext, siginfo), which rt_sigreturn restores.
 *===----------------------------------------------------------------------===*/

	.text
	.globl	w2n_sigreturn
	.hidden	w2n_sigreturn
	.type	w2n_sigreturn, @function
w2n_sigreturn:
	/* Exactly these bytes (48 c7 c0 0f 00 00 00 0f 05), not the shorter
	 * movl: gdb and libgcc's unwinder recognise a signal frame by them, so
	 * backtraces from inside a handler reach the interrupted code. */
	movq	$15, %rax	/* W2N_SYS_rt_sigreturn */
	syscall
	/* rt_sigreturn does not come back; if it ever failed, stop. */
	ud2
	.size	w2n_sigreturn, .-w2n_sigreturn

	.section .note.GNU-stack, "", %progbits

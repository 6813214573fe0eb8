/*===- arch/aarch64/start.S - Process entry for AArch64 executables -------===*
 *
 * The ELF entry point of every static executable wasm2native links. The
 * kernel enters with sp pointing at the initial stack:
 *   argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 * (auxv starts after envp's NULL; w2n_start finds it there). x0 holds a
 * function for atexit that only a dynamic loader sets; ignored.
 *
 * _start passes argc, argv and envp to the C entry
 *   void w2n_start(long argc, char **argv, char **envp)
 * which never returns: it ends the process with exit_group.
 *===----------------------------------------------------------------------===*/

	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	/* There is no caller: a zero frame pointer and link register end
	 * frame-pointer walks, and the CFI ends table-driven unwinding. */
	.cfi_undefined x30
	mov	x29, #0
	mov	x30, #0
	ldr	x0, [sp]		/* argc */
	add	x1, sp, #8		/* argv */
	add	x2, x1, x0, lsl #3
	add	x2, x2, #8		/* envp = argv + argc + 1 */
	/* sp must be 16-aligned whenever it is used to access memory; the
	 * kernel gives that already, and aligning again depends on nothing.
	 * AND cannot read sp, so go through x3. */
	mov	x3, sp
	and	sp, x3, #-16
	bl	w2n_start
	udf	#0
	.cfi_endproc
	.size	_start, .-_start

/* long w2n_exe_clone(unsigned long flags, void *stack, uint32_t *ctid,
 *                    void (*fn)(void *), void *arg)
 * clone(2) onto stack (its top; made 16-aligned); the new thread calls
 * fn(arg), which must end it. Returns the new thread's id, or -errno. */
	.globl	w2n_exe_clone
	.type	w2n_exe_clone, %function
w2n_exe_clone:
	.cfi_startproc
	and	x1, x1, #-16
	stp	x3, x4, [x1, #-16]!	/* fn and arg, for the child */
	mov	x4, x2			/* child_tid */
	mov	x2, #0			/* parent_tid */
	mov	x3, #0			/* tls */
	mov	x8, #220		/* SYS_clone */
	svc	#0
	cbnz	x0, 1f
	/* The child, on its own stack. */
	ldp	x3, x0, [sp], #16
	mov	x29, #0
	mov	x30, #0
	blr	x3
	brk	#0
1:	ret
	.cfi_endproc
	.size	w2n_exe_clone, .-w2n_exe_clone

	.section .note.GNU-stack, "", %progbits

/*===- arch/x86_64/start.S - Process entry for x86-64 executables ---------===*
 *
 * The ELF entry point of every static executable wasm2native links. The
 * kernel enters with rsp pointing at the initial stack:
 *   argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 * (auxv starts after envp's NULL; w2n_start finds it there). rdx holds a
 * function for atexit that only a dynamic loader sets: 0 for a static
 * executable, and ignored.
 *
 * _start passes argc, argv and envp to the C entry
 *   void w2n_start(long argc, char **argv, char **envp)
 * which never returns: it ends the process with exit_group.
 *===----------------------------------------------------------------------===*/

	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	/* There is no caller: tell unwinders to stop here, and debuggers that
	 * walk rbp chains the same. */
	.cfi_undefined rip
	xorl	%ebp, %ebp
	movq	(%rsp), %rdi		/* argc */
	leaq	8(%rsp), %rsi		/* argv */
	leaq	8(%rsi,%rdi,8), %rdx	/* envp = argv + argc + 1 */
	/* The ABI requires rsp % 16 == 0 at a call. The kernel gives that
	 * already; aligning again costs one instruction and depends on
	 * nothing. */
	andq	$-16, %rsp
	call	w2n_start
	ud2
	.cfi_endproc
	.size	_start, .-_start

	.section .note.GNU-stack, "", %progbits
